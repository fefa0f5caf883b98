"""The self-assessment's addresses, under the support pages (``/stod/hur-star-vi-oss/``,
``/en/support/how-are-we-doing/``: every segment is translated). The Swedish addresses under
``/en/`` that English links used before the segments were translated move to the English
ones (:func:`.views.moved_view`)."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "assessment"

pages = [
    path("", views.start_page, name="start_page"),
    path(_("starta/"), views.start_view, name="start"),
    path("<str:token>/", views.resume_view, name="resume"),
    path(_("<str:token>/omrade/<int:number>/"), views.area_view, name="area"),
    path(_("<str:token>/granska/"), views.review_view, name="review"),
    path(_("<str:token>/resultat/"), views.result_view, name="result"),
    path(_("<str:token>/dela/"), views.share_view, name="share"),
    path(_("<str:token>/gor-om/"), views.start_view, name="repeat"),
    path("", include("network.assessment.exports_urls")),
]

urlpatterns = [
    path(_("stod/hur-star-vi-oss/"), include(pages)),
    path(views.SWEDISH_BASE, views.moved_view, {"rest": ""}),
    path(f"{views.SWEDISH_BASE}<path:rest>", views.moved_view),
]

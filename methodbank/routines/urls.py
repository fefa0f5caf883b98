"""The routine's addresses, under the method bank (``/metodbank/var-rutin/``, translated)."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "routines"

urlpatterns = [
    path("", views.start, name="start"),
    path(_("ny-lank/"), views.link_again, name="link_again"),
    path(_("lagg-till/"), views.add_method, name="add_method"),
    path(_("las/<str:token>/"), views.shared, name="shared"),
    path("r/<str:token>/", views.edit, name="edit"),
    path(_("r/<str:token>/steg/<str:key>/"), views.step, name="step"),
    path(_("r/<str:token>/nytt-steg/<str:tier>/"), views.step, name="new_step"),
    path(_("r/<str:token>/roller/"), views.roles, name="roles"),
    path(_("r/<str:token>/versioner/"), views.versions, name="versions"),
    path("", include("methodbank.routines.exports.urls")),
]

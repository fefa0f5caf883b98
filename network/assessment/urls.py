from django.urls import include, path

from . import views

app_name = "assessment"

BASE = "stod/hur-star-vi-oss/"

urlpatterns = [
    path(BASE, views.start_page, name="start_page"),
    path(f"{BASE}starta/", views.start_view, name="start"),
    path(f"{BASE}<str:token>/", views.resume_view, name="resume"),
    path(f"{BASE}<str:token>/omrade/<int:number>/", views.area_view, name="area"),
    path(f"{BASE}<str:token>/granska/", views.review_view, name="review"),
    path(f"{BASE}<str:token>/resultat/", views.result_view, name="result"),
    path(f"{BASE}<str:token>/dela/", views.share_view, name="share"),
    path(f"{BASE}<str:token>/gor-om/", views.start_view, name="repeat"),
    path(BASE, include("network.assessment.exports_urls")),
]

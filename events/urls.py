from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("evenemang/anmalan/<str:token>/", views.manage, name="manage"),
]

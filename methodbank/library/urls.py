from django.urls import path

from . import views

app_name = "library"

urlpatterns = [
    path("api/franvarokalkylator/", views.calculator_result, name="calculator_result"),
]

from django.urls import path

from . import views

app_name = "support"

urlpatterns = [
    path("stod/arende/<str:token>/", views.status_view, name="status"),
    path("stod/arende/<str:token>/kvitto/", views.receipt_view, name="receipt"),
]

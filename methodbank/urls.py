from django.urls import include, path

from . import views

urlpatterns = [
    path("sok/forslag/", views.autocomplete, name="methodbank-autocomplete"),
    path("", include("methodbank.library.urls")),
]

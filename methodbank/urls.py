from django.urls import include, path

urlpatterns = [
    path("", include("methodbank.library.urls")),
]

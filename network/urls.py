from django.urls import include, path

urlpatterns = [
    path("", include("network.support.urls")),
    path("", include("network.membership.urls")),
    path("", include("network.assessment.urls")),
]

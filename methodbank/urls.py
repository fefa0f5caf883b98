from django.urls import include, path
from django.utils.translation import gettext_lazy as _

urlpatterns = [
    path("", include("methodbank.library.urls")),
    path(_("metodbank/var-rutin/"), include("methodbank.routines.urls")),
]

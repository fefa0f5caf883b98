"""The print view and PDF of a completed assessment, under its signed link. Included by the
app's ``urls.py`` (namespace ``assessment``): ``assessment:print``, ``assessment:print_pdf``."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import exports

urlpatterns = [
    path(_("<str:token>/utskrift/"), exports.print_view, name="print"),
    path(_("<str:token>/utskrift/pdf/"), exports.pdf_view, name="print_pdf"),
]

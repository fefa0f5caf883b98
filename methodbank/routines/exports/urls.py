"""The addresses of a routine's outputs (included by ``methodbank.routines.urls``, so the names
are in its ``routines`` namespace)."""

from django.urls import path

from . import views

urlpatterns = [
    path("utskrift/<str:token>/", views.print_view, name="print"),
    path("utskrift/<str:token>/pdf/", views.pdf_view, name="pdf"),
    path("utskrift/<str:token>/word/", views.docx_view, name="docx"),
    path("utskrift/<str:token>/roll/<str:role>/", views.role_view, name="role"),
    path("utskrift/<str:token>/vardnadshavare/", views.guardians_view, name="guardians"),
]

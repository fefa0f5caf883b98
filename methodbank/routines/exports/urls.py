"""The addresses of a routine's outputs (included by ``methodbank.routines.urls``)."""

from django.urls import path

from . import views

urlpatterns = [
    path("utskrift/<str:token>/", views.print_view, name="routines-print"),
    path("utskrift/<str:token>/pdf/", views.pdf_view, name="routines-pdf"),
    path("utskrift/<str:token>/word/", views.docx_view, name="routines-docx"),
    path("utskrift/<str:token>/roll/<str:role>/", views.role_view, name="routines-role"),
    path("utskrift/<str:token>/vardnadshavare/", views.guardians_view, name="routines-guardians"),
]

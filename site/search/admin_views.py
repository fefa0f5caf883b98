"""The editors' search-terms report in the admin (Reports → Sökord), with a CSV export."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from kcsite.csvsafe import csv_response

from .stats import CSV_HEADER, PERIODS, csv_rows, search_terms


def can_see_report(user):
    return user.is_active and (
        user.is_superuser
        or user.has_perm("wagtailcore.change_page")
        or user.has_perm("sitesearch.view_searchtermstat")
        or user.groups.filter(name__in=["Editors", "Moderators"]).exists()
    )


def search_terms_report(request):
    if not can_see_report(request.user):
        raise PermissionDenied
    try:
        days = int(request.GET.get("days", "30"))
    except ValueError:
        days = 30
    if days not in PERIODS:
        days = 30
    if request.GET.get("export") == "csv":
        return csv_response(f"sokord-{days}-dagar.csv", CSV_HEADER, csv_rows(days))
    frequent, zero = search_terms(days)
    return render(
        request,
        "search/admin/search_terms_report.html",
        {
            "page_title": _("Sökord"),
            "header_icon": "search",
            "frequent": frequent,
            "zero": zero,
            "days": days,
            "periods": PERIODS,
        },
    )

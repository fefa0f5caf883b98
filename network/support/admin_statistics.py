"""Support statistics in the admin: the report page, its menu item and the dashboard panel."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem

from kcsite.csvsafe import SafeWriter
from kcsite.staff_admin import DashboardPanel

from .services import statistics as stats


def statistics_view(request):
    if not request.user.has_perm("support.view_supportrequest"):
        raise PermissionDenied
    report = stats.build_report(months=stats.parse_months(request.GET.get("months")))
    export = request.GET.get("export")
    if export in report.tables:
        table = report.tables[export]
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="stod-{export}.csv"'
        response.write("\ufeff")
        writer = SafeWriter(response)
        writer.writerow([str(table.row_heading)] + [str(c) for c in table.columns])
        for label, values in table.rows:
            writer.writerow([str(label)] + list(values))
        return response
    if export == "lead_time":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="stod-ledtid.csv"'
        response.write("\ufeff")
        writer = SafeWriter(response)
        writer.writerow([str(_("Mått")), str(_("Dagar"))])
        for label, value in report.lead_time_rows:
            writer.writerow([str(label), "" if value is None else value])
        return response
    return render(request, "support/admin/statistics.html", {"report": report})


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("support.view_supportrequest")


def _panel_context():
    return {"counts": stats.dashboard_counts(), "report": stats.build_report(months=3)}


SUPPORT_PANEL = DashboardPanel(
    "support_requests",
    _("Förfrågningar om stöd"),
    "support.view_supportrequest",
    order=90,
    template_name="support/admin/dashboard_panel.html",
    context=_panel_context,
)

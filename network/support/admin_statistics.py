"""Support statistics in the admin: the report page and the dashboard panel."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from kcsite.csvsafe import csv_response
from kcsite.staff_admin import DashboardPanel

from .services import statistics as stats


def statistics_view(request):
    if not request.user.has_perm("support.view_supportrequest"):
        raise PermissionDenied
    report = stats.build_report(months=stats.parse_months(request.GET.get("months")))
    export = request.GET.get("export")
    if export in report.tables:
        table = report.tables[export]
        header = [str(table.row_heading)] + [str(column) for column in table.columns]
        rows = ([str(label)] + list(values) for label, values in table.rows)
        return csv_response(f"stod-{export}.csv", header, rows)
    if export == "lead_time":
        header = [str(_("Mått")), str(_("Dagar"))]
        rows = (
            [str(label), "" if value is None else value] for label, value in report.lead_time_rows
        )
        return csv_response("stod-ledtid.csv", header, rows)
    return render(request, "support/admin/statistics.html", {"report": report})


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

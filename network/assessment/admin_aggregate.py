"""Team Domino's view of the field in the admin: the completed self-assessments summed up per
area and school form (charts with their tables, "vet inte" shares, CSV), and the results of
the schools that chose to share theirs.

Registered with one line in ``wagtail_hooks.py``
(``hooks.register("register_admin_viewset", AggregateViewSet)``); its menu item joins the
self-assessment's menu. Who may see it: staff with ``assessment.view_assessment``.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from kcsite.charts import ChartTable, one_decimal
from kcsite.csvsafe import SafeWriter
from kcsite.vocabularies import SchoolForm

from . import aggregate, exports
from .admin_views import ASSESSMENT_MENU_HOOK
from .aggregate_data import field_report
from .choices import State
from .models import Assessment

PERMISSION = "assessment.view_assessment"
HIGHEST_LEVEL = 4


def _require(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def _percent(share):
    return None if share is None else round(100 * share)


def _headings():
    return {
        "group": _("Grupp"),
        "area": _("Område"),
        "schools": _("Skolor"),
        "mean": _("Medelnivå (1–4)"),
        "dont_know": _("Vet inte (%)"),
        "hidden": _("för få skolor för att visa"),
        "shared": _("delat med Team Domino"),
    }


def _area_table(key, title, group, areas, csv_url=""):
    rows = [
        (
            area_title,
            [
                one_decimal(group.cells[area_key].mean),
                _percent(group.cells[area_key].dont_know_share),
                group.cells[area_key].schools,
            ],
        )
        for area_key, area_title in areas
    ]
    return ChartTable(
        key=key,
        title=title,
        row_heading=_("Område"),
        columns=[_("Medelnivå (1–4)"), _("Vet inte (%)"), _("Skolor som svarat")],
        rows=rows,
        caption=_("medelnivå, 4 är högst"),
        csv_url=csv_url,
    ).draw(maximum=HIGHEST_LEVEL)


def _dont_know_table(group, areas):
    return ChartTable(
        key="dont-know",
        title=_("Andel ”vet inte” per område"),
        row_heading=_("Område"),
        columns=[_("Vet inte (%)")],
        rows=[(title, [_percent(group.cells[key].dont_know_share)]) for key, title in areas],
        caption=_("procent av områdets påståenden"),
    ).draw(maximum=100)


def _weakest_table(report):
    return ChartTable(
        key="weakest",
        title=_("Oftast bland skolans tre svagaste områden"),
        row_heading=_("Område"),
        columns=[_("Antal skolor")],
        rows=[(title, [count]) for _key, title, count in report.weakest_counts],
    ).draw(maximum=report.schools)


def aggregate_view(request):
    _require(request)
    report = field_report(_("Alla skolor"), SchoolForm.choices)
    if request.GET.get("export") == "csv":
        return _csv(report)
    csv_url = "?export=csv"
    context = {"report": report, "min_schools": aggregate.MIN_SCHOOLS, "csv_url": csv_url}
    if report.has_figures:
        context["overall_table"] = _area_table(
            "all", _("Alla skolor"), report.overall, report.areas, csv_url
        )
        context["dont_know_table"] = _dont_know_table(report.overall, report.areas)
        context["weakest_table"] = _weakest_table(report)
        context["group_tables"] = [
            (
                group,
                None
                if group.hidden
                else _area_table(f"form-{group.key}", group.label, group, report.areas),
            )
            for group in report.groups
        ]
        few = _("för få skolor för att visa")
        context["form_rows"] = [
            (title, [few if g.hidden else one_decimal(g.cells[key].mean) for g in report.groups])
            for key, title in report.areas
        ]
    labels = dict(SchoolForm.choices)
    context["shared"] = [
        (
            result,
            labels.get(result.school_form, result.school_form),
            reverse("assessment_aggregate:shared", args=[result.assessment_id]),
        )
        for result in report.shared
    ]
    return render(request, "assessment/admin/aggregate.html", context)


def _csv(report):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="sjalvskattning-samlat.csv"'
    response.write("\ufeff")
    SafeWriter(response).writerows(aggregate.csv_rows(report, _headings()))
    return response


def _shared_assessment(pk):
    """A completed assessment whose school chose to share it; else 404 (never a hint that an
    assessment exists)."""
    assessment = (
        Assessment.objects.filter(pk=pk, state=State.COMPLETED, share_with_team_domino=True)
        .select_related("indicator_set")
        .first()
    )
    if assessment is None:
        raise Http404
    return assessment


def shared_result_view(request, pk):
    _require(request)
    assessment = _shared_assessment(pk)
    return exports.print_response(
        request,
        assessment,
        pdf_url=reverse("assessment_aggregate:shared_pdf", args=[pk]),
        back_url=reverse("assessment_aggregate:index"),
        back_label=_("Tillbaka till samlat resultat"),
    )


def shared_pdf_view(request, pk):
    _require(request)
    return exports.pdf_download(request, _shared_assessment(pk))


class AggregateMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


class AggregateViewSet(ViewSet):
    name = "assessment_aggregate"
    url_prefix = "sjalvskattning/samlat"
    icon = "table"
    menu_label = gettext_lazy("Samlat resultat")
    menu_name = "assessment-aggregate"
    menu_hook = ASSESSMENT_MENU_HOOK
    menu_item_class = AggregateMenuItem
    menu_order = 900

    def get_urlpatterns(self):
        return [
            path("", aggregate_view, name="index"),
            path("skola/<int:pk>/", shared_result_view, name="shared"),
            path("skola/<int:pk>/pdf/", shared_pdf_view, name="shared_pdf"),
        ]

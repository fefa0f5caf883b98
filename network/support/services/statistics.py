"""Statistics of support requests: plain arithmetic (unit-tested) and the report the admin shows.

Statistics only read fields that survive anonymisation (service, school form, municipal or
independent, dates), so they stay the same after retention has run.
"""

import math
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kcsite.charts import ChartTable
from kcsite.vocabularies import SchoolForm, SchoolType

from ..choices import ServiceKind, State
from ..models.requests import SupportRequest

DEFAULT_MONTHS = 12
MEETING_STATES = (State.BOOKED, State.PLANNED, State.IN_PROGRESS, State.CLOSED)


# -- arithmetic -----------------------------------------------------------------------------
def month_keys(last_month, months):
    """``months`` consecutive (year, month) pairs ending with ``last_month`` (a date)."""
    year, month = last_month.year, last_month.month
    keys = []
    for _index in range(months):
        keys.append((year, month))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(keys))


def count_by_month(records, months):
    """Counts per category and month: ``records`` are (created date, category) pairs.

    Returns {category: [count for each month in ``months``]}; records outside are ignored.
    """
    index = {key: position for position, key in enumerate(months)}
    counts = {}
    for created, category in records:
        position = index.get((created.year, created.month))
        if position is None:
            continue
        counts.setdefault(category, [0] * len(months))[position] += 1
    return counts


def percentile(values, fraction):
    """The ``fraction`` (0–1) percentile with linear interpolation between closest ranks.

    Same definition as numpy's default; None for no values.
    """
    ordered = sorted(values)
    if not ordered:
        return None
    if not 0 <= fraction <= 1:
        raise ValueError("fraction must be between 0 and 1")
    position = (len(ordered) - 1) * fraction
    lower, upper = math.floor(position), math.ceil(position)
    if lower == upper:
        return ordered[lower]
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def median(values):
    return percentile(values, 0.5)


def lead_time_days(created, first_meeting):
    """Days (with decimals) from a request to its first meeting; never negative."""
    return max(0.0, (first_meeting - created).total_seconds() / 86400)


def summarise_lead_times(days):
    """{count, median, p90} of lead times in days, rounded to one decimal."""
    result = {"count": len(days), "median": None, "p90": None}
    if days:
        result["median"] = round(median(days), 1)
        result["p90"] = round(percentile(days, 0.9), 1)
    return result


@dataclass
class Report:
    months: int
    tables: dict
    lead_time: dict
    lead_time_by_service: list
    lead_time_rows: list
    total: int


def parse_months(raw):
    try:
        value = int(raw)
    except (TypeError, ValueError):
        return DEFAULT_MONTHS
    return min(max(value, 1), 36)


def _table(key, title, row_heading, choices, counts, months):
    columns = [date(year, month, 1).strftime("%Y-%m") for year, month in months]
    rows = [(label, counts.get(value, [0] * len(months))) for value, label in choices]
    return ChartTable(
        key=key,
        title=title,
        row_heading=row_heading,
        columns=columns,
        rows=rows,
        caption=_("summa för perioden"),
        csv_url=f"?months={len(months)}&export={key}",
    ).draw(sum)


def build_report(months=DEFAULT_MONTHS, now=None):
    now = now or timezone.now()
    keys = month_keys(timezone.localdate(now), months)
    start = timezone.make_aware(datetime(keys[0][0], keys[0][1], 1))
    requests = list(
        SupportRequest.objects.filter(created_at__gte=start).values(
            "created_at",
            "service_kind",
            "school_form",
            "school_type",
            "first_meeting_at",
            "state",
        )
    )
    local = [(timezone.localtime(r["created_at"]), r) for r in requests]
    tables = {}
    for key, title, heading, choices in (
        ("service", _("Förfrågningar per månad och tjänst"), _("Tjänst"), ServiceKind.choices),
        (
            "school_form",
            _("Förfrågningar per månad och skolform"),
            _("Skolform"),
            SchoolForm.choices,
        ),
        (
            "school_type",
            _("Förfrågningar per månad: kommunal eller fristående"),
            _("Huvudman"),
            SchoolType.choices,
        ),
    ):
        field_name = "service_kind" if key == "service" else key
        counts = count_by_month([(created, r[field_name]) for created, r in local], keys)
        tables[key] = _table(key, title, heading, choices, counts, keys)
    totals = count_by_month([(created, "all") for created, _r in local], keys).get(
        "all", [0] * len(keys)
    )
    month_table = ChartTable(
        key="month",
        title=_("Förfrågningar per månad"),
        row_heading=_("Månad"),
        columns=[_("Antal")],
        rows=[
            (date(y, m, 1).strftime("%Y-%m"), [n]) for (y, m), n in zip(keys, totals, strict=True)
        ],
        csv_url=f"?months={months}&export=month",
    ).draw()
    tables = {"month": month_table, **tables}

    with_meeting = [
        r for r in requests if r["first_meeting_at"] is not None and r["state"] in MEETING_STATES
    ]
    all_days = [lead_time_days(r["created_at"], r["first_meeting_at"]) for r in with_meeting]
    lead_time = summarise_lead_times(all_days)
    by_service = []
    for value, label in ServiceKind.choices:
        days = [
            lead_time_days(r["created_at"], r["first_meeting_at"])
            for r in with_meeting
            if r["service_kind"] == value
        ]
        by_service.append((label, summarise_lead_times(days)))
    lead_time_rows = [
        (_("Antal förfrågningar med första möte"), lead_time["count"]),
        (_("Median (dagar)"), lead_time["median"]),
        (_("90:e percentilen (dagar)"), lead_time["p90"]),
    ]
    return Report(
        months=months,
        tables=tables,
        lead_time=lead_time,
        lead_time_by_service=by_service,
        lead_time_rows=lead_time_rows,
        total=len(requests),
    )


def dashboard_counts():
    """Figures for the admin dashboard panel."""
    open_requests = SupportRequest.objects.filter(
        state__in=(
            State.NEW,
            State.UNDER_ASSESSMENT,
            State.BOOKED,
            State.PLANNED,
            State.IN_PROGRESS,
        )
    )
    return {
        "new": open_requests.filter(state=State.NEW).count(),
        "unassigned": open_requests.filter(assignee__isnull=True).count(),
        "open": open_requests.count(),
        "upcoming": open_requests.filter(
            state=State.BOOKED, first_meeting_at__gte=timezone.now()
        ).count(),
    }

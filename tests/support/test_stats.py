"""Statistics arithmetic (plain functions) and the report built from the database."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from kcsite.charts import bars
from network.support.models import ServiceKind, State, SupportRequest
from network.support.services import statistics as stats

from . import factories


def test_percentile_linear_interpolation():
    values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    assert stats.median(values) == 5.5
    assert stats.percentile(values, 0.9) == pytest.approx(9.1)
    assert stats.percentile([4], 0.9) == 4
    assert stats.percentile([], 0.5) is None
    assert stats.median([3, 1, 2]) == 2
    with pytest.raises(ValueError):
        stats.percentile([1], 1.5)


def test_summarise_lead_times_rounds():
    assert stats.summarise_lead_times([]) == {"count": 0, "median": None, "p90": None}
    assert stats.summarise_lead_times([1.04, 2.0, 9.0]) == {"count": 3, "median": 2.0, "p90": 7.6}


def test_month_keys_cross_year():
    assert stats.month_keys(date(2026, 2, 10), 4) == [(2025, 11), (2025, 12), (2026, 1), (2026, 2)]


def test_count_by_month_ignores_outside():
    months = stats.month_keys(date(2026, 3, 1), 2)
    records = [
        (date(2026, 2, 3), "a"),
        (date(2026, 3, 9), "a"),
        (date(2026, 3, 9), "b"),
        (date(2025, 1, 1), "a"),
    ]
    assert stats.count_by_month(records, months) == {"a": [1, 1], "b": [0, 1]}


def test_lead_time_days_never_negative():
    start = datetime(2026, 1, 1, 12)
    assert stats.lead_time_days(start, start + timedelta(days=2, hours=12)) == 2.5
    assert stats.lead_time_days(start, start - timedelta(days=1)) == 0.0


def test_bars_scale_to_largest():
    result = bars([("a", 2), ("b", 4), ("c", 0)])
    assert [b["percent"] for b in result] == [50.0, 100.0, 0.0]
    assert bars([("a", 0)])[0]["percent"] == 0.0


@pytest.mark.django_db
def test_report_counts_and_lead_time(mailoutbox):
    SupportRequest.objects.all().delete()
    now = timezone.now()
    for days_ago, to_meeting, kind in (
        (10, 2, ServiceKind.CONSULTATION),
        (8, 4, ServiceKind.SUPERVISION),
        (5, None, ServiceKind.GDQ),
    ):
        req = factories.support_request(kind=kind, email=f"{days_ago}@example.org", participants=5)
        created = now - timedelta(days=days_ago)
        SupportRequest.objects.filter(pk=req.pk).update(
            created_at=created,
            first_meeting_at=created + timedelta(days=to_meeting) if to_meeting else None,
            state=State.CLOSED if to_meeting else State.NEW,
        )
    report = stats.build_report(months=3, now=now)
    assert report.total == 3
    assert report.lead_time == {"count": 2, "median": 3.0, "p90": 3.8}
    service_rows = dict(report.tables["service"].rows)
    assert sum(service_rows["Konsultation"]) == 1
    assert sum(sum(values) for _label, values in report.tables["school_type"].rows) == 3
    assert sum(values[0] for _label, values in report.tables["month"].rows) == 3


def test_parse_months():
    assert stats.parse_months("6") == 6
    assert stats.parse_months("x") == stats.DEFAULT_MONTHS
    assert stats.parse_months("500") == 36
    assert stats.parse_months("-1") == 1

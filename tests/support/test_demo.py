"""The demo content this app adds."""

import pytest

from network.support.models import AvailableSlot, State, SupportRequest, SupportServicePage
from network.support.services import statistics as stats
from network.support.services.booking import free_slots

pytestmark = pytest.mark.django_db


def test_demo_has_five_services_free_times_and_requests_in_many_states():
    kinds = set(
        SupportServicePage.objects.filter(locale__language_code="sv").values_list(
            "service_kind", flat=True
        )
    )
    assert len(kinds) == 5
    assert SupportServicePage.objects.filter(locale__language_code="en").count() == 5
    assert free_slots().count() >= 6
    assert AvailableSlot.objects.filter(pattern__isnull=False).exists()
    states = set(SupportRequest.objects.values_list("state", flat=True))
    assert {State.NEW, State.UNDER_ASSESSMENT, State.PLANNED, State.CLOSED} <= states
    report = stats.build_report()
    assert report.lead_time["count"] >= 4
    assert report.lead_time["median"] is not None and report.lead_time["p90"] is not None

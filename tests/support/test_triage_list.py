"""The triage list: open requests first, states as badges, booked time, handlers by name."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from kcsite.admin_tables import short_date
from network.support.models import State, SupportRequest

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_client(client):
    user = factories.staff_member("triage")
    client.force_login(user)
    return client


def _rows(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        row.select_one("td.title a").get_text(strip=True): row
        for row in soup.select("table.listing tbody tr")
        if row.select_one("td.title a")
    }


def test_open_requests_by_default_and_closed_ones_one_choice_away(team_client):
    open_request = factories.support_request()
    withdrawn = factories.support_request(email="w@example.org")
    SupportRequest.objects.filter(pk=withdrawn.pk).update(state=State.CANCELLED)
    url = reverse("support_requests:index")

    rows = _rows(team_client.get(url))
    assert open_request.reference in rows and withdrawn.reference not in rows

    rows = _rows(team_client.get(url, {"show": "done"}))
    assert withdrawn.reference in rows and open_request.reference not in rows

    rows = _rows(team_client.get(url, {"show": "all"}))
    assert {open_request.reference, withdrawn.reference} <= set(rows)

    # Choosing a status shows it, whatever the default would hide.
    rows = _rows(team_client.get(url, {"state": "cancelled"}))
    assert set(rows) >= {withdrawn.reference} and open_request.reference not in rows


def test_states_are_badges_with_text_and_the_reference_does_not_wrap(team_client):
    request = factories.support_request()
    row = _rows(team_client.get(reverse("support_requests:index")))[request.reference]
    badge = row.select_one(".kc-badge")
    assert badge.get_text(strip=True) == "Ny"
    assert "kc-badge--info" in badge["class"]
    assert "w-whitespace-nowrap" in row.select_one("td.title")["class"]


def test_booked_time_column_and_handler_by_name(team_client):
    handler = factories.staff_member("handlaggare")
    handler.first_name, handler.last_name = "Hanna", "Handläggare"
    handler.save()
    time = factories.slot(days=5)
    request = factories.support_request(slot_id=time.pk)
    SupportRequest.objects.filter(pk=request.pk).update(assignee=handler)

    response = team_client.get(reverse("support_requests:index"))
    soup = BeautifulSoup(response.content, "html.parser")
    headings = [th.get_text(strip=True) for th in soup.select("table.listing thead th")]
    assert "Bokad tid" in headings
    row = _rows(response)[request.reference]
    cells = [td.get_text(" ", strip=True) for td in row.select("td")]
    assert short_date(time.start, with_time=True) in cells
    assert "Hanna Handläggare" in cells
    assert "handlaggare" not in cells


def test_short_dates_are_swedish():
    import datetime

    from django.utils import translation

    value = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=datetime.UTC)
    with translation.override("sv"):
        assert short_date(value) == "3 dec. 2026"
        assert short_date(datetime.date(2026, 5, 4)) == "4 maj 2026"
    with translation.override("en"):
        assert short_date(value) == "3 Dec. 2026"

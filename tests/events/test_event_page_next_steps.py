"""The event page tells why registration is closed and what to do next; a phone meets the call
to action before the long body; the confirmation page offers the calendar file."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from events.models import EventType

from .factories import contact_email, make_event, register

pytestmark = pytest.mark.django_db


def _soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_call_to_action_comes_before_the_body(client):
    event = make_event(body=[{"type": "paragraph", "value": "<p>Lång text om dagen.</p>"}])
    soup = _soup(client, event.url)
    cta = soup.select_one(".events-facts .events-cta a.button")
    assert cta["href"] == event.register_url() and cta.get_text(strip=True) == "Anmäl dig"
    html = str(soup)
    assert html.index("events-cta") < html.index("Lång text om dagen.")


def test_closed_early_says_how_many_days_before_and_offers_other_dates(client):
    contact_email("teamdomino@example.org")
    closed = make_event(
        registration_closes=timezone.now() - timedelta(days=1),
        event_type=EventType.KNOWLEDGE_EXCHANGE,
    )
    other = make_event(event_type=EventType.KNOWLEDGE_EXCHANGE, starts_in=timedelta(days=40))
    assert closed.registration_state() == "closed"
    soup = _soup(client, closed.url)
    box = soup.select_one(".events-register-box")
    reason = box.select_one(".events-closed-reason").get_text(" ", strip=True)
    days = (
        timezone.localtime(closed.first_occasion.start).date()
        - timezone.localtime(closed.registration_closes).date()
    ).days
    assert days >= 9  # closed well before the event
    assert f"{days} dagar före evenemanget" in reason
    assert box.select_one('a[href^="mailto:teamdomino@example.org"]') is not None
    assert other.url in [a["href"] for a in box.select(".events-other-dates a")]
    # the top of the page points to the reason
    assert soup.select_one('.events-cta a[href="#register-heading"]') is not None


def test_closed_when_it_began_says_so(client):
    now = timezone.now()
    running = make_event(
        occasions=[
            (now - timedelta(hours=1), now + timedelta(hours=1)),
            (now + timedelta(days=7), now + timedelta(days=7, hours=2)),
        ]
    )
    reason = (
        _soup(client, running.url).select_one(".events-closed-reason").get_text(" ", strip=True)
    )
    assert "stängde när evenemanget började" in reason


def test_confirmation_page_offers_the_calendar_file_to_confirmed_people(client):
    event = make_event(capacity=1)
    confirmed = register(event, 1)
    waiting = register(event, 2)
    soup = _soup(client, confirmed.manage_path())
    link = soup.find("a", href=event.ics_url())
    assert link is not None and "Lägg till i kalendern" in link.get_text()
    assert client.get(event.ics_url())["Content-Type"].startswith("text/calendar")
    assert _soup(client, waiting.manage_path()).find("a", href=event.ics_url()) is None

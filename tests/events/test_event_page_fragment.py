"""The event page's content is a fragment kept per content generation (also with the page cache
off) and keyed on what changes without a publish: a registration, the clock and a publish all
show at once."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import EventPage, EventType

from .factories import make_event, register

pytestmark = pytest.mark.django_db


def _soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _facts(soup):
    return {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in soup.select(".events-facts dt")
    }


def test_the_content_is_rendered_once_per_generation(client, page_cache_off):
    event = make_event(body=[{"type": "paragraph", "value": "<p>Om dagen.</p>"}])
    first = _soup(client, event.url)
    with CaptureQueriesContext(connection) as warm:
        second = _soup(client, event.url)
    assert second.select_one("article") == first.select_one("article")
    # the list page and the related pages are not looked up again
    assert not any("events_eventrelatedmethod" in q["sql"] for q in warm.captured_queries)


def test_a_registration_shows_in_the_seats_left_at_once(client, page_cache_off):
    event = make_event(capacity=2)
    assert _facts(_soup(client, event.url))["Platser"] == "2 platser kvar"
    register(event, 1)
    assert _facts(_soup(client, event.url))["Platser"] == "1 plats kvar"
    register(event, 2)
    soup = _soup(client, event.url)
    assert _facts(soup)["Platser"].startswith("Fullt")
    assert soup.select_one(".events-cta a.button").get_text(strip=True) == (
        "Ställ dig på väntelistan"
    )


def test_a_publish_shows_at_once(client, page_cache_off):
    event = make_event(title="Utbildning före")
    assert _soup(client, event.url).select_one("h1").get_text(strip=True) == "Utbildning före"
    page = EventPage.objects.get(pk=event.pk)
    page.title = "Utbildning efter"
    page.place_name = "Stadshuset"
    page.save_revision().publish()
    soup = _soup(client, event.url)
    assert soup.select_one("h1").get_text(strip=True) == "Utbildning efter"
    assert _facts(soup)["Plats"].startswith("Stadshuset")


def test_another_date_is_no_longer_offered_once_its_registration_closed(
    client, page_cache_off, monkeypatch
):
    now = timezone.now()
    closed = make_event(
        registration_closes=now - timedelta(days=1), event_type=EventType.KNOWLEDGE_EXCHANGE
    )
    other = make_event(
        event_type=EventType.KNOWLEDGE_EXCHANGE,
        starts_in=timedelta(days=40),
        registration_closes=now + timedelta(days=2),
    )

    def offered():
        box = _soup(client, closed.url).select_one(".events-register-box")
        return [a["href"] for a in box.select(".events-other-dates a")]

    assert offered() == [other.url]
    # three days later (nothing published in between) its registration has closed too
    later = now + timedelta(days=3)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert offered() == []

"""Thirty invented registrations in a second take a handful of seats at most and alert Team
Domino; a council's teachers registering one by one from one address are never stopped."""

import pytest
from django.core import mail
from django.test import Client, RequestFactory

from events import bursts
from events.models import Registration
from tests.events.factories import make_event

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mail_at_once", "app_pages")]


def _form(n):
    return {
        "name": f"Påhittad {n}",
        "email": f"person{n}@example.org",
        "organisation": "Skolan",
        "role": "Lärare",
        "consent": "on",
        "website": "",
    }


def test_thirty_registrations_in_a_second(settings, rate_limit_clock):
    rate_limit_clock(1_800_000_010.0)  # all within one second
    event = make_event(capacity=40)
    client = Client(REMOTE_ADDR="203.0.113.5")
    for n in range(30):
        client.post(event.register_url(), _form(n))
    created = Registration.objects.filter(event=event).count()
    assert created == settings.EVENTS_BURST_LIMIT
    alerts = [m for m in mail.outbox if settings.TEAM_DOMINO_EMAIL in m.to]
    assert len(alerts) == 1 and event.title in alerts[0].subject
    response = client.post(event.register_url(), _form(99))
    assert "Vänta en minut" in response.content.decode()
    other = Client(REMOTE_ADDR="198.51.100.20")  # someone else is not affected
    other.post(event.register_url(), _form(100))
    assert Registration.objects.filter(event=event).count() == created + 1


def test_three_hundred_teachers_from_one_address_over_an_hour(rate_limit_clock):
    event = make_event(capacity=400)
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
    refused = []
    for n in range(300):
        rate_limit_clock(1_800_000_000.0 + n * 12.5)
        refused.append(bursts.burst_refused(request, event))
    assert not any(refused)
    assert not mail.outbox

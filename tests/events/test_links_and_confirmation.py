"""Registration links keep working for their owner; cancelling asks first; waitlisted people
are told the truth; the cancellation e-mail says how to register again while there is room."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from events.models import Registration
from events.services import registering

from .factories import make_event, register

pytestmark = pytest.mark.django_db
S = Registration.Status


def _latest_manage_path(address):
    body = [m for m in mail.outbox if address in m.to][-1].body
    url = re.search(r"https?://\S+/evenemang/anmalan/\S+/", body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def _soup(html):
    return BeautifulSoup(html, "html.parser")


def _version(html):
    """The version the page's cancel or change form posts back."""
    return _soup(html).select_one('form input[name="version"]')["value"]


def test_register_change_cancel_from_the_latest_email(client, django_capture_on_commit_callbacks):
    event = make_event(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, 41)
    address = registration.email
    first_link = _latest_manage_path(address)
    html = client.get(first_link).text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            first_link,
            {
                "action": "change",
                "version": _version(html),
                "name": "Nytt Namn",
                "organisation": "Skola",
                "role": "Rektor",
            },
        )
    assert response.status_code == 302
    latest = _latest_manage_path(address)
    html = client.get(latest).text
    assert "Nytt Namn" in html
    assert _soup(html).select_one('a[href$="?avboka=1"]') is not None
    # The second step says what will happen and changes nothing by itself.
    confirm = client.get(latest + "?avboka=1")
    assert confirm.status_code == 200
    assert "Ja, avboka min plats" in confirm.text and "väntelistan" in confirm.text
    registration.refresh_from_db()
    assert registration.status == S.CONFIRMED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(latest, {"action": "cancel", "version": _version(confirm.text)})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == S.CANCELLED
    cancelled = [m for m in mail.outbox if address in m.to][-1]
    assert event.full_url + "anmalan/" in cancelled.body  # register again while there is room
    # The first link still shows the registration as it is now.
    assert "Avbokad" in client.get(first_link).text


def test_an_action_with_a_stale_version_changes_nothing(client):
    event = make_event(capacity=2)
    registration = register(event, 42)
    url = registration.manage_path()
    stale = _version(client.get(url).text)
    registering.update_details(
        registration.pk,
        registration.version,
        registering.RegistrationDetails(
            name="Annan", email=registration.email, organisation="X", role="Y"
        ),
    )
    response = client.post(url, {"action": "cancel", "version": stale})
    assert "ändrades medan du hade sidan öppen" in response.text
    registration.refresh_from_db()
    assert registration.status == S.CONFIRMED


def test_waitlisted_people_leave_the_waitlist_in_two_steps(client):
    event = make_event(capacity=1)
    register(event, 43)
    waiting = register(event, 44)
    url = waiting.manage_path()
    html = client.get(url).text
    assert "någon på väntelistan får din plats" not in html
    assert "Lämna väntelistan" in html
    confirm = client.get(url + "?avboka=1")
    assert "Ja, lämna väntelistan" in confirm.text
    client.post(url, {"action": "cancel", "version": _version(confirm.text)})
    waiting.refresh_from_db()
    assert waiting.status == S.CANCELLED


def test_a_broken_link_shows_the_shared_problem_page(client):
    response = client.get("/evenemang/anmalan/inte-en-lank/")
    assert response.status_code == 400
    assert "Länken fungerar inte" in response.text and "bekräftelsemejlet" in response.text

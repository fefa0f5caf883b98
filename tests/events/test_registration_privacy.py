"""Registration tells nobody whether an address is registered, and one link's changes are
limited (issue 15: enumeration through "redan anmäld"; no limit on edits through the link)."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from events.models import Registration

from .factories import links_to, make_event, register
from .test_views import form_data

pytestmark = pytest.mark.django_db


def _main(response):
    return BeautifulSoup(response.content, "html.parser").select_one("main")


def _post(client, event, email, capture):
    with capture(execute=True):
        response = client.post(event.register_url(), form_data(email=email))
    assert response.status_code == 302
    return client.get(response["Location"])


def test_a_registered_address_gets_the_same_answer_as_a_new_one(
    client, django_capture_on_commit_callbacks
):
    event = make_event(capacity=5)
    existing = register(event, 1, email="anna.lind@skola.example.org")
    new_page = _post(client, event, "bo.ek@skola.example.org", django_capture_on_commit_callbacks)
    again = _post(client, event, "ANNA.LIND@skola.example.org", django_capture_on_commit_callbacks)
    assert new_page.status_code == again.status_code == 200
    assert _main(new_page) == _main(again)  # the same page, word for word
    assert "redan" not in _main(again).get_text()
    assert Registration.objects.filter(event=event).count() == 2  # no second registration
    # The real owner of the address is told, and gets the registration's own link.
    reminder = mail.outbox[-1]
    assert reminder.to == ["anna.lind@skola.example.org"]
    assert reminder.subject.startswith("Du är redan anmäld")
    assert links_to(existing, reminder.body)
    assert "Var det inte du" in reminder.body


def test_a_cancelled_registration_can_register_again(client, django_capture_on_commit_callbacks):
    event = make_event(capacity=5)
    old = register(event, 1, email="anna.lind@skola.example.org")
    Registration.objects.filter(pk=old.pk).update(status=Registration.Status.CANCELLED)
    _post(client, event, "anna.lind@skola.example.org", django_capture_on_commit_callbacks)
    assert Registration.objects.filter(event=event, status="confirmed").count() == 1
    assert mail.outbox[-1].subject.startswith("Du är anmäld")


def _change(client, registration, name):
    registration.refresh_from_db()
    return client.post(
        registration.manage_path(),
        {
            "action": "change",
            "version": str(registration.version),
            "name": name,
            "organisation": "Skola",
            "role": "Rektor",
        },
    )


def test_changes_through_one_link_are_limited_per_day(client, settings):
    settings.EVENTS_CHANGES_PER_DAY = 3
    event = make_event(capacity=5)
    registration = register(event, 1)
    other = register(event, 2)
    for number in range(3):
        assert _change(client, registration, f"Namn {number}").status_code == 302
    refused = _change(client, registration, "Namn 4")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    notice = _main(refused).select_one("#rate-limited")
    assert notice is not None and "Vänta en stund" in notice.get_text()
    registration.refresh_from_db()
    assert registration.name == "Namn 2"  # nothing changed
    assert _main(refused).select_one("input#id_name")["value"] == "Namn 4"  # input kept
    # Another registration's link is not affected, and cancelling is never limited.
    assert _change(client, other, "Annat namn").status_code == 302
    registration.refresh_from_db()
    response = client.post(
        registration.manage_path(), {"action": "cancel", "version": str(registration.version)}
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED

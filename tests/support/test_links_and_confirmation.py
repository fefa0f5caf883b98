"""Links that keep working for their owner, and a withdrawal that asks first.

book → rebook → add information → withdraw, each step from the link in the latest e-mail;
an older link still shows the request; a broken link explains itself on the shared page.
"""

import re

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from network.support.models import ServiceKind, State, SupportRequest
from network.support.services import requester, status

from . import factories

pytestmark = pytest.mark.django_db


def _latest_status_path(address):
    body = [m for m in mail.outbox if address in m.to][-1].body
    url = re.search(r"https?://\S+/stod/arende/\S+/", body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def _version(html):
    return re.search(r'name="version" value="(\d+)"', html).group(1)


def test_book_rebook_add_information_withdraw_from_the_latest_email(
    client, django_capture_on_commit_callbacks
):
    first, second = factories.slot(days=3), factories.slot(days=6)
    page = factories.service_page(ServiceKind.CONSULTATION)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            page.request_url(),
            factories.form_data(time=str(first.pk), email="flow@example.org"),
        )
    assert response.status_code == 302
    receipt_link = _latest_status_path("flow@example.org")

    # Rebook from the receipt's link.
    page_html = client.get(receipt_link).text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            receipt_link,
            {"action": "rebook", "version": _version(page_html), "rebook-time": str(second.pk)},
        )
    assert response.status_code == 302
    request = SupportRequest.objects.get(email="flow@example.org")
    assert request.slot_id == second.pk

    # Add information from the link in the latest e-mail (the rebooking's).
    latest = _latest_status_path("flow@example.org")
    page_html = client.get(latest).text
    assert 'name="add-text"' in page_html  # the actions are offered
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            latest,
            {"action": "add", "version": _version(page_html), "add-text": "Mentorn följer med."},
        )
    assert response.status_code == 302

    # Withdraw, still from the latest e-mail: a second step first, then the withdrawal.
    latest = _latest_status_path("flow@example.org")
    page_html = client.get(latest).text
    assert 'name="add-text"' in page_html and "?aterkalla=1" in page_html
    confirm = client.get(latest + "?aterkalla=1")
    assert confirm.status_code == 200
    assert "Ja, återkalla förfrågan" in confirm.text and "lämnas tillbaka" in confirm.text
    request.refresh_from_db()
    assert request.state == State.BOOKED  # asking changed nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(latest, {"action": "cancel", "version": _version(confirm.text)})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.state == State.CANCELLED
    withdrawn = [m for m in mail.outbox if "flow@example.org" in m.to][-1]
    assert page.full_url in withdrawn.body  # how to ask again

    # The very first link still shows the request as it is now, and what was first written.
    shown = client.get(receipt_link)
    assert shown.status_code == 200
    assert "Återkallad" in shown.text or "återkallat" in shown.text
    assert "Frånvaron ökar i årskurs 8." in shown.text and "Mentorn följer med." in shown.text


def test_an_action_on_a_request_changed_meanwhile_changes_nothing(client):
    request = factories.support_request()
    url = reverse("support:status", args=[status.status_token(request)])
    stale_version = _version(client.get(url).text)
    requester.add_information(request, request.version, "Något nytt.")
    response = client.post(url, {"action": "cancel", "version": stale_version})
    assert response.status_code == 409
    assert "ändrades medan du hade sidan öppen" in response.text
    request.refresh_from_db()
    assert request.state == State.NEW


def test_broken_and_gone_links_show_the_shared_problem_page(client):
    request = factories.support_request()
    url = reverse("support:status", args=[status.status_token(request)])
    broken = client.get(url[:-3] + "xx/")
    assert broken.status_code == 400
    assert "Länken fungerar inte" in broken.text and "kvittot" in broken.text
    assert client.get("/stod/arende/abc/kvitto/").status_code == 400
    SupportRequest.objects.filter(pk=request.pk).update(anonymised_at="2020-01-01T00:00Z")
    gone = client.get(url)
    assert gone.status_code == 410 and "Länken fungerar inte" in gone.text


def test_calendar_file_has_an_organizer(settings):
    settings.TEAM_DOMINO_EMAIL = "Team Domino <teamdomino@example.org>"
    request = factories.support_request(slot_id=factories.slot().pk)
    calendar = Calendar.from_ical(status.calendar_file(request))
    event = next(iter(calendar.walk("VEVENT")))
    assert calendar["METHOD"] == "REQUEST"
    assert str(event["ORGANIZER"]) == "mailto:teamdomino@example.org"
    assert event["ORGANIZER"].params["CN"] == "Team Domino"
    cancelled = Calendar.from_ical(status.calendar_file(request, cancelled=True))
    assert "ORGANIZER" in next(iter(cancelled.walk("VEVENT")))

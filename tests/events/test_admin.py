"""Team Domino's admin: registrations listing, export, actions, messages and the dashboard."""

import io
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from events.models import Registration
from events.services import cancelling, staff

from .factories import fill, make_event, register

pytestmark = pytest.mark.django_db

S = Registration.Status


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser(
        "domino", "domino@example.org", "a-long-test-password"
    )
    client.force_login(user)
    return client


def test_listing_filters_search_and_exports(admin_client):
    event = make_event(capacity=1)
    register(event, 1, name="Unika Ulla")
    register(event, 2)
    url = reverse("wagtailsnippets_events_registration:list")
    html = admin_client.get(url, {"event": event.pk, "status": "waitlisted"}).content.decode()
    assert "Person 2" in html and "Unika Ulla" not in html
    html = admin_client.get(url, {"q": "Unika"}).content.decode()
    assert "Unika Ulla" in html
    csv = admin_client.get(url, {"event": event.pk, "export": "csv"})
    assert csv.status_code == 200
    body = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert "Unika Ulla" in body and "person2@skola.example.org" in body
    xlsx = admin_client.get(url, {"event": event.pk, "export": "xlsx"})
    content = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    sheet = load_workbook(io.BytesIO(content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "Unika Ulla" in values


def test_bulk_actions_attendance_and_waitlist(admin_client):
    event = make_event(capacity=1)
    first = register(event, 1)
    second = register(event, 2)

    def act(action, registration):
        url = reverse("wagtail_bulk_action", args=("events", "registration", action))
        return admin_client.post(f"{url}?id={registration.pk}", {})

    assert act("confirm", second).status_code == 302  # no free seat: left unchanged
    second.refresh_from_db()
    assert second.status == S.WAITLISTED
    act("waitlist", first)
    act("confirm", second)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (S.WAITLISTED, S.CONFIRMED)
    act("attended", second)
    second.refresh_from_db()
    assert second.status == S.ATTENDED


def test_no_add_view_and_status_not_editable(admin_client):
    listing = admin_client.get(reverse("wagtailsnippets_events_registration:list"))
    add_url = reverse("wagtailsnippets_events_registration:add")
    assert BeautifulSoup(listing.content, "html.parser").select(f'a[href="{add_url}"]') == []
    assert admin_client.get(add_url).status_code in (302, 403)
    event = make_event(capacity=1)
    reg = register(event, 1)
    edit = admin_client.get(reverse("wagtailsnippets_events_registration:edit", args=[reg.pk]))
    form = BeautifulSoup(edit.content, "html.parser")
    assert form.select_one('[name="name"]') is not None
    assert form.select('[name="status"]') == []


def test_email_participants_and_participant_page(admin_client, django_capture_on_commit_callbacks):
    event = make_event(capacity=1)
    register(event, 1)
    register(event, 2)
    mail.outbox.clear()
    page = admin_client.get(reverse("events_admin:participants", args=[event.pk]))
    assert "Person 1" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("events_admin:email", args=[event.pk]),
            {"subject": "Ny lokal", "message": "Vi ses i sal 3.", "statuses": ["confirmed"]},
        )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["person1@skola.example.org"]]
    assert "Vi ses i sal 3." in mail.outbox[0].body
    assert mail.outbox[0].subject.startswith("Ny lokal")


def test_dashboard_panel_shows_fill_rate_and_waitlist(admin_client):
    full = make_event(capacity=2, title="Fullbokad utbildning")
    fill(full, 3)
    soup = BeautifulSoup(admin_client.get(reverse("wagtailadmin_home")).content, "html.parser")
    panel = soup.select_one('section[aria-labelledby="events_upcoming-heading"]')
    assert panel.select_one("h2").get_text(strip=True) == "Kommande evenemang"
    row = next(tr for tr in panel.select("tbody tr") if tr.a.get_text(strip=True) == full.title)
    cells = [td.get_text(strip=True) for td in row.select("td")]
    assert cells[2:] == ["2 av 2 (100 %)", "1"]
    assert row.a["href"] == reverse("events_admin:participants", args=[full.pk])


def test_event_edit_page_has_participants_button_and_panels(admin_client):
    event = make_event(capacity=3)
    register(event, 1)
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
    assert reverse("events_admin:participants", args=[event.pk]) in html
    assert "Tillfällen" in html and "Relaterade metoder" in html


def test_registrations_list_opens_newest_first(admin_client):
    event = make_event(capacity=5)
    first = register(event, 1, name="Först Anmäld")
    register(event, 2, name="Sist Anmäld")
    Registration.objects.filter(pk=first.pk).update(created_at=first.created_at - timedelta(days=1))
    url = reverse("wagtailsnippets_events_registration:list")
    soup = BeautifulSoup(admin_client.get(url, {"event": event.pk}).content, "html.parser")
    names = [a.get_text(strip=True) for a in soup.select("table.listing tbody td.title a")]
    assert names.index("Sist Anmäld") < names.index("Först Anmäld")
    assert soup.select_one("table.listing tbody .kc-badge--positive").get_text(strip=True) == (
        "Bekräftad"
    )


def test_participant_page_lists_active_people_before_cancelled_ones(admin_client):
    event = make_event(capacity=1)
    cancelled = register(event, 1, name="Avbokad Anna")
    register(event, 2, name="Väntande Viktor")
    cancelling.cancel(cancelled.pk)
    register(event, 3, name="Väntande Vera")
    html = admin_client.get(reverse("events_admin:participants", args=[event.pk])).content
    rows = [
        tr.td.get_text(strip=True) for tr in BeautifulSoup(html, "html.parser").select("tbody tr")
    ]
    assert rows == ["Väntande Viktor", "Väntande Vera", "Avbokad Anna"]


def test_staff_changes_keep_their_log_entries_versions_and_row_buttons(admin_client):
    user = get_user_model().objects.get(username="domino")
    event = make_event(capacity=1)
    first = register(event, 1)
    second = register(event, 2)
    staff.move_to_waitlist(first.pk, user=user)
    staff.confirm_from_waitlist(second.pk, user=user)
    cancelling.cancel(second.pk, user=user)  # the seat goes back to the first
    history = [
        (entry.object_id, entry.action, entry.user_id)
        for entry in ModelLogEntry.objects.filter(
            content_type__model="registration", object_id__in=[str(first.pk), str(second.pk)]
        ).order_by("pk")
    ]
    assert history == [
        (str(first.pk), "events.to_waitlist", user.pk),
        (str(second.pk), "events.promote", user.pk),
        (str(second.pk), "events.cancel", user.pk),
        (str(first.pk), "events.promote", None),
    ]
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.version) == (S.CONFIRMED, 3)
    assert (second.status, second.version) == (S.CANCELLED, 3)
    soup = BeautifulSoup(
        admin_client.get(
            reverse("wagtailsnippets_events_registration:list"), {"event": event.pk}
        ).content,
        "html.parser",
    )
    actions = {a["href"].split("/")[-2] for a in soup.select("table.listing a[href*='/bulk/']")}
    assert actions == {"attended", "no_show", "waitlist"}  # the confirmed person's buttons

"""Triage in the admin: only Team Domino sees requests; state changes, history, statistics."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import ModelLogEntry

from network.support.models import State, SupportRequest

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_client(client):
    user = factories.staff_member("triage")
    client.force_login(user)
    client.user = user
    return client


def test_anonymous_and_other_staff_cannot_see_requests(client):
    factories.support_request()
    url = reverse("support_requests:index")
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    editor = get_user_model().objects.create_user("editor", "e@example.org")
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
    req = SupportRequest.objects.first()
    assert client.get(reverse("support_requests:edit", args=[req.pk])).status_code in (302, 403)
    assert client.get(reverse("support_statistics")).status_code in (302, 403)
    response = client.post(
        reverse("support_requests:transition", args=[req.pk]),
        {"expected_state": "new", "to_state": "under_assessment"},
    )
    assert response.status_code in (302, 403)
    req.refresh_from_db()
    assert req.state == State.NEW


def test_team_domino_lists_filters_and_searches(team_client):
    a = factories.support_request(organisation="Alfaskolan")
    factories.support_request(organisation="Betaskolan", email="b@example.org")
    url = reverse("support_requests:index")
    response = team_client.get(url)
    assert response.status_code == 200
    assert a.reference in response.text
    response = team_client.get(url, {"q": "Alfaskolan"})
    assert "Alfaskolan" in response.text and "Betaskolan" not in response.text
    response = team_client.get(url, {"state": "closed"})
    assert a.reference not in response.text
    response = team_client.get(url, {"age": "older90"})
    assert a.reference not in response.text
    response = team_client.get(url, {"service_kind": "consultation", "school_form": "compulsory"})
    assert a.reference in response.text
    response = team_client.get(url, {"export": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert response.status_code == 200 and a.reference in body


def test_edit_assignment_and_notes_are_logged(team_client):
    req = factories.support_request()
    url = reverse("support_requests:edit", args=[req.pk])
    response = team_client.get(url)
    assert response.status_code == 200
    assert "Frånvaron ökar" in response.text
    response = team_client.post(
        url, {"assignee": team_client.user.pk, "first_meeting_at": "", "internal_notes": "Ring."}
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    req.refresh_from_db()
    assert req.assignee == team_client.user and req.internal_notes == "Ring."
    entry = ModelLogEntry.objects.get(object_id=str(req.pk), action="support.field_change")
    assert entry.data["field"] == "assignee" and entry.data["from"] == ""
    assert ModelLogEntry.objects.filter(object_id=str(req.pk), action="support.notes_edited")
    history = team_client.get(reverse("support_requests:history", args=[req.pk]))
    assert history.status_code == 200


def test_transition_view_and_stale_second_click(team_client, mailoutbox):
    req = factories.support_request()
    url = reverse("support_requests:transition", args=[req.pk])
    data = {"expected_state": "new", "to_state": "under_assessment"}
    assert team_client.post(url, data).status_code == 302
    req.refresh_from_db()
    assert req.state == State.UNDER_ASSESSMENT
    # a colleague's form, still showing "new", cannot move it again
    response = team_client.post(url, {**data, "to_state": "declined", "reason": "x"}, follow=True)
    req.refresh_from_db()
    assert req.state == State.UNDER_ASSESSMENT
    assert response.status_code == 200
    history = team_client.get(reverse("support_requests:history", args=[req.pk]))
    assert "under_assessment" not in history.text  # the label is shown, not the code
    assert "Bedöms" in history.text


def test_statistics_view_and_csv(team_client):
    factories.support_request()
    response = team_client.get(reverse("support_statistics"))
    assert response.status_code == 200
    assert "<svg" in response.text and "<table" in response.text
    assert "Ledtid från förfrågan till första möte" in response.text
    csv_response = team_client.get(reverse("support_statistics"), {"export": "service"})
    assert csv_response["Content-Type"].startswith("text/csv")
    content = csv_response.content.decode("utf-8-sig")
    assert content.splitlines()[0].startswith("Tjänst,")
    lead = team_client.get(reverse("support_statistics"), {"export": "lead_time"})
    assert "Median" in lead.content.decode("utf-8-sig")


def test_dashboard_panel(team_client):
    response = team_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    panel = BeautifulSoup(response.content, "html.parser").select_one(
        'section[aria-labelledby="support_requests-heading"]'
    )
    assert panel.select_one("h2#support_requests-heading").get_text(strip=True) == (
        "Förfrågningar om stöd"
    )
    assert panel.select_one(".w-panel__content a[href$='?state=new']")


def test_nobody_adds_or_deletes_requests_in_the_admin(client, mailoutbox):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "x-long-pw-1234")
    client.force_login(admin)
    req = factories.support_request()
    assert client.get(reverse("support_requests:add")).status_code in (302, 403)
    response = client.post(reverse("support_requests:delete", args=[req.pk]))
    assert response.status_code in (302, 403)
    assert SupportRequest.objects.filter(pk=req.pk).exists()

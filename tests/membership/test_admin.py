from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from wagtail.models import ModelLogEntry

from network.membership.models import Member, MembershipApplication

from .factories import member, pending_application

pytestmark = pytest.mark.django_db
APPLICATIONS = "/admin/snippets/membership/membershipapplication/"
MEMBERS = "/admin/snippets/membership/member/"
Status = MembershipApplication.Status


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("domino", "domino@example.org", "pw-1-long-x")
    client.force_login(user)
    return client


def _bulk(action, applications):
    ids = "&".join(f"id={a.pk}" for a in applications)
    return f"/admin/bulk/membership/membershipapplication/{action}/?{ids}&next={APPLICATIONS}"


def _listed_names(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [td.a.get_text(strip=True) for td in soup.select("table.listing tbody td.title")]


def test_application_list_filters_and_decision_buttons(admin_client):
    pending = pending_application(name="Väntande Person")
    pending_application(name="Gustav Ansökarsson")
    pending_application(name="Avslagen Person", status=Status.DECLINED)
    response = admin_client.get(APPLICATIONS, {"status": "pending"})
    assert response.status_code == 200
    assert set(_listed_names(response)) == {"Väntande Person", "Gustav Ansökarsson"}
    soup = BeautifulSoup(response.content, "html.parser")
    hrefs = [a["href"] for a in soup.select("a[href]")]
    assert any(
        h.startswith(f"/admin/bulk/membership/membershipapplication/approve/?id={pending.pk}&")
        for h in hrefs
    )
    assert any(
        h.startswith(f"/admin/bulk/membership/membershipapplication/decline/?id={pending.pk}&")
        for h in hrefs
    )
    declined = admin_client.get(APPLICATIONS, {"status": "declined"})
    assert _listed_names(declined) == ["Avslagen Person"]


def test_bulk_approve_with_message(admin_client):
    applications = [pending_application(), pending_application()]
    assert admin_client.get(_bulk("approve", applications)).status_code == 200
    mail.outbox.clear()
    response = admin_client.post(_bulk("approve", applications), {"reason": "Hej och välkommen!"})
    assert response.status_code == 302
    for application in applications:
        application.refresh_from_db()
        assert application.status == Status.APPROVED and application.decided_by.username == "domino"
        assert Member.objects.filter(email=application.email).exists()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(a.email for a in applications)
    assert all("Hej och välkommen!" in m.body for m in mail.outbox)
    entries = ModelLogEntry.objects.filter(action="membership.approve")
    assert sorted(int(e.object_id) for e in entries) == sorted(a.pk for a in applications)
    assert {e.user.username for e in entries} == {"domino"}


def test_bulk_decline_skips_decided_applications(admin_client):
    pending = pending_application()
    already = pending_application(status=Status.APPROVED)
    mail.outbox.clear()
    response = admin_client.post(_bulk("decline", [pending, already]), {"reason": "Tyvärr."})
    assert response.status_code == 302
    pending.refresh_from_db()
    already.refresh_from_db()
    assert pending.status == Status.DECLINED and already.status == Status.APPROVED
    assert [m.to for m in mail.outbox] == [[pending.email]]


def test_members_list_and_export(admin_client):
    member(
        name="Alva Exempelsson", email="alva.exempelsson@example.org", organisation="Påhittsskolan"
    )
    assert _listed_names(admin_client.get(MEMBERS)) == ["Alva Exempelsson"]
    csv = admin_client.get(MEMBERS, {"export": "csv"})
    assert csv.status_code == 200
    body = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert "alva.exempelsson@example.org" in body and "Påhittsskolan" in body
    xlsx = admin_client.get(MEMBERS, {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert "spreadsheet" in xlsx["Content-Type"]


def test_remove_a_member_in_the_admin(admin_client, django_user_model):
    alva = member(name="Alva Exempelsson")
    user_pk = alva.user_id
    url = f"/admin/bulk/membership/member/delete/?id={alva.pk}&next={MEMBERS}"
    assert admin_client.post(url).status_code == 302
    assert not Member.objects.filter(pk=alva.pk).exists()
    assert not django_user_model.objects.filter(pk=user_pk).exists()


def test_dashboard_shows_pending_applications(admin_client):
    soup = BeautifulSoup(admin_client.get("/admin/").content, "html.parser")
    assert not soup.select(f'a[href="{APPLICATIONS}?status=pending"]')
    pending_application()
    pending_application()
    soup = BeautifulSoup(admin_client.get("/admin/").content, "html.parser")
    link = soup.select_one(f'a[href="{APPLICATIONS}?status=pending"]')
    assert link.get_text(strip=True).split()[0] == "2"


def test_editors_manage_organisation_types(admin_client):
    response = admin_client.get("/admin/snippets/membership/organisationtype/")
    assert response.status_code == 200 and "Elevhälsa" in response.content.decode()


def test_no_add_for_members_or_applications(admin_client):
    for url in (MEMBERS, APPLICATIONS):
        assert admin_client.get(url + "add/").status_code in (302, 403)
        assert f'href="{url}add/"' not in admin_client.get(url).content.decode()


def test_decision_buttons_on_the_application_page(admin_client):
    pending = pending_application(name="Egen Sida")
    for view in ("edit", "inspect"):
        url = f"{APPLICATIONS}{view}/{pending.pk}/"
        response = admin_client.get(url)
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        header = soup.select_one("header")
        links = {a.get_text(strip=True): a["href"] for a in header.select("a[href]")}
        assert "Godkänn" in links and "Avslå" in links, view
        assert links["Godkänn"].startswith(
            f"/admin/bulk/membership/membershipapplication/approve/?id={pending.pk}"
        )
        assert "next=" in links["Avslå"]

    # Approving from there confirms, decides, and returns to the application's page.
    edit_url = f"{APPLICATIONS}edit/{pending.pk}/"
    approve = (
        f"/admin/bulk/membership/membershipapplication/approve/?id={pending.pk}&next={edit_url}"
    )
    response = admin_client.post(approve, {"reason": ""})
    assert response.status_code == 302 and response["Location"] == edit_url
    pending.refresh_from_db()
    assert pending.status == Status.APPROVED
    soup = BeautifulSoup(admin_client.get(edit_url).content, "html.parser")
    assert "Godkänn" not in soup.select_one("header").get_text()


def test_applications_list_newest_first_with_status_badges(admin_client):
    older = pending_application(name="Äldre Ansökan")
    newer = pending_application(name="Nyare Ansökan")
    MembershipApplication.objects.filter(pk=older.pk).update(
        created_at=newer.created_at - timedelta(days=2)
    )
    soup = BeautifulSoup(admin_client.get(APPLICATIONS).content, "html.parser")
    names = [a.get_text(strip=True) for a in soup.select("table.listing tbody td.title a")]
    assert names.index("Nyare Ansökan") < names.index("Äldre Ansökan")
    badge = soup.select_one("table.listing tbody .kc-badge--waiting")
    assert badge.get_text(strip=True) == "Väntar på beslut"

import time
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from network.membership.models import MEMBERS_GROUP_NAME, Member, MembershipApplication
from network.membership.services import applications

from .factories import (
    DOCUMENT_TITLE,
    NOTES_TITLE,
    application_data,
    links_in,
    member,
    network_pages,
    path_of,
    pending_application,
)

pytestmark = pytest.mark.django_db
Status = MembershipApplication.Status


def _apply(client, **overrides):
    data = application_data(**overrides)
    return data, client.post("/natverket/ansok/", data)


def test_network_page_is_public_in_the_menu_and_links_to_the_application(client):
    network_pages()
    response = client.get("/natverket/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one('main a[href="/natverket/ansok/"]')
    for heading in ("who-heading", "benefits-heading", "meetings-heading"):
        section = soup.select_one(f'section[aria-labelledby="{heading}"]')
        assert section.select_one(f"h2#{heading}"), heading
    assert "Du som möter elever" in soup.select_one('[aria-labelledby="who-heading"]').get_text()
    home = BeautifulSoup(client.get("/").content, "html.parser")
    assert home.select_one('nav.main-nav a[href="/natverket/"]')


def test_application_form_says_no_pupil_data_and_shows_the_data_text(client):
    soup = BeautifulSoup(client.get("/natverket/ansok/").content, "html.parser")
    assert "Skriv inga uppgifter om elever" in soup.select_one(".notice--privacy").get_text()
    data_text = soup.select_one("form section.membership-data-text")
    assert data_text.h2.get_text(strip=True) == "Så hanterar vi dina personuppgifter"
    assert soup.select_one('form div.honeypot[aria-hidden="true"] input[name="website"]')
    options = [o.get_text(strip=True) for o in soup.select("#id_organisation_type option")]
    for label in ("Skola/enhet", "Elevhälsa", "Socialtjänst (IFO)", "Barn- och ungdomspsykiatri"):
        assert any(option.startswith(label) for option in options), label


def test_whole_path_application_to_member_area(client):
    network_pages()
    data, response = _apply(client)
    assert response.status_code == 302 and response["Location"] == "/natverket/ansok/skickad/"
    application = MembershipApplication.objects.get(email=data["email"])
    assert application.status == Status.UNVERIFIED
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [data["email"]]
    verify_url = path_of(links_in(mail.outbox[0])[0])
    assert mail.outbox[0].alternatives and "html" in mail.outbox[0].alternatives[0][1]

    # Opening the link changes nothing (mail scanners); the button verifies.
    assert client.get(verify_url).status_code == 200
    application.refresh_from_db()
    assert application.status == Status.UNVERIFIED
    response = client.post(verify_url)
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.status == Status.PENDING and application.verified_at
    assert mail.outbox[-1].to == ["teamdomino@example.org"]

    new_member = applications.approve_application(application.pk, message="Välkommen till träffen!")
    assert new_member is not None
    assert new_member.user.groups.filter(name=MEMBERS_GROUP_NAME).exists()
    assert not new_member.user.has_usable_password()
    assert not new_member.user.is_staff
    approved_mail = mail.outbox[-1]
    assert approved_mail.to == [data["email"]] and "Välkommen till träffen!" in approved_mail.body

    mail.outbox.clear()
    response = client.post(
        "/natverket/logga-in/", {"email": data["email"].upper(), "next": "", "website": ""}
    )
    assert response.status_code == 302
    login_url = path_of(links_in(mail.outbox[0])[0])
    assert client.get(login_url).status_code == 200
    response = client.post(login_url)
    assert response.status_code == 302 and response["Location"] == "/natverket/medlemsytan/"
    area = client.get("/natverket/medlemsytan/")
    assert area.status_code == 200
    soup = BeautifulSoup(area.content, "html.parser")
    notes = [a.get_text(strip=True) for a in soup.select('[aria-labelledby="notes-heading"] li a')]
    assert NOTES_TITLE in notes
    material = soup.select('[aria-labelledby="material-heading"] li a')
    assert [a.get_text(strip=True) for a in material] == [DOCUMENT_TITLE]


def test_errors_keep_input_and_change_nothing(client):
    before = MembershipApplication.objects.count()
    data, response = _apply(client, consent="", role="")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one(".error-summary[role=alert]")
    links = {a["href"] for a in summary.select("a[href]")}
    assert links == {"#id_role", "#id_consent"}
    assert soup.select_one("#id_consent_error").get_text(strip=True) == (
        "Du behöver samtycka för att kunna ansöka."
    )
    assert soup.select_one("#id_name")["value"] == data["name"]
    assert soup.select_one("#id_motivation").get_text().strip() == data["motivation"]
    role = soup.select_one("#id_role")
    assert set(role["aria-describedby"].split()) == {"id_role_helptext", "id_role_error"}
    assert role["aria-invalid"] == "true"
    assert MembershipApplication.objects.count() == before
    assert not mail.outbox


def test_personal_identity_number_is_refused(client):
    before = MembershipApplication.objects.count()
    _, response = _apply(client, motivation="Eleven 811218-9876 har hög frånvaro")
    assert response.status_code == 200
    assert response.context["form"].has_error("motivation", code="personal_identity_number")
    assert MembershipApplication.objects.count() == before


def test_honeypot_is_refused(client):
    before = MembershipApplication.objects.count()
    _, response = _apply(client, website="http://spam.example")
    assert response.status_code == 200
    assert MembershipApplication.objects.count() == before and not mail.outbox


def test_unknown_organisation_type_is_a_clear_error(client):
    _, response = _apply(client, organisation_type="99999")
    assert response.status_code == 200
    assert 'id="id_organisation_type_error"' in response.content.decode()


def test_english_applicant_gets_english_mail(client):
    data = application_data()
    response = client.post("/en/natverket/ansok/", data)
    assert response.status_code == 302
    message = mail.outbox[0]
    assert message.subject == "Confirm your application to the attendance network"
    assert "/en/natverket/ansok/bekrafta/" in message.body
    assert MembershipApplication.objects.get(email=data["email"]).language == "en"


def test_expired_verification_link(client, monkeypatch):
    data, _ = _apply(client)
    application = MembershipApplication.objects.get(email=data["email"])
    long_ago = time.time() - 4 * 24 * 3600
    monkeypatch.setattr("django.core.signing.time.time", lambda: long_ago)
    token = applications.verification_token(application)
    monkeypatch.undo()
    response = client.post(f"/natverket/ansok/bekrafta/{token}/")
    assert response.status_code == 400 and response.context["problem"] == "expired"
    application.refresh_from_db()
    assert application.status == Status.UNVERIFIED


def test_tampered_and_reused_verification_links(client):
    data, _ = _apply(client)
    url = path_of(links_in(mail.outbox[0])[0])
    tampered = url.replace("/bekrafta/", "/bekrafta/x")
    assert client.post(tampered).status_code == 400
    assert client.post(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 200 and response.context["already_verified"]
    assert MembershipApplication.objects.get(email=data["email"]).status == Status.PENDING


def test_unverified_applications_are_purged_after_the_link_lifetime(client):
    data, _ = _apply(client)
    application = MembershipApplication.objects.get(email=data["email"])
    application.created_at -= timedelta(hours=73)
    application.save()
    assert applications.purge_stale_applications() == 1
    assert not MembershipApplication.objects.filter(pk=application.pk).exists()


def test_the_nightly_retention_run_purges_unverified_applications(client):
    stale_data, _ = _apply(client)
    fresh_data, _ = _apply(client)
    MembershipApplication.objects.filter(email=stale_data["email"]).update(
        created_at=timezone.now() - timedelta(hours=73)
    )
    call_command("anonymise_expired", only=["network.membership.delete_unverified_applications"])
    assert not MembershipApplication.objects.filter(email=stale_data["email"]).exists()
    assert MembershipApplication.objects.filter(email=fresh_data["email"]).exists()


def test_declined_path(client):
    application = pending_application()
    assert applications.decline_application(application.pk, message="Nätverket är för Borås.")
    application.refresh_from_db()
    assert application.status == Status.DECLINED
    assert mail.outbox[-1].to == [application.email]
    assert "Nätverket är för Borås." in mail.outbox[-1].body
    assert "Nätverket är för Borås." in mail.outbox[-1].alternatives[0][0]
    assert not Member.objects.filter(email=application.email).exists()
    # A decided application cannot be decided again.
    assert applications.approve_application(application.pk) is None
    mail.outbox.clear()
    client.post("/natverket/logga-in/", {"email": application.email, "website": ""})
    assert not mail.outbox


def test_unverified_application_cannot_be_approved():
    data = application_data()
    application = pending_application(status=Status.UNVERIFIED, email=data["email"])
    assert applications.approve_application(application.pk) is None
    assert not Member.objects.filter(email=data["email"]).exists()


def test_member_applying_again_gets_a_reminder_not_a_second_account(client):
    existing = member()
    before = MembershipApplication.objects.count()
    mail.outbox.clear()
    _, response = _apply(client, email=existing.email)
    assert response.status_code == 302
    assert MembershipApplication.objects.count() == before
    assert "redan medlem" in mail.outbox[0].subject


def test_members_group_exists_without_admin_access():
    group = Group.objects.get(name=MEMBERS_GROUP_NAME)
    assert not group.permissions.exists()

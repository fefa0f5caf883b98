import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail

from network.membership.models import LoginToken, Member, MembershipApplication
from network.membership.services import access

from .factories import directory_members, member, network_pages, non_member_user, organisation_type

pytestmark = pytest.mark.django_db
DIRECTORY = "/natverket/medlemsytan/medlemmar/"


def _names(response):
    return [m.name for m in response.context["page_obj"].object_list]


def test_member_profile_for_contract():
    someone = member(name="Kontrakt Testsson", organisation="Kontraktsskolan", role="Rektor")
    profile = access.member_profile_for(someone.user)
    assert (profile.name, profile.email, profile.organisation, profile.role) == (
        "Kontrakt Testsson",
        someone.email,
        "Kontraktsskolan",
        "Rektor",
    )
    assert access.member_profile_for(non_member_user()) is None
    assert access.member_profile_for(None) is None
    from django.contrib.auth.models import AnonymousUser

    assert access.member_profile_for(AnonymousUser()) is None


def test_directory_lists_only_members_who_opted_in(client):
    network_pages()
    directory_members()
    client.force_login(member().user)
    names = _names(client.get(DIRECTORY))
    assert "Alva Exempelsson" in names and "Bo Demosson" in names
    assert "Farid Påhittsson" not in names  # chose not to be listed
    soup = BeautifulSoup(client.get(DIRECTORY).content, "html.parser")
    mailtos = [a["href"] for a in soup.select("ul.directory .directory__email a")]
    assert "mailto:alva.exempelsson@example.org" in mailtos
    assert "mailto:farid.pahittsson@example.org" not in mailtos


def test_directory_search_and_filter(client):
    network_pages()
    directory_members()
    client.force_login(member().user)
    assert _names(client.get(DIRECTORY, {"q": "kurator"})) == ["Bo Demosson"]
    ifo = organisation_type("ifo")
    assert _names(client.get(DIRECTORY, {"organisation_type": ifo.pk})) == ["Cecilia Fiktiv"]
    schools = _names(client.get(DIRECTORY, {"organisation_type": organisation_type("skola").pk}))
    assert schools == ["Alva Exempelsson", "Elin Provström"]
    assert _names(client.get(DIRECTORY, {"q": "psykolog", "organisation_type": ifo.pk})) == []
    # a bad filter value is a form error, not a crash
    assert client.get(DIRECTORY, {"organisation_type": "nonsense"}).status_code == 200


def test_profile_edit_and_directory_visibility(client):
    network_pages()
    someone = member(show_in_directory=False)
    client.force_login(someone.user)
    assert someone.name not in _names(client.get(DIRECTORY))
    response = client.post(
        "/natverket/mitt-medlemskap/",
        {
            "name": "Ny Namnsson",
            "organisation_type": organisation_type("bup").pk,
            "organisation": "BUP Provstad",
            "role": "Läkare",
            "show_in_directory": "on",
            "language": "en",
        },
    )
    assert response.status_code == 302
    someone.refresh_from_db()
    assert (someone.name, someone.role, someone.language) == ("Ny Namnsson", "Läkare", "en")
    assert "Ny Namnsson" in _names(client.get(DIRECTORY))


def test_profile_errors_keep_input(client):
    someone = member()
    client.force_login(someone.user)
    response = client.post(
        "/natverket/mitt-medlemskap/",
        {
            "name": "",
            "organisation_type": organisation_type().pk,
            "organisation": "Org 811218-9876",
            "role": "Roll",
            "language": "sv",
        },
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    summary = {a["href"] for a in soup.select(".error-summary a[href]")}
    assert summary == {"#id_name", "#id_organisation"}
    form = response.context["form"]
    assert form.has_error("organisation", code="personal_identity_number")
    someone.refresh_from_db()
    assert someone.organisation != "Org 811218-9876"


def test_download_my_data(client):
    someone = member()
    access.send_login_link(someone.email)
    client.force_login(someone.user)
    response = client.get("/natverket/mitt-medlemskap/mina-uppgifter.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["member"]["email"] == someone.email
    assert data["applications"][0]["motivation"]
    assert len(data["login_links"]) == 1 and "token_hash" not in data["login_links"][0]


def test_own_pages_need_a_member(client):
    for url in ("/natverket/mitt-medlemskap/", "/natverket/mitt-medlemskap/mina-uppgifter.json"):
        assert client.get(url).status_code == 302
    client.force_login(non_member_user())
    assert client.get("/natverket/mitt-medlemskap/").status_code == 403
    assert client.post("/natverket/mitt-medlemskap/lamna/").status_code == 403


def test_leaving_deletes_all_personal_data(client):
    someone = member()
    access.send_login_link(someone.email)
    email, user_pk, member_pk = someone.email, someone.user_id, someone.pk
    client.force_login(someone.user)
    mail.outbox.clear()
    assert client.get("/natverket/mitt-medlemskap/lamna/").status_code == 200
    response = client.post("/natverket/mitt-medlemskap/lamna/")
    assert (
        response.status_code == 302 and response["Location"] == "/natverket/mitt-medlemskap/lamnat/"
    )
    assert not get_user_model().objects.filter(pk=user_pk).exists()
    assert not Member.objects.filter(pk=member_pk).exists()
    assert not MembershipApplication.objects.filter(email__iexact=email).exists()
    assert not LoginToken.objects.filter(member_id=member_pk).exists()
    assert not get_user_model().objects.filter(email__iexact=email).exists()
    assert "_auth_user_id" not in client.session
    assert mail.outbox[0].to == [email] and "lämnat" in mail.outbox[0].subject


def test_removing_a_member_in_the_admin_deletes_the_account():
    someone = member()
    user_pk, email = someone.user_id, someone.email
    Member.objects.filter(pk=someone.pk).delete()  # what the snippet (bulk) delete does
    assert not get_user_model().objects.filter(pk=user_pk).exists()
    assert not MembershipApplication.objects.filter(email__iexact=email).exists()

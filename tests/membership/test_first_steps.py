"""A new member's first steps: a confirmation link opened twice, the approval e-mail that lets
them in at once, and a member directory that reads as a list."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse

from network.membership.models import LoginToken, MembershipApplication
from network.membership.services import applications

from .factories import application_data, links_in, member, network_pages, path_of

pytestmark = pytest.mark.django_db

DIRECTORY = "/natverket/medlemsytan/medlemmar/"


def _verified_application(client):
    data = application_data()
    client.post("/natverket/ansok/", data)
    verify_url = path_of(links_in(mail.outbox[-1])[0])
    assert client.post(verify_url).status_code == 200
    return data, verify_url


def test_reopening_a_used_confirmation_link_says_already_confirmed(client):
    _data, verify_url = _verified_application(client)
    for response in (client.get(verify_url), client.post(verify_url)):
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.h1.get_text(strip=True) == "Ansökan är redan bekräftad"
        assert "Länken fungerar inte" not in soup.get_text()
    # a tampered link is still refused
    assert client.get(verify_url[:-3] + "xyz/").status_code == 400


def test_approval_mail_carries_a_one_time_login_link(client):
    network_pages()
    data, _verify_url = _verified_application(client)
    application = MembershipApplication.objects.get(email=data["email"])
    mail.outbox.clear()
    new_member = applications.approve_application(application.pk)
    approved = mail.outbox[-1]
    assert approved.to == [data["email"]]
    welcome = next(url for url in links_in(approved) if "/natverket/logga-in/lank/" in url)
    html = approved.alternatives[0][0]
    assert path_of(welcome) in html
    token = LoginToken.objects.get(member=new_member)
    assert (token.expires_at - token.created_at).days >= 6  # read days later, still works
    # the link logs the new member in at once, without asking for another link
    response = client.post(path_of(welcome))
    assert response.status_code == 302
    assert client.get(DIRECTORY).status_code == 200
    # and only once
    client.logout()
    assert client.post(path_of(welcome)).status_code == 400


def test_directory_is_a_list_with_whole_words_and_unsplit_addresses(client):
    network_pages()
    member(show_in_directory=True)
    client.force_login(member().user)
    soup = BeautifulSoup(client.get(DIRECTORY).content, "html.parser")
    intro = soup.select_one("main .member-area > p:not(.member-badge):not(.lead)")
    assert intro.get_text().count("Mitt medlemskap") == 1
    assert intro.find("a")["href"] == reverse("membership:profile")
    rows = soup.select("ul.directory > li.directory__member")
    assert rows and not soup.select("ul.directory.card-grid")
    address = rows[0].select_one(".directory__email a")
    assert address.find("wbr") is not None  # may wrap only after the @
    assert address.get_text() == address["href"].removeprefix("mailto:")

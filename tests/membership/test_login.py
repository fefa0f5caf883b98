from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone

from kcsite.links import LinkError
from network.membership.models import LoginToken
from network.membership.services import access

from .factories import links_in, member, network_pages, path_of

pytestmark = pytest.mark.django_db


def _new_raw_token(email):
    """A new login link's raw token (the part of the URL after /lank/)."""
    _member, url = access.create_login_link(email)
    return url.rstrip("/").rsplit("/", 1)[1]


def _request_link(client, email, next_url=""):
    return client.post("/natverket/logga-in/", {"email": email, "next": next_url, "website": ""})


def _link_path(client, someone, next_url=""):
    mail.outbox.clear()
    _request_link(client, someone.email, next_url)
    assert len(mail.outbox) == 1
    return path_of(links_in(mail.outbox[0])[0])


def test_anonymous_member_page_request_goes_to_the_login_page(client):
    network_pages()
    response = client.get("/natverket/medlemsytan/")
    assert response.status_code == 302
    assert response["Location"] == "/natverket/logga-in/?next=/natverket/medlemsytan/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.select_one('form input[type=hidden][name="next"]')["value"] == (
        "/natverket/medlemsytan/"
    )


def test_same_answer_whether_or_not_the_address_is_a_members(client):
    someone = member()
    mail.outbox.clear()
    known = _request_link(client, someone.email)
    unknown = _request_link(client, "nobody-here@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/natverket/logga-in/skickad/"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [someone.email]
    page_known = client.get(known["Location"]).content
    page_unknown = client.get(unknown["Location"]).content
    assert page_known == page_unknown


def test_login_link_is_single_use(client):
    someone = member()
    url = _link_path(client, someone)
    assert client.post(url).status_code == 302
    client.logout()
    response = client.post(url)
    assert response.status_code == 400
    assert response.context["problem"] == "used"
    assert "_auth_user_id" not in client.session


def test_opening_the_link_does_not_use_it(client):
    someone = member()
    url = _link_path(client, someone)
    for _ in range(3):
        assert client.get(url).status_code == 200
    assert "_auth_user_id" not in client.session
    assert client.post(url).status_code == 302
    assert client.session["_auth_user_id"] == str(someone.user.pk)


def test_expired_link_is_refused(client):
    someone = member()
    url = _link_path(client, someone)
    LoginToken.objects.filter(member=someone).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    response = client.post(url)
    assert response.status_code == 400 and response.context["problem"] == "expired"
    assert "_auth_user_id" not in client.session


def test_links_expire_after_fifteen_minutes_by_default():
    someone = member()
    access.send_login_link(someone.email)
    token = LoginToken.objects.get(member=someone)
    assert timedelta(minutes=14) < token.expires_at - token.created_at <= timedelta(minutes=15)


def test_tampered_link_is_refused_and_changes_nothing(client):
    someone = member()
    url = _link_path(client, someone)
    raw = url.rstrip("/").rsplit("/", 1)[1]
    tampered = url.replace(raw, raw[:-1] + ("A" if raw[-1] != "A" else "B"))
    response = client.post(tampered)
    assert response.status_code == 400 and response.context["problem"] == "invalid"
    assert LoginToken.objects.get(member=someone).used_at is None
    assert client.post(url).status_code == 302


def test_only_a_hash_of_the_token_is_stored(client):
    someone = member()
    raw = _new_raw_token(someone.email)
    token = LoginToken.objects.get(member=someone)
    assert token.token_hash != raw and raw not in token.token_hash
    assert token.token_hash == access.hash_token(raw)


def test_using_a_link_retires_the_members_other_links(client):
    someone = member()
    first = _new_raw_token(someone.email)
    second = _new_raw_token(someone.email)
    assert client.post(f"/natverket/logga-in/lank/{second}/").status_code == 302
    client.logout()
    assert client.post(f"/natverket/logga-in/lank/{first}/").status_code == 400


def test_next_goes_back_to_the_page_asked_for_but_never_off_site(client):
    network_pages()
    someone = member()
    url = _link_path(client, someone, "/natverket/medlemsytan/medlemmar/")
    assert client.post(url)["Location"] == "/natverket/medlemsytan/medlemmar/"
    client.logout()
    url = _link_path(client, someone, "https://evil.example/")
    assert client.post(url)["Location"] == "/natverket/medlemsytan/"
    client.logout()
    url = _link_path(client, someone, "//evil.example/")
    assert client.post(url)["Location"] == "/natverket/medlemsytan/"


def test_per_address_limit_sends_at_most_three_links(client):
    someone = member()
    mail.outbox.clear()
    answers = []
    for number in range(5):
        client.defaults["REMOTE_ADDR"] = f"10.0.0.{number}"  # five clients
        answers.append(_request_link(client, someone.email).status_code)
    assert answers == [302, 302, 302, 200, 200]  # then "a link was sent recently"
    assert len(mail.outbox) == 3


def test_guessing_links_is_blocked(client):
    someone = member()
    url = _link_path(client, someone)
    for number in range(20):
        assert client.post(f"/natverket/logga-in/lank/guess{number}/").status_code == 400
    # Over the limit even a valid link is refused for this client (and stays unused).
    assert client.post(url).status_code == 429
    assert LoginToken.objects.get(member=someone).used_at is None


def test_login_links_never_log_in_staff(client):
    someone = member()
    someone.user.is_staff = True
    someone.user.save()
    mail.outbox.clear()
    _request_link(client, someone.email)
    assert not mail.outbox
    assert access.create_login_link(someone.email) is None


def test_logged_in_non_member_on_the_login_page_gets_a_refusal(client, django_user_model):
    user = django_user_model.objects.create_user("editor-x", "e@example.org", "pw-long-enough-1")
    client.force_login(user)
    response = client.get("/natverket/logga-in/")
    assert response.status_code == 403
    assert [t.name for t in response.templates][0] == "membership/not_a_member.html"


def test_logout(client):
    network_pages()
    someone = member()
    client.force_login(someone.user)
    response = client.post("/natverket/logga-ut/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert client.get("/natverket/medlemsytan/").status_code == 302


def test_a_link_used_meanwhile_is_not_used_twice(monkeypatch):
    """Two requests both pass the check; the conditional UPDATE lets only one through."""
    someone = member()
    raw = _new_raw_token(someone.email)
    seen_before = access.check_login_token(raw)
    access.redeem_login_token(raw)  # the other request wins
    monkeypatch.setattr(access, "check_login_token", lambda _raw: seen_before)
    with pytest.raises(LinkError) as error:
        access.redeem_login_token(raw)
    assert error.value.code == "used"

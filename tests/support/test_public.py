"""The public side: service pages, the request form, receipt and status pages."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse

from network.support.forms import SupportRequestForm
from network.support.models import ServiceKind, State, SupportRequest
from network.support.services import status

from . import factories

pytestmark = pytest.mark.django_db

PINS_VALID = [
    "121212-1212",
    "19121212-1212",
    "191212121212",
    "121212+1212",
    "1212121212",
    "121212-1213",  # a wrong check digit still identifies a child
    "19121212-1219",
]
NOT_PINS = ["991399-1234", "TD-2026-0014", "0701234567"]  # no such date; reference; mobile
TEXT_FIELDS = ["name", "phone", "organisation", "description"]


def _form_url(kind=ServiceKind.CONSULTATION):
    return factories.service_page(kind).request_url()


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


def _choices(response, name):
    """The values of the radio buttons or checkboxes called ``name``."""
    return {tag["value"] for tag in _soup(response).select(f'input[name="{name}"]')}


def _value(response, name):
    """The value of the text input called ``name`` (None when there is none)."""
    tag = _soup(response).select_one(f'input[name="{name}"]')
    return tag.get("value") if tag else None


def test_index_and_service_pages_show_the_offer(client):
    factories.all_service_pages()
    response = client.get("/stod/")
    assert response.status_code == 200
    for title in ("Konsultation", "Handledning", "Riktat processtöd", "GDQ", "kartläggning"):
        assert title in response.text
    page = factories.service_page(ServiceKind.PROCESS_SUPPORT)
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Innan ni ber om stöd" in response.text
    assert "uppmärksammat frånvaron" in response.text
    assert _soup(response).select_one(f'a[href="{page.request_url()}"]')


def test_bookable_form_lists_free_times_and_contact_option(client):
    slot = factories.slot()
    response = client.get(_form_url())
    assert response.status_code == 200
    assert {str(slot.pk), "contact"} <= _choices(response, "time")
    assert _soup(response).select_one(".notice--privacy")
    # process support is requested without a time
    response = client.get(_form_url(ServiceKind.PROCESS_SUPPORT))
    assert _choices(response, "time") == set()


def test_submit_with_time_redirects_to_receipt_and_status(client):
    slot = factories.slot()
    response = client.post(_form_url(), factories.form_data(time=str(slot.pk)))
    assert response.status_code == 302
    req = SupportRequest.objects.get(email="rektor@example.org")
    assert req.state == State.BOOKED and req.slot == slot
    assert req.noticed and req.investigated and not req.measures_started
    receipt = client.get(response["Location"])
    assert req.reference in receipt.text
    assert "Vad händer nu?" in receipt.text
    links = [a["href"] for a in _soup(receipt).select("a[href]")]
    status_url = next(href for href in links if re.fullmatch(r"/stod/arende/[^/]+/", href))
    status = client.get(status_url)
    assert status.status_code == 200
    assert "Bokad" in status.text and req.reference in status.text
    assert len(mail.outbox) == 2
    assert mail.outbox[0].attachments[0][0] == "mote.ics"


def test_contact_me_and_gdq_participants(client):
    response = client.post(_form_url(), factories.form_data(time="contact"))
    assert response.status_code == 302
    req = SupportRequest.objects.get(email="rektor@example.org")
    assert req.contact_me and req.slot is None and req.state == State.NEW
    gdq = _form_url(ServiceKind.GDQ)
    response = client.post(gdq, factories.form_data(email="gdq@example.org"))
    assert response.status_code == 400
    assert "participants" in response.context["form"].errors
    response = client.post(gdq, factories.form_data(email="gdq@example.org", participants="9"))
    assert response.status_code == 302
    assert SupportRequest.objects.get(email="gdq@example.org").participants == 9


def test_taken_time_keeps_input_and_offers_next_free_times(client):
    taken, other = factories.slot(days=3), factories.slot(days=4)
    factories.support_request(slot_id=taken.pk, email="first@example.org")
    data = factories.form_data(time=str(taken.pk), description="Vår egen beskrivning.")
    before = SupportRequest.objects.count()
    response = client.post(_form_url(), data)
    assert response.status_code == 409
    assert SupportRequest.objects.count() == before
    soup = _soup(response)
    assert "hann bokas av någon annan" in soup.select_one("#id_time_error").get_text()
    assert (
        soup.select_one('textarea[name="description"]').get_text().strip()
        == "Vår egen beskrivning."
    )
    assert _value(response, "organisation") == "Testskolan"
    times = _choices(response, "time")
    assert str(other.pk) in times and str(taken.pk) not in times


@pytest.mark.parametrize("field", TEXT_FIELDS)
@pytest.mark.parametrize("pin", PINS_VALID)
def test_personal_identity_number_refused_in_every_text_field(client, field, pin):
    data = factories.form_data(time="contact", **{field: f"Se {pin} tack"})
    response = client.post(_form_url(), data)
    assert response.status_code == 400
    assert SupportRequest.objects.filter(email="rektor@example.org").count() == 0
    errors = response.context["form"].errors[field]
    assert any("personnummer" in e for e in errors)
    assert "samtycke" in response.text  # points to the right channel
    soup = _soup(response)
    kept = soup.select_one(f"#id_{field}")
    assert (kept.get("value") or kept.get_text().strip()) == f"Se {pin} tack"  # input kept


@pytest.mark.parametrize("pin", NOT_PINS)
def test_numbers_that_are_not_personal_numbers_are_accepted(pin):
    form = SupportRequestForm(
        factories.form_data(time="contact", description=f"Nummer {pin}"),
        service_kind=ServiceKind.CONSULTATION,
    )
    assert form.is_valid(), form.errors


def test_error_is_linked_to_field_and_summarised(client):
    response = client.post(_form_url(), factories.form_data(time="contact", name=""))
    assert response.status_code == 400
    soup = _soup(response)
    summary = soup.select_one("#error-summary[role=alert]")
    assert summary.select_one('a[href="#id_name"]')
    name = soup.select_one("#id_name")
    assert "id_name_error" in name["aria-describedby"].split()
    assert name["aria-invalid"] == "true"
    assert soup.select_one("#id_name_error")


def test_honeypot_and_rate_limit(client, rate_limits):
    response = client.post(_form_url(), factories.form_data(time="contact", website="spam"))
    assert response.status_code == 400
    assert not SupportRequest.objects.filter(email="rektor@example.org").exists()
    rate_limits(per_client="2/h")
    for index in range(2):
        client.post(_form_url(), factories.form_data(time="contact", email=f"r{index}@example.org"))
    response = client.post(_form_url(), factories.form_data(time="contact", name="Sist"))
    assert response.status_code == 429
    assert _value(response, "name") == "Sist"
    assert not SupportRequest.objects.filter(name="Sist").exists()


def test_english_request_gets_english_receipt(client):
    en_page = factories.service_page(language="en")
    response = client.post(en_page.request_url(), factories.form_data(time="contact"))
    assert response.status_code == 302
    req = SupportRequest.objects.get(email="rektor@example.org")
    assert req.language == "en"
    assert "We have received your request" in mail.outbox[0].subject
    assert "/en/stod/arende/" in mail.outbox[0].body


# -- status page ----------------------------------------------------------------------------
def _status(req):
    return reverse("support:status", args=[status.status_token(req)])


def test_tampered_link_shows_nothing(client):
    req = factories.support_request()
    url = _status(req)
    for broken in (url[:-3] + "xx/", "/stod/arende/abc/"):
        response = client.get(broken)
        assert response.status_code == 400
        assert "Länken fungerar inte" in response.text and req.reference not in response.text


def test_link_shows_only_its_own_request(client):
    mine = factories.support_request(email="mine@example.org", organisation="Min skola")
    other = factories.support_request(email="other@example.org", organisation="Annan skola")
    response = client.get(_status(mine))
    assert mine.reference in response.text and "Min skola" in response.text
    assert other.reference not in response.text and "Annan skola" not in response.text


def test_add_information_cancel_and_old_link(client):
    req = factories.support_request()
    url = _status(req)
    response = client.post(
        url,
        {"action": "add", "version": str(req.version), "add-text": "Vi har haft omtankesamtal."},
    )
    assert response.status_code == 302
    new_url = response["Location"].split("?")[0]
    assert new_url != url
    assert req.additions.get().text == "Vi har haft omtankesamtal."
    # the old link still works for its owner: it shows the request as it is now and acts with
    # the version it shows; a form showing an older version cannot act
    old = client.post(url, {"action": "cancel", "version": str(req.version)})
    assert old.status_code == 409
    req.refresh_from_db()
    assert req.state == State.NEW
    assert "Vi har haft omtankesamtal." in client.get(url).text
    response = client.post(url, {"action": "cancel", "version": str(req.version)})
    assert response.status_code == 302
    req.refresh_from_db()
    assert req.state == State.CANCELLED


def test_add_information_refuses_personal_identity_number(client):
    req = factories.support_request()
    response = client.post(_status(req), {"action": "add", "add-text": "Elev 121212-1212"})
    assert response.status_code == 400
    assert (
        _soup(response).select_one('textarea[name="add-text"]').get_text().strip()
        == "Elev 121212-1212"
    )
    assert not req.additions.exists()


def test_rebook_from_status_page(client):
    first, second = factories.slot(days=3), factories.slot(days=6)
    req = factories.support_request(slot_id=first.pk)
    page = client.get(_status(req))
    assert str(second.pk) in _choices(page, "rebook-time")
    response = client.post(
        _status(req),
        {"action": "rebook", "version": str(req.version), "rebook-time": str(second.pk)},
    )
    assert response.status_code == 302
    req.refresh_from_db()
    assert req.slot == second and req.ics_sequence == 1


def test_network_member_gets_form_prefilled(client, mailoutbox):
    membership = pytest.importorskip("tests.membership.factories")
    member = membership.member()
    client.force_login(member.user)
    response = client.get(_form_url())
    assert _value(response, "email") == member.email
    assert _value(response, "organisation") == member.organisation
    client.logout()
    assert not _value(client.get(_form_url()), "email")


def test_a_pupil_name_in_the_need_is_refused_but_the_senders_own_name_is_not(client):
    data = factories.form_data(
        time="contact", name="Anna Svensson", description="Ahmed i 8B är ofta borta."
    )
    response = client.post(_form_url(), data)
    assert response.status_code == 400
    assert not SupportRequest.objects.exists()
    errors = response.context["form"].errors
    assert list(errors) == ["description"] and "”Ahmed”" in errors["description"][0]
    soup = _soup(response)
    assert [box["value"] for box in soup.select("input[name=not_person_names]")] == ["Ahmed"]
    rewritten = {**data, "description": "En elev i årskurs 8 är ofta borta."}
    assert client.post(_form_url(), rewritten).status_code == 302
    assert SupportRequest.objects.get().name == "Anna Svensson"

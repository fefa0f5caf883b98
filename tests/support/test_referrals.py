"""kcsite.referrals: another app sends a visitor to the support request form with the need
already written (signed); the support app answers the ``kc_support_request_url`` hook."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core import signing

from kcsite import referrals
from network.support.models import ServiceKind, SupportRequest, SupportServicePage

from . import factories

pytestmark = pytest.mark.django_db

NEED = "Vi vill utveckla främjande arbete i årskurs 7–9.\nMentorerna saknar en rutin."


def _description(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one("textarea[name=description]").get_text()


def test_url_leads_to_the_kinds_form_with_the_need_in_the_description(client):
    url = referrals.support_request_url(
        service_kind=ServiceKind.PROCESS_SUPPORT, need=NEED, source="er självskattning"
    )
    page = factories.service_page(ServiceKind.PROCESS_SUPPORT)
    assert urlsplit(url).path == page.url + page.reverse_subpage("request_form")
    response = client.get(url)
    assert response.status_code == 200
    assert _description(response).strip() == NEED
    note = BeautifulSoup(response.content, "html.parser").select_one("#referral-note")
    assert note is not None and "er självskattning" in note.get_text()
    assert SupportRequest.objects.count() == 0  # nothing is kept until the requester sends


def test_unpublished_kind_falls_back_to_consultation_and_none_without_pages():
    consultation = factories.service_page(ServiceKind.CONSULTATION)
    factories.service_page(ServiceKind.GDQ).unpublish()
    url = referrals.support_request_url(service_kind=ServiceKind.GDQ, need=NEED)
    assert urlsplit(url).path == consultation.url + consultation.reverse_subpage("request_form")
    assert "?" not in referrals.support_request_url(service_kind=ServiceKind.GDQ, need="  ")
    for page in SupportServicePage.objects.live():
        page.unpublish()
    assert referrals.support_request_url(need=NEED) is None


def test_tampered_or_foreign_token_opens_an_empty_form(client):
    factories.service_page(ServiceKind.CONSULTATION)
    url = referrals.support_request_url(need=NEED)
    path = urlsplit(url).path
    token = parse_qs(urlsplit(url).query)["behov"][0]
    forged = signing.dumps({"n": "Skicka pengar till …", "s": "x"}, salt="another.salt")
    for bad in (token[:-2] + "xx", forged, "", "%%%"):
        response = client.get(path, {"behov": bad})
        assert response.status_code == 200
        assert _description(response).strip() == ""
        assert b"referral-note" not in response.content


def test_the_need_is_cut_to_the_fields_limit():
    long_need = "a" * (referrals.MAX_NEED + 500)
    factories.service_page(ServiceKind.CONSULTATION)
    url = referrals.support_request_url(need=long_need)
    token = parse_qs(urlsplit(url).query)["behov"][0]
    referral = referrals.read_referral({"behov": token})
    assert len(referral.need) == referrals.MAX_NEED

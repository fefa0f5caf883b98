"""The finder's "Boka konsultation" link goes where an app registered under the
``kc_consultation_url`` hook says (the support request form), else to the contact page."""

import pytest
from pytest_django.asserts import assertContains
from wagtail import hooks

from .factories import contact_page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("finder")]
URL = "/metodbank/"
NOTHING_FOUND = {"q": "qxzvyw"}  # a search without hits shows the help with the link


def _booking_link(href):
    return f'<a href="{href}">Boka konsultation med Team Domino</a>'


def test_the_first_registered_answer_is_the_link(client):
    with (
        hooks.register_temporarily("kc_consultation_url", lambda: None),
        hooks.register_temporarily("kc_consultation_url", lambda: "/stod/konsultation/begar/"),
        hooks.register_temporarily("kc_consultation_url", lambda: "/annat/"),
    ):
        response = client.get(URL, NOTHING_FOUND)
    assertContains(response, _booking_link("/stod/konsultation/begar/"), html=True)


def test_without_an_answer_the_link_is_the_contact_page(client):
    contact = contact_page()
    with hooks.register_temporarily("kc_consultation_url", lambda: None):
        response = client.get(URL, NOTHING_FOUND)
    assertContains(response, _booking_link(contact.url), html=True)

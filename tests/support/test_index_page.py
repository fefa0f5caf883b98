"""/stod/: a primary way in, and card actions that are real links to each request form."""

import pytest
from bs4 import BeautifulSoup

from network.support.models import ServiceKind, SupportServicePage

from . import factories

pytestmark = pytest.mark.django_db


def test_support_index_has_a_primary_button_and_linked_card_actions(client):
    factories.all_service_pages()
    soup = BeautifulSoup(client.get("/stod/").content, "html.parser")
    services = SupportServicePage.objects.filter(locale__language_code="sv").live()
    consultation = services.get(service_kind=ServiceKind.CONSULTATION)
    primary = soup.select_one(".support-start a.button")
    assert primary.get_text(strip=True) == "Be om stöd"
    assert primary["href"] == consultation.request_url()
    actions = {
        a["href"]: a.get_text(" ", strip=True) for a in soup.select(".support-card__action a")
    }
    assert set(actions) == {service.request_url() for service in services}
    for service in services:
        wanted = "Boka en tid direkt" if service.bookable else "Beskriv behovet, vi hör av oss"
        assert actions[service.request_url()].startswith(wanted)
        assert client.get(service.request_url()).status_code == 200

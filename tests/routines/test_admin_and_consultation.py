"""Team Domino's admin sees only shared routines; the consultation request carries the routine."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from kcsite import referrals
from methodbank.routines.services import sharing, tokens
from network.support.models import ServiceKind
from tests import builders
from tests.support import factories as support_factories

from . import factories

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def team_client(client):
    client.force_login(builders.staff_user("domino", groups=["Team Domino"]))
    return client


def test_only_shared_routines_are_listed_and_shown(team_client, template):
    shared = factories.routine(template, school_unit="Delade skolan")
    private = factories.routine(template, school_unit="Privata skolan")
    sharing.set_shared(shared, True)
    page = soup(team_client.get(reverse("shared_routines:index")))
    names = [a.get_text() for a in page.select("table.listing a")]
    assert names == ["Delade skolan"]
    assert team_client.get(reverse("shared_routines:detail", args=[shared.pk])).status_code == 200
    assert team_client.get(reverse("shared_routines:detail", args=[private.pk])).status_code == 404


def test_staff_without_the_permission_are_refused(client, routine):
    sharing.set_shared(routine, True)
    client.force_login(builders.staff_user("annan"))
    response = client.get(reverse("shared_routines:detail", args=[routine.pk]))
    assert response.status_code in (302, 403)


def test_consultation_button_prefills_the_request_with_the_routine(team_client, routine):
    sharing.set_shared(routine, True)
    assert sharing.consultation_url(routine) is None  # no support page published yet
    support_factories.service_page(ServiceKind.CONSULTATION)
    page = soup(team_client.get(reverse("shared_routines:detail", args=[routine.pk])))
    buttons = [a for a in page.select("a.button") if "behov" in a["href"]]
    assert len(buttons) == 1
    query = parse_qs(urlsplit(buttons[0]["href"]).query)
    need = referrals.read_referral({"behov": query["behov"][0]}).need
    assert "Södra skolan" in need and "Främjande" in need
    # the school's own edit page has the same button
    edit = soup(team_client.get(tokens.edit_url(routine)))
    assert [a for a in edit.select("#share a.button") if "behov" in a["href"]]


def test_editors_open_the_template_in_the_admin(team_client, template):
    url = reverse("wagtailsnippets_routines_routinetemplate:edit", args=[template.pk])
    response = team_client.get(url)
    assert response.status_code == 200
    assert "7 kap. 19 a" in response.content.decode()  # the step data (escaped JSON)

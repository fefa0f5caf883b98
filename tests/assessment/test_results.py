"""The result page: the profile as a chart with its table, the weakest areas first with live
methods, upcoming trainings and Team Domino's service, a support request prefilled with the
school's need, and the change since last time when the assessment is repeated."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from kcsite import referrals
from methodbank.importing import import_methods
from methodbank.models import MethodPage
from network.assessment.models import Assessment, Statement
from network.assessment.services import filling, results
from network.support.models import ServiceKind
from tests.events.factories import make_event
from tests.methodbank.factories import finder, method_item
from tests.support.factories import service_page

from . import factories

pytestmark = pytest.mark.django_db

LEVELS = {
    "samma-dag-kontakt": "1",
    "roller-och-rutiner": "2",
    "valkomnande-skola": "3",
    "skyndsam-utredning": "dont_know",
}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def site_data():
    """A set whose weak statements link to live methods; events and service pages."""
    factories.make_set()
    finder()
    import_methods([method_item(1), method_item(2), method_item(3)])
    first, second, hidden = (MethodPage.objects.get(slug=f"test-metod-{n}") for n in (1, 2, 3))
    hidden.unpublish()
    Statement.objects.get(key="samma-dag-kontakt").methods.set([first, hidden])
    Statement.objects.get(key="valkomnande-skola").methods.set([second])
    training = make_event(event_type="training", title="Tidiga tecken")
    past = make_event(event_type="training", starts_in=-timedelta(days=3), title="Förr")
    meeting = make_event(event_type="network_meeting", title="Nätverksträff om rutiner")
    meeting.related_methods.create(method=first)
    meeting.save_revision().publish()
    make_event(event_type="network_meeting", title="Ingen koppling")
    pages = {kind: service_page(kind) for kind in ServiceKind}
    return {
        "methods": (first, second, hidden),
        "events": (training, past, meeting),
        "services": pages,
    }


def test_profile_is_a_chart_with_the_table_beside_it(client, site_data):
    assessment = factories.completed(LEVELS)
    response = client.get(factories.path(assessment, "result"))
    assert response.status_code == 200
    profile = soup(response).select_one("#profile-heading").find_parent("section")
    svg = profile.select_one('svg[role="img"]')
    assert svg and svg.get("aria-labelledby")
    rows = profile.select("table tbody tr")
    assert [r.th.get_text(strip=True) for r in rows] == [
        "Främjande arbete",
        "Organisation och rutiner",
        "Kartläggning",
    ]
    cells = [[td.get_text(strip=True) for td in r.select("td")] for r in rows]
    assert cells[1] == ["1,5", "2", "0", "0"]
    assert cells[2] == ["–", "0", "1", "0"]  # only "vet inte": no mean, counted on its own


def test_weakest_areas_first_with_live_methods_trainings_and_service(client, site_data):
    first, second, hidden = site_data["methods"]
    training, past, meeting = site_data["events"]
    assessment = factories.completed(LEVELS)
    page = soup(client.get(factories.path(assessment, "result")))
    actions = page.select("article.assessment-action")
    assert [a["aria-labelledby"] for a in actions] == [
        "action-routines",
        "action-promote",
        "action-mapping",
    ]
    routines = actions[0]
    method_links = [a["href"] for a in routines.select('h4 + ul a[href*="metodbank"]')]
    assert method_links == [first.url]  # the unpublished method is left out
    event_links = {a.get_text(strip=True) for a in routines.select('a[href*="utbildningar"]')}
    # Of the statement's type (training), or built on its method; never a past one.
    assert event_links == {training.title, meeting.title}
    process = site_data["services"][ServiceKind.PROCESS_SUPPORT]
    assert routines.select_one(f'a[href="{process.url}"]')
    promote = actions[1]
    assert [a["href"] for a in promote.select('a[href*="metodbank"]')] == [second.url]


def test_ask_for_support_opens_the_request_prefilled_with_the_need(client, site_data):
    assessment = factories.completed(LEVELS, school_unit="Björkskolan")
    page = soup(client.get(factories.path(assessment, "result")))
    button = (
        page.select_one("#action-routines")
        .find_parent("article")
        .select_one(".assessment-request a.button")
    )
    url = urlsplit(button["href"])
    process = site_data["services"][ServiceKind.PROCESS_SUPPORT]
    assert url.path == process.request_url()
    referral = referrals.read_referral({k: v[0] for k, v in parse_qs(url.query).items()})
    assert referral is not None
    assert "Björkskolan" in referral.need and "Organisation och rutiner" in referral.need
    assert "Påstående samma-dag-kontakt" in referral.need
    assert "samma-dag-kontakt: inte påbörjat" in referral.need
    # The request form shows the need in its description field, to edit before sending.
    form = soup(client.get(button["href"]))
    assert "Påstående samma-dag-kontakt" in form.select_one('textarea[name="description"]').text


def test_no_support_page_published_means_no_button(client):
    factories.make_set()
    assessment = factories.completed(LEVELS)
    page = soup(client.get(factories.path(assessment, "result")))
    assert page.select("article.assessment-action")
    assert not page.select(".assessment-request a")


def test_repeat_from_the_result_page_shows_the_change_per_area(client, site_data):
    before = factories.completed(LEVELS, school_unit="Lindskolan")
    result_page = soup(client.get(factories.path(before, "result")))
    repeat = factories.link_to(result_page, factories.path(before, "repeat"))
    assert repeat
    form = soup(client.get(repeat["href"]))
    assert form.select_one('input[name="school_unit"]')["value"] == "Lindskolan"
    response = client.post(
        repeat["href"],
        {
            "school_unit": "Lindskolan",
            "school_form": "compulsory",
            "email": "rektor@lind.example",
            "website": "",
        },
    )
    after = Assessment.objects.get(previous=before)
    assert factories.norm(response["Location"]) == factories.norm(
        factories.path(after, "area", number=1)
    )
    better = {**LEVELS, "samma-dag-kontakt": "3", "roller-och-rutiner": "3"}
    after = factories.answer_all(after, better)
    after = filling.complete(after.pk, after.version)
    page = soup(client.get(factories.path(after, "result")))
    change = page.select_one("#change-heading").find_parent("section")
    rows = {
        r.th.get_text(strip=True): [td.get_text(strip=True) for td in r.select("td")]
        for r in change.select("table tbody tr")
    }
    assert rows["Organisation och rutiner"] == ["1,5", "3,0", "+1,5"]
    assert rows["Främjande arbete"] == ["3,0", "3,0", "±0,0"]
    assert rows["Kartläggning"] == ["–", "–", "–"]


def test_a_draft_cannot_be_repeated_and_a_first_result_has_no_change(client, site_data):
    draft = factories.start()
    assert factories.norm(
        client.get(factories.path(draft, "repeat"))["Location"]
    ) == factories.norm(factories.path(draft))
    completed = factories.completed(LEVELS)
    assert results.result(completed).changes is None
    assert not soup(client.get(factories.path(completed, "result"))).select_one("#change-heading")

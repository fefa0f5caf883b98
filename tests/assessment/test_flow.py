"""The public flow without an account: start, one page per area, resume by link, review and
complete; bad input and tampered links change nothing; a stale save is refused, not lost."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from network.assessment.models import Answer, AreaComment, Assessment
from network.assessment.services import filling

from . import factories

pytestmark = pytest.mark.django_db

START = "/stod/hur-star-vi-oss/"
START_DATA = {
    "school_unit": "Äppelskolan",
    "school_form": "compulsory",
    "email": "rektor@appel.example",
    "website": "",
}


@pytest.fixture
def indicator_set():
    return factories.make_set()


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def radios(response, name):
    return [i["value"] for i in soup(response).select(f'input[type=radio][name="{name}"]')]


def checked(response, name):
    box = soup(response).select_one(f'input[type=radio][name="{name}"][checked]')
    return box["value"] if box else None


def start(client, path=START + "starta/", **data):
    response = client.post(path, {**START_DATA, **data})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Assessment.objects.order_by("-pk").first(), response


def area_post(assessment, direction="next", version=None, **levels):
    data = {"version": assessment.version if version is None else version, "direction": direction}
    data.update(levels)
    return data


def test_start_page_says_what_it_is_and_links_to_the_form(client, indicator_set):
    response = client.get(START)
    assert response.status_code == 200
    page = soup(response)
    assert page.h1
    assert page.select_one(f'a.button[href="{START}starta/"]')
    assert len(page.select("ol.assessment-areas li")) == 3
    assert page.select_one(".notice--privacy")


def test_start_page_without_an_active_set_offers_no_start(client):
    factories.make_set(active=False)
    response = client.get(START)
    assert response.status_code == 200
    assert not soup(response).select_one(f'a[href="{START}starta/"]')
    assert client.post(START + "starta/", START_DATA).status_code == 409
    assert not Assessment.objects.exists()


def test_starting_creates_a_draft_and_mails_the_link(client, indicator_set):
    assessment, response = start(client)
    assert factories.norm(response["Location"]) == factories.norm(
        factories.path(assessment, "area", number=1)
    )
    assert (assessment.school_unit, assessment.state) == ("Äppelskolan", "draft")
    assert assessment.indicator_set == indicator_set
    assert assessment.share_with_team_domino is False
    [message] = mail.outbox
    assert message.to == ["rektor@appel.example"]
    html = message.alternatives[0][0]
    link = re.search(r"https?://\S+/stod/hur-star-vi-oss/(\S+?)/\s", message.body).group(0).strip()
    assert BeautifulSoup(html, "html.parser").select_one(f'a[href="{link}"]')
    # The mailed link resumes at the first area.
    path = "/" + link.split("/", 3)[3]
    assert factories.norm(client.get(path)["Location"]) == factories.norm(
        factories.path(assessment, "area", number=1)
    )


def test_an_assessment_started_in_english_is_mailed_in_english(client, indicator_set):
    assessment, response = start(client, path="/en/support/how-are-we-doing/start/")
    assert assessment.language == "en"
    [message] = mail.outbox
    assert "/en/support/how-are-we-doing/" in message.body


def test_start_form_errors_are_answered_with_the_form(client, indicator_set):
    response = client.post(START + "starta/", {**START_DATA, "email": "nej", "school_form": ""})
    assert response.status_code == 400
    summary = soup(response).select("#error-summary a")
    assert {a["href"] for a in summary} == {"#id_email", "#id_school_form"}
    assert not Assessment.objects.exists()


def test_an_area_page_has_one_radio_group_per_statement_with_dont_know(client, indicator_set):
    assessment, _response = start(client)
    response = client.get(factories.path(assessment, "area", number=2))
    assert response.status_code == 200
    page = soup(response)
    assert "2" in page.select_one(".assessment-progress").get_text()
    assert "3" in page.select_one(".assessment-progress").get_text()
    for key in ("samma-dag-kontakt", "roller-och-rutiner"):
        assert radios(response, key) == ["1", "2", "3", "4", "dont_know"]
        legend = page.select_one(f'fieldset:has(input[name="{key}"]) legend')
        assert legend and f"Påstående {key}" in legend.get_text()
    labels = [lab.get_text(" ", strip=True) for lab in page.select('label[for^="id_samma"]')]
    assert any("samma-dag-kontakt: inte påbörjat" in label for label in labels)
    assert page.select_one('textarea[name="comment"]')
    assert page.select_one('input[name="version"]')["value"] == str(assessment.version)


def test_save_and_continue_keeps_answers_without_javascript(client, indicator_set):
    assessment, _response = start(client)
    url = factories.path(assessment, "area", number=2)
    response = client.post(
        url,
        area_post(
            assessment,
            **{"samma-dag-kontakt": "2", "roller-och-rutiner": "dont_know"},
            comment="Vi ringer oftast samma dag.",
        ),
    )
    assessment.refresh_from_db()
    assert response.status_code == 302
    assert factories.norm(response["Location"]) == factories.norm(
        factories.path(assessment, "area", number=3)
    )
    assert filling.answers_of(assessment) == {
        "samma-dag-kontakt": "2",
        "roller-och-rutiner": "dont_know",
    }
    assert filling.comments_of(assessment) == {"routines": "Vi ringer oftast samma dag."}
    again = client.get(url)
    assert checked(again, "samma-dag-kontakt") == "2"
    assert checked(again, "roller-och-rutiner") == "dont_know"
    assert soup(again).select_one('textarea[name="comment"]').get_text().strip().startswith("Vi")


def test_back_and_later_save_too(client, indicator_set):
    assessment, _response = start(client)
    url = factories.path(assessment, "area", number=2)
    back = client.post(url, area_post(assessment, "back", **{"samma-dag-kontakt": "1"}))
    assessment.refresh_from_db()
    assert factories.norm(back["Location"]) == factories.norm(
        factories.path(assessment, "area", number=1)
    )
    later = client.post(url, area_post(assessment, "later", **{"samma-dag-kontakt": "3"}))
    assessment.refresh_from_db()
    assert factories.norm(later["Location"]) == factories.norm(
        factories.path(assessment, "review") + "?sparad=1"
    )
    assert filling.answers_of(assessment) == {"samma-dag-kontakt": "3"}
    page = soup(client.get(later["Location"]))
    assert page.select_one('p.notice[role="status"]')


def test_clearing_an_answer_counts_it_as_unanswered(client, indicator_set):
    assessment, _response = start(client)
    url = factories.path(assessment, "area", number=2)
    client.post(url, area_post(assessment, **{"samma-dag-kontakt": "1"}))
    assessment.refresh_from_db()
    client.post(url, area_post(assessment))
    assert not Answer.objects.filter(assessment=assessment).exists()


@pytest.mark.parametrize(
    "bad",
    [
        {"samma-dag-kontakt": "7"},
        {"samma-dag-kontakt": "1", "comment": "Eleven 121212-1212 är ofta borta."},
        {"samma-dag-kontakt": "1", "comment": "Vi ringer hem när Ahmed är borta."},
        {"comment": "x" * 2001},
    ],
)
def test_bad_input_is_refused_and_changes_nothing(client, indicator_set, bad):
    assessment, _response = start(client)
    version = assessment.version
    response = client.post(
        factories.path(assessment, "area", number=2), area_post(assessment, **bad)
    )
    assert response.status_code == 400
    assert soup(response).select_one("#error-summary")
    assessment.refresh_from_db()
    assert assessment.version == version
    assert not Answer.objects.exists() and not AreaComment.objects.exists()


def test_an_area_number_out_of_range_is_not_found(client, indicator_set):
    assessment, _response = start(client)
    assert client.get(factories.path(assessment, "area", number=4)).status_code == 404
    assert client.get(factories.path(assessment, "area", number=0)).status_code == 404


def tampered(path):
    return re.sub(r"(hur-star-vi-oss/)([^/]+)", lambda m: m.group(1) + m.group(2)[:-2] + "xx", path)


def test_a_tampered_link_shows_the_problem_page_and_changes_nothing(client, indicator_set):
    assessment, _response = start(client)
    good = factories.path(assessment, "area", number=1)
    bad = tampered(good)
    assert bad != good
    response = client.get(bad)
    assert response.status_code == 400
    posted = client.post(bad, area_post(assessment, **{"valkomnande-skola": "4"}))
    assert posted.status_code == 400
    review = client.post(tampered(factories.path(assessment, "review")), {"version": 1})
    assert review.status_code == 400
    assessment.refresh_from_db()
    assert assessment.version == 1 and assessment.state == "draft"
    assert not Answer.objects.exists()


def test_a_link_to_an_assessment_that_is_gone(client, indicator_set):
    assessment, _response = start(client)
    path = factories.path(assessment)
    Assessment.objects.filter(pk=assessment.pk).delete()
    assert client.get(path).status_code == 410


def test_a_stale_save_is_refused_and_shows_both_answers(client, indicator_set):
    """Two team members on the same area: the second save was made on the page as it was
    before the first; it is refused, shows what is saved now and keeps its own input."""
    assessment, _response = start(client)
    url = factories.path(assessment, "area", number=2)
    stale = assessment.version
    first = client.post(url, area_post(assessment, **{"samma-dag-kontakt": "4"}))
    assert first.status_code == 302
    second = client.post(
        url, area_post(assessment, version=stale, **{"samma-dag-kontakt": "1"}, comment="Mitt")
    )
    assert second.status_code == 409
    page = soup(second)
    notice = page.select_one(".assessment-conflict")
    assert notice and "samma-dag-kontakt: etablerat" in notice.get_text()
    assert checked(second, "samma-dag-kontakt") == "1"  # their own input, kept
    assert page.select_one('textarea[name="comment"]').get_text().strip() == "Mitt"
    assessment.refresh_from_db()
    assert filling.answers_of(assessment) == {"samma-dag-kontakt": "4"}
    assert page.select_one('input[name="version"]')["value"] == str(assessment.version)
    # Saving again on purpose (against the newer version) replaces the area's answers.
    third = client.post(url, area_post(assessment, **{"samma-dag-kontakt": "1"}))
    assert third.status_code == 302
    assert filling.answers_of(assessment) == {"samma-dag-kontakt": "1"}


def test_review_and_complete_opens_the_result(client, indicator_set):
    assessment = factories.answer_all(factories.start(), {"valkomnande-skola": "2"})
    mail.outbox.clear()
    review = client.get(factories.path(assessment, "review"))
    assert review.status_code == 200
    rows = soup(review).select("table tbody tr")
    assert len(rows) == 3
    share = soup(review).select_one('input[name="share_with_team_domino"]')
    assert share and not share.has_attr("checked")
    done = client.post(factories.path(assessment, "review"), {"version": assessment.version})
    assessment.refresh_from_db()
    assert factories.norm(done["Location"]) == factories.norm(factories.path(assessment, "result"))
    assert assessment.state == "completed" and assessment.completed_at
    assert assessment.share_with_team_domino is False
    [message] = mail.outbox
    assert "/resultat/" in message.body
    # A completed assessment cannot be changed through its area pages: a page still open
    # is told so and keeps what was chosen; opening one leads to the result.
    later = client.post(
        factories.path(assessment, "area", number=1),
        area_post(assessment, **{"valkomnande-skola": "4"}),
    )
    assert later.status_code == 409
    page = soup(later)
    alert = page.select_one("[role=alert]")
    assert factories.link_to(alert, factories.path(assessment, "result"))
    assert checked(later, "valkomnande-skola") == "4"
    assert filling.answers_of(assessment) == {"valkomnande-skola": "2"}
    opened = client.get(factories.path(assessment, "area", number=1))
    assert factories.norm(opened["Location"]) == factories.norm(
        factories.path(assessment, "result")
    )


def test_sharing_is_chosen_at_completion_and_can_be_changed(client, indicator_set):
    assessment = factories.start()
    client.post(
        factories.path(assessment, "review"),
        {"version": assessment.version, "share_with_team_domino": "on"},
    )
    assessment.refresh_from_db()
    assert assessment.share_with_team_domino is True
    response = client.post(factories.path(assessment, "share"), {"version": assessment.version})
    assessment.refresh_from_db()
    assert response["Location"].endswith("?delning=sparad")
    assert assessment.share_with_team_domino is False
    stale = client.post(
        factories.path(assessment, "share"), {"version": 1, "share_with_team_domino": "on"}
    )
    assert stale["Location"].endswith("?delning=konflikt")
    assessment.refresh_from_db()
    assert assessment.share_with_team_domino is False


def test_a_draft_has_no_result_yet(client, indicator_set):
    assessment = factories.start()
    response = client.get(factories.path(assessment, "result"))
    assert response.status_code == 302


def test_the_support_page_leads_to_the_self_assessment(client, indicator_set):
    from tests.support.factories import index_page

    index = index_page()
    page = soup(client.get(index.url))
    assert page.select_one(f'.assessment-teaser a[href="{START}"]')


def test_starts_are_rate_limited_per_address(client, indicator_set, rate_limits):
    rate_limits(per_email="1/h")
    start(client)
    response = client.post(START + "starta/", START_DATA)
    assert response.status_code == 429
    assert Assessment.objects.count() == 1


def test_the_start_form_refuses_a_personal_number_too(client, indicator_set):
    response = client.post(START + "starta/", {**START_DATA, "school_unit": "Skola 121212-1212"})
    assert response.status_code == 400
    assert soup(response).select_one('#error-summary a[href="#id_school_unit"]')
    assert not Assessment.objects.exists()


def test_a_name_in_a_comment_is_kept_out_until_the_visitor_ticks_it(client, indicator_set):
    assessment, _response = start(client)
    url = factories.path(assessment, "area", number=2)
    written = "Frånvaron registreras i Wilma samma dag."
    response = client.post(url, area_post(assessment, comment=written))
    assert response.status_code == 400
    page = soup(response)
    assert [box["value"] for box in page.select("input[name=not_person_names]")] == ["Wilma"]
    assert page.select_one('textarea[name="comment"]').get_text().strip() == written
    assert not AreaComment.objects.exists()
    ticked = area_post(assessment, comment=written, not_person_names="Wilma")
    assert client.post(url, ticked).status_code == 302
    assert list(filling.comments_of(assessment).values()) == [written]


def test_the_start_form_takes_a_school_named_after_a_person_but_not_a_name(client, indicator_set):
    response = client.post(START + "starta/", {**START_DATA, "school_unit": "Kalle"})
    assert response.status_code == 400 and not Assessment.objects.exists()
    named = {**START_DATA, "school_unit": "Sven Eriksonsgymnasiet"}
    assert client.post(START + "starta/", named).status_code == 302

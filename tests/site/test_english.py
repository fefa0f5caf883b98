"""English pages: English slugs with permanent redirects from the Swedish ones, capitalised
month names, English topic names, and addresses with a comma before the postcode."""

import re

import pytest
from bs4 import BeautifulSoup
from django.utils.text import slugify

pytestmark = pytest.mark.django_db

MOVED = {
    "/en/stod/": "/en/support/",
    "/en/natverket/": "/en/network/",
    "/en/kunskapsbank/": "/en/knowledge-library/",
    "/en/kunskapsbank/franvarokalkylator/": "/en/knowledge-library/absence-calculator/",
    "/en/kunskapsbank/forskning/": "/en/knowledge-library/research/",
    "/en/kunskapsbank/filmer/": "/en/knowledge-library/films/",
    "/en/metodbank/": "/en/method-bank/",
}


@pytest.mark.parametrize(("old", "new"), MOVED.items())
def test_english_slugs_and_permanent_redirects_from_the_swedish_ones(client, old, new):
    assert client.get(new).status_code == 200
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"].endswith(new)


def test_every_translated_page_below_home_has_an_english_slug():
    from wagtail.models import Page

    english = list(Page.objects.filter(locale__language_code="en", depth__gt=2).live())
    assert len(english) > 10
    swedish_words = ("stod", "natverket", "kunskapsbank", "franvarokalkylator", "metodbank")
    assert not [p.url for p in english if any(f"/{w}/" in p.url for w in swedish_words)]
    same_as_swedish = []
    for page in english:
        source = Page.objects.filter(
            translation_key=page.translation_key, locale__language_code="sv"
        ).first()
        # a name ("Team Domino") is the same in both languages
        if source is not None and source.slug == page.slug != slugify(page.title):
            same_as_swedish.append(page.url)
    assert same_as_swedish == []


def test_english_event_dates_have_capitalised_months(client):
    from events.models import EventPage

    page = EventPage.objects.filter(locale__language_code="en").live().first()
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    text = soup.select_one(".events-occasions").get_text(" ", strip=True)
    month = re.search(
        r"\b(january|february|march|april|may|june|july|august|september|october|november"
        r"|december)\b",
        text,
        re.IGNORECASE,
    )
    assert month and month.group(0)[0].isupper(), text


def test_location_line_has_a_comma_before_the_postcode():
    from events.models import EventPage

    page = EventPage.objects.filter(address__contains="503 35").first()
    assert page.location_text() == (
        "Kunskapscentrum för skolnärvaro, Stadshuset, Kungsgatan 55, 503 35 Borås"
    )


def test_research_topics_and_calculator_hint_in_english(client):
    from django.utils import translation

    soup = BeautifulSoup(client.get("/en/knowledge-library/research/").content, "html.parser")
    options = [o.get_text(strip=True) for o in soup.select("select[name=topic] option")]
    with translation.override("en"):
        english = translation.gettext("skolfrånvaro")
    if english != "skolfrånvaro":  # the catalogue has the branch's translations
        assert "school absence" in options and "skolfrånvaro" not in options
    assert "All topics" in options

"""The English side of the method bank and the knowledge library: every item listed (the
English translation where there is one, else the Swedish original marked ``lang="sv"``), the
English → Swedish search glossary, and the language switch on a page without a translation."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import Translation

from methodbank.glossary import reset_cache, swedish_for_english
from methodbank.importing import import_methods
from methodbank.library.models import FilmPage, Reference
from methodbank.models import GlossaryTerm, MethodPage
from tests.library import factories as library_factories

from .factories import method_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_methods_en")]
EN_FINDER = "/en/method-bank/"


def soup_of(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def json_titles(client, url, q):
    response = client.get(url, {"q": q, "format": "json"})
    assert response.status_code == 200
    return [result["title"] for result in response.json()["results"]]


def finder_cards(soup):
    return {card.find("h3").a["href"]: card for card in soup.select(".method-card")}


def test_demo_translates_ten_methods_with_wagtail_localize_and_english_slugs():
    english = MethodPage.objects.filter(locale__language_code="en").live()
    assert english.count() >= 10
    for page in english:
        assert Translation.objects.filter(
            source__object_id=page.translation_key, target_locale=page.locale
        ).exists(), page.slug
        original = page.get_translation(Locale.objects.get(language_code="sv"))
        assert page.slug != original.slug and page.title != original.title
    caring = MethodPage.objects.get(locale__language_code="en", slug="caring-conversation")
    assert caring.url == "/en/method-bank/caring-conversation/"
    assert caring.steps[0].value["title"] == "Notice the absence"


def test_english_finder_lists_every_method_swedish_ones_marked(client):
    swedish = MethodPage.objects.filter(locale__language_code="sv").live().public()
    translated = MethodPage.objects.filter(locale__language_code="en").live()
    soup = soup_of(client, EN_FINDER, {"page": 1})
    data = client.get(EN_FINDER, {"format": "json"}).json()
    assert data["total"] == swedish.count()

    all_cards = {}
    for number in range(1, data["pages"] + 1):
        all_cards.update(finder_cards(soup_of(client, EN_FINDER, {"page": number})))
    assert len(all_cards) == swedish.count()
    for page in translated:  # the English version, not the Swedish one
        card = all_cards[page.url]
        assert not card.select("[lang]") and not card.select(".language-label")
        assert page.get_translation(Locale.get_default()).url not in all_cards
    untranslated = swedish.exclude(translation_key__in=translated.values("translation_key"))
    for page in untranslated:
        card = all_cards[page.url]
        assert card.find("h3").a["lang"] == "sv"
        assert card.select_one(".method-card__summary")["lang"] == "sv"
        assert card.select_one(".language-label")
    assert soup.find("html")["lang"] == "en"


def test_swedish_finder_shows_only_swedish_methods_unmarked(client):
    cards = finder_cards(soup_of(client, "/metodbank/"))
    assert cards and all(not card.select("[lang]") for card in cards.values())
    assert all(not href.startswith("/en/") for href in cards)


def test_glossary_reaches_a_swedish_method_from_an_english_word(client):
    import_methods(
        [method_item(slug="zz-grodan", title="Zz Grodhopp och kvarnhjul", summary="Kvarnhjul.")]
    )
    GlossaryTerm.objects.create(english="frog leap, frogleap", swedish="grodhopp")
    reset_cache()
    assert "Zz Grodhopp och kvarnhjul" in json_titles(client, EN_FINDER, "frog leap")
    # The glossary applies on the English side only.
    assert "Zz Grodhopp och kvarnhjul" not in json_titles(client, "/metodbank/", "frog leap")
    soup = soup_of(client, EN_FINDER, {"q": "frogleap"})
    card = next(c for c in soup.select(".method-card") if "Grodhopp" in c.h3.get_text())
    assert card.h3.a["lang"] == "sv"


def test_shipped_glossary_finds_swedish_methods_for_truancy_and_school_refusal(client):
    titles = json_titles(client, EN_FINDER, "truancy")
    swedish_titles = set(
        MethodPage.objects.filter(locale__language_code="sv").values_list("title", flat=True)
    )
    assert swedish_titles & set(titles), titles
    assert swedish_titles & set(json_titles(client, EN_FINDER, "school refusal"))
    assert json_titles(client, "/metodbank/", "truancy") == []


def test_glossary_lookup_prefers_the_longest_phrase_and_only_in_english():
    reset_cache()
    with translation.override("en"):
        found = swedish_for_english(["school", "refusal", "and", "attendance"])
        assert found[:2] == ["problematisk skolfrånvaro", "hemmasittare"]
        assert "närvaro" in found
        assert swedish_for_english(["refusal"]) == []
    with translation.override("sv"):
        assert swedish_for_english(["truancy"]) == []


def test_glossary_snippet_validates_and_normalises():
    term = GlossaryTerm(english=" Frog Leap,frog leap ", swedish="grodhopp, ")
    term.full_clean()
    assert (term.english, term.swedish) == ("frog leap", "grodhopp")
    with pytest.raises(Exception, match="svenskt"):
        GlossaryTerm(english="frog", swedish=" , ").full_clean()


def test_language_switch_on_an_untranslated_page_stays_and_says_so(client):
    english = MethodPage.objects.filter(locale__language_code="en")
    page = (
        MethodPage.objects.filter(locale__language_code="sv")
        .live()
        .exclude(translation_key__in=english.values("translation_key"))
        .first()
    )
    soup = soup_of(client, page.url)
    link = soup.select_one('.language-switcher a[lang="en"]')
    assert link["href"] == "#language-note-en"
    note = soup.select_one("#language-note-en")
    assert note["lang"] == "en" and link["aria-describedby"] == "language-note-en"
    assert note.a["href"] == "/en/"
    assert "Den här sidan finns bara på svenska" in note.get_text() or "Swedish" in (
        note.get_text()
    )


def test_language_switch_on_a_translated_page_links_the_translation(client):
    page = MethodPage.objects.get(locale__language_code="en", slug="caring-conversation")
    original = page.get_translation(Locale.get_default())
    soup = soup_of(client, original.url)
    assert soup.select_one('.language-switcher a[lang="en"]')["href"] == page.url
    assert not soup.select("#language-note-en")
    back = soup_of(client, page.url)
    assert back.select_one('.language-switcher a[lang="sv"]')["href"] == original.url


def test_english_film_library_lists_the_swedish_films(client, library):
    library_factories.film(library.films)
    swedish = FilmPage.objects.filter(locale__language_code="sv").live()
    soup = soup_of(client, "/en/knowledge-library/films/")
    cards = soup.select(".film-card")
    assert len(cards) == swedish.count()
    assert cards[0].h2.a["lang"] == "sv" and cards[0].select_one(".language-label")
    film = swedish.first()
    note = soup_of(client, film.url).select_one("#language-note-en")
    assert note is not None


def test_references_in_swedish_are_marked_on_the_english_side(client, library):
    swedish = Reference.objects.filter(language="sv").first()
    english = Reference.objects.filter(language="en").first()
    with translation.override("en"):
        swedish_url, english_url = swedish.get_url(), english.get_url()
    assert swedish_url.startswith("/en/")
    soup = soup_of(client, swedish_url)
    assert soup.h1["lang"] == "sv" and soup.select_one(".language-label")
    assert not soup_of(client, english_url).h1.has_attr("lang")
    listing = soup_of(client, swedish_url.split(str(swedish.pk))[0])
    marked = [item for item in listing.select(".reference") if item.select(".language-label")]
    assert marked and all(
        item.select_one(".reference__citation")["lang"] == "sv" for item in marked
    )


def test_reference_page_lists_each_citing_method_once_in_the_visitors_language(client, library):
    caring = MethodPage.objects.get(locale__language_code="en", slug="caring-conversation")
    reference = caring.cited_references.first()
    with translation.override("en"):
        url = reference.get_url()
    links = [a["href"] for a in soup_of(client, url).select("main li a")]
    assert caring.url in links
    assert caring.get_translation(Locale.get_default()).url not in links


def test_editors_manage_the_glossary_in_the_admin(admin_client):
    listing = admin_client.get("/admin/snippets/methodbank/glossaryterm/")
    assert listing.status_code == 200
    # seeded from the shipped file by the migration (listed in order, twenty to a page)
    assert GlossaryTerm.objects.filter(english__contains="truancy").exists()
    assert b"absence analysis" in listing.content
    response = admin_client.post(
        "/admin/snippets/methodbank/glossaryterm/add/",
        {"english": "Frog Leap", "swedish": "grodhopp"},
    )
    assert response.status_code == 302
    assert GlossaryTerm.objects.get(english="frog leap").swedish == "grodhopp"

"""The self-assessment in English: translated route segments (the Swedish ones under /en/ move
there), indicator snippets translated with wagtail-localize and shown on /en/ pages (the
original's words where a translation is missing), the demo's English set."""

import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from kcsite.pages.demo_tools import Demo
from network.assessment import demo_indicators
from network.assessment.demo import load_indicator_set, translate_indicator_set
from network.assessment.models import Area, IndicatorSet, Statement
from network.assessment.services import links
from network.assessment.services.indicators import set_data

from . import factories

pytestmark = pytest.mark.django_db

EN_BASE = "/en/support/how-are-we-doing/"


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def translate(instance, words):
    """Translate ``instance`` into English through wagtail-localize, as an editor does:
    ``words`` maps its Swedish strings to English (others stay untranslated)."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    target = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    po = target.export_po()
    for entry in po:
        entry.msgstr = words.get(entry.msgid, "")
    target.import_po(po, tool_name="test")
    target.save_target()
    return instance.get_translation(Locale.objects.get(language_code="en"))


@pytest.fixture
def english_set():
    """The small set with the set, both areas of the routines and the first statement
    translated; the second statement of "routines" has no translation."""
    indicator_set = factories.make_set()
    translate(indicator_set, {indicator_set.title: "Indicators", indicator_set.intro: "How to."})
    for area in indicator_set.areas.all():
        translate(area, {area.title: f"EN {area.key}", area.intro: f"About {area.key}."})
    same_day = Statement.objects.get(key="samma-dag-kontakt")
    translate(
        same_day,
        {same_day.text: "Same-day contact", same_day.level_1: "Not started (same day)"},
    )
    return indicator_set


@pytest.mark.parametrize(
    ("name", "kwargs", "swedish", "english"),
    [
        ("start_page", {}, "/stod/hur-star-vi-oss/", EN_BASE),
        ("start", {}, "/stod/hur-star-vi-oss/starta/", EN_BASE + "start/"),
        ("area", {"number": 2}, "/stod/hur-star-vi-oss/T/omrade/2/", EN_BASE + "T/area/2/"),
        ("review", {}, "/stod/hur-star-vi-oss/T/granska/", EN_BASE + "T/review/"),
        ("result", {}, "/stod/hur-star-vi-oss/T/resultat/", EN_BASE + "T/result/"),
        ("share", {}, "/stod/hur-star-vi-oss/T/dela/", EN_BASE + "T/share/"),
        ("repeat", {}, "/stod/hur-star-vi-oss/T/gor-om/", EN_BASE + "T/repeat/"),
        ("print", {}, "/stod/hur-star-vi-oss/T/utskrift/", EN_BASE + "T/print/"),
        ("print_pdf", {}, "/stod/hur-star-vi-oss/T/utskrift/pdf/", EN_BASE + "T/print/pdf/"),
    ],
)
def test_every_segment_has_an_english_slug(name, kwargs, swedish, english):
    if name not in ("start_page", "start"):
        kwargs = {"token": "T", **kwargs}
    for language, expected in (("sv", swedish), ("en", english)):
        with translation.override(language):
            assert reverse(f"assessment:{name}", kwargs=kwargs) == expected


def test_old_english_addresses_move_to_the_english_slugs(client, english_set):
    assessment = factories.start(language="en")
    token = links.token_for(assessment)
    response = client.get(f"/en/stod/hur-star-vi-oss/{token}/omrade/1/?sparad=1")
    assert response.status_code == 301
    assert response["Location"] == f"{EN_BASE}{token}/area/1/?sparad=1"
    assert client.get("/en/stod/hur-star-vi-oss/")["Location"] == EN_BASE
    posted = client.post(f"/en/stod/hur-star-vi-oss/{token}/granska/", {"version": "1"})
    assert posted.status_code == 308 and posted["Location"] == f"{EN_BASE}{token}/review/"
    assert client.get("/en/stod/hur-star-vi-oss/x/finns-inte/").status_code == 404
    assert client.get("/stod/hur-star-vi-oss/x/finns-inte/").status_code == 404


def test_english_pages_show_the_translated_words_and_the_original_where_missing(
    client, english_set
):
    assessment = factories.start(language="en")
    area = soup(client.get(links.path_for(assessment, "area", "en", number=2)))
    assert area.h1.get_text(strip=True) == "EN routines"
    texts = area.get_text(" ", strip=True)
    assert "Same-day contact" in texts and "Not started (same day)" in texts
    assert "samma-dag-kontakt: påbörjat" in texts  # a level the translation left untranslated
    assert "Påstående roller-och-rutiner" in texts  # a statement without a translation
    swedish = soup(client.get(links.path_for(assessment, "area", "sv", number=2)))
    assert swedish.h1.get_text(strip=True) == "Organisation och rutiner"
    assert "Same-day contact" not in swedish.get_text()
    start = soup(client.get(EN_BASE))
    assert "How to." in start.get_text() and "EN promote" in start.get_text()


def test_assessments_use_the_original_set_whatever_the_language(client, english_set):
    english_copy = english_set.get_translation(Locale.objects.get(language_code="en"))
    assert english_copy.is_active and english_set.is_active  # one active set per language
    assert IndicatorSet.active() == english_set
    assessment = factories.start(language="en")
    assert assessment.indicator_set == english_set
    with translation.override("en"):
        data = set_data(english_set.pk)
    assert [a.title for a in data.areas] == ["EN promote", "EN routines", "EN mapping"]
    assert [s.key for s in data.statements] == [
        "valkomnande-skola",
        "samma-dag-kontakt",
        "roller-och-rutiner",
        "skyndsam-utredning",
    ]
    # Another original set made active, then translated: its translation takes over as the
    # active English copy (one active set per language), and the originals decide.
    newer = factories.make_set()
    translate(newer, {})
    english_copy.refresh_from_db()
    assert IndicatorSet.active() == newer and not english_copy.is_active


def test_demo_translates_all_21_statements_into_english():
    demo = Demo(io.StringIO(), None)
    indicator_set = load_indicator_set(demo)
    translate_indicator_set(demo, indicator_set, "en")
    english = Locale.objects.get(language_code="en")
    statements = Statement.objects.filter(locale=english)
    assert statements.count() == demo_indicators.statement_count() == 21
    assert Area.objects.filter(locale=english).count() == len(demo_indicators.AREAS)
    originals = {s.translation_key: s for s in Statement.objects.filter(locale__language_code="sv")}
    for statement in statements:
        original = originals[statement.translation_key]
        assert statement.key == original.key and statement.area.locale == english
        for name in ("text", "level_1", "level_2", "level_3", "level_4"):
            assert getattr(statement, name) and getattr(statement, name) != getattr(
                original, name
            ), (statement.key, name)
    translate_indicator_set(demo, indicator_set, "en")  # again: nothing new
    assert Statement.objects.filter(locale=english).count() == 21

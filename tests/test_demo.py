"""The demo content: it loads, loads again without change, and every page renders.

The one test module that loads the demo (``manage.py load_demo``, every app's ``demo.py``). It is
loaded once for the module inside a transaction that is rolled back at the end, so the session
database keeps only its skeleton (``tests/conftest.py``); each test runs in a savepoint inside
that transaction. Checks of what one app's demo contains belong here too, in a section of their
own; everything else builds its own data.
"""

import io
import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection, transaction
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.text import slugify
from wagtail.models import Page, Revision, Workflow

from events.models import EventOccasion, EventPage, Registration
from kcsite.pages.models import HomePage, StandardPage
from kcsite.pages.schoolyear import is_school_day
from methodbank.importing import import_methods
from methodbank.library.demo import find_ffmpeg
from methodbank.library.models import FilmPage, ReferenceLibraryPage

from .conftest import search_cluster_configured
from .events.factories import make_event
from .methodbank.factories import many_methods, method_item


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for this module and rolled back after it; its ``load_demo`` output."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            out = io.StringIO()
            # What load_demo leaves for "on commit" (Wagtail's redirects for changed slugs …)
            # runs as after a real commit.
            with TestCase.captureOnCommitCallbacks(execute=True):
                call_command("load_demo", stdout=out)
            yield out.getvalue()
            transaction.set_rollback(True)
        if search_cluster_configured():  # the cluster is not rolled back: index the skeleton
            call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())


@pytest.fixture(autouse=True)
def _in_demo(demo, db):
    """Every test here sees the demo (``db`` nests each test in a savepoint)."""


def _snapshot():
    """Row counts of every project model and Wagtail's page tables."""
    models = [Page, Revision]
    for label in ("pages", "methodbank", "library", "events", "support", "membership"):
        models += list(apps.get_app_config(label).get_models())
    return {model._meta.label: model.objects.count() for model in models} | {
        "latest_revision": Revision.objects.order_by("-pk").values_list("pk", flat=True).first()
    }


def _public_pages():
    return Page.objects.live().public().filter(depth__gte=2).specific()


def _parse(response):
    return BeautifulSoup(response.content, "html.parser")


# -- loading -------------------------------------------------------------------------------


def test_demo_loads_and_reports_what_it_created(demo):
    assert "Demo content ready:" in demo
    assert "0 created" not in demo


def test_demo_loads_twice_without_change():
    before = _snapshot()  # the module fixture loaded it once
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert _snapshot() == before
    assert "0 created" in out.getvalue()


def test_demo_has_the_named_pages_in_swedish_and_english():
    slugs = set(Page.objects.filter(locale__language_code="sv").values_list("slug", flat=True))
    assert {
        "home",
        "om-kunskapscentrum",
        "team-domino",
        "narvaroarbete-i-tre-nivaer",
        "kontakt",
        "tillganglighetsredogorelse",
    } <= slugs
    assert Page.objects.filter(locale__language_code="en", depth=2, live=True).exists()


def test_demo_keeps_the_editors_group_and_the_moderation_workflow():
    assert Group.objects.filter(name="Editors").exists()
    workflow = Workflow.objects.filter(active=True).first()
    assert workflow is not None and workflow.tasks.exists()


# -- rendering -----------------------------------------------------------------------------


def test_every_demo_page_renders_in_swedish_and_english(client):
    pages = list(_public_pages())
    assert len(pages) >= 7
    assert {page.locale.language_code for page in pages} == {"sv", "en"}
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        soup = _parse(response)
        assert soup.html["lang"] == page.locale.language_code, page.url
        assert soup.select_one('a[href="#main"]'), page.url  # the skip link
        assert soup.select_one("main#main"), page.url
        assert soup.h1, page.url


def test_pages_carry_meta_description_and_open_graph(client):
    page = StandardPage.objects.get(slug="om-kunskapscentrum", locale__language_code="sv")
    soup = _parse(client.get(page.url))
    assert soup.select_one('meta[name="description"]')["content"] == page.search_description
    assert soup.select_one('meta[property="og:title"]')
    assert soup.select_one('meta[property="og:url"]')["content"] == page.full_url


def test_three_tiers_figure_is_accessible(client):
    figure = _parse(client.get("/narvaroarbete-i-tre-nivaer/")).select_one('[role="img"]')
    assert figure.select_one("title[id]") and figure.select_one("desc[id]")
    text = figure.get_text(" ")
    for label in ("Främjande", "Förebyggande", "Åtgärdande"):
        assert label in text


def test_footer_links_to_the_accessibility_statement(client):
    assert _parse(client.get("/")).select_one('footer a[href="/tillganglighetsredogorelse/"]')


def test_sitemap_lists_every_demo_page_in_every_locale(client):
    xml = client.get("/sitemap.xml").content.decode()
    for page in _public_pages():
        assert f"<loc>{page.full_url}</loc>" in xml, page.full_url
    english_home = HomePage.objects.get(locale__language_code="en")
    assert f"<loc>{english_home.full_url}</loc>" in xml


# -- support (Team Domino) ---------------------------------------------------------------------


def test_support_demo_has_five_services_free_times_and_requests_in_many_states():
    from network.support.models import AvailableSlot, State, SupportRequest, SupportServicePage
    from network.support.services import statistics
    from network.support.services.booking import free_slots

    kinds = set(
        SupportServicePage.objects.filter(locale__language_code="sv").values_list(
            "service_kind", flat=True
        )
    )
    assert len(kinds) == 5
    assert SupportServicePage.objects.filter(locale__language_code="en").count() == 5
    assert free_slots().count() >= 6
    assert AvailableSlot.objects.filter(pattern__isnull=False).exists()
    states = set(SupportRequest.objects.values_list("state", flat=True))
    assert {State.NEW, State.UNDER_ASSESSMENT, State.PLANNED, State.CLOSED} <= states
    report = statistics.build_report()
    assert report.lead_time["count"] >= 4
    assert report.lead_time["median"] is not None and report.lead_time["p90"] is not None


def test_support_demo_times_promise_no_link_in_the_confirmation():
    """The confirmation carries no meeting link, so no time may say it does."""
    from network.support import demo
    from network.support.models import AvailableSlot, WeeklyPattern

    assert not any("bekräftelsen" in str(row) for row in demo.PATTERNS)
    assert not AvailableSlot.objects.filter(location__icontains="bekräftelsen").exists()
    assert not WeeklyPattern.objects.filter(location__icontains="bekräftelsen").exists()


# -- events ------------------------------------------------------------------------------------


def test_demo_event_body_does_not_repeat_the_intro():
    for event in EventPage.objects.filter(locale__language_code="sv"):
        first = next(iter(event.body), None)
        if first is not None and first.block_type == "paragraph":
            assert event.intro not in str(first.value)


# -- the English side of the demo (moved from tests/site/test_english.py) -----------------

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
    page = EventPage.objects.filter(locale__language_code="en").live().first()
    text = _parse(client.get(page.url)).select_one(".events-occasions").get_text(" ", strip=True)
    month = re.search(
        r"\b(january|february|march|april|may|june|july|august|september|october|november"
        r"|december)\b",
        text,
        re.IGNORECASE,
    )
    assert month and month.group(0)[0].isupper(), text


def test_location_line_has_a_comma_before_the_postcode():
    page = EventPage.objects.filter(address__contains="503 35").first()
    assert page.location_text() == (
        "Kunskapscentrum för skolnärvaro, Stadshuset, Kungsgatan 55, 503 35 Borås"
    )


def test_research_topics_and_calculator_hint_in_english(client):
    soup = _parse(client.get("/en/knowledge-library/research/"))
    options = [o.get_text(strip=True) for o in soup.select("select[name=topic] option")]
    with translation.override("en"):
        english = translation.gettext("skolfrånvaro")
    if english != "skolfrånvaro":  # the catalogue has the branch's translations
        assert "school absence" in options and "skolfrånvaro" not in options
    assert "All topics" in options


# -- dates follow the school year (moved from tests/site/test_schoolyear.py) --------------


def test_demo_events_and_registrations_follow_the_school_year():
    occasions = list(EventOccasion.objects.all())
    assert occasions
    for occasion in occasions:
        start, end = timezone.localtime(occasion.start), timezone.localtime(occasion.end)
        assert is_school_day(start.date()), start
        assert start.hour >= 8 and end.hour <= 17 and end > start
    registrations = list(Registration.objects.select_related("event"))
    assert registrations
    for registration in registrations:
        stamp = timezone.localtime(registration.created_at)
        assert is_school_day(stamp.date()) and 8 <= stamp.hour < 17, stamp
        assert stamp < registration.event.first_occasion.start - timedelta(days=7)


# -- what a fresh `make run` shows (moved from tests/site/test_fresh_clone.py) ------------


def test_the_demo_film_is_there_without_a_system_ffmpeg(client):
    assert "imageio_ffmpeg" in find_ffmpeg()  # the wheel's own binary, not an apt package
    film = FilmPage.objects.get(slug="tidiga-tecken-exempelfilm", locale__language_code="sv")
    assert film.video.file.size > 0
    assert client.get(film.url).status_code == 200


def _empty_state(client, url):
    return _parse(client.get(url)).select_one("main p.notice").get_text(" ", strip=True)


def test_film_library_empty_states_say_what_is_true(client):
    url = "/kunskapsbank/filmer/"
    assert "filter" not in _empty_state(client, url + "?q=zzzqqxxy").lower()
    FilmPage.objects.filter(locale__language_code="sv").unpublish()
    soup = _parse(client.get(url))
    assert soup.select_one("[role=status]").get_text(strip=True) == "Inga filmer publicerade ännu"
    assert _empty_state(client, url) == "Det finns inga filmer här ännu."
    assert "ta bort ett filter" in _empty_state(client, url + "?tier=act")


def test_reference_library_without_filters_does_not_ask_to_remove_one(client):
    text = _empty_state(client, "/kunskapsbank/forskning/?q=zzzqqxxy")
    assert "filter" not in text.lower() and "annat ord" in text


# -- queries per page do not grow with content (moved from tests/site/test_query_counts.py) --
# SQL queries per public page stay the same however many methods, references and events there
# are. Measured with the page cache off (every request renders), after a warm-up request
# (per-process memos and cached fragments are built once per content change, not per request).
# Here because it measures the demo's film and reference library pages too.


def _reference(number):
    return {
        "authors": f"Forskare, A. {number}",
        "year": 2000 + number,
        "title": f"En studie om skolnärvaro nummer {number}",
        "publisher": "Tidskrift för närvaro",
    }


def _counts(client, urls):
    counts = {}
    for name, url in urls.items():
        assert client.get(url).status_code == 200, url  # warm-up
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[name] = len(queries)
    return counts


def test_queries_per_page_do_not_grow_with_methods_references_and_events(client, page_cache_off):
    import_methods(
        many_methods(3, prefix="kvot")
        + [method_item(slug="kvot-citerar", title="Kvot citerar", references=[_reference(1)])]
    )
    event = make_event(title="Kvotutbildning")
    urls = {
        "home": "/",
        "finder": "/metodbank/",
        "finder with text": "/metodbank/?q=massmetod",
        "finder filtered": "/metodbank/?tier=act&kind=tool",
        "method page": "/metodbank/kvot-1/",
        "method page citing references": "/metodbank/kvot-citerar/",
        "event page": event.url,
        "film page": FilmPage.objects.live().filter(locale__language_code="sv").first().url,
        "reference list": ReferenceLibraryPage.objects.live()
        .filter(locale__language_code="sv")
        .first()
        .url,
    }
    small = _counts(client, urls)

    import_methods(
        many_methods(60, prefix="kvot")
        + [
            method_item(
                slug="kvot-citerar",
                title="Kvot citerar",
                references=[_reference(number) for number in range(1, 9)],
            )
        ]
    )
    for _ in range(5):
        make_event()
    large = _counts(client, urls)

    assert large == small
    # and every page is cheap (before: 24 to 41 queries per page type)
    assert max(small.values()) <= 15, small

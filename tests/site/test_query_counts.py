"""SQL queries per public page stay the same however many methods, references and events there are.

Measured with the page cache off (every request renders), after a warm-up request (per-process
memos and cached fragments are built once per content change, not per request)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from methodbank.importing import import_methods
from methodbank.library.models import FilmPage, ReferenceLibraryPage
from tests.events.factories import make_event
from tests.methodbank.factories import many_methods, method_item

pytestmark = pytest.mark.django_db


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


def test_queries_per_page_do_not_grow_with_methods_references_and_events(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
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

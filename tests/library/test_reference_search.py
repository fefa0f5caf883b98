"""Reference search with many references: relevance order, filters over every hit, and the
SQLite full-text index answering in one ranked query (issue 15: 13–24 s at ~4 000 references).
The timing itself is ``ops/bench_references.py``."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from kcsite.search.services import search_ids
from methodbank.library.models import Reference
from methodbank.library.services import InOrder, reference_listing
from tests.library import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def many():
    """30 reports that mention attendance once, and 3 articles that are about it."""
    for number in range(30):
        factories.reference(
            f"Rapport om skolan {number}",
            ref_type="report",
            year=2000 + number % 20,
            summary="Skolans arbete; närvaro nämns en gång.",
        )
    return [
        factories.reference(
            f"Närvaro och närvaro i skolan {number}",
            ref_type="article",
            year=2010 + number,
            summary="Närvaro, närvaro och åter närvaro.",
            authors=[f"Författare {number}"],
        )
        for number in range(3)
    ]


def titles(params):
    listing = reference_listing(QueryDict(params))
    return [ref.title for ref in listing["page_obj"].object_list], listing


def test_relevance_first_and_each_page_loads_only_its_references(many):
    shown, listing = titles("q=närvaro")
    assert listing["page_obj"].paginator.count == 33
    assert set(shown[:3]) == {ref.title for ref in many}  # the ones about it first
    assert isinstance(listing["references"], InOrder)
    with CaptureQueriesContext(connection) as queries:
        listing = reference_listing(QueryDict("q=närvaro&page=2"))
        page = list(listing["page_obj"].object_list)
    assert len(page) == 13
    loaded = [q["sql"] for q in queries if 'FROM "library_reference"' in q["sql"]]
    assert all("LIMIT" in sql or "IN" in sql for sql in loaded)


def test_filters_apply_to_every_hit(many):
    """The filters apply after the search, to every hit up to the cluster's result window."""
    _, listing = titles("q=närvaro&ref_type=report")
    assert listing["page_obj"].paginator.count == 30
    shown, _ = titles("q=närvaro&ref_type=report&sort=title")
    assert len(shown) == 20 and all(title.startswith("Rapport") for title in shown)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's full-text index")
def test_sqlite_ranks_in_one_query_like_wagtails_own(many):
    backend = get_search_backend("default")
    expected = [ref.pk for ref in backend.search("närvaro", Reference.objects.all())]
    with CaptureQueriesContext(connection) as queries:
        ids, alias = search_ids(Reference.objects.all(), "närvaro")
    assert alias == "default"
    assert ids[:3] == expected[:3] and set(ids) == set(expected)
    # one ranked full-text query and one to keep what the queryset allows: no subquery per hit
    assert sum(q["sql"].count("MATCH") for q in queries) == 1
    only_reports = search_ids(Reference.objects.filter(ref_type="report"), "närvaro")[0]
    assert len(only_reports) == 30

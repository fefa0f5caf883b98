"""The finder's per-concept queries: one multi-search request on the search cluster gives the
same hits as one query per concept."""

import pytest
from wagtail.search.backends import get_search_backend

from kcsite.search.analysis import analyse
from kcsite.search.services import _cluster_concept_ids, _concept_ids
from methodbank.models import MethodFinderPage, MethodPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_methods")]
QUERIES = [
    "samtal med vårdnadshavare",
    "hur kan lärare upptäcka tidiga tecken på frånvaro",
    "frånvaro kartläggning",
]


def _methods():
    finder = MethodFinderPage.objects.get(locale__language_code="sv")
    return MethodPage.objects.child_of(finder).live()


@pytest.mark.opensearch
@pytest.mark.parametrize("text", QUERIES)
def test_one_multi_search_finds_what_each_concept_query_finds(text):
    backend = get_search_backend("default")
    methods = _methods()
    queries = [concept.query for concept in analyse(text)]
    assert len(queries) > 1
    each = [_concept_ids(backend, methods, query, 500) for query in queries]
    assert all(each), text
    assert _cluster_concept_ids(backend, methods, queries, 500) == each


def test_the_database_backend_asks_one_query_per_concept():
    backend = get_search_backend("database" if _has_database_alias() else "default")
    queries = [concept.query for concept in analyse(QUERIES[0])]
    assert _cluster_concept_ids(backend, _methods(), queries, 500) is None


def _has_database_alias():
    from django.conf import settings

    return "database" in settings.WAGTAILSEARCH_BACKENDS

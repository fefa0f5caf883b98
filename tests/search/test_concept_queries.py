"""The finder's per-concept questions (``kcsite.search.concept_scores``): asked together (one
multi-search request on the cluster, one SQL query on PostgreSQL) they find what each concept's
own Wagtail search finds, and a cached answer is the backend's answer."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from kcsite.search.analysis import analyse
from kcsite.search.concept_scores import concept_scores
from methodbank.importing import import_methods
from methodbank.models import MethodFinderPage, MethodPage
from tests import builders
from tests.methodbank.factories import method_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_methods")]
QUERIES = [
    "samtal med vårdnadshavare",
    "hur kan lärare upptäcka tidiga tecken på frånvaro",
    "frånvaro kartläggning",
]


def _methods():
    finder = MethodFinderPage.objects.get(locale__language_code="sv")
    return MethodPage.objects.child_of(finder).live()


def _each_by_wagtail(backend, methods, queries):
    return [{page.pk for page in backend.search(query, methods)} for query in queries]


def _aliases():
    return ["default", *(["database"] if "database" in settings.WAGTAILSEARCH_BACKENDS else [])]


@pytest.mark.parametrize("alias", _aliases())
@pytest.mark.parametrize("text", QUERIES)
@override_settings(SEARCH_CONCEPT_CACHE_SECONDS=0)
def test_asked_together_each_concept_finds_what_its_own_search_finds(text, alias):
    """On every configured backend (with PostgreSQL and OpenSearch: the cluster's multi-search
    and the one SQL query over PostgreSQL's index)."""
    backend = get_search_backend(alias)
    methods = _methods()
    queries = [concept.query for concept in analyse(text)]
    assert len(queries) > 1
    each = _each_by_wagtail(backend, methods, queries)
    assert all(each), text
    together = concept_scores(alias, backend, methods, queries, 500)
    assert [set(scores) for scores in together] == each
    assert all(score > 0 for scores in together for score in scores.values())


@override_settings(SEARCH_CONCEPT_CACHE_SECONDS=600)
def test_a_cached_answer_is_the_backends_until_the_content_changes():
    cache.clear()
    backend = get_search_backend("default")
    methods = _methods()
    queries = [concept.query for concept in analyse("snöskottning")]
    assert concept_scores("default", backend, methods, queries, 500) == [{}]
    import_methods([method_item(slug="snoskottning", title="Snöskottning före skoldagen")])
    builders.refresh_search_index(MethodPage)
    new = MethodPage.objects.get(slug="snoskottning").pk
    first = concept_scores("default", backend, methods, queries, 500)
    assert list(first[0]) == [new]  # the import bumped the content generation: asked again
    assert concept_scores("default", backend, methods, queries, 500) == first

"""Relevance of the Swedish search on each backend (figures printed and written to
var/test-reports/relevance-<backend>.txt, which ``make test`` prints at the end)."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from kcsite.search.services import search_ids
from methodbank.models import MethodFinderPage, MethodPage

from .relevance import evaluate, load_judgments, report

pytestmark = pytest.mark.django_db
METHODS = Path(__file__).resolve().parents[2] / "methodbank" / "demo" / "methods.json"
THRESHOLDS = {"opensearch": 0.85, "postgres": 0.70, "sqlite": 0.90}


def _searcher(alias):
    finder = MethodFinderPage.objects.get(locale__language_code="sv")
    methods = MethodPage.objects.child_of(finder).live().public()
    slugs = dict(methods.values_list("pk", "slug"))

    def search(text):
        ids, used = search_ids(methods, text, aliases=[alias])
        assert used == alias, f"{alias} did not answer {text!r}"
        return [slugs[pk] for pk in ids if pk in slugs]

    return search


def _run(backend, alias):
    queries = load_judgments()
    mrr, mean_ndcg, rows = evaluate(_searcher(alias), queries)
    report(backend, mrr, mean_ndcg, rows, THRESHOLDS[backend])
    assert mrr >= THRESHOLDS[backend], (
        f"MRR@10 {mrr:.3f} on {backend} is below {THRESHOLDS[backend]}"
    )


def test_judgments_are_well_formed_and_cover_the_corpus():
    queries = load_judgments()
    assert len(queries) >= 30
    slugs = {item["slug"] for item in json.loads(METHODS.read_text("utf-8"))}
    assert len(slugs) >= 30
    assert set(MethodPage.objects.filter(slug__in=slugs).values_list("slug", flat=True)) == slugs
    ids = [query["id"] for query in queries]
    assert len(ids) == len(set(ids))
    for query in queries:
        assert query["query"].strip() and query["judgments"], query["id"]
        assert set(query["judgments"]) <= slugs, (query["id"], set(query["judgments"]) - slugs)
        assert all(grade in (1, 2, 3) for grade in query["judgments"].values()), query["id"]
    categories = {query["category"] for query in queries}
    assert len(categories) >= 5, categories


@pytest.mark.opensearch
def test_relevance_on_opensearch():
    _run("opensearch", "default")


@pytest.mark.postgres
def test_relevance_on_postgresql():
    _run("postgres", "database" if "database" in settings.WAGTAILSEARCH_BACKENDS else "default")


def test_relevance_on_sqlite():
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("the SQLite run measures SQLite")
    _run("sqlite", "default")

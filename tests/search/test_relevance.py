"""Relevance of the Swedish search on each backend, for both judgment sets (figures printed and
written to var/test-reports/relevance-<backend>-<set>.txt, which ``make test`` prints at the end).

Set 1 (the demo methods) is the set the search was tuned on; set 2 (``set2/``: 43 methods in
another voice, imported here only, with queries written before measuring) was never tuned on."""

import json

import pytest
from django.conf import settings

from kcsite.search.ranking import search_ranked
from methodbank.importing import import_methods
from methodbank.models import MethodFinderPage, MethodPage
from methodbank.services import CORE_FIELDS

from .relevance import (
    JUDGMENTS,
    SETS,
    by_category,
    evaluate,
    load_judgments,
    report,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_methods")]
METHODS = JUDGMENTS.parents[2] / "methodbank" / "demo" / "methods.json"
# What each set must reach on each backend (MRR@10 and nDCG@5 over all queries, and nDCG@5 of
# the questions typed as sentences): a little below what was measured on SQLite, PostgreSQL and
# OpenSearch (the targets for set 2, 0.95 / 0.85 / 0.85, are not reached yet). Set 3 is
# the blind development set (``relevance.py``).
REQUIRED = {
    "set1": {"mrr": 0.95, "ndcg": 0.85, "questions": 0.72},
    "set2": {"mrr": 0.85, "ndcg": 0.78, "questions": 0.75},
    "set3": {"mrr": 0.86, "ndcg": 0.67, "questions": 0.52},
}


def _searcher(alias, slugs_of):
    """The finder's search (``finder_hits``) over the methods of one set."""
    methods = MethodPage.objects.filter(pk__in=slugs_of)

    def search(text):
        hits = search_ranked(methods, text, aliases=[alias], core_fields=CORE_FIELDS)
        assert hits.backend == alias, f"{alias} did not answer {text!r}"
        return [slugs_of[pk] for pk in hits.ids if pk in slugs_of], hits.strong

    return search


def _methods_of_set(name):
    """``{pk: slug}`` of the set's methods (its own ones imported here, slugs ``s<N>-``)."""
    finder = MethodFinderPage.objects.get(locale__language_code="sv")
    methods = MethodPage.objects.child_of(finder).live().public()
    corpus = SETS[name][1]
    if corpus is None:
        return dict(methods.exclude(slug__regex=r"^s[0-9]+-").values_list("pk", "slug"))
    import_methods(json.loads(corpus.read_text("utf-8")))
    return dict(methods.filter(slug__startswith=f"s{name[-1]}-").values_list("pk", "slug"))


def _run(backend, alias, name):
    queries = load_judgments(SETS[name][0])
    mrr, mean_ndcg, rows = evaluate(_searcher(alias, _methods_of_set(name)), queries)
    required = REQUIRED[name]
    report(f"{backend}-{name}", mrr, mean_ndcg, rows, required)
    questions = by_category(rows, "ndcg").get("question", 0)
    assert mrr >= required["mrr"], f"MRR@10 {mrr:.3f} on {backend} ({name})"
    assert mean_ndcg >= required["ndcg"], f"nDCG@5 {mean_ndcg:.3f} on {backend} ({name})"
    assert questions >= required["questions"], f"questions {questions:.3f} on {backend} ({name})"


@pytest.mark.parametrize(
    ("path", "corpus"), [(path, corpus or METHODS) for path, corpus in SETS.values()]
)
def test_judgments_are_well_formed_and_cover_the_corpus(path, corpus):
    queries = load_judgments(path)
    assert len(queries) >= 40
    slugs = {item["slug"] for item in json.loads(corpus.read_text("utf-8"))}
    assert len(slugs) >= 30
    ids = [query["id"] for query in queries]
    assert len(ids) == len(set(ids))
    for query in queries:
        assert query["query"].strip() and query["judgments"], query["id"]
        assert set(query["judgments"]) <= slugs, (query["id"], set(query["judgments"]) - slugs)
        assert all(grade in (1, 2, 3) for grade in query["judgments"].values()), query["id"]
    categories = {query["category"] for query in queries}
    assert len(categories) >= 5, categories


def test_demo_methods_are_loaded():
    slugs = {item["slug"] for item in json.loads(METHODS.read_text("utf-8"))}
    assert set(MethodPage.objects.filter(slug__in=slugs).values_list("slug", flat=True)) == slugs


@pytest.mark.opensearch
@pytest.mark.parametrize("name", list(SETS))
def test_relevance_on_opensearch(name):
    _run("opensearch", "default", name)


@pytest.mark.postgres
@pytest.mark.parametrize("name", list(SETS))
def test_relevance_on_postgresql(name):
    alias = "database" if "database" in settings.WAGTAILSEARCH_BACKENDS else "default"
    _run("postgres", alias, name)


@pytest.mark.parametrize("name", list(SETS))
def test_relevance_on_sqlite(name):
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("the SQLite run measures SQLite")
    _run("sqlite", "default", name)

"""Site search with a safety net: when the search cluster fails, use the database index.

A cluster that cannot be reached (refused, reset or timed out) is asked no second query and
is skipped for a while (``circuit``); one that rejects a query is asked again in plain words.
"""

import logging
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import CharField
from django.db.models.functions import Cast
from wagtail.search.backends.base import BaseSearchBackend
from wagtail.search.query import Fuzzy

from kcsite.pagination import paginate
from kcsite.privacy import (
    contains_personal_identity_number,
    redact_personal_identity_numbers,
)

from . import circuit
from .analysis import build_query
from .backends import search_backend

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
PER_PAGE = 10


def clean_query(raw):
    """Normalise a visitor's query: trimmed, single-spaced, at most MAX_QUERY_LENGTH chars,
    without control characters. Query syntax (quotes, AND, *) is kept as plain text."""
    text = "".join(ch if ch.isprintable() else " " for ch in (raw or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def plain_words(query):
    """The query with every character that is not part of a word replaced by a space."""
    return " ".join(re.sub(r"[^\w]+", " ", query).split())


@dataclass
class SearchOutcome:
    page: object = None
    paginator: Paginator | None = None
    backend: str = "default"
    fell_back: bool = False
    results: list = field(default_factory=list)

    @property
    def total(self):
        return self.paginator.count if self.paginator else 0


def backend_aliases():
    """The backends to ask, in order: the cluster (unless its circuit is open), then the
    database index it falls back to."""
    aliases = ["default"]
    if "database" in settings.WAGTAILSEARCH_BACKENDS:
        if circuit.is_open():
            return ["database"]
        aliases.append("database")
    return aliases


def autocomplete_backend(alias):
    """The backend for ``alias`` with the shorter autocomplete timeout on the cluster."""
    if alias == "default" and "database" in settings.WAGTAILSEARCH_BACKENDS:
        return search_backend(alias, TIMEOUT=settings.SEARCH_AUTOCOMPLETE_TIMEOUT_SECONDS)
    return search_backend(alias)


def backend_failed(alias, attempt, error, query=None):
    """Log a backend failure; True when the backend is unreachable, so that no further query
    is sent to it (and, for the cluster, the circuit opens)."""
    logger.warning(
        "Search backend %r failed for %s (%s); falling back",
        alias,
        *_loggable(query, attempt, error),
    )
    if alias == "default" and circuit.is_unreachable(error):
        circuit.trip(error)
        return True
    return False


def _is_cluster(backend):
    module = type(backend).__module__
    return "elasticsearch" in module or "opensearch" in module


def _is_sqlite(backend):
    return "sqlite" in type(backend).__module__


def _is_postgres(backend):
    return "postgres" in type(backend).__module__


def _queries_for(backend, query):
    """The queries to try on ``backend``, best first: the Swedish query (synonyms, inflections,
    compounds, typos; see ``kcsite.search.analysis``), then the plain words as they were typed,
    and on PostgreSQL a trigram (fuzzy) query when nothing else matched."""
    built = build_query(query, fuzzy=_is_cluster(backend), all_words_clause=not _is_sqlite(backend))
    attempts = [built] if built is not None else []
    words = plain_words(query)
    if words:
        attempts.append(words)
    if _is_postgres(backend) and words:
        attempts.append(Fuzzy(words, unaccent=True))
    return attempts


def _loggable(query, attempt, error):
    """What a warning may say about a failed attempt: nothing of a personal number, which
    the query's words (and an error quoting them) would otherwise carry in pieces."""
    text = str(query if query is not None else attempt)
    if contains_personal_identity_number(text):
        return repr(redact_personal_identity_numbers(text)), type(error).__name__
    return repr(attempt), error


def _first_answer(query, aliases, fetch, found):
    """The fallback every search shares: ask each backend in ``aliases``, each with its queries
    best first (:func:`_queries_for`); ``fetch(alias, backend, attempt)`` gives an answer.

    The first answer that ``found`` accepts wins. A backend whose queries all answered without
    finding anything answers with its last answer (the next backend is not asked); a backend
    that fails is logged and the next query or backend is tried. None when no backend answered.
    """
    for alias in aliases:
        backend: BaseSearchBackend = search_backend(alias)
        answered = None
        for attempt in _queries_for(backend, query):
            try:
                answer = fetch(alias, backend, attempt)
            except Exception as error:  # noqa: BLE001 - no backend failure may reach a visitor
                if backend_failed(alias, attempt, error, query=query):
                    break
                continue
            answered = answer
            if found(answer):
                return answer
        if answered is not None:
            return answered
    logger.error("No search backend could answer %r", redact_personal_identity_numbers(query))
    return None


def search(queryset, query, *, page_number=1, per_page=PER_PAGE, search_kwargs=None):
    """Search ``queryset`` for ``query`` and return one page of results.

    Tries the default backend (the search cluster in production) and, if it raises, logs a
    warning and answers from the ``database`` backend instead. A backend that rejects a query
    is asked again with the plain words. An attempt that finds nothing passes on to the next one
    (PostgreSQL's fuzzy query comes last). If nothing answers, the outcome is empty: a visitor
    never gets an error page from search.
    """
    search_kwargs = search_kwargs or {}

    def fetch(alias, backend, attempt):
        page = paginate(backend.search(attempt, queryset, **search_kwargs), page_number, per_page)
        list(page.object_list)  # evaluated here: a backend failure surfaces in the guard
        return SearchOutcome(
            page=page, paginator=page.paginator, backend=alias, fell_back=alias != "default"
        )

    outcome = _first_answer(query, backend_aliases(), fetch, lambda found: found.paginator.count)
    if outcome is None:
        page = paginate([], 1, per_page)
        outcome = SearchOutcome(page=page, paginator=page.paginator, backend="none", fell_back=True)
    return outcome


def _cluster_ids(backend, results, queryset, limit, verify):
    """On the search cluster: the ids of the best ``limit`` hits in one request, without
    Wagtail's scrolling (pages of 100) and model loading; None if the backend is not a
    cluster. With ``verify``, ids of objects no longer in ``queryset`` (a stale index) are
    dropped."""
    if not _is_cluster(backend) or not hasattr(results, "_get_es_body"):
        return None
    params = {
        "index": backend.get_index_for_model(queryset.model).name,
        "_source": False,
        results.fields_param_name: "_none_",  # no stored fields: the pk comes from doc values
        "size": limit,
    }
    body = {**results._get_es_body(), "docvalue_fields": ["pk"]}
    response = results._backend_do_search(body, **params)
    to_python = queryset.model._meta.pk.to_python
    pks = [to_python(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]
    if not verify:
        return pks
    existing = set(queryset.filter(pk__in=pks).values_list("pk", flat=True))
    return [pk for pk in pks if pk in existing]


def _sqlite_ids(backend, results, queryset, limit, scored=False):
    """On SQLite's full-text index: the ids of the best ``limit`` hits of ``queryset`` in one
    ranked query (``scored``: ``(id, bm25)`` pairs, lower bm25 better); None on another
    backend. (Wagtail's own SQLite query ranks each hit with a
    subquery that runs the full-text match again, once per hit: 10–20 s for a word in a few
    thousand references.)"""
    if not _is_sqlite(backend) or not hasattr(results, "query_compiler"):
        return None
    # The SQLite backend's module (its models exist only on SQLite, so imported only here).
    from modelsearch.backends.database.sqlite import sqlite as fts

    compiler = results.query_compiler
    query = fts.normalize(compiler.query)
    if isinstance(query, (fts.MatchAll, fts.Not)):
        return None
    config = compiler.get_config(backend)
    match = fts.MatchExpression(
        compiler.fields or compiler.FTS_TABLE_FIELDS,
        compiler.build_search_query(query, config=config),
    )
    allowed = queryset.order_by().annotate(_pk_text=Cast("pk", CharField())).values("_pk_text")
    ranked = (
        fts.SQLiteFTSIndexEntry.objects.filter(match)
        .filter(index_entry__content_type__in=fts.get_descendants_content_types_pks(queryset.model))
        .filter(index_entry__object_id__in=allowed)
        .annotate(score=compiler._build_rank_expression(compiler.get_search_vectors(), config))
        .order_by("score")
    )
    to_python = queryset.model._meta.pk.to_python
    if scored:
        rows = ranked.values_list("index_entry__object_id", "score")[:limit]
        return [(to_python(pk), score) for pk, score in rows]
    return [to_python(pk) for pk in ranked.values_list("index_entry__object_id", flat=True)[:limit]]


def search_ids(queryset, query, *, limit=2000, aliases=None, verify=True):
    """Primary keys of the objects of ``queryset`` matching ``query``, most relevant first.

    Same queries and the same fallback as ``search``. Returns ``(ids, backend_alias)``.
    ``aliases`` picks the backends to try (default: the cluster, then the database).
    ``verify=False`` skips the database query that drops the cluster's stale hits, for a
    caller that intersects the ids with what it shows anyway.
    """

    def fetch(alias, backend, attempt):
        results = backend.search(attempt, queryset.only("pk"))
        ids = _cluster_ids(backend, results, queryset, limit, verify)
        if ids is None:
            ids = _sqlite_ids(backend, results, queryset, limit)
        if ids is None:
            ids = [obj.pk for obj in results[:limit]]
        return ids, alias

    answer = _first_answer(query, aliases or backend_aliases(), fetch, lambda found: found[0])
    return answer if answer is not None else ([], "none")

"""Ranking by concepts: the methods that hold more of what the visitor asks for come first, and
the hits split into strong and weak ones, the same way on every backend.

The query's concepts (its content words with their forms and synonyms,
``kcsite.search.analysis.analyse``) are asked of the backend one by one
(``kcsite.search.concept_scores``, cached per content generation), and matched in Python against
the analysed *core fields* of every object (title, summary, keywords: :class:`CoreIndex`, built
once per process and content generation). Nothing of this is tuned to particular words.
"""

import math
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Max, Sum

from kcsite.pages.caching import ProcessMemo

from .analysis import analyse, relax
from .backends import search_backend
from .concept_scores import concept_scores, scope_of
from .services import backend_aliases, backend_failed, search_ids
from .words import index_terms

MAX_CORE_INDEXES = 8  # per process: one per finder and language is what the site needs
# Every hit of each concept counts, not only the best ``limit`` of the whole search: a method
# that holds every concept may rank low for each one alone. 10 000 is the search cluster's
# default result window.
CONCEPT_HITS = 10_000


class CoreIndex:
    """For every analysed term of the core fields, the objects whose core fields hold it, and
    likewise for the first core field alone (the title)."""

    def __init__(self, rows):
        self.core, self.first = defaultdict(set), defaultdict(set)
        for pk, *values in rows:
            for term in index_terms(" ".join(str(value or "") for value in values)):
                self.core[term].add(pk)
            for term in index_terms(str(values[0] or "")):
                self.first[term].add(pk)

    @staticmethod
    def _holding(concept, postings):
        found = set()
        for words in concept.folded_alternatives:
            sets = [postings.get(word) for word in words]
            if all(sets):
                found |= set.intersection(*sets)
        return found

    def holding(self, concept):
        """The objects whose core fields hold ``concept`` (any of its alternatives)."""
        return self._holding(concept, self.core)

    def holding_in_first(self, concept):
        return self._holding(concept, self.first)


_CORE_INDEXES = OrderedDict()  # (scope, fields) -> ProcessMemo


def core_index(queryset, core_fields, scope=None):
    """The :class:`CoreIndex` of ``queryset``'s ``core_fields``, kept per process and rebuilt
    when the content changes (:class:`kcsite.pages.caching.ProcessMemo`)."""
    key = (scope or scope_of(queryset), tuple(core_fields))
    memo = _CORE_INDEXES.get(key)
    if memo is None:
        versions = {"n": Count("pk"), "s": Sum("pk")}
        if any(field.name == "last_published_at" for field in queryset.model._meta.get_fields()):
            versions["t"] = Max("last_published_at")
        memo = ProcessMemo(
            build=lambda _version: CoreIndex(queryset.values_list("pk", *core_fields)),
            db_version=lambda: queryset.order_by().aggregate(**versions),
        )
        _CORE_INDEXES[key] = memo
        while len(_CORE_INDEXES) > MAX_CORE_INDEXES:
            _CORE_INDEXES.popitem(last=False)
    _CORE_INDEXES.move_to_end(key)
    return memo.get()


@dataclass
class RankedHits:
    """Search hits, best first; the first ``strong`` of them match the query well (the rest
    merely mention some of its words)."""

    ids: list
    strong: int
    backend: str


def _concept_hits(queryset, scope, query, concepts, aliases):
    """Each concept's ``{pk: score}`` from the first backend that answers, and its alias."""
    queries = [concept.query for concept in concepts]
    for alias in aliases or backend_aliases():
        backend = search_backend(alias)
        try:
            found = concept_scores(alias, backend, queryset, queries, CONCEPT_HITS, scope=scope)
            return found, alias
        except Exception as error:  # noqa: BLE001 - no backend failure may reach a visitor
            backend_failed(alias, queries, error, query=query)
    return None, "none"


@dataclass
class _Found:
    """What the backend and the core fields hold of each concept."""

    alias: str
    scores: list  # per concept: {pk: the backend's score}
    in_core: list  # per concept: the pks whose core fields hold it
    in_first: list  # per concept: the pks whose first core field (the title) holds it

    @property
    def covered(self):
        return [set(found) | held for found, held in zip(self.scores, self.in_core, strict=True)]


def _gather(queryset, scope, query, concepts, aliases, core_fields):
    scores, alias = _concept_hits(queryset, scope, query, concepts, aliases)
    if scores is None:
        return None
    core = core_index(queryset, core_fields, scope=scope) if core_fields else None
    return _Found(
        alias,
        scores,
        [core.holding(concept) if core else set() for concept in concepts],
        [core.holding_in_first(concept) if core else set() for concept in concepts],
    )


def search_ranked(
    queryset, query, *, limit=2000, aliases=None, verify=True, core_fields=(), scope=None
):
    """The objects of ``queryset`` matching ``query``, best first, split into strong and weak.

    A hit holds a concept when the backend finds the concept in it or its core fields hold it
    (read and analysed in Python). A hit's *coverage* is the share of the concepts it holds,
    each weighted by how rare it is among the hits (a frequent word counts less). Hits are
    ordered by coverage, then by how many concepts their core fields hold (the title counting
    twice), then by the sum of the backend's scores for the concepts. Strong hits hold every
    concept of a one- or two-concept query (and, for a single concept, hold it in a core
    field), or at least 60 % of the weight of a longer query.

    When nothing holds the query, its compound words are asked as their parts instead
    (``analysis.relax``: ``vikariebrist`` → ``vikarie``, ``brist``).
    ``scope`` names what ``queryset`` selects for the caches (default: its SQL).
    When nothing is found at all (a misspelt word), the backend's full query answers
    (``search_ids``: plain words, fuzzy matching), and its hits are all weak."""
    concepts = analyse(query)
    if not concepts:
        ids, alias = search_ids(queryset, query, limit=limit, aliases=aliases, verify=verify)
        return RankedHits(ids, len(ids), alias)
    scope = scope or scope_of(queryset)
    found = _gather(queryset, scope, query, concepts, aliases, core_fields)
    if found is None:
        return RankedHits([], 0, "none")
    ids, strong = _rank(queryset, found, len(concepts), limit, verify, core_fields)
    relaxed = None if ids else relax(concepts)
    if relaxed:  # a compound word that nothing holds: ask for its parts instead
        again = _gather(queryset, scope, query, relaxed, [found.alias], core_fields)
        if again is not None:
            ids, strong = _rank(queryset, again, len(relaxed), limit, verify, core_fields)
    if not ids:
        ids, alias = search_ids(queryset, query, limit=limit, aliases=[found.alias], verify=verify)
        strong = len(ids) if len(concepts) == 1 and not core_fields else 0
        return RankedHits(ids, strong, alias)
    return RankedHits(ids, strong, found.alias)


def _rank(queryset, found, concept_count, limit, verify, core_fields):
    """``(ids, strong)``: the hits of ``found`` in order, and how many of them are strong."""
    covered, in_core, in_first = found.covered, found.in_core, found.in_first
    hits = set().union(*covered)
    if verify and hits:  # the cluster may still hold objects that are gone
        hits &= set(queryset.filter(pk__in=hits).values_list("pk", flat=True))
        covered, in_core, in_first = (
            [held & hits for held in sets] for sets in (covered, in_core, in_first)
        )
    if not hits:
        return [], 0
    ranked, coverage = _order(hits, covered, in_core + in_first, found.scores, limit)
    if concept_count == 1:
        single = in_core[0] if core_fields else hits
        strong = [pk for pk in ranked if pk in single]
        weak = [pk for pk in ranked if pk not in single]
    else:
        threshold = 0.999 if concept_count == 2 else 0.6
        strong = [pk for pk in ranked if coverage[pk] >= threshold]
        weak = [pk for pk in ranked if coverage[pk] < threshold]
    return strong + weak, len(strong)


def _order(hits, covered, in_core_fields, scores, limit):
    """The best ``limit`` hits in order, and each hit's coverage (see ``search_ranked``).
    Every set given holds only hits.

    Coverage depends only on which concepts a hit holds, so it is worked out once per
    combination (a bit mask). The order is three stable sorts on plain numbers (by id, by the
    sum of scores, by coverage and core fields), which Python sorts several times faster than
    the same order as tuples."""
    weights = [math.log(1 + len(hits) / max(1, len(found))) + 0.1 for found in covered]
    total = sum(weights)
    held = dict.fromkeys(hits, 0)
    for bit, found in enumerate(covered):
        for pk in found:
            held[pk] += 1 << bit
    share = {}
    for mask in set(held.values()):
        part = sum(weight for bit, weight in enumerate(weights) if mask >> bit & 1) / total
        share[mask] = round(part, 3) if len(covered) > 1 else 1.0
    core = Counter()
    for found in in_core_fields:  # core fields, then the title again: a title counts twice
        core.update(found)
    width, core_of = len(in_core_fields) + 1, core.get
    rounded = {mask: round(part * 1000) * width for mask, part in share.items()}
    bucket = {pk: -(rounded[mask] + core_of(pk, 0)) for pk, mask in held.items()}
    negative_score = dict.fromkeys(hits, 0.0)
    for found in scores:
        for pk, value in found.items():
            if pk in negative_score:
                negative_score[pk] -= value
    order = sorted(hits)
    order.sort(key=negative_score.__getitem__)
    order.sort(key=bucket.__getitem__)
    return order[:limit], {pk: share[mask] for pk, mask in held.items()}

"""The method finder's logic: reading a query, searching, filtering, counting, paging; and the
methods related to a method."""

import hashlib
import heapq
import math
from dataclasses import dataclass, field
from functools import cached_property

from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext as _

from kcsite.pages.caching import fragment_cache, generation
from kcsite.search.ranking import search_ranked
from kcsite.search.services import clean_query
from kcsite.search.vocabulary import corrections

from . import taxonomy
from .facets import facet_index

PER_PAGE = 12
# The finder ranks at most this many search hits (facet counts are those of these hits).
MAX_HITS = 500
SORTS = ("relevance", "title", "newest")


@dataclass
class FinderQuery:
    text: str = ""
    selected: dict = field(default_factory=dict)  # facet param -> list of codes
    sort: str = ""
    page: int = 1
    errors: list = field(default_factory=list)

    @classmethod
    def from_request(cls, params):
        """Read the query string; unknown values are ignored (and listed in ``errors``)."""
        query = cls(text=clean_query(params.get("q", "")))
        for facet in taxonomy.FACETS:
            values = []
            for value in params.getlist(facet.param):
                if value in facet.codes:
                    if value not in values:
                        values.append(value)
                elif value:
                    query.errors.append(
                        _("Okänt värde för %(facet)s: %(value)s")
                        % {"facet": facet.param, "value": value[:50]}
                    )
            if values:
                query.selected[facet.param] = values
        sort = params.get("sort", "")
        if sort in SORTS:
            query.sort = sort
        elif sort:
            query.errors.append(_("Okänd sortering: %(value)s") % {"value": sort[:50]})
        raw_page = params.get("page", "1") or "1"
        try:
            query.page = int(raw_page)
            if query.page < 1:
                raise ValueError
        except ValueError:
            query.page = 1
            query.errors.append(_("Ogiltigt sidnummer: %(value)s") % {"value": raw_page[:20]})
        return query

    @property
    def effective_sort(self):
        if self.sort == "relevance" and not self.text:
            return "title"
        return self.sort or ("relevance" if self.text else "title")

    @property
    def has_filters(self):
        return bool(self.selected)

    def is_selected(self, param, code):
        return code in self.selected.get(param, ())


@dataclass
class FacetValue:
    code: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetGroup:
    param: str
    label: str
    values: list


@dataclass
class FinderResult:
    query: FinderQuery
    total: int
    page: int
    pages: int
    page_ids: list  # the methods of the current page, in order
    facets: list  # FacetGroup
    backend: str = ""
    without_filters: int = 0  # how many would match the text alone (for the no-results help)
    suggestion: str = ""
    # Where on this page the weak matches start (the divider "Fler metoder som nämner …"; at 0
    # on a page of weak ones only, and when no method matches well), or None when the page
    # holds only strong matches.
    divider_at: int | None = None
    strong: int = 0  # how many of ``total`` match the search text well

    @cached_property
    def results(self):
        """The methods of the current page (MethodPage objects, in order)."""
        by_id = cards_for(self.page_ids)
        return [by_id[pk] for pk in self.page_ids if pk in by_id]

    @property
    def load_cards(self):
        return cards_for

    @property
    def start_index(self):
        return (self.page - 1) * PER_PAGE + 1 if self.total else 0

    @property
    def has_previous(self):
        return self.page > 1

    @property
    def has_next(self):
        return self.page < self.pages


CORE_FIELDS = ("title", "summary", "keywords")


def finder_hits(finder, text):
    """The ids of the best ``MAX_HITS`` methods for ``text``, best first, how many of them are
    strong matches, and the backend that answered. Kept in the cache for the content
    generation: a visitor who ticks filters, sorts or pages through one search asks the search
    engine once."""
    digest = hashlib.sha256(text.lower().encode()).hexdigest()
    key = f"finder-hits:{generation()}:{finder.pk}:{digest}"
    cached = fragment_cache.get(key)
    if cached is not None:
        return cached
    # The facet index holds only live, public methods of this finder: other hits drop out.
    hits = search_ranked(
        finder.methods(),
        text,
        limit=MAX_HITS,
        verify=False,
        core_fields=CORE_FIELDS,
        scope=f"finder-{finder.pk}",  # what finder.methods() selects (its SQL not built again)
    )
    found = (hits.ids, hits.strong, hits.backend)
    fragment_cache.set(key, found, settings.PAGE_CACHE_SECONDS)
    return found


# A method card (and the finder's JSON) shows title, summary, kind, tiers and evidence: the long
# text fields stay in the database (12 StreamFields decoded per finder page before).
CARD_DEFERRED = ("body", "steps", "materials", "references", "keywords")


def _card_rows():
    # The model by name: methodbank.models imports the views, which import this module.
    return apps.get_model("methodbank", "MethodPage").objects.defer(*CARD_DEFERRED)


def cards_for(pks):
    """``{pk: MethodPage}`` with what a method card shows (a finder page whose cards are all in
    the fragment cache reads none: ``{% cached_each … load=found.load_cards %}``)."""
    return _card_rows().in_bulk(pks)


cards_for.do_not_call_in_templates = True  # a template hands it on to {% cached_each %}


def find_methods(finder, query):
    index = facet_index(finder)
    backend = ""
    ranked = []
    base = index.everything
    strong_mask = base
    if query.text:
        ranked, strong, backend = finder_hits(finder, query.text)
        base = index.mask_of(ranked)
        strong_mask = index.mask_of(ranked[:strong])
    matching, counts = index.narrow(base, query.selected)
    facets = [
        FacetGroup(
            param=facet.param,
            label=str(facet.label),  # translated once, not at each use
            values=[
                FacetValue(
                    code,
                    facet.labels[code],
                    counts[facet.param][code],
                    query.is_selected(facet.param, code),
                )
                for code in facet.codes
            ],
        )
        for facet in taxonomy.FACETS
    ]

    # Strong matches first, then the weak ones, each part in the chosen order.
    sort = query.effective_sort
    ordered = index.ordered(matching & strong_mask, sort, ranked)
    strong_total = len(ordered)
    ordered += index.ordered(matching & ~strong_mask, sort, ranked)
    total = len(ordered)
    pages = max(1, math.ceil(total / PER_PAGE))
    page = min(query.page, pages)
    start = (page - 1) * PER_PAGE
    divider_at = None
    if strong_total < total and strong_total < start + PER_PAGE:
        divider_at = max(0, strong_total - start)
    page_ids = [index.rows[number]["pk"] for number in ordered[(page - 1) * PER_PAGE :][:PER_PAGE]]

    suggestion = ""
    if query.text and not total:
        suggestion = corrections(query.text)
    return FinderResult(
        query=query,
        total=total,
        page=page,
        pages=pages,
        page_ids=page_ids,
        facets=facets,
        backend=backend,
        without_filters=base.bit_count(),
        suggestion=suggestion,
        divider_at=divider_at,
        strong=strong_total,
    )


def tier_entry_points(found):
    """The three tiers as ways in, each with its number of methods."""
    counts = {value.code: value.count for value in found.facets[0].values}
    return [
        {"code": code, "label": str(label), "count": counts.get(code, 0)}
        for code, label in taxonomy.TIERS
    ]


RELATED_WEIGHTS = (("tier", 3), ("kind", 2), ("audience", 1), ("performer", 1))


def related_methods(method, limit=4):
    """Editors' choices first, topped up with sibling methods sharing the most facet values
    (3 points per shared tier, 2 for the kind, 1 per shared audience and performer; ties in
    title order), scored over the finder's facet index, so it costs no queries per sibling."""
    chosen = [
        link.method
        for link in method.related_links.select_related("method").all()
        if link.method.live and link.method.pk != method.pk
    ][:limit]
    if len(chosen) >= limit or not method.pk:
        return chosen
    finder = method.finder()
    index = facet_index(finder)
    mine = {facet.field: getattr(method, facet.field) for facet in taxonomy.FACETS}
    weighted = [
        (param, code, weight)
        for param, weight in RELATED_WEIGHTS
        for code in taxonomy.FACETS_BY_PARAM[param].values_of(mine)
    ]
    points = index.points(weighted)
    skip = {method.pk} | {m.pk for m in chosen}
    wanted = limit - len(chosen)
    best = heapq.nsmallest(wanted + len(skip), ((-score, n) for n, score in points.items()))
    extra_ids = [index.rows[n]["pk"] for _score, n in best if index.rows[n]["pk"] not in skip]
    extra_ids = extra_ids[:wanted]
    by_id = _card_rows().in_bulk(extra_ids)
    return chosen + [by_id[pk] for pk in extra_ids if pk in by_id]

"""Listings and exports of the knowledge library, and taking over the method bank's interim
references. No request and no response here: the views pass the query string in and build
the response from what comes back."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Min, Q

from kcsite.pages.localising import in_active_language, localised_children
from kcsite.pagination import paginate
from kcsite.search.services import clean_query, search_ids

from .bibio.bibtex import to_bibtex
from .bibio.ris import to_ris
from .forms import FilmFilterForm, ReferenceFilterForm
from .models.films import CaptionTrack, FilmPage
from .models.references import Reference, ReferenceAuthor
from .models.tiers import TierFields
from .references import normalise_doi, normalise_title, split_authors

PER_PAGE = 20
# Every hit, up to the search cluster's default result window: the filters (type, years, tier,
# topic) apply after the search, so a cut-off would hide filtered hits ranked further down.
MAX_SEARCH_HITS = 10000


def _search_ids(queryset, query):
    """Primary keys of ``queryset`` matching ``query``, best first (with the site's fallback),
    and the search backend that answered."""
    return search_ids(queryset, query, limit=MAX_SEARCH_HITS)


class InOrder(Sequence):
    """The objects of ``queryset`` among ``ids``, in the order of ``ids`` (best hit first),
    loaded only a page at a time: sorting every hit in Python would load them all, with their
    authors and topics, to show twenty."""

    CHUNK = 200

    def __init__(self, queryset, ids):
        self.queryset = queryset
        allowed = set(queryset.filter(pk__in=ids).values_list("pk", flat=True))
        self.ids = [pk for pk in ids if pk in allowed]

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        if isinstance(index, slice):
            wanted = self.ids[index]
            found = self.queryset.in_bulk(wanted)
            return [found[pk] for pk in wanted if pk in found]
        return self[index : index + 1 or None][0]

    def __iter__(self):
        for start in range(0, len(self.ids), self.CHUNK):
            yield from self[start : start + self.CHUNK]


def reference_listing(params, paged=True):
    """The filtered, searched and sorted references for the query string ``params`` (with
    ``page_obj``, the requested page of them, unless ``paged`` is False)."""
    form = ReferenceFilterForm(params or None)
    form.is_valid()
    references = Reference.objects.prefetch_related("authors", "topics")
    query = clean_query(form.value("q"))
    if form.value("ref_type"):
        references = references.filter(ref_type=form.value("ref_type"))
    if form.value("year_from"):
        references = references.filter(year__gte=form.value("year_from"))
    if form.value("year_to"):
        references = references.filter(year__lte=form.value("year_to"))
    if form.value("tier"):
        references = references.filter(TierFields.tier_filter(form.value("tier")))
    if form.value("topic"):
        references = references.filter(topics__slug=form.value("topic")).distinct()
    sort = form.value("sort") or ("relevance" if query else "year_desc")
    backend = None
    if query:
        ids, backend = _search_ids(Reference.objects.all(), query)
        references = references.filter(pk__in=ids)
    if sort == "relevance" and query:
        references = InOrder(references, ids)
    elif sort == "year_asc":
        references = references.order_by("year", "title")
    elif sort == "title":
        references = references.order_by("title")
    elif sort == "author":
        references = references.annotate(first_author=Min("authors__name")).order_by(
            "first_author", "title"
        )
    else:
        references = references.order_by("-year", "title")
    context = {
        "filter_form": form,
        "search_query": query,
        "search_backend": backend,
        "sort": sort,
        "references": references,
        "filtered": any(
            form.value(name) for name in ("q", "ref_type", "year_from", "year_to", "tier", "topic")
        ),
        "filters_set": any(
            form.value(name) for name in ("ref_type", "year_from", "year_to", "tier", "topic")
        ),
    }
    if paged:
        context["page_obj"] = paginate(references, params.get("page"), PER_PAGE)
    return context


def film_listing(library_page, params):
    """The filtered and searched films below ``library_page`` for the query string ``params``."""
    form = FilmFilterForm(params or None)
    form.is_valid()
    films = (
        localised_children(library_page, FilmPage)
        .prefetch_related("audiences")
        .select_related("video")
        .order_by("title")
    )
    query = clean_query(form.value("q"))
    if form.value("tier"):
        films = films.filter(TierFields.tier_filter(form.value("tier")))
    if form.value("audience"):
        films = films.filter(audiences__key=form.value("audience")).distinct()
    if query:
        ids, _backend = _search_ids(localised_children(library_page, FilmPage), query)
        position = {pk: index for index, pk in enumerate(ids)}
        films = sorted(films.filter(pk__in=ids), key=lambda film: position[film.pk])
    return {
        "filter_form": form,
        "search_query": query,
        "films": films,
        "page_obj": paginate(films, params.get("page"), PER_PAGE),
        "filtered": any(form.value(name) for name in ("q", "tier", "audience")),
        "filters_set": any(form.value(name) for name in ("tier", "audience")),
    }


EXPORT_TYPES = {
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "bibtex": ("application/x-bibtex; charset=utf-8", "bib"),
    "bib": ("application/x-bibtex; charset=utf-8", "bib"),
}


@dataclass(frozen=True)
class Export:
    """A download: its text, content type and file name."""

    text: str
    content_type: str
    filename: str


def export_references(references, fmt, basename):
    """``references`` as RIS or BibTeX (``fmt``), named ``basename`` plus the extension."""
    content_type, extension = EXPORT_TYPES[fmt]
    text = to_ris(references) if extension == "ris" else to_bibtex(references)
    return Export(text, content_type, f"{basename}.{extension}")


def citing_methods(reference):
    """Live method pages that cite ``reference`` (empty until the method bank links them)."""
    relation = getattr(reference, "methods", None)
    if relation is None:
        return []
    try:
        return in_active_language(relation.live().public())
    except AttributeError:
        return relation.all()


# -- Taking over the method bank's interim references -----------------------------------------
def find_or_create_reference(
    *, authors="", year=None, title="", publisher="", url="", doi="", models=None
):
    """The Reference matching an interim method-bank reference, created when missing.

    Matches by DOI, else by title + year (case and punctuation ignored), like the import.
    Created references get the interim values: authors (split on ";", "&", "och", "and"),
    year, title, DOI, URL and "publisher or journal" (as the journal of an article when there
    is a DOI, else as the publisher of a report). Returns ``(reference, created)``.

    ``models`` may be ``(Reference, ReferenceAuthor)`` from a migration's ``apps.get_model`` so
    a data migration can call this with historical models.
    """
    if models is None:
        reference_model, author_model = Reference, ReferenceAuthor
    else:
        reference_model, author_model = models
    title = " ".join((title or "").split())
    if not title:
        raise ValueError("an interim reference needs a title")
    doi = normalise_doi(doi)
    year = int(year) if year not in (None, "") else None
    if doi:
        found = reference_model.objects.filter(doi=doi).first()
        if found is not None:
            return found, False
    wanted = normalise_title(title)
    for candidate in reference_model.objects.filter(year=year):
        if normalise_title(candidate.title) == wanted:
            return candidate, False
    is_article = bool(doi)
    reference = reference_model.objects.create(
        ref_type="article" if is_article else "report",
        title=title[:500],
        year=year,
        container=(publisher or "")[:300] if is_article else "",
        publisher="" if is_article else (publisher or "")[:300],
        doi=doi,
        url=(url or "")[:500],
        language="sv",
    )
    for index, name in enumerate(split_authors(authors)):
        author_model.objects.create(reference=reference, name=name[:200], sort_order=index)
    return reference, True


def caption_file_restrictions(name):
    """The view restrictions on the caption file stored as ``name``: those of the films shown
    with it (their collections'), so a restricted film's captions are as private as the film;
    None when ``name`` is no caption track's file (the ``kc_media_file_restrictions`` hook)."""
    if not name.startswith(CaptionTrack._meta.get_field("file").upload_to):
        return None
    tracks = list(CaptionTrack.objects.filter(file=name))
    if not tracks:
        return None
    films = FilmPage.objects.filter(Q(captions__in=tracks) | Q(captions_en__in=tracks))
    restrictions = []
    for film in films.filter(video__isnull=False).select_related("video__collection"):
        restrictions += film.video.collection.get_view_restrictions()
    return restrictions

"""Pages in the visitor's language, with the Swedish original where no translation exists.

The English side of a listing (the method finder, the film library) shows every item: the
English translation where one is live, otherwise the original in the default language, which
the templates mark with ``lang`` and a label ("in Swedish").
"""

import time

from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .caching import generation

# "This page is in <language>", shown beside an item whose language is not the visitor's.
IN_LANGUAGE = {"sv": _("På svenska"), "en": _("På engelska")}


def original_of(page):
    """The default-language page that ``page`` translates (``page`` itself when it is in the
    default language or has no original)."""
    default = Locale.get_default()
    if page.locale_id == default.id:
        return page
    return page.get_translation_or_none(default) or page


def localised_children(page, model):
    """Live, public ``model`` children of ``page``, and for every child of its default-language
    original without a live translation under ``page``, that original.

    The query set is built once per process and content generation (it reads the view
    restrictions and the original page: two queries on every finder page and search before);
    every use asks the database afresh."""
    key = (generation(), page.pk, page.path, model._meta.label)
    entry = _children.get(key)
    if entry is None or time.monotonic() - entry[0] > MAX_AGE:
        if len(_children) >= MAX_ENTRIES:
            _children.clear()
        entry = _children[key] = (time.monotonic(), _build_children(page, model))
    return entry[1].all()


MAX_AGE = 30.0  # seconds: for a cache per process, which does not see another worker's bump
MAX_ENTRIES = 1000
_children = {}


def _build_children(page, model):
    own = model.objects.child_of(page).live().public()
    original = original_of(page)
    if original.pk == page.pk:
        return own
    untranslated = (
        model.objects.child_of(original)
        .live()
        .public()
        .exclude(translation_key__in=own.values("translation_key"))
    )
    # ``id`` (not ``pk``, which is the ``page_ptr`` of a page type): the search cluster applies
    # this filter too, and it skips filters on ``*_ptr_id``.
    return model.objects.filter(Q(id__in=own.values("id")) | Q(id__in=untranslated.values("id")))


_LANGUAGE_OF_LOCALE = {}


def language_of(page):
    """The language code of ``page`` (a locale lookup kept per process: locales never change
    their language)."""
    code = _LANGUAGE_OF_LOCALE.get(page.locale_id)
    if code is None:
        code = Locale.objects.get(pk=page.locale_id).language_code
        _LANGUAGE_OF_LOCALE[page.locale_id] = code
    return code


def foreign_language(page):
    """``{"code", "label"}`` when ``page`` is in another language than the active one (for
    ``lang`` and the "in Swedish" label on cards), else None."""
    return foreign_code(language_of(page))


def foreign_code(code):
    """``{"code", "label"}`` when the language ``code`` (``sv``, ``en``) is not the active
    language, else None (also for codes that name no language, such as ``other``)."""
    if code not in IN_LANGUAGE or code == (get_language() or "").split("-")[0]:
        return None
    return {"code": code, "label": IN_LANGUAGE[code]}


def in_active_language(pages):
    """One page per translation of ``pages`` (an iterable of pages in any locales): the one in
    the active language where it is there, else the default-language one, else the first."""
    active = (get_language() or "").split("-")[0]
    default = Locale.get_default().language_code
    chosen = {}
    for page in pages:
        rank = {active: 0, default: 1}.get(language_of(page), 2)
        key = page.translation_key
        if key not in chosen or rank < chosen[key][0]:
            chosen[key] = (rank, page)
    return [page for _rank, page in chosen.values()]

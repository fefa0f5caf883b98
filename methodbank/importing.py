"""Importing methods from a file in the format of ``file_format`` (``manage.py
import_methods``, the demo).

Import validates the whole file first (JSON Schema plus checks the schema cannot express) and
imports nothing if any item has a problem. Methods are matched by locale and slug, so importing
the same file again updates the same pages. Pages are saved without search-index signals and
indexed in bulk at the end, which keeps 2 000 methods well under a minute.
"""

import json
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Locale, Page, PageLogEntry
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

from kcsite.pages.caching import bump_generation
from methodbank.library.services import find_or_create_reference

from .file_format import ImportFailed, apply_item, export_item, normalised, steps_value, validate
from .models import MethodFinderPage, MethodPage

FINDER_SLUG = "metodbank"


@contextmanager
def bulk_indexing():
    """Pause per-save search indexing of method pages (the caller indexes in bulk afterwards)
    and Wagtail's reference index: imported methods refer to no documents, images or pages
    (the format holds only text and web addresses), so there is nothing to record there."""
    disconnected = post_save.disconnect(post_save_signal_handler, sender=MethodPage)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        if disconnected:
            post_save.connect(post_save_signal_handler, sender=MethodPage)


class ChildPaths:
    """Tree paths for new children of ``parent``, handed out without a query per child."""

    def __init__(self, parent):
        self.parent = parent
        last = parent.get_last_child()
        self.next_step = (MethodPage._str2int(last.path[-MethodPage.steplen :]) + 1) if last else 1
        self.added = 0

    def take(self):
        path = MethodPage._get_path(self.parent.path, self.parent.depth + 1, self.next_step)
        self.next_step += 1
        self.added += 1
        return path

    def finish(self):
        if self.added:
            type(self.parent).objects.filter(pk=self.parent.pk).update(
                numchild=F("numchild") + self.added
            )
            self.parent.numchild += self.added


def ensure_finder(locale):
    """The method finder of ``locale`` (created at ``/metodbank/`` under its home if missing)."""
    finder = MethodFinderPage.objects.filter(locale=locale).first()
    if finder is not None:
        return finder, False
    home = Page.objects.filter(depth=2, locale=locale).first()
    if home is None:
        home = Page.objects.filter(depth=2).first()
    finder = MethodFinderPage(
        title="Metodbank" if locale.language_code == "sv" else "Method bank",
        slug=FINDER_SLUG,
        locale=locale,
        show_in_menus=True,
        search_description=(
            "Metoder, kartläggningsverktyg och mallar för närvaroarbete på tre nivåer."
        ),
        intro="Hitta metoder för att främja närvaro, förebygga frånvaro och åtgärda problematisk"
        " skolfrånvaro.",
    )
    home.add_child(instance=finder)
    finder.save_revision().publish()
    return finder, True


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    finder_created: bool = False


def import_methods(data, *, progress=None, chunk=200):
    """Validate ``data`` and import it in one transaction. Raises ``ImportFailed``."""
    problems = validate(data)
    if problems:
        raise ImportFailed(problems)
    summary = ImportSummary()
    now = timezone.now()
    touched = []
    logged = []
    with transaction.atomic(), bulk_indexing():
        locales = {}
        finders = {}
        for item in data:
            code = item.get("locale", "sv")
            if code not in locales:
                locale, _created = Locale.objects.get_or_create(language_code=code)
                locales[code] = locale
                finders[code], created = ensure_finder(locale)
                summary.finder_created |= created
        child_paths = {}
        existing = {
            (page.locale_id, page.slug): page
            for page in MethodPage.objects.filter(
                slug__in=[item["slug"] for item in data]
            ).select_related("locale")
        }
        for number, item in enumerate(data, start=1):
            locale = locales[item.get("locale", "sv")]
            page = existing.get((locale.pk, item["slug"]))
            if page is None:
                finder = finders[locale.language_code]
                if finder.pk not in child_paths:
                    child_paths[finder.pk] = ChildPaths(finder)
                paths = child_paths[finder.pk]
                page = MethodPage(locale=locale, live=True, first_published_at=now)
                apply_item(page, item)
                page.steps = steps_value(item, None)
                page.last_published_at = now
                page.draft_title = page.title
                page.depth = finder.depth + 1
                page.path = paths.take()
                page.numchild = 0
                page.set_url_path(finder)
                # validated above (schema + semantic checks); Page.clean's per-field queries
                # would triple the time of a large import
                page.save(clean=False, log_action=None)
                summary.created += 1
                touched.append(page.pk)
                logged.append((page, "wagtail.create"))
            else:
                before = json.dumps(export_item(page), sort_keys=True)
                steps = steps_value(item, page)
                apply_item(page, item)
                page.steps = steps
                after_item = dict(item, locale=locale.language_code)
                if before == json.dumps(normalised(after_item), sort_keys=True):
                    summary.unchanged += 1
                else:
                    page.draft_title = page.title
                    page.last_published_at = now
                    page.has_unpublished_changes = False
                    page.save(clean=False, log_action=None)
                    summary.updated += 1
                    touched.append(page.pk)
                    logged.append((page, "wagtail.edit"))
            if progress and (number % chunk == 0 or number == len(data)):
                progress(number, len(data))
        for paths in child_paths.values():
            paths.finish()
        _log_in_bulk(logged, now)
        link_cited_references(MethodPage.objects.filter(pk__in=touched))
    index_methods(touched)
    if touched:
        bump_generation()  # bulk saves send no publish signals
    return summary


def link_cited_references(pages, *, models=None):
    """Make each method cite the reference library's entry for every reference of its import
    format, creating library references that do not exist yet (matched by DOI or title + year).

    ``models`` = (MethodPage, Reference, ReferenceAuthor) lets a data migration pass its
    historical models.
    """
    page_model = models[0] if models else MethodPage
    through = page_model.cited_references.through
    for page in pages:
        for block in page.references.raw_data:
            if block.get("type") != "reference":
                continue
            value = {
                key: block["value"].get(key) or ""
                for key in ("authors", "year", "title", "publisher", "url", "doi")
            }
            reference, _created = find_or_create_reference(
                **value, models=models[1:] if models else None
            )
            through.objects.get_or_create(methodpage_id=page.pk, reference_id=reference.pk)


def _log_in_bulk(logged, now):
    """One audit-log entry per created or changed method (``{"source": "import"}``), in one
    query instead of one per page."""
    content_type = ContentType.objects.get_for_model(MethodPage)
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type=content_type,
                page_id=page.pk,
                label=page.get_admin_display_title(),
                action=action,
                data={"source": "import_methods"},
                timestamp=now,
                content_changed=True,
            )
            for page, action in logged
        ],
        batch_size=500,
    )


def index_methods(pks, batch=500):
    """Add or update the given methods in every search backend, in batches."""
    backends = list(get_search_backends(with_auto_update=True))
    for start in range(0, len(pks), batch):
        pages = list(MethodPage.objects.filter(pk__in=pks[start : start + batch]))
        for backend in backends:
            backend.add_bulk(MethodPage, pages)
    for backend in backends:  # make the imported methods searchable right away
        index = backend.get_index_for_model(MethodPage)
        if index is not None and hasattr(index, "refresh"):
            index.refresh()

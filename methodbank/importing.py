"""Import and export of methods in the format of ``schema/methods.schema.json``.

Import validates the whole file first (JSON Schema plus checks the schema cannot express) and
imports nothing if any item has a problem. Methods are matched by locale and slug, so importing
the same file again updates the same pages. Pages are saved without search-index signals and
indexed in bulk at the end, which keeps 2 000 methods well under a minute.

The schema's steps have only ``title`` and ``body``. The site's steps also say *who* performs a
step and *when*; those two are editor-only fields: export leaves them out (the file stays valid
against the schema) and a re-import keeps the values editors set on a step with the same title.
"""

import html
import json
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.html import strip_tags
from jsonschema import Draft202012Validator
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backends

from kcsite.pages.caching import bump_generation

from .models import MethodFinderPage, MethodPage

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "methods.schema.json"
FINDER_SLUG = "metodbank"
LIST_FIELDS = ("tiers", "audiences", "performers", "school_forms")


@dataclass
class Problem:
    index: int
    slug: str
    field: str
    message: str

    def __str__(self):
        where = f"item {self.index}" + (f" ({self.slug})" if self.slug else "")
        return f"{where}, {self.field or '(item)'}: {self.message}"


class ImportFailed(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s)")


def load_schema():
    return json.loads(SCHEMA_PATH.read_text("utf-8"))


def _valid_url(value):
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def validate(data):
    """Every problem of ``data`` (a parsed import file), each with its item and field."""
    problems = []
    validator = Draft202012Validator(load_schema())
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.path))):
        path = list(error.absolute_path)
        index = path[0] if path and isinstance(path[0], int) else -1
        slug = ""
        if index >= 0 and isinstance(data[index], dict):
            slug = str(data[index].get("slug", ""))[:80]
        field = ".".join(str(part) for part in path[1:])
        problems.append(Problem(index, slug, field, error.message[:300]))
    if not isinstance(data, list):
        return problems
    seen = {}
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            continue
        slug = str(item.get("slug", ""))
        key = (item.get("locale", "sv"), slug)
        if slug and key in seen:
            problems.append(
                Problem(index, slug, "slug", f"the same slug as item {seen[key]} in this file")
            )
        seen.setdefault(key, index)
        for name in ("title", "summary", "body"):
            if isinstance(item.get(name), str) and not item[name].strip():
                problems.append(Problem(index, slug, name, "is blank"))
        for list_name in ("materials", "references"):
            for number, entry in enumerate(item.get(list_name) or []):
                url = entry.get("url") if isinstance(entry, dict) else None
                if isinstance(url, str) and not _valid_url(url):
                    problems.append(
                        Problem(index, slug, f"{list_name}.{number}.url", "is not an http(s) URL")
                    )
        for number, step in enumerate(item.get("steps") or []):
            title = step.get("title") if isinstance(step, dict) else None
            if isinstance(title, str) and not title.strip():
                problems.append(Problem(index, slug, f"steps.{number}.title", "is blank"))
    problems.sort(key=lambda problem: problem.index)
    return problems


# --- conversions --------------------------------------------------------------------------------


def body_blocks(text):
    """Plain text (paragraphs separated by blank lines) as paragraph blocks."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return [
        ("paragraph", "<p>" + "<br/>".join(html.escape(line) for line in p.split("\n")) + "</p>")
        for p in paragraphs
    ]


def body_text(stream):
    """A body StreamField back as plain text (the inverse of ``body_blocks``)."""
    paragraphs = []
    for block in stream:
        if block.block_type == "paragraph":
            source = str(block.value.source if hasattr(block.value, "source") else block.value)
            source = re.sub(r"<br\s*/?>", "\n", source)
            source = re.sub(r"</p>\s*<p[^>]*>", "\n\n", source)
            paragraphs.append(html.unescape(strip_tags(source)).strip())
        elif block.block_type == "heading":
            paragraphs.append(block.value["text"])
        else:
            text = " ".join(
                str(part) for part in block.block.get_searchable_content(block.value)
            ).strip()
            if text:
                paragraphs.append(strip_tags(text))
    return "\n\n".join(p for p in paragraphs if p)


def _steps_value(item, existing):
    """Steps of ``item``, keeping the performer/timing editors set on steps with the same title."""
    kept = {}
    if existing is not None:
        for block in existing.steps:
            kept.setdefault(block.value["title"], block.value)
    value = []
    for step in item.get("steps") or []:
        old = kept.get(step["title"])
        value.append(
            (
                "step",
                {
                    "title": step["title"],
                    "body": step["body"],
                    "performer": old.get("performer", "") if old else "",
                    "timing": old.get("timing", "") if old else "",
                },
            )
        )
    return value


def apply_item(page, item):
    page.title = item["title"]
    page.slug = item["slug"]
    page.summary = item["summary"]
    page.body = body_blocks(item["body"])
    page.kind = item["kind"]
    for name in LIST_FIELDS:
        page_value = list(item.get(name) or [])
        setattr(page, name, page_value)
    page.evidence = item.get("evidence", "")
    page.effort = item.get("effort", "")
    page.duration = item.get("duration", "")
    page.keywords = "\n".join(item.get("keywords") or [])
    page.materials = [
        ("link", {"title": material["title"], "url": material["url"]})
        for material in item.get("materials") or []
    ]
    page.references = [
        (
            "reference",
            {
                "authors": ref["authors"],
                "year": ref["year"],
                "title": ref["title"],
                "publisher": ref.get("publisher", ""),
                "url": ref.get("url", ""),
                "doi": ref.get("doi", ""),
            },
        )
        for ref in item.get("references") or []
    ]


def export_item(page):
    """One method as an import-file item (schema fields only; empty optional fields left out)."""
    item = {
        "slug": page.slug,
        "locale": page.locale.language_code,
        "title": page.title,
        "summary": page.summary,
        "body": body_text(page.body),
        "kind": page.kind,
        "tiers": list(page.tiers or []),
    }
    for name in ("audiences", "performers", "school_forms"):
        if getattr(page, name):
            item[name] = list(getattr(page, name))
    for name in ("evidence", "effort", "duration"):
        if getattr(page, name):
            item[name] = getattr(page, name)
    steps = [{"title": b.value["title"], "body": b.value["body"]} for b in page.steps]
    if steps:
        item["steps"] = steps
    if page.keyword_list():
        item["keywords"] = page.keyword_list()
    materials = []
    for block in page.materials:
        if block.block_type == "link":
            materials.append({"title": block.value["title"], "url": block.value["url"]})
        elif block.value.get("document"):
            document = block.value["document"]
            from django.conf import settings

            url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + document.url
            materials.append({"title": block.value.get("title") or document.title, "url": url})
    if materials:
        item["materials"] = materials
    references = []
    for block in page.references:
        ref = {key: block.value[key] for key in ("authors", "year", "title")}
        for key in ("publisher", "url", "doi"):
            if block.value.get(key):
                ref[key] = block.value[key]
        references.append(ref)
    if references:
        item["references"] = references
    return item


def export_methods(locale=None):
    pages = MethodPage.objects.all().select_related("locale").order_by("locale_id", "path")
    if locale:
        pages = pages.filter(locale__language_code=locale)
    return [export_item(page) for page in pages]


# --- import -------------------------------------------------------------------------------------


@contextmanager
def bulk_indexing():
    """Pause per-save search indexing of method pages (the caller indexes in bulk afterwards)
    and Wagtail's reference index: imported methods refer to no documents, images or pages
    (the format holds only text and web addresses), so there is nothing to record there."""
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import disable_reference_index_auto_update

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
                page.steps = _steps_value(item, None)
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
                steps = _steps_value(item, page)
                apply_item(page, item)
                page.steps = steps
                after_item = dict(item, locale=locale.language_code)
                if before == json.dumps(_normalised(after_item), sort_keys=True):
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
    from methodbank.library.services import find_or_create_reference

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
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import PageLogEntry

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


def _normalised(item):
    """``item`` as ``export_item`` would write it (empty optional fields left out)."""
    result = {}
    for key, value in item.items():
        if value in ("", [], None):
            continue
        result[key] = value
    if "body" in result:
        result["body"] = "\n\n".join(
            p.strip() for p in re.split(r"\n\s*\n", result["body"].strip()) if p.strip()
        )
    return result


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

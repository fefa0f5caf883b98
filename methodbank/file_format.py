"""The import file's format (``schema/methods.schema.json``): validating a file, and the
mapping between a file item and a method page in both directions (import and export).

The schema's steps have only ``title`` and ``body``. The site's steps also say *who* performs a
step and *when*; those two are editor-only fields: export leaves them out (the file stays valid
against the schema) and a re-import keeps the values editors set on a step with the same title.
"""

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.html import strip_tags
from jsonschema import Draft202012Validator

from .models import MethodPage

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "methods.schema.json"
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


def steps_value(item, existing):
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


def normalised(item):
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

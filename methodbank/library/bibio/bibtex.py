"""BibTeX: records from and to BibTeX entries, with ``@string`` macros expanded only within a
budget (an expansion bomb is refused before anything is expanded)."""

import re
import unicodedata

import bibtexparser
from bibtexparser.bibdatabase import BibDatabase, BibDataString, BibDataStringExpression
from bibtexparser.bparser import BibTexParser
from bibtexparser.bwriter import BibTexWriter
from bibtexparser.customization import convert_to_unicode
from django.utils.translation import gettext as _

from ..references import normalise_doi
from .records import (
    MAX_IMPORT_BYTES,
    ImportRefused,
    clean_text,
    parse_language,
    parse_year,
    reference_to_record,
)

BIBTEX_TO_TYPE = {
    "article": "article",
    "techreport": "report",
    "report": "report",
    "book": "book",
    "incollection": "chapter",
    "inbook": "chapter",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "legislation": "law",
    "legal": "law",
    "law": "law",
}
TYPE_TO_BIBTEX = {
    "article": "article",
    "report": "techreport",
    "book": "book",
    "chapter": "incollection",
    "webpage": "online",
    "law": "legislation",
}
CONTAINER_FIELD = {
    "article": "journal",
    "chapter": "booktitle",
    "report": "series",
    "book": "series",
    "webpage": "organization",
    "law": "series",
}


def _strip_braces(value):
    return clean_text(re.sub(r"[{}]", "", value or ""))


def _bibtex_names(value):
    names = re.split(r"\s+and\s+", value or "")
    return [_strip_braces(name) for name in names if _strip_braces(name)]


def _bibtex_name(name):
    # An organisation (no comma, several words) is braced so BibTeX keeps it whole.
    return name if "," in name or " " not in name else "{" + name + "}"


def record_from_bibtex(entry):
    entry = convert_to_unicode(dict(entry))
    kind = entry.get("ENTRYTYPE", "").lower()
    ref_type = BIBTEX_TO_TYPE.get(kind)
    if ref_type is None:
        ref_type = "webpage" if kind == "misc" and entry.get("url") else "report"
    container = ""
    for key in ("journal", "journaltitle", "booktitle", "series", "organization"):
        container = container or _strip_braces(entry.get(key))
    return {
        "ref_type": ref_type,
        "title": _strip_braces(entry.get("title")),
        "year": parse_year(entry.get("year") or entry.get("date")),
        "container": container,
        "publisher": _strip_braces(entry.get("publisher") or entry.get("institution")),
        "volume": _strip_braces(entry.get("volume")),
        "issue": _strip_braces(entry.get("number") or entry.get("issue")),
        "pages": _strip_braces(entry.get("pages")).replace("--", "–"),
        "doi": normalise_doi(_strip_braces(entry.get("doi"))),
        "url": _strip_braces(entry.get("url")),
        "isbn": _strip_braces(entry.get("isbn")),
        "language": parse_language(_strip_braces(entry.get("langid") or entry.get("language"))),
        "authors": _bibtex_names(entry.get("author")),
        "summary": " ".join(
            (entry.get("abstract") or "").replace("{", "").replace("}", "").split()
        ),
        "topics": [
            _strip_braces(word)
            for word in (entry.get("keywords") or "").split(",")
            if _strip_braces(word)
        ],
    }


def _bibtex_key(record, used):
    first = record["authors"][0].split(",")[0] if record["authors"] else record["title"]
    word = unicodedata.normalize("NFKD", first).encode("ascii", "ignore").decode()
    base = re.sub(r"[^A-Za-z0-9]", "", word)[:20] or "ref"
    key = f"{base}{record['year'] or ''}"
    candidate, suffix = key, ord("a")
    while candidate in used:
        candidate = f"{key}{chr(suffix)}"
        suffix += 1
    used.add(candidate)
    return candidate


def record_to_bibtex(record, used_keys):
    ref_type = record["ref_type"]
    entry = {
        "ENTRYTYPE": TYPE_TO_BIBTEX.get(ref_type, "misc"),
        "ID": _bibtex_key(record, used_keys),
    }
    if record["authors"]:
        entry["author"] = " and ".join(_bibtex_name(name) for name in record["authors"])
    entry["title"] = "{" + record["title"] + "}"
    if record["year"]:
        entry["year"] = str(record["year"])
    if record.get("container"):
        entry[CONTAINER_FIELD.get(ref_type, "series")] = record["container"]
    if record.get("publisher"):
        entry["institution" if ref_type == "report" else "publisher"] = record["publisher"]
    for name, key in (("volume", "volume"), ("issue", "number"), ("doi", "doi"), ("url", "url")):
        if record.get(name):
            entry[key] = record[name]
    if record.get("isbn"):
        entry["isbn"] = record["isbn"]
    if record.get("pages"):
        entry["pages"] = record["pages"].replace("–", "--")
    if record.get("language"):
        entry["langid"] = {"sv": "swedish", "en": "english"}.get(record["language"], "")
        if not entry["langid"]:
            del entry["langid"]
    if record.get("summary"):
        entry["abstract"] = " ".join(record["summary"].split())
    if record.get("topics"):
        entry["keywords"] = ", ".join(record["topics"])
    return entry


def to_bibtex(references):
    database = BibDatabase()
    used = set()
    database.entries = [record_to_bibtex(reference_to_record(ref), used) for ref in references]
    writer = BibTexWriter()
    writer.indent = "  "
    writer.order_entries_by = None
    return bibtexparser.dumps(database, writer) if database.entries else ""


# ``@string`` macros are expanded only after their expanded size is known: a few hundred bytes
# of macros that repeat macros (``@string{b = a # a # a …}``) would otherwise expand to
# gigabytes. Sizes are computed without expanding; cycles are refused.
MAX_FIELD_CHARS = 20_000
MAX_EXPANDED_CHARS = 2 * MAX_IMPORT_BYTES


def _unreadable_bibtex():
    return ImportRefused(
        _(
            "Filen ser ut som BibTeX men går inte att läsa. "
            "Exportera den igen från Zotero eller EndNote."
        )
    )


def _too_large_expansion():
    return ImportRefused(
        _(
            "Filens @string-makron blir för stora när de fylls i. "
            "Exportera referenserna igen från Zotero eller EndNote, utan egna makron."
        )
    )


def _expanded_sizes(database):
    """The expanded length of every ``@string`` macro, without expanding any; ImportRefused
    when a macro is undefined, refers to itself or grows past the budget."""
    sizes, visiting = {}, set()

    def size_of(value):
        if isinstance(value, BibDataString):
            return size_of_name(value.name)
        if isinstance(value, BibDataStringExpression):
            return sum(size_of(part) for part in value.expr)
        return len(value or "")

    def size_of_name(name):
        if name in sizes:
            return sizes[name]
        if name in visiting or name not in database.strings:
            raise _unreadable_bibtex()
        visiting.add(name)
        size = size_of(database.strings[name])
        visiting.discard(name)
        if size > MAX_FIELD_CHARS:
            raise _too_large_expansion()
        sizes[name] = size
        return size

    return size_of


def _expand_entries(database):
    """Fill in the macros of every field, within MAX_FIELD_CHARS a field and
    MAX_EXPANDED_CHARS in all (checked before anything is expanded)."""
    size_of = _expanded_sizes(database)
    total = 0
    for entry in database.entries:
        for value in entry.values():
            size = size_of(value)
            total += size
            if size > MAX_FIELD_CHARS or total > MAX_EXPANDED_CHARS:
                raise _too_large_expansion()
    for entry in database.entries:
        for key, value in entry.items():
            entry[key] = BibDataStringExpression.expand_if_expression(value)


def parse_bibtex(text):
    parser = BibTexParser(
        common_strings=True, ignore_nonstandard_types=False, interpolate_strings=False
    )
    try:
        database = bibtexparser.loads(text, parser=parser)
    except Exception:  # noqa: BLE001 - the parser raises many kinds of errors on bad input
        raise _unreadable_bibtex() from None
    _expand_entries(database)
    return [record_from_bibtex(entry) for entry in database.entries]

"""RIS and BibTeX: export references, and import them with duplicate detection.

Editors keep references in Zotero or EndNote and move them in and out as RIS or BibTeX. Every
format goes through one neutral *record* (a dict with the Reference's field names plus
``authors`` and ``topics`` lists), so import and export are symmetric and a round trip
(file → import → export) keeps the data.

Import is all or nothing: the whole file is read and checked before anything is saved, and
everything is saved in one transaction. Records that cannot be used (no title, a bad year …)
and duplicates are skipped and listed in the report; the file as a whole is refused (nothing
saved) when it is not RIS/BibTeX, too large, not text, or holds no usable reference.
"""

import re
import unicodedata
from dataclasses import dataclass, field

import bibtexparser
import rispy
from bibtexparser.bibdatabase import BibDatabase, BibDataString, BibDataStringExpression
from bibtexparser.bparser import BibTexParser
from bibtexparser.bwriter import BibTexWriter
from bibtexparser.customization import convert_to_unicode
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Reference, ReferenceAuthor, normalise_doi, normalise_title

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_RECORDS = 2000

# Fields compared and copied on import; summary and topics are the editors' own and are only
# filled when empty (summary) or added to (topics).
BIBLIOGRAPHIC_FIELDS = (
    "ref_type",
    "title",
    "year",
    "container",
    "publisher",
    "volume",
    "issue",
    "pages",
    "doi",
    "url",
    "isbn",
    "language",
)


class ImportRefused(Exception):
    """The file as a whole cannot be imported; ``message`` says why (translated)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# -- Records ----------------------------------------------------------------------------------
def reference_to_record(reference):
    record = {name: getattr(reference, name) for name in BIBLIOGRAPHIC_FIELDS}
    record["year"] = reference.year
    record["authors"] = reference.author_list
    record["summary"] = reference.summary
    record["topics"] = sorted(tag.name for tag in reference.topics.all())
    return record


def _clean_text(value):
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0] if value else ""
    return " ".join(str(value).split())


def _year(value):
    match = re.search(r"(1[5-9]\d\d|20\d\d|2100)", str(value or ""))
    return int(match.group(1)) if match else None


LANGUAGE_WORDS = {
    "sv": "sv",
    "swe": "sv",
    "swedish": "sv",
    "svenska": "sv",
    "en": "en",
    "eng": "en",
    "english": "en",
    "engelska": "en",
}


def _language(value):
    text = _clean_text(value).lower()
    if not text:
        return "sv"
    return LANGUAGE_WORDS.get(text.split("-")[0].split("_")[0], "other")


# -- RIS ------------------------------------------------------------------------------------
RIS_TO_TYPE = {
    "JOUR": "article",
    "EJOUR": "article",
    "JFULL": "article",
    "MGZN": "article",
    "NEWS": "article",
    "RPRT": "report",
    "GOVDOC": "report",
    "THES": "report",
    "GEN": "report",
    "BOOK": "book",
    "EBOOK": "book",
    "EDBOOK": "book",
    "CHAP": "chapter",
    "ECHAP": "chapter",
    "ELEC": "webpage",
    "WEB": "webpage",
    "BLOG": "webpage",
    "STAT": "law",
    "LEGAL": "law",
    "BILL": "law",
}
TYPE_TO_RIS = {
    "article": "JOUR",
    "report": "RPRT",
    "book": "BOOK",
    "chapter": "CHAP",
    "webpage": "ELEC",
    "law": "STAT",
}


class _RisWriter(rispy.RisWriter):
    def set_header(self, count):
        return ""  # no "1." counter line before each entry


def record_from_ris(entry):
    ref_type = RIS_TO_TYPE.get(_clean_text(entry.get("type_of_reference")).upper(), "report")
    authors = [
        _clean_text(name)
        for name in (entry.get("authors") or []) + (entry.get("first_authors") or [])
    ]
    start, end = _clean_text(entry.get("start_page")), _clean_text(entry.get("end_page"))
    pages = f"{start}–{end}" if start and end else start
    container = ""
    for key in ("secondary_title", "journal_name", "alternate_title3", "alternate_title2"):
        container = container or _clean_text(entry.get(key))
    urls = entry.get("urls") or []
    number = _clean_text(entry.get("number"))
    return {
        "ref_type": ref_type,
        "title": _clean_text(entry.get("title") or entry.get("primary_title")),
        "year": _year(entry.get("year") or entry.get("publication_year") or entry.get("date")),
        "container": container,
        "publisher": _clean_text(entry.get("publisher")),
        "volume": _clean_text(entry.get("volume")),
        "issue": number,
        "pages": pages,
        "doi": normalise_doi(_clean_text(entry.get("doi"))),
        "url": _clean_text(urls[0]) if urls else "",
        "isbn": _clean_text(entry.get("issn")) if ref_type != "article" else "",
        "language": _language(entry.get("language")),
        "authors": [name for name in authors if name],
        "summary": (entry.get("abstract") or entry.get("notes_abstract") or "").strip(),
        "topics": [_clean_text(word) for word in entry.get("keywords") or [] if _clean_text(word)],
    }


def _split_pages(pages):
    parts = re.split(r"\s*[-–—]+\s*", pages or "", maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (pages, "")


def record_to_ris(record):
    entry = {"type_of_reference": TYPE_TO_RIS.get(record["ref_type"], "GEN")}
    if record["authors"]:
        entry["authors"] = list(record["authors"])
    entry["title"] = record["title"]
    if record["year"]:
        entry["year"] = str(record["year"])
    simple = {
        "container": "secondary_title",
        "publisher": "publisher",
        "volume": "volume",
        "issue": "number",
        "doi": "doi",
        "isbn": "issn",
    }
    for name, key in simple.items():
        if record.get(name):
            entry[key] = record[name]
    if record.get("pages"):
        start, end = _split_pages(record["pages"])
        entry["start_page"] = start
        if end:
            entry["end_page"] = end
    if record.get("url"):
        entry["urls"] = [record["url"]]
    if record.get("language"):
        entry["language"] = record["language"]
    if record.get("summary"):
        entry["abstract"] = " ".join(record["summary"].split())
    if record.get("topics"):
        entry["keywords"] = list(record["topics"])
    return entry


def to_ris(references):
    """RIS text for references (UTF-8, readable by Zotero and EndNote)."""
    entries = [record_to_ris(reference_to_record(ref)) for ref in references]
    return _RisWriter().formats(entries) if entries else ""


def parse_ris(text):
    try:
        entries = rispy.loads(text)
    except Exception:  # noqa: BLE001 - rispy raises plain IOError/ValueError/KeyError
        raise ImportRefused(
            _(
                "Filen ser ut som RIS men går inte att läsa. "
                "Exportera den igen från Zotero eller EndNote."
            )
        ) from None
    return [record_from_ris(entry) for entry in entries]


# -- BibTeX -----------------------------------------------------------------------------------
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
    return _clean_text(re.sub(r"[{}]", "", value or ""))


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
        "year": _year(entry.get("year") or entry.get("date")),
        "container": container,
        "publisher": _strip_braces(entry.get("publisher") or entry.get("institution")),
        "volume": _strip_braces(entry.get("volume")),
        "issue": _strip_braces(entry.get("number") or entry.get("issue")),
        "pages": _strip_braces(entry.get("pages")).replace("--", "–"),
        "doi": normalise_doi(_strip_braces(entry.get("doi"))),
        "url": _strip_braces(entry.get("url")),
        "isbn": _strip_braces(entry.get("isbn")),
        "language": _language(_strip_braces(entry.get("langid") or entry.get("language"))),
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


# -- Reading an upload ------------------------------------------------------------------------
def decode_upload(upload):
    """Text of an uploaded file; ImportRefused when too large or not text."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_IMPORT_BYTES:
        raise ImportRefused(
            _("Filen är för stor (%(size)s MB). Högst 5 MB går att importera; dela upp den.")
            % {"size": round(size / 1024 / 1024, 1)}
        )
    data = upload.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRefused(_("Filen är för stor. Högst 5 MB går att importera; dela upp den."))
    if not data.strip():
        raise ImportRefused(_("Filen är tom."))
    if b"\x00" in data[:4096]:
        raise ImportRefused(
            _("Filen är inte en textfil. Välj en RIS-fil (.ris) eller BibTeX-fil (.bib).")
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportRefused(_("Filen går inte att läsa som text. Spara den som UTF-8 och försök igen."))


_RIS_START = re.compile(r"^\s*TY  - ", re.M)
_BIBTEX_START = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.M)


def detect_format(text):
    if _RIS_START.search(text):
        return "ris"
    if _BIBTEX_START.search(text):
        return "bibtex"
    raise ImportRefused(
        _(
            "Filen är varken RIS eller BibTeX. Exportera referenserna från Zotero eller EndNote "
            "som RIS (.ris) eller BibTeX (.bib) och försök igen."
        )
    )


def parse_text(text):
    fmt = detect_format(text)
    records = parse_ris(text) if fmt == "ris" else parse_bibtex(text)
    if not records:
        raise ImportRefused(_("Filen innehåller inga referenser."))
    if len(records) > MAX_RECORDS:
        raise ImportRefused(
            _("Filen innehåller %(n)s referenser; högst %(max)s går att importera på en gång.")
            % {"n": len(records), "max": MAX_RECORDS}
        )
    return fmt, records


# -- Import -----------------------------------------------------------------------------------
@dataclass
class ImportReport:
    format: str = ""
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # (label, reason)

    @property
    def total(self):
        return len(self.created) + len(self.updated) + len(self.skipped)


def _label(record):
    authors = record.get("authors") or []
    who = authors[0].split(",")[0] if authors else _("Okänd författare")
    return f"{who} ({record.get('year') or _('u.å.')}). {record.get('title') or _('(utan titel)')}"


def _validate(record):
    """A list of problems with a record (empty when it can be saved)."""
    from .models import validate_doi

    if not record["title"]:
        return [_("titel saknas")]
    candidate = Reference(**{name: record[name] for name in BIBLIOGRAPHIC_FIELDS})
    candidate.summary = record["summary"]
    try:
        # The DOI's uniqueness is what duplicate detection is about; only its form is checked.
        candidate.clean_fields(exclude=["doi"])
        validate_doi(record["doi"])
    except ValidationError as error:
        if hasattr(error, "message_dict"):
            return [f"{name}: {' '.join(msgs)}" for name, msgs in error.message_dict.items()]
        return [" ".join(error.messages)]
    for name in record["authors"]:
        if len(name) > 200:
            return [_("ett författarnamn är längre än 200 tecken")]
    return []


def _set_authors(reference, names):
    """Replace the (in-memory) author list; saved with the reference."""
    reference.authors = [
        ReferenceAuthor(name=name, sort_order=index) for index, name in enumerate(names)
    ]


def _find_existing(record, by_doi, by_key):
    if record["doi"] and record["doi"] in by_doi:
        return by_doi[record["doi"]]
    return by_key.get((normalise_title(record["title"]), record["year"]))


def import_records(records, fmt=""):
    """Create or update References from records, all in one transaction; returns a report."""
    report = ImportReport(format=fmt)
    with transaction.atomic():
        existing = list(Reference.objects.select_for_update().prefetch_related("authors", "topics"))
        by_doi = {ref.doi: ref for ref in existing if ref.doi}
        by_key = {ref.duplicate_key(): ref for ref in existing}
        seen = set()
        for record in records:
            label = _label(record)
            problems = _validate(record)
            if problems:
                report.skipped.append(
                    (label, _("kan inte användas: %(why)s") % {"why": "; ".join(problems)})
                )
                continue
            keys = {("key", normalise_title(record["title"]), record["year"])}
            if record["doi"]:
                keys.add(("doi", record["doi"]))
            if keys & seen:
                report.skipped.append((label, _("finns flera gånger i filen; den första används")))
                continue
            seen |= keys
            reference = _find_existing(record, by_doi, by_key)
            if reference is None:
                reference = Reference(**{name: record[name] for name in BIBLIOGRAPHIC_FIELDS})
                reference.summary = record["summary"]
                _set_authors(reference, record["authors"])
                if record["topics"]:
                    reference.topics.add(*record["topics"])
                reference.save()
                report.created.append(label)
                by_key[reference.duplicate_key()] = reference
                if reference.doi:
                    by_doi[reference.doi] = reference
                continue
            changed = []
            for name in BIBLIOGRAPHIC_FIELDS:
                value = record[name]
                if name == "language" and value == "sv" and reference.language != "sv":
                    continue  # "sv" is also the default when a file does not say
                if name == "title" and normalise_title(value) == normalise_title(reference.title):
                    continue  # the same title written differently is not a change
                if value not in ("", None) and getattr(reference, name) != value:
                    if (
                        name == "doi"
                        and Reference.objects.filter(doi=value).exclude(pk=reference.pk).exists()
                    ):
                        continue
                    setattr(reference, name, value)
                    changed.append(str(Reference._meta.get_field(name).verbose_name))
            if record["summary"] and not reference.summary:
                reference.summary = record["summary"]
                changed.append(str(Reference._meta.get_field("summary").verbose_name))
            if record["authors"] and record["authors"] != reference.author_list:
                changed.append(_("författare"))
            new_topics = set(record["topics"]) - {tag.name for tag in reference.topics.all()}
            if new_topics:
                changed.append(str(Reference._meta.get_field("topics").verbose_name))
            if not changed:
                report.skipped.append((label, _("finns redan, inget att ändra")))
                continue
            if record["authors"] and record["authors"] != reference.author_list:
                _set_authors(reference, record["authors"])
            if new_topics:
                reference.topics.add(*sorted(new_topics))
            reference.save()
            report.updated.append((label, ", ".join(changed)))
    return report


def import_file(upload):
    """Read, parse and import an uploaded file. Raises ImportRefused (nothing saved)."""
    text = decode_upload(upload)
    fmt, records = parse_text(text)
    return import_records(records, fmt)

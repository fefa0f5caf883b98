"""RIS (Zotero, EndNote): records from and to RIS entries."""

import re

import rispy
from django.utils.translation import gettext as _

from ..references import normalise_doi
from .records import ImportRefused, clean_text, parse_language, parse_year, reference_to_record

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
    ref_type = RIS_TO_TYPE.get(clean_text(entry.get("type_of_reference")).upper(), "report")
    authors = [
        clean_text(name)
        for name in (entry.get("authors") or []) + (entry.get("first_authors") or [])
    ]
    start, end = clean_text(entry.get("start_page")), clean_text(entry.get("end_page"))
    pages = f"{start}–{end}" if start and end else start
    container = ""
    for key in ("secondary_title", "journal_name", "alternate_title3", "alternate_title2"):
        container = container or clean_text(entry.get(key))
    urls = entry.get("urls") or []
    number = clean_text(entry.get("number"))
    return {
        "ref_type": ref_type,
        "title": clean_text(entry.get("title") or entry.get("primary_title")),
        "year": parse_year(entry.get("year") or entry.get("publication_year") or entry.get("date")),
        "container": container,
        "publisher": clean_text(entry.get("publisher")),
        "volume": clean_text(entry.get("volume")),
        "issue": number,
        "pages": pages,
        "doi": normalise_doi(clean_text(entry.get("doi"))),
        "url": clean_text(urls[0]) if urls else "",
        "isbn": clean_text(entry.get("issn")) if ref_type != "article" else "",
        "language": parse_language(entry.get("language")),
        "authors": [name for name in authors if name],
        "summary": (entry.get("abstract") or entry.get("notes_abstract") or "").strip(),
        "topics": [clean_text(word) for word in entry.get("keywords") or [] if clean_text(word)],
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

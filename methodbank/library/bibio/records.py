"""The neutral record every format goes through: a dict with the Reference's field names plus
``authors`` and ``topics`` lists, and the cleaning both formats share."""

import re

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


def reference_to_record(reference):
    record = {name: getattr(reference, name) for name in BIBLIOGRAPHIC_FIELDS}
    record["year"] = reference.year
    record["authors"] = reference.author_list
    record["summary"] = reference.summary
    record["topics"] = sorted(tag.name for tag in reference.topics.all())
    return record


def clean_text(value):
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0] if value else ""
    return " ".join(str(value).split())


def parse_year(value):
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


def parse_language(value):
    text = clean_text(value).lower()
    if not text:
        return "sv"
    return LANGUAGE_WORDS.get(text.split("-")[0].split("_")[0], "other")

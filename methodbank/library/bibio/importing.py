"""Import of an uploaded RIS or BibTeX file, all or nothing, with duplicate detection."""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models.references import Reference, ReferenceAuthor
from ..references import normalise_title, validate_doi
from .bibtex import parse_bibtex
from .records import BIBLIOGRAPHIC_FIELDS, MAX_IMPORT_BYTES, MAX_RECORDS, ImportRefused
from .ris import parse_ris


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

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

from .bibtex import parse_bibtex, to_bibtex
from .importing import ImportReport, decode_upload, import_file, import_records, parse_text
from .records import ImportRefused
from .ris import parse_ris, to_ris

__all__ = [
    "ImportRefused",
    "ImportReport",
    "decode_upload",
    "import_file",
    "import_records",
    "parse_bibtex",
    "parse_ris",
    "parse_text",
    "to_bibtex",
    "to_ris",
]

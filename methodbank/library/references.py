"""Rules for research references that need no database: DOI and title normalisation (duplicate
detection), the DOI's form, and author strings of the method bank's interim references."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_AUTHOR_SPLIT = re.compile(r"\s*(?:;|&|\band\b|\boch\b)\s*")


def normalise_doi(value):
    """``10.1007/abc`` from any way a DOI is written (URL, ``doi:`` prefix, upper case)."""
    value = (value or "").strip()
    value = re.sub(r"^(?:https?://)?(?:dx\.)?doi\.org/", "", value, flags=re.I)
    value = re.sub(r"^doi:\s*", "", value, flags=re.I)
    return value.strip().lower()


def normalise_title(value):
    """Title for duplicate detection: lower case, letters and digits only, single spaces."""
    return " ".join(re.sub(r"[^\w]+", " ", (value or "").casefold()).split())


def validate_doi(value):
    if value and not re.match(r"^10\.\d{4,9}/\S+$", normalise_doi(value)):
        raise ValidationError(
            _("En DOI ser ut så här: 10.1007/s10566-013-9222-1."), code="invalid_doi"
        )


def split_authors(text):
    """Names from an interim author string: "Kearney, C. A., & Graczyk, P. A." → two names."""
    names = [part.strip().strip(",").strip() for part in _AUTHOR_SPLIT.split(text or "")]
    return [name for name in names if name]

"""No pupil data: find Swedish personal identity numbers (personnummer) in free text.

A number counts when it has the form YYMMDD-NNNN / YYMMDD+NNNN / YYYYMMDDNNNN (hyphen, plus or
nothing between), a plausible date (day + 60 for coordination numbers) and a valid Luhn check
digit. Forms call :func:`validate_no_personal_identity_number` on every text field.
"""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_CANDIDATE = re.compile(r"(?<![\d])(\d{2})?(\d{2})(\d{2})(\d{2})\s?([-+])?\s?(\d{3})(\d)(?![\d])")

NO_PUPIL_DATA_MESSAGE = _(
    "Det ser ut som ett personnummer. Skriv inga uppgifter som kan identifiera en elev här: "
    "beskriv skolans behov, inte barnet. Uppgifter om en enskild elev lämnas i skolans egna "
    "kanaler och delas bara med vårdnadshavares samtycke."
)


def _luhn_ok(digits):
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _plausible_date(century, year, month, day):
    day_number = int(day)
    if day_number > 60:  # samordningsnummer
        day_number -= 60
    today = date.today()
    if century:
        full_year = int(century + year)
    else:  # the most recent century that gives a date not in the future
        full_year = 2000 + int(year) if 2000 + int(year) <= today.year else 1900 + int(year)
    try:
        born = date(full_year, int(month), day_number)
    except ValueError:
        return False
    return born <= today


def find_personal_identity_numbers(text):
    """All personal identity numbers (with valid check digit) found in ``text``."""
    found = []
    for match in _CANDIDATE.finditer(text or ""):
        century, year, month, day, _sep, serial, check = match.groups()
        if century and century not in ("18", "19", "20"):
            continue
        if not _plausible_date(century, year, month, day):
            continue
        if _luhn_ok(year + month + day + serial + check):
            found.append(match.group(0))
    return found


def contains_personal_identity_number(text):
    return bool(find_personal_identity_numbers(text))


def validate_no_personal_identity_number(value):
    if isinstance(value, str) and contains_personal_identity_number(value):
        raise ValidationError(NO_PUPIL_DATA_MESSAGE, code="personal_identity_number")


class NoPupilDataFormMixin:
    """Rejects a personal identity number in any text field of the form, field by field."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            values = value if isinstance(value, list | tuple) else [value]
            if any(isinstance(v, str) and contains_personal_identity_number(v) for v in values):
                self.add_error(
                    name, ValidationError(NO_PUPIL_DATA_MESSAGE, code="personal_identity_number")
                )
        return cleaned

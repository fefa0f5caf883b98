"""No pupil data: find Swedish personal identity numbers (personnummer) in free text.

Anything *shaped* like a personal identity or coordination number is refused, whatever its
check digit: a mistyped number still identifies a child. The text is normalised first (NFKC,
every Unicode dash and minus to ``-``, format characters such as zero-width spaces removed, the
letter O between digits read as 0), then a number is:

* a date part: ``YYMMDD`` or ``YYYYMMDD`` written together, or ``YY MM DD`` / ``YYYY-MM-DD``
  with the same space, dot, slash or dash between the groups;
* then, optionally with a space, dot, slash, dash or plus (with spaces around it), four digits;
* with a plausible date: a real calendar day (day + 60 for coordination numbers) that is not in
  the future; without a century the most recent one that fits (``+`` adds a hundred years).

Not numbers: a date range (``2026-03-14–2026-03-16``: four digits followed by another date
group) and a mobile number typed as ten digits without separators (``0701234567``: the only
Swedish mobile prefix that is date-shaped is 070, i.e. born in 2007, and such a personal
number written without its dash is the price of not refusing every mobile number).

Forms use :class:`NoPupilDataFormMixin` (every text field) or the model field validator
:func:`validate_no_personal_identity_number`; search text is passed through
:func:`redact_personal_identity_numbers` before it is stored or logged.
"""

import re
import unicodedata
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import ngettext_lazy

REDACTED = "[personnummer]"

# Dashes and minus signs that NFKC leaves alone and that are not in category Pd.
_MINUS_SIGNS = {"\u2212", "\u2796", "\u02d7", "\u2043"}

_DATE = (
    r"(?:(?P<y>\d{2})(?P<m>\d{2})(?P<d>\d{2})"  # YYMMDD together
    r"|(?P<y2>\d{2})(?P<s>[ ./-])(?P<m2>\d{2})(?P=s)(?P<d2>\d{2}))"  # or the same separator
)
_CANDIDATE = re.compile(
    r"(?<!\d)(?P<century>\d{2})??" + _DATE + r"(?P<sep> ?[-+./]? ?)(?P<serial>\d{4})"
    r"(?!\d)(?! ?[-./] ?\d)"  # not the year of a following date ("2026-03-14–2026-03-16")
)
_O_BETWEEN_DIGITS = re.compile(r"(?<=\d)[Oo](?=[\dOo])")

REMOVE_MESSAGE = ngettext_lazy(
    "Det ser ut som ett personnummer: ta bort %(numbers)s. Resten av det du skrev finns kvar. "
    "Skriv inga uppgifter som kan identifiera en elev: beskriv skolans behov, inte barnet. "
    "Uppgifter om en enskild elev lämnas i skolans egna kanaler och delas bara med "
    "vårdnadshavares samtycke.",
    "Det ser ut som personnummer: ta bort %(numbers)s. Resten av det du skrev finns kvar. "
    "Skriv inga uppgifter som kan identifiera en elev: beskriv skolans behov, inte barnet. "
    "Uppgifter om en enskild elev lämnas i skolans egna kanaler och delas bara med "
    "vårdnadshavares samtycke.",
    "count",
)


def _normalise(text):
    """The normalised text and, for each of its characters, the index it came from."""
    chars, origin = [], []
    for index, char in enumerate(text):
        for piece in unicodedata.normalize("NFKC", char):
            category = unicodedata.category(piece)
            if piece in _MINUS_SIGNS or category == "Pd":
                piece = "-"
            elif category == "Cf":  # zero-width space, joiners, BOM, soft hyphen …
                continue
            elif category == "Zs" or piece == "\t":
                piece = " "
            chars.append(piece)
            origin.append(index)
    normalised = "".join(chars)
    while True:  # "2O1O" needs two passes: each O must sit between digits
        replaced = _O_BETWEEN_DIGITS.sub("0", normalised)
        if replaced == normalised:
            return normalised, origin
        normalised = replaced


def _full_year(century, year, sep):
    if century:
        return int(century + year)
    today = date.today()
    full_year = 2000 + int(year) if 2000 + int(year) <= today.year else 1900 + int(year)
    return full_year - 100 if sep.strip() == "+" else full_year


def _plausible_date(century, year, month, day, sep):
    if century and century not in ("18", "19", "20"):
        return False
    day_number = int(day)
    if day_number > 60:  # samordningsnummer
        day_number -= 60
    try:
        born = date(_full_year(century, year, sep), int(month), day_number)
    except ValueError:
        return False
    return born <= date.today()


def _is_mobile_number(match):
    groups = match.groupdict()
    return (
        not groups["century"]
        and groups["y"] is not None
        and not groups["sep"]
        and match.group(0).startswith("070")
    )


def _spans(text):
    """(start, end) in ``text`` of every personal-number-shaped candidate."""
    if not text:
        return []
    normalised, origin = _normalise(text)
    spans = []
    for match in _CANDIDATE.finditer(normalised):
        groups = match.groupdict()
        year = groups["y"] or groups["y2"]
        month = groups["m"] or groups["m2"]
        day = groups["d"] or groups["d2"]
        if _is_mobile_number(match):
            continue
        if not _plausible_date(groups["century"], year, month, day, groups["sep"]):
            continue
        spans.append((origin[match.start()], origin[match.end() - 1] + 1))
    return spans


def find_personal_identity_numbers(text):
    """Every piece of ``text`` (as typed) shaped like a personal identity number."""
    return [text[start:end] for start, end in _spans(text)]


def contains_personal_identity_number(text):
    return bool(_spans(text))


def redact_personal_identity_numbers(text):
    """``text`` with every personal-number-shaped piece replaced by ``[personnummer]``."""
    spans = _spans(text)
    for start, end in reversed(spans):
        text = text[:start] + REDACTED + text[end:]
    return text


def personal_identity_number_error(numbers):
    """One error saying what to remove (the numbers as typed) and why."""
    quoted = ", ".join(f"”{number.strip()}”" for number in numbers)
    message = REMOVE_MESSAGE % {"numbers": quoted, "count": len(numbers)}
    return ValidationError(message, code="personal_identity_number")


def validate_no_personal_identity_number(value):
    """A field validator (models and forms): refuses text shaped like a personal number."""
    if isinstance(value, str):
        numbers = find_personal_identity_numbers(value)
        if numbers:
            raise personal_identity_number_error(numbers)


_PHONE_NUMBER = re.compile(r"(?:\+46|0046|0)[ -]?\(?0?\)?[1-9](?:[ -]?\d){5,11}")


def is_phone_number(text):
    """True when the whole of ``text`` is a Swedish phone number (national or +46)."""
    normalised, _origin = _normalise((text or "").strip())
    return bool(_PHONE_NUMBER.fullmatch(normalised))


def _is_phone_field(field):
    widget = getattr(field, "widget", None)
    kinds = {getattr(widget, "input_type", ""), getattr(widget, "attrs", {}).get("type", "")}
    return "tel" in kinds


class NoPupilDataFormMixin:
    """Rejects a personal identity number in any text field of the form, field by field.

    A phone field (``type="tel"``) whose whole value is a Swedish phone number passes: a
    Gothenburg number typed without separators (``0311234567``) is date-shaped, and a phone
    field is where phone numbers go. Anything else in it is checked like every other field.
    """

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            field = self.fields.get(name)
            if field is not None and _is_phone_field(field) and is_phone_number(value):
                continue
            values = value if isinstance(value, list | tuple) else [value]
            numbers = [
                number
                for v in values
                if isinstance(v, str)
                for number in find_personal_identity_numbers(v)
            ]
            if numbers:
                self.add_error(name, personal_identity_number_error(numbers))
        return cleaned

"""The calculator's answer in words: "12 % frånvaro under ett läsår motsvarar ungefär 21
skoldagar, drygt 4 veckor." (the arithmetic is in :mod:`.calculator`)."""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext, ngettext_lazy

from .calculator import ABOUT, EXACT, JUST_OVER, round_half_up


def format_number(value):
    """A Decimal in the active language's notation: 4,5 in Swedish, 4.5 in English."""
    value = Decimal(value)
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return number_format(value, use_l10n=True)


def _plural_count(value):
    """The count ngettext should see: the integer itself, or 2 (plural) for a fraction."""
    return int(value) if value == value.to_integral_value() else 2


def _amount(shown, exact, words):
    """``words`` (the exact and the rounded wording) for ``shown``: "21 skoldagar" when the
    number is exact, "ungefär 21 skoldagar" when it was rounded."""
    exact_words, rounded_words = words
    chosen = exact_words if exact else rounded_words
    return chosen % {"n": format_number(shown), "count": _plural_count(shown)}


def _rounded(value, words):
    """``value`` rounded half up to a whole number, in ``words`` (see :func:`_amount`)."""
    shown = round_half_up(value)
    return _amount(shown, shown == value, words)


DAYS = (
    ngettext_lazy("%(n)s skoldag", "%(n)s skoldagar", "count"),
    ngettext_lazy("ungefär %(n)s skoldag", "ungefär %(n)s skoldagar", "count"),
)
LESSONS = (
    ngettext_lazy("%(n)s lektion", "%(n)s lektioner", "count"),
    ngettext_lazy("ungefär %(n)s lektion", "ungefär %(n)s lektioner", "count"),
)
HOURS = (
    ngettext_lazy("%(n)s timme", "%(n)s timmar", "count"),
    ngettext_lazy("ungefär %(n)s timme", "ungefär %(n)s timmar", "count"),
)


def days_phrase(result):
    return _amount(*result.days, DAYS)


def weeks_phrase(result):
    """``"drygt 4 veckor"``; empty when less than a week is missed (days say it better)."""
    if result.missed_weeks < 1:
        return ""
    qualifier, number = result.weeks
    values = {"n": format_number(number)}
    count = _plural_count(number)
    if qualifier == EXACT:
        return ngettext("%(n)s vecka", "%(n)s veckor", count) % values
    if qualifier == JUST_OVER:
        return ngettext("drygt %(n)s vecka", "drygt %(n)s veckor", count) % values
    if qualifier == ABOUT:
        return ngettext("ungefär %(n)s vecka", "ungefär %(n)s veckor", count) % values
    return ngettext("knappt %(n)s vecka", "knappt %(n)s veckor", count) % values


def lessons_phrase(result):
    return _amount(*result.lessons, LESSONS)


def summary_sentence(result):
    """The answer in one sentence: "12 % frånvaro under ett läsår motsvarar ungefär 21
    skoldagar, drygt 4 veckor." """
    values = {
        "percent": format_number(result.percent),
        "period": result.period_label,
        "days": days_phrase(result),
        "weeks": weeks_phrase(result),
    }
    if result.missed_days == 0:
        return gettext(
            "%(percent)s %% frånvaro under %(period)s betyder inga missade skoldagar."
        ) % (values)
    if values["weeks"]:
        return gettext(
            "%(percent)s %% frånvaro under %(period)s motsvarar %(days)s, %(weeks)s."
        ) % (values)
    return gettext("%(percent)s %% frånvaro under %(period)s motsvarar %(days)s.") % values


def hours_phrase(hours):
    return _rounded(hours, HOURS)


def entered_sentence(result):
    """In hours mode: the absent hours entered, as lessons of the stated length, and what the
    table does with them. Empty otherwise."""
    lessons = result.entered_lessons
    if lessons is None:
        return ""
    return gettext(
        "Den frånvarande tiden du fyllde i, %(hours)s, motsvarar %(lessons)s à %(minutes)s "
        "minuter. Tabellen räknar om samma andel frånvaro till hela perioder."
    ) % {
        "hours": hours_phrase(result.entered_absent),
        "lessons": _rounded(lessons, LESSONS),
        "minutes": format_number(result.lesson_minutes),
    }


def lessons_sentence(result):
    if result.missed_days == 0:
        return ""
    if result.in_hours:
        per_day = ngettext(
            "%(n)s lektion à %(minutes)s minuter per skoldag",
            "%(n)s lektioner à %(minutes)s minuter per skoldag",
            _plural_count(result.lessons_per_day),
        ) % {
            "n": format_number(result.lessons_per_day),
            "minutes": format_number(result.lesson_minutes),
        }
        return gettext("Det är %(lessons)s (%(hours)s), räknat med %(per_day)s.") % {
            "lessons": lessons_phrase(result),
            "hours": hours_phrase(result.missed_hours),
            "per_day": per_day,
        }
    per_day = ngettext(
        "%(n)s lektion per skoldag",
        "%(n)s lektioner per skoldag",
        _plural_count(result.lessons_per_day),
    ) % {"n": format_number(result.lessons_per_day)}
    return gettext("Det är %(lessons)s, räknat med %(per_day)s.") % {
        "lessons": lessons_phrase(result),
        "per_day": per_day,
    }

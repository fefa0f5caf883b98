"""The absence calculator (frånvarokalkylator): absence as missed school days, weeks and lessons.

Pure functions, no Django models: the page, the StreamField block and the live JSON endpoint
all call :func:`calculate`. Kramfors principals found that absence expressed as *missed days
and weeks* moves people more than a percentage does.

Assumptions (stated to the visitor under every answer):

* a school year has 178 school days (Skolförordningen 3 kap. 3 §);
* a school week has five school days;
* a term is half a school year: 89 school days;
* years 7–9 are three school years: 534 school days;
* a school day has ``lessons_per_day`` lessons (an input, :data:`DEFAULT_LESSONS_PER_DAY`
  unless the visitor changes it);
* when absence is entered in *hours*, a lesson lasts ``lesson_minutes`` minutes (an input,
  :data:`DEFAULT_LESSON_MINUTES` unless the visitor changes it), so the hours entered and the
  lessons shown agree: 38 hours are 38 lessons of 60 minutes, 57 lessons of 40 minutes.

Arithmetic is done with :class:`~decimal.Decimal`, so results are exact before rounding, and
rounding is "half up" (0.5 → 1), as people round by hand.
"""

from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

SCHOOL_DAYS_PER_YEAR = 178
SCHOOL_DAYS_PER_WEEK = 5
DEFAULT_LESSONS_PER_DAY = 5
MAX_LESSONS_PER_DAY = 12
DEFAULT_LESSON_MINUTES = 60
MIN_LESSON_MINUTES = 10
MAX_LESSON_MINUTES = 240
HOURS, LESSONS = "hours", "lessons"
UNIT_CHOICES = [(HOURS, _("Timmar")), (LESSONS, _("Lektioner"))]
HUNDRED = Decimal(100)

# Period key → (school days, label used in the sentence "… under <label> …").
PERIODS = {
    "week": (SCHOOL_DAYS_PER_WEEK, _("en vecka")),
    "term": (SCHOOL_DAYS_PER_YEAR // 2, _("en termin")),
    "year": (SCHOOL_DAYS_PER_YEAR, _("ett läsår")),
    "years_7_9": (3 * SCHOOL_DAYS_PER_YEAR, _("årskurs 7–9")),
}
PERIOD_CHOICES = [
    ("week", _("En vecka (5 skoldagar)")),
    ("term", _("En termin (89 skoldagar)")),
    ("year", _("Ett läsår (178 skoldagar)")),
    ("years_7_9", _("Årskurs 7–9 (534 skoldagar)")),
]
DEFAULT_PERIOD = "year"


class CalculatorInputError(ValueError):
    """Input the calculator cannot use; ``field`` names the input that is wrong."""

    def __init__(self, field, message):
        super().__init__(str(message))
        self.field = field
        self.message = message


def parse_number(raw, field="value"):
    """A Decimal from what a visitor typed: ``"12,5"``, ``"12.5"``, ``" 12 % "``, ``"1 234"``.

    Swedish users write a decimal comma; both comma and point are accepted. Spaces (also
    no-break spaces used as thousands separators) and a trailing percent sign are ignored.
    Raises :class:`CalculatorInputError` for anything that is not a finite number.
    """
    if isinstance(raw, (int, Decimal)) and not isinstance(raw, bool):
        value = Decimal(raw)
    else:
        text = str(raw if raw is not None else "").strip()
        for space in (" ", "\u00a0", "\u202f"):
            text = text.replace(space, "")
        text = text.removesuffix("%").replace("−", "-")
        if text.count(",") + text.count(".") > 1:
            raise CalculatorInputError(
                field, _("Skriv ett tal med högst ett decimaltecken, till exempel 12,5.")
            )
        text = text.replace(",", ".")
        if not text:
            raise CalculatorInputError(field, _("Fyll i ett tal."))
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise CalculatorInputError(
                field, _("Skriv ett tal, till exempel 12 eller 12,5.")
            ) from None
    if not value.is_finite():
        raise CalculatorInputError(field, _("Skriv ett tal, till exempel 12 eller 12,5."))
    return value


def share_from_percent(percent):
    """The absence share (0–1) from a percentage (0–100)."""
    percent = parse_number(percent, "percent")
    if percent < 0:
        raise CalculatorInputError("percent", _("Frånvaron kan inte vara negativ."))
    if percent > HUNDRED:
        raise CalculatorInputError("percent", _("Frånvaron kan inte vara mer än 100 %."))
    return percent / HUNDRED


def share_from_amounts(absent, scheduled):
    """The absence share (0–1) from absent and scheduled time (hours or lessons, same unit)."""
    absent = parse_number(absent, "absent")
    scheduled = parse_number(scheduled, "scheduled")
    if absent < 0:
        raise CalculatorInputError("absent", _("Frånvaron kan inte vara negativ."))
    if scheduled <= 0:
        raise CalculatorInputError("scheduled", _("Den schemalagda tiden måste vara mer än 0."))
    if absent > scheduled:
        raise CalculatorInputError(
            "absent", _("Frånvaron kan inte vara större än den schemalagda tiden.")
        )
    return absent / scheduled


def parse_lessons_per_day(raw):
    if raw in (None, ""):
        return Decimal(DEFAULT_LESSONS_PER_DAY)
    value = parse_number(raw, "lessons_per_day")
    if value <= 0 or value > MAX_LESSONS_PER_DAY:
        raise CalculatorInputError(
            "lessons_per_day",
            _("Ange mellan 1 och %(max)s lektioner per dag.") % {"max": MAX_LESSONS_PER_DAY},
        )
    return value


def parse_lesson_minutes(raw):
    if raw in (None, ""):
        return Decimal(DEFAULT_LESSON_MINUTES)
    value = parse_number(raw, "lesson_minutes")
    if value < MIN_LESSON_MINUTES or value > MAX_LESSON_MINUTES:
        raise CalculatorInputError(
            "lesson_minutes",
            _("Ange en lektionslängd mellan %(min)s och %(max)s minuter.")
            % {"min": MIN_LESSON_MINUTES, "max": MAX_LESSON_MINUTES},
        )
    return value


def round_half_up(value, places=0):
    """``value`` rounded half up to ``places`` decimals (Decimal)."""
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def approximate_days(days):
    """Days for display: whole days from 10 up, one decimal below (0.5 days is a lot in a week).

    Returns ``(shown, exact)``: the rounded Decimal and whether it equals the exact value.
    """
    days = Decimal(days)
    shown = round_half_up(days, 0 if days >= 10 else 1)
    if shown == shown.to_integral_value():
        shown = shown.quantize(Decimal(1))
    return shown, shown == days


# Qualifiers for the number of weeks, as in "drygt 4 veckor".
EXACT, JUST_OVER, ABOUT, ALMOST, UNDER_ONE = "exact", "just_over", "about", "almost", "under_one"


def describe_weeks(weeks):
    """A rough number of weeks as people say it: ``(qualifier, number)``.

    * whole number → (``exact``, n);
    * under one week (but more than zero) → (``under_one``, 1): "mindre än en vecka";
    * fraction under 0.4 → (``just_over``, n): 4.27 → "drygt 4 veckor";
    * fraction 0.4–0.6 → (``about``, n + 0.5): 4.5 → "ungefär 4,5 veckor";
    * fraction over 0.6 → (``almost``, n + 1): 4.8 → "knappt 5 veckor".
    """
    weeks = Decimal(weeks)
    whole = weeks.to_integral_value(rounding=ROUND_FLOOR)
    fraction = weeks - whole
    if fraction == 0:
        return EXACT, whole
    if weeks < 1:
        return UNDER_ONE, Decimal(1)
    if fraction < Decimal("0.4"):
        return JUST_OVER, whole
    if fraction <= Decimal("0.6"):
        return ABOUT, whole + Decimal("0.5")
    return ALMOST, whole + 1


@dataclass(frozen=True)
class CalculatorResult:
    share: Decimal  # 0–1, exact
    period: str
    period_days: int
    lessons_per_day: Decimal
    missed_days: Decimal  # exact
    missed_weeks: Decimal  # exact
    missed_lessons: Decimal  # exact
    lesson_minutes: Decimal = Decimal(DEFAULT_LESSON_MINUTES)
    entered_absent: Decimal | None = None  # what the visitor typed as absent time, if any
    entered_unit: str = ""  # HOURS or LESSONS when absent and scheduled time were entered

    @property
    def in_hours(self):
        return self.entered_unit == HOURS

    @property
    def missed_hours(self):
        """Missed time in hours over the period (lessons of ``lesson_minutes``)."""
        return self.missed_lessons * self.lesson_minutes / 60

    @property
    def entered_lessons(self):
        """The absent hours entered, as lessons of ``lesson_minutes`` (None unless hours)."""
        if not self.in_hours or self.entered_absent is None:
            return None
        return self.entered_absent * 60 / self.lesson_minutes

    @property
    def percent(self):
        """The share as a percentage, rounded half up to one decimal (12.0 → 12)."""
        value = round_half_up(self.share * HUNDRED, 1)
        return value.quantize(Decimal(1)) if value == value.to_integral_value() else value

    @property
    def days(self):
        return approximate_days(self.missed_days)

    @property
    def weeks(self):
        return describe_weeks(self.missed_weeks)

    @property
    def lessons(self):
        """Missed lessons rounded half up to whole lessons, and whether that is exact."""
        shown = round_half_up(self.missed_lessons)
        return shown, shown == self.missed_lessons

    @property
    def period_label(self):
        return PERIODS[self.period][1]

    @property
    def period_weeks(self):
        return Decimal(self.period_days) / SCHOOL_DAYS_PER_WEEK


def calculate(
    share,
    period=DEFAULT_PERIOD,
    lessons_per_day=DEFAULT_LESSONS_PER_DAY,
    *,
    lesson_minutes=DEFAULT_LESSON_MINUTES,
    entered_absent=None,
    entered_unit="",
):
    """Missed school days, weeks and lessons for an absence ``share`` (0–1) over ``period``.

    ``entered_absent`` and ``entered_unit`` record the absent time the visitor typed (hours or
    lessons), so the answer can relate it to lessons of ``lesson_minutes``."""
    share = Decimal(share)
    if share < 0 or share > 1:
        raise CalculatorInputError("percent", _("Frånvaron måste vara mellan 0 och 100 %."))
    if period not in PERIODS:
        raise CalculatorInputError("period", _("Välj en period i listan."))
    lessons_per_day = Decimal(lessons_per_day)
    if lessons_per_day <= 0:
        raise CalculatorInputError("lessons_per_day", _("Ange minst en lektion per dag."))
    period_days = PERIODS[period][0]
    missed_days = share * period_days
    return CalculatorResult(
        share=share,
        period=period,
        period_days=period_days,
        lessons_per_day=lessons_per_day,
        missed_days=missed_days,
        missed_weeks=missed_days / SCHOOL_DAYS_PER_WEEK,
        missed_lessons=missed_days * lessons_per_day,
        lesson_minutes=Decimal(lesson_minutes),
        entered_absent=None if entered_absent is None else Decimal(entered_absent),
        entered_unit=entered_unit,
    )


def calculate_all_periods(share, lessons_per_day=DEFAULT_LESSONS_PER_DAY, **entered):
    """The same share over every period, shortest first (for the comparison table)."""
    return [calculate(share, key, lessons_per_day, **entered) for key in PERIODS]

"""The absence calculator's GET form, and the context its templates share (the page, the
StreamField block and the live JSON endpoint)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kcsite.forms import PublicFormMixin

from . import calculator

NUMBER_ATTRS = {"inputmode": "decimal", "autocomplete": "off", "size": "8"}


def _number_field(label, help_text):
    """An optional number as typed: text, so a decimal comma ("12,5") works."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=20,
        help_text=help_text,
        widget=forms.TextInput(attrs=NUMBER_ATTRS),
    )


class CalculatorForm(PublicFormMixin, forms.Form):
    """A GET form: absence as a percentage, or as absent and scheduled time, and a period.

    Values are typed as text so a decimal comma ("12,5") works; parsing and the arithmetic
    live in :mod:`methodbank.library.calculator`. A GET form of a calculator: no honeypot, and
    no field is marked optional (the answer says what is missing).
    """

    mark_optional = False

    percent = _number_field(_("Frånvaro i procent"), _("Till exempel 12 eller 12,5."))
    absent = _number_field(
        _("Frånvarande tid"), _("Timmar eller lektioner som eleven har varit borta.")
    )
    scheduled = _number_field(
        _("Schemalagd tid"),
        _("Timmar eller lektioner enligt schemat under samma tid, i samma enhet."),
    )
    unit = forms.ChoiceField(
        label=_("Tiden är i"),
        choices=calculator.UNIT_CHOICES,
        initial=calculator.HOURS,
        required=False,
        widget=forms.RadioSelect,
    )
    period = forms.ChoiceField(
        label=_("Period"),
        choices=calculator.PERIOD_CHOICES,
        initial=calculator.DEFAULT_PERIOD,
        widget=forms.RadioSelect,
    )
    lessons_per_day = _number_field(
        _("Lektioner per skoldag"),
        _("Används för att räkna om dagar till lektioner. Lämna tomt för %(n)s.")
        % {"n": calculator.DEFAULT_LESSONS_PER_DAY},
    )
    lesson_minutes = _number_field(
        _("Lektionens längd i minuter"),
        _(
            "Används när tiden är i timmar, för att räkna om timmar till lektioner. "
            "Lämna tomt för %(n)s."
        )
        % {"n": calculator.DEFAULT_LESSON_MINUTES},
    )

    # Fields whose value in the query string means "calculate" (the unit alone does not).
    FIELD_NAMES = ("percent", "absent", "scheduled", "period", "lessons_per_day", "lesson_minutes")

    @classmethod
    def from_query(cls, query, prefix=None):
        """A bound form when the query string holds any calculator field, else unbound."""
        names = [f"{prefix}-{name}" if prefix else name for name in cls.FIELD_NAMES]
        if any(query.get(name) for name in names):
            data = query.copy()
            period_key = f"{prefix}-period" if prefix else "period"
            if not data.get(period_key):
                data[period_key] = calculator.DEFAULT_PERIOD
            return cls(data, prefix=prefix)
        return cls(prefix=prefix, initial={"period": calculator.DEFAULT_PERIOD})

    def clean(self):
        cleaned = super().clean()
        percent = (cleaned.get("percent") or "").strip()
        absent = (cleaned.get("absent") or "").strip()
        scheduled = (cleaned.get("scheduled") or "").strip()
        try:
            if percent and (absent or scheduled):
                raise calculator.CalculatorInputError(
                    "percent",
                    _("Fyll i antingen frånvaro i procent eller frånvarande och schemalagd tid."),
                )
            if percent:
                share = calculator.share_from_percent(percent)
            elif absent or scheduled:
                if not absent:
                    raise calculator.CalculatorInputError(
                        "absent", _("Fyll i den frånvarande tiden.")
                    )
                if not scheduled:
                    raise calculator.CalculatorInputError(
                        "scheduled", _("Fyll i den schemalagda tiden.")
                    )
                share = calculator.share_from_amounts(absent, scheduled)
                cleaned["entered"] = {
                    "entered_absent": calculator.parse_number(absent, "absent"),
                    "entered_unit": cleaned.get("unit") or calculator.HOURS,
                }
            else:
                raise calculator.CalculatorInputError(
                    "percent",
                    _("Fyll i frånvaron i procent, eller frånvarande och schemalagd tid."),
                )
            cleaned["share"] = share
        except calculator.CalculatorInputError as error:
            self.add_error(error.field, error.message)
        try:
            cleaned["lessons"] = calculator.parse_lessons_per_day(
                (cleaned.get("lessons_per_day") or "").strip()
            )
        except calculator.CalculatorInputError as error:
            self.add_error(error.field, error.message)
        try:
            cleaned["minutes"] = calculator.parse_lesson_minutes(
                (cleaned.get("lesson_minutes") or "").strip()
            )
        except calculator.CalculatorInputError as error:
            self.add_error(error.field, error.message)
        return cleaned

    def _entered(self):
        data = self.cleaned_data
        return {"lesson_minutes": data["minutes"], **data.get("entered", {})}

    def result(self):
        """The :class:`~methodbank.library.calculator.CalculatorResult`, or None if invalid."""
        if not self.is_bound or not self.is_valid():
            return None
        data = self.cleaned_data
        return calculator.calculate(
            data["share"], data["period"], data["lessons"], **self._entered()
        )

    def comparison(self):
        if not self.is_bound or not self.is_valid():
            return []
        return calculator.calculate_all_periods(
            self.cleaned_data["share"], self.cleaned_data["lessons"], **self._entered()
        )


def calculator_context(query, *, prefix="", action="", period=None):
    """The template context of one calculator: its form (bound when ``query`` holds any of its
    fields), the answer and the comparison of periods. ``period`` preselects a period on an
    unbound form."""
    form = CalculatorForm.from_query(query, prefix=prefix or None)
    if period and not form.is_bound:
        form.initial["period"] = period
    return {
        "calculator_form": form,
        "calculator_result": form.result(),
        "calculator_comparison": form.comparison(),
        "calculator_prefix": prefix,
        "calculator_action": action,
    }

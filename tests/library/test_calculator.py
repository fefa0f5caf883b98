"""The absence calculator's arithmetic, pinned (methodbank.library.calculator)."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from methodbank.library import calculator as calc
from methodbank.library import calculator_words as words
from methodbank.library.calculator_form import CalculatorForm
from tests.library import factories


def result(percent, period="year", lessons=calc.DEFAULT_LESSONS_PER_DAY):
    return calc.calculate(calc.share_from_percent(percent), period, lessons)


def test_base_facts():
    assert calc.SCHOOL_DAYS_PER_YEAR == 178
    assert calc.SCHOOL_DAYS_PER_WEEK == 5
    assert {key: days for key, (days, _label) in calc.PERIODS.items()} == {
        "week": 5,
        "term": 89,
        "year": 178,
        "years_7_9": 534,
    }


def test_twelve_percent_of_a_school_year_is_about_21_days_just_over_4_weeks():
    r = result("12")
    assert r.missed_days == Decimal("21.36")
    assert r.missed_weeks == Decimal("4.272")
    assert r.missed_lessons == Decimal("106.80")
    assert r.days == (Decimal(21), False)
    assert r.weeks == (calc.JUST_OVER, Decimal(4))
    assert r.lessons == (Decimal(107), False)
    with translation.override("sv"):
        assert words.summary_sentence(r) == (
            "12 % frånvaro under ett läsår motsvarar ungefär 21 skoldagar, drygt 4 veckor."
        )
        assert words.lessons_sentence(r) == (
            "Det är ungefär 107 lektioner, räknat med 5 lektioner per skoldag."
        )


def test_english_sentence_uses_a_decimal_point():
    r = result("12,5", "term")
    with translation.override("en"):
        sentence = words.summary_sentence(r)
    assert "12.5" in sentence


@pytest.mark.parametrize(
    ("percent", "period", "days", "weeks"),
    [
        ("10", "year", Decimal("17.8"), (calc.ABOUT, Decimal("3.5"))),  # 3.56 weeks
        ("5", "year", Decimal("8.9"), (calc.ALMOST, Decimal(2))),  # 1.78 weeks
        ("20", "term", Decimal("17.8"), (calc.ABOUT, Decimal("3.5"))),
        ("10", "years_7_9", Decimal("53.4"), (calc.ALMOST, Decimal(11))),  # 10.68 weeks
        ("100", "week", Decimal(5), (calc.EXACT, Decimal(1))),
    ],
)
def test_days_for_periods(percent, period, days, weeks):
    r = result(percent, period)
    assert r.missed_days == days
    assert r.weeks == weeks


def test_week_descriptions():
    assert calc.describe_weeks(Decimal("4.272")) == (calc.JUST_OVER, 4)
    assert calc.describe_weeks(Decimal("3.56")) == (calc.ABOUT, Decimal("3.5"))
    assert calc.describe_weeks(Decimal("10.68")) == (calc.ALMOST, 11)
    assert calc.describe_weeks(Decimal("2.5")) == (calc.ABOUT, Decimal("2.5"))
    assert calc.describe_weeks(Decimal("2.4")) == (calc.ABOUT, Decimal("2.5"))
    assert calc.describe_weeks(Decimal("2.6")) == (calc.ABOUT, Decimal("2.5"))
    assert calc.describe_weeks(Decimal("2.39")) == (calc.JUST_OVER, 2)
    assert calc.describe_weeks(Decimal("2.61")) == (calc.ALMOST, 3)
    assert calc.describe_weeks(Decimal(3)) == (calc.EXACT, 3)
    assert calc.describe_weeks(Decimal("0.3")) == (calc.UNDER_ONE, 1)
    assert calc.describe_weeks(Decimal(0)) == (calc.EXACT, 0)


def test_rounding_is_half_up_and_small_numbers_keep_one_decimal():
    assert calc.round_half_up(Decimal("2.5")) == 3  # not banker's rounding
    assert calc.round_half_up(Decimal("21.5")) == 22
    assert calc.approximate_days(Decimal("0.45")) == (Decimal("0.5"), False)
    assert calc.approximate_days(Decimal("9.95")) == (Decimal(10), False)
    assert calc.approximate_days(Decimal("10.5")) == (Decimal(11), False)
    assert calc.approximate_days(Decimal("89")) == (Decimal(89), True)


def test_zero_percent():
    r = result("0")
    assert r.missed_days == 0 and r.missed_weeks == 0 and r.missed_lessons == 0
    assert r.days == (Decimal(0), True)
    with translation.override("sv"):
        assert words.summary_sentence(r) == (
            "0 % frånvaro under ett läsår betyder inga missade skoldagar."
        )
        assert words.lessons_sentence(r) == ""


def test_hundred_percent():
    r = result("100")
    assert r.missed_days == 178
    assert r.days == (Decimal(178), True)
    assert r.weeks == (calc.ABOUT, Decimal("35.5"))  # 35.6 weeks
    assert r.lessons == (Decimal(890), True)
    with translation.override("sv"):
        assert words.summary_sentence(r) == (
            "100 % frånvaro under ett läsår motsvarar 178 skoldagar, ungefär 35,5 veckor."
        )
    r = result("100", "years_7_9")
    assert r.missed_days == 534 and r.missed_weeks == Decimal("106.8")


def test_a_week_is_told_in_days_without_weeks():
    r = result("10", "week")
    assert r.missed_days == Decimal("0.5")
    with translation.override("sv"):
        assert words.summary_sentence(r) == (
            "10 % frånvaro under en vecka motsvarar 0,5 skoldagar."
        )
        assert words.lessons_sentence(r) == (
            "Det är ungefär 3 lektioner, räknat med 5 lektioner per skoldag."
        )


def test_singular_forms():
    r = result("20", "week")  # exactly one day
    with translation.override("sv"):
        assert words.summary_sentence(r) == "20 % frånvaro under en vecka motsvarar 1 skoldag."


def test_absent_and_scheduled_hours():
    share = calc.share_from_amounts("6", "24")
    assert share == Decimal("0.25")
    r = calc.calculate(share, "term")
    assert r.missed_days == Decimal("22.25") and r.percent == 25
    assert calc.share_from_amounts("0", "30") == 0
    assert calc.share_from_amounts("30", "30") == 1
    assert calc.calculate(calc.share_from_amounts("1", "3"), "year").percent == Decimal("33.3")


def test_lessons_per_day_is_an_input():
    r = result("12", "year", Decimal(6))
    assert r.missed_lessons == Decimal("128.16")
    assert r.lessons == (Decimal(128), False)
    assert calc.parse_lessons_per_day("") == calc.DEFAULT_LESSONS_PER_DAY
    assert calc.parse_lessons_per_day("4,5") == Decimal("4.5")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12", Decimal(12)),
        ("12,5", Decimal("12.5")),
        ("12.5", Decimal("12.5")),
        (" 12 % ", Decimal(12)),
        ("1 234", Decimal(1234)),
        ("1\u00a0234,5", Decimal("1234.5")),
        (",5", Decimal("0.5")),
    ],
)
def test_parse_number_accepts_swedish_notation(raw, expected):
    assert calc.parse_number(raw) == expected


@pytest.mark.parametrize(
    "raw", ["", "tolv", "12,5,1", "1.234,5", "NaN", "Infinity", "1e400x", "--1"]
)
def test_parse_number_rejects_non_numbers(raw):
    with pytest.raises(calc.CalculatorInputError):
        calc.parse_number(raw)


@pytest.mark.parametrize(
    ("percent", "message"),
    [("-1", "negativ"), ("100,1", "mer än 100"), ("abc", "Skriv ett tal")],
)
def test_percent_errors(percent, message):
    with translation.override("sv"), pytest.raises(calc.CalculatorInputError) as error:
        calc.share_from_percent(percent)
    assert message in str(error.value.message)
    assert error.value.field == "percent"


def test_amount_errors():
    with pytest.raises(calc.CalculatorInputError) as error:
        calc.share_from_amounts("31", "30")
    assert error.value.field == "absent"
    with pytest.raises(calc.CalculatorInputError) as error:
        calc.share_from_amounts("1", "0")
    assert error.value.field == "scheduled"
    with pytest.raises(calc.CalculatorInputError) as error:
        calc.share_from_amounts("-1", "10")
    assert error.value.field == "absent"
    with pytest.raises(calc.CalculatorInputError):
        calc.parse_lessons_per_day("0")
    with pytest.raises(calc.CalculatorInputError):
        calc.parse_lessons_per_day("13")


def test_calculate_rejects_bad_share_and_period():
    with pytest.raises(calc.CalculatorInputError):
        calc.calculate(Decimal("1.01"))
    with pytest.raises(calc.CalculatorInputError):
        calc.calculate(Decimal("0.1"), "month")


def test_all_periods_table():
    rows = calc.calculate_all_periods(Decimal("0.12"))
    assert [row.period for row in rows] == ["week", "term", "year", "years_7_9"]
    assert [row.missed_days for row in rows] == [
        Decimal("0.60"),
        Decimal("10.68"),
        Decimal("21.36"),
        Decimal("64.08"),
    ]


# -- the form ---------------------------------------------------------------------------------
def form(**data):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    query.update(data)
    return CalculatorForm.from_query(query)


def test_form_unbound_without_input():
    assert not form().is_bound


def test_form_percent_with_comma():
    f = form(percent="12,5", period="term")
    assert f.is_valid(), f.errors
    assert f.result().missed_days == Decimal("11.125")


def test_form_defaults_to_a_school_year():
    f = form(percent="12")
    assert f.result().period == "year"


def test_form_amounts():
    f = form(absent="12", scheduled="120", period="week")
    assert f.result().share == Decimal("0.1")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"percent": "-3"}, "percent"),
        ({"percent": "150"}, "percent"),
        ({"percent": "tolv"}, "percent"),
        ({"absent": "40", "scheduled": "30"}, "absent"),
        ({"absent": "4"}, "scheduled"),
        ({"scheduled": "4"}, "absent"),
        ({"percent": "12", "absent": "4", "scheduled": "10"}, "percent"),
        ({"percent": "12", "lessons_per_day": "0"}, "lessons_per_day"),
        ({"percent": "12", "period": "month"}, "period"),
        ({"lessons_per_day": "5"}, "percent"),
    ],
)
def test_form_errors_name_the_field(data, field):
    f = form(**data)
    assert not f.is_valid()
    assert field in f.errors
    assert f.result() is None


def test_form_rejects_a_personal_identity_number():
    f = form(percent="811218-9876")
    assert not f.is_valid()


# -- hours mode: the hours entered and the lessons shown agree --------------------------------
def _hours_form(absent="38", scheduled="320", **extra):
    data = {"absent": absent, "scheduled": scheduled, "unit": "hours", "period": "term"}
    data.update(extra)
    form = CalculatorForm(data)
    assert form.is_valid(), form.errors
    return form


def test_hours_mode_states_the_lesson_length_and_converts_the_hours_entered():
    r = _hours_form().result()
    assert r.in_hours and r.lesson_minutes == 60
    assert r.entered_lessons == 38  # 38 hours are 38 lessons of 60 minutes
    assert r.missed_hours == r.missed_lessons  # never more lessons than hours at 60 minutes
    with translation.override("sv"):
        assert words.entered_sentence(r) == (
            "Den frånvarande tiden du fyllde i, 38 timmar, motsvarar 38 lektioner à 60 minuter. "
            "Tabellen räknar om samma andel frånvaro till hela perioder."
        )
        assert words.lessons_sentence(r) == (
            "Det är ungefär 53 lektioner (ungefär 53 timmar), räknat med 5 lektioner à 60 "
            "minuter per skoldag."
        )


def test_hours_mode_with_shorter_lessons_explains_why_lessons_exceed_hours():
    r = _hours_form(lesson_minutes="40").result()
    assert r.entered_lessons == 57
    assert r.missed_lessons > r.missed_hours
    with translation.override("sv"):
        assert "57 lektioner à 40 minuter" in words.entered_sentence(r)
        assert "à 40 minuter per skoldag" in words.lessons_sentence(r)


@pytest.mark.parametrize("minutes", ["5", "500", "abc"])
def test_lesson_length_outside_reason_is_a_clear_error(minutes):
    form = CalculatorForm({"absent": "3", "scheduled": "30", "lesson_minutes": minutes})
    assert not form.is_valid() and "lesson_minutes" in form.errors


def test_lessons_mode_and_percent_mode_say_nothing_about_hours():
    lessons = CalculatorForm(
        {"absent": "3", "scheduled": "30", "unit": "lessons", "period": "year"}
    )
    assert lessons.is_valid()
    assert words.entered_sentence(lessons.result()) == ""
    assert not lessons.result().in_hours
    percent = CalculatorForm({"percent": "10", "period": "year"})
    assert percent.is_valid() and words.entered_sentence(percent.result()) == ""


@pytest.mark.django_db
def test_calculator_page_hours_mode_table_is_a_focusable_region(client):
    factories.library()
    url = factories.CALC + "?absent=38&scheduled=320&unit=hours&period=term"
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    region = soup.select_one(".table-wrap[role=region]")
    assert region["tabindex"] == "0"
    assert soup.find(id=region["aria-labelledby"]).name == "caption"
    status = soup.select_one(".calculator__status").get_text(" ", strip=True)
    assert "38 lektioner à 60 minuter" in status

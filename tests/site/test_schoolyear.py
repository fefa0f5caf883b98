"""The school-year rule the demo's dates follow.

The demo's dates themselves are checked in ``tests/test_demo.py``."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from kcsite.pages.schoolyear import (
    add_school_days,
    holiday,
    is_school_day,
    school_day,
    working_time,
)


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2026, 12, 28), "christmas"),
        (date(2027, 1, 4), "christmas"),
        (date(2026, 12, 20), "christmas"),
        (date(2027, 1, 8), "christmas"),
        (date(2027, 6, 18), "summer"),
        (date(2026, 7, 23), "summer"),
        (date(2026, 8, 7), "summer"),
        (date(2027, 2, 17), "sports"),  # ISO week 7
        (date(2027, 3, 3), "sports"),  # ISO week 9
        (date(2026, 10, 28), "autumn"),  # ISO week 44
        (date(2027, 1, 11), None),
        (date(2026, 8, 17), None),
        (date(2026, 6, 12), None),
        (date(2026, 11, 4), None),
    ],
)
def test_holidays(day, name):
    assert holiday(day) == name


def test_weekends_are_not_school_days():
    assert not is_school_day(date(2026, 11, 28))  # Saturday
    assert not is_school_day(date(2026, 11, 29))  # Sunday
    assert is_school_day(date(2026, 11, 30))  # Monday


def test_school_day_moves_forward_or_backward_out_of_holidays():
    assert school_day(date(2026, 12, 28)) == date(2027, 1, 11)  # first Monday after New Year
    assert school_day(date(2026, 12, 28), backwards=True) == date(2026, 12, 18)
    assert school_day(date(2026, 7, 23)) == date(2026, 8, 17)
    assert school_day(date(2026, 7, 23), backwards=True) == date(2026, 6, 12)
    assert school_day(date(2026, 11, 30)) == date(2026, 11, 30)


def test_add_school_days_skips_weekends_and_holidays():
    assert add_school_days(date(2026, 12, 17), 2) == date(2027, 1, 11)
    assert add_school_days(date(2026, 11, 30), -1) == date(2026, 11, 27)
    assert add_school_days(date(2026, 11, 30), 0) == date(2026, 11, 30)


def test_working_time_is_within_working_hours_on_a_school_day():
    night = timezone.make_aware(datetime(2026, 12, 27, 3, 12))
    for seed in range(50):
        moment = working_time(night, seed)
        assert is_school_day(moment.date())
        assert 8 <= moment.hour < 17
        assert moment <= night
    assert len({working_time(night, seed) for seed in range(5)}) == 5

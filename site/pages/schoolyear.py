"""Dates a Swedish school would choose, for demo content.

Team Domino's trainings and meetings happen on school days in working hours. The demo places its
events relative to the day it is loaded, so every date goes through :func:`school_day`, which
moves it off weekends and the holidays that Swedish schools share:

- Christmas and New Year (20 December – 8 January),
- summer (15 June – 15 August),
- the sports holiday (ISO weeks 7–9: municipalities take one of them),
- the autumn holiday (ISO week 44).

Times go through :func:`working_time` (08:00–17:00).
"""

from datetime import date, datetime, time, timedelta

WORKDAY_START = time(8, 0)
WORKDAY_END = time(17, 0)
SPORTS_WEEKS = (7, 8, 9)
AUTUMN_WEEK = 44


def holiday(day: date) -> str | None:
    """The holiday ``day`` falls in ('christmas', 'summer', 'sports', 'autumn'), or None."""
    if (day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 8):
        return "christmas"
    if (day.month == 6 and day.day >= 15) or day.month == 7 or (day.month == 8 and day.day <= 15):
        return "summer"
    week = day.isocalendar().week
    if week in SPORTS_WEEKS:
        return "sports"
    if week == AUTUMN_WEEK:
        return "autumn"
    return None


def is_school_day(day: date) -> bool:
    return day.weekday() < 5 and holiday(day) is None


def school_day(day: date, backwards: bool = False) -> date:
    """``day`` if it is a school day, else the next one (the previous one with ``backwards``)."""
    step = timedelta(days=-1 if backwards else 1)
    while not is_school_day(day):
        day += step
    return day


def add_school_days(day: date, count: int) -> date:
    """The school day ``count`` school days after ``day`` (before it when negative)."""
    step = timedelta(days=1 if count >= 0 else -1)
    day = school_day(day, backwards=count < 0)
    for _ in range(abs(count)):
        day = school_day(day + step, backwards=count < 0)
    return day


def working_time(moment: datetime, seed: int = 0) -> datetime:
    """``moment`` moved to a school day and a working-hours time that ``seed`` spreads over
    the day (08:10, 09:47, 11:24 …), keeping its time zone."""
    day = school_day(moment.date(), backwards=True)
    minutes_in_day = (WORKDAY_END.hour - WORKDAY_START.hour) * 60
    offset = (10 + seed * 97) % (minutes_in_day - 10)
    clock = datetime.combine(day, WORKDAY_START) + timedelta(minutes=offset)
    return moment.replace(
        year=day.year,
        month=day.month,
        day=day.day,
        hour=clock.hour,
        minute=clock.minute,
        second=0,
        microsecond=0,
    )

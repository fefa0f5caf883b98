from django import template
from django.utils.translation import gettext

from .. import calculator, calculator_words

register = template.Library()


@register.filter
def calc_summary(result):
    return calculator_words.summary_sentence(result) if result else ""


@register.filter
def calc_lessons(result):
    return calculator_words.lessons_sentence(result) if result else ""


@register.filter
def calc_entered(result):
    return calculator_words.entered_sentence(result) if result else ""


@register.filter
def calc_days(result):
    return calculator_words.days_phrase(result)


@register.filter
def calc_weeks(result):
    if result.missed_weeks < 1:
        return gettext("mindre än en vecka") if result.missed_days else "0"
    return calculator_words.weeks_phrase(result)


@register.filter
def calc_lessons_phrase(result):
    return calculator_words.lessons_phrase(result)


@register.filter
def calc_number(value):
    return calculator_words.format_number(value)


@register.simple_tag
def calculator_facts():
    return {
        "days_per_year": calculator.SCHOOL_DAYS_PER_YEAR,
        "days_per_week": calculator.SCHOOL_DAYS_PER_WEEK,
        "days_per_term": calculator.PERIODS["term"][0],
        "days_7_9": calculator.PERIODS["years_7_9"][0],
        "default_lessons": calculator.DEFAULT_LESSONS_PER_DAY,
        "default_minutes": calculator.DEFAULT_LESSON_MINUTES,
    }


@register.inclusion_tag("library/includes/tiers.html")
def tier_badges(item):
    return {"tiers": item.tiers}

"""Template filters for the admin's own templates."""

from django import template

from kcsite.admin_tables import short_date

register = template.Library()


@register.filter
def kc_date(value, arg=""):
    """``{{ start|kc_date:"time" }}`` → ``3 dec. 2026 10:00``; without the argument the date."""
    return short_date(value, with_time=arg == "time")

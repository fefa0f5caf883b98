"""Table columns for Team Domino's admin listings: badges, times and people by name.

``BadgeColumn`` shows a state as a coloured badge that carries its label as text (colour is
never the only cue; the colours meet WCAG AA contrast, see ``static/css/admin.css``).
"""

from django.utils import formats, timezone
from wagtail.admin.ui.tables import Column

#: Badge tones (``kc-badge--<tone>`` in admin.css).
TONES = ("info", "waiting", "positive", "active", "negative", "neutral")


class BadgeColumn(Column):
    """A state as a badge; ``tones`` maps each value to one of ``TONES``."""

    cell_template_name = "kcsite/admin/badge_cell.html"

    def __init__(self, name, tones, **kwargs):
        super().__init__(name, **kwargs)
        self.tones = tones

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        raw = getattr(instance, self.name, "")
        context["tone"] = self.tones.get(raw, "neutral")
        context["label"] = getattr(instance, f"get_{self.name}_display", lambda: raw)()
        return context


def short_date(value, with_time=False):
    """``3 dec. 2026`` (``3 dec. 2026 10:00``) in the active language; English ``3 Dec. 2026``.

    Django's ``M`` capitalises the month ("3 Dec 2026" even in Swedish) and ``N`` leaves
    Swedish abbreviations without their full stop; this writes them as Swedish does.
    """
    if not value:
        return ""
    if hasattr(value, "hour"):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    month = formats.date_format(value, "N")
    if not month.endswith(".") and month != formats.date_format(value, "F"):
        month += "."
    text = f"{value.day} {month} {value.year}"
    if with_time and hasattr(value, "hour"):
        text += " " + formats.date_format(value, "H:i")
    return text


def local_datetime(value):
    return short_date(value, with_time=True)


def person_name(user):
    """A staff member by name (their username only when no name is set)."""
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


class DateTimeColumn(Column):
    """A date and time written out (not "3 days ago"), never wrapping."""

    def __init__(self, name, **kwargs):
        kwargs.setdefault("classname", "w-whitespace-nowrap")
        super().__init__(name, **kwargs)

    def get_value(self, instance):
        return local_datetime(super().get_value(instance))


class PersonColumn(Column):
    """A user by full name."""

    def get_value(self, instance):
        return person_name(super().get_value(instance))

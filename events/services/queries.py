"""Which events the public sees: live, public, in one language, the next ones first."""

from django.db.models import Min, Q
from django.utils import timezone
from wagtail.models import Locale

from ..models.pages import EventPage


def _locale(locale):
    if locale is None:
        return Locale.get_active()
    if isinstance(locale, Locale):
        return locale
    return Locale.objects.get(language_code=locale)


def public_events(locale=None):
    return EventPage.objects.live().public().filter(locale=_locale(locale))


def upcoming_events(event_type=None, limit=None, locale=None):
    """Live public events whose next occasion starts in the future, soonest first.

    ``locale`` is a Locale or a language code; None means the active language.
    Each page gets ``next_start`` (the start of its next occasion).
    """
    now = timezone.now()
    events = public_events(locale).annotate(
        next_start=Min("occasions__start", filter=Q(occasions__start__gt=now))
    )
    events = events.filter(next_start__isnull=False)
    if event_type:
        events = events.filter(event_type=event_type)
    events = events.order_by("next_start", "pk")
    return events[:limit] if limit else events

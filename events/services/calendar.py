"""Calendar entries (iCalendar) for an event: one entry per occasion, stable across languages."""

from django.conf import settings

from kcsite.ics import CalendarEntry, build_calendar
from kcsite.links import absolute_url


def calendar_entries(event, *, sequence_extra=0, cancelled=False):
    original = event.original
    url = absolute_url(event)
    description = "\n\n".join(part for part in [event.intro, url] if part)
    host = settings.WAGTAILADMIN_BASE_URL.split("//")[-1].split("/")[0].split(":")[0]
    return [
        CalendarEntry(
            uid=f"event-{original.translation_key}-{occasion.pk}@{host}",
            start=occasion.start,
            end=occasion.end,
            summary=event.title,
            description=description,
            location=event.location_text(),
            url=url,
            sequence=original.calendar_sequence + sequence_extra,
            cancelled=cancelled,
            stamp=event.last_published_at or occasion.start,
        )
        for occasion in original.occasion_list()
    ]


def event_calendar(event, *, method="PUBLISH", sequence_extra=0, cancelled=False):
    return build_calendar(
        calendar_entries(event, sequence_extra=sequence_extra, cancelled=cancelled),
        method=method,
        name=event.title,
    )


def feed_calendar(events, name):
    """One subscribable calendar of every occasion of ``events``."""
    entries = [entry for event in events for entry in calendar_entries(event)]
    return build_calendar(entries, method="PUBLISH", name=str(name))

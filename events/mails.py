"""The e-mails of events: context builders for :mod:`kcsite.mail` (sent by its one task).

Each builder gets ids (and small flags) and builds the message from the database at send time.
"""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from wagtail.models import Locale

from kcsite.links import absolute_url
from kcsite.mail import Mail, builder

from .models import EventPage, Registration
from .services.calendar import event_calendar

TEMPLATES = {
    "registered": "events/mail/registration",
    "changed": "events/mail/registration",
    "promoted": "events/mail/promoted",
    "already": "events/mail/already",
    "cancelled": "events/mail/cancelled",
    "reminder": "events/mail/reminder",
    "message": "events/mail/participant_message",
}


def about(params):
    return f"events.registration:{params['registration_id']}"


def _event_in_language(event, language):
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return event
    translated = event.get_translation_or_none(locale)
    return translated.specific if translated and translated.live else event


def mail_context(registration, kind, **extra):
    original = registration.event.specific
    event = _event_in_language(original, registration.language)
    confirmed = registration.status in Registration.SEAT_STATES
    with translation.override(registration.language):
        occasions = [
            {"start": timezone.localtime(o.start), "end": timezone.localtime(o.end), "note": o.note}
            for o in original.occasion_list()
        ]
        location = event.location_text()
        register_url = absolute_url(event.register_url())
    return {
        "kind": kind,
        "registration": registration,
        "event": event,
        "event_url": absolute_url(event),
        # After a cancellation: how to register again, while there is room.
        "register_again_url": register_url if original.registration_state() == "open" else "",
        "occasions": occasions,
        "location": location,
        "is_digital": original.is_digital,
        # The meeting link goes only to people with a seat, never to the waitlist.
        "meeting_link": original.meeting_link if confirmed and original.is_digital else "",
        "confirmed": confirmed,
        "waitlisted": registration.status == Registration.Status.WAITLISTED,
        "position": registration.waitlist_position(),
        "manage_url": registration.manage_url(),
        **extra,
    }


def registration_mail(registration, kind, **extra):
    """The :class:`Mail` ``kind`` for ``registration``, or None once it is anonymised."""
    if registration is None or registration.anonymised_at or not registration.email:
        return None
    context = mail_context(registration, kind, **extra)
    attachments = []
    event = registration.event.specific
    if kind == "cancelled":
        ics = event_calendar(
            event, method="CANCEL", sequence_extra=registration.version, cancelled=True
        )
        attachments.append(("avbokning.ics", ics, "text/calendar; method=CANCEL"))
    elif context["confirmed"] and kind != "message":
        ics = event_calendar(event, sequence_extra=registration.version)
        attachments.append(("evenemang.ics", ics, "text/calendar; method=PUBLISH"))
    return Mail(
        TEMPLATES[kind],
        context,
        [registration.email],
        registration.language,
        attachments=attachments,
    )


def _registration(registration_id):
    return Registration.objects.select_related("event").filter(pk=registration_id).first()


@builder("events.registration", about=about)
def registration(registration_id, kind):
    return registration_mail(_registration(registration_id), kind)


@builder("events.reminder", about=about)
def reminder(registration_id, occasion_start):
    found = _registration(registration_id)
    if found is None or found.status != Registration.Status.CONFIRMED:
        return None
    return registration_mail(found, "reminder", occasion_start=parse_datetime(occasion_start))


@builder("events.participant_message", about=about)
def participant_message(registration_id, subject, message):
    return registration_mail(
        _registration(registration_id), "message", subject=subject, message=message
    )


@builder("events.burst_alert")
def burst_alert(event_id, limit, seconds):
    """Team Domino's alert that one client sent a burst of registrations for an event."""
    event = EventPage.objects.filter(pk=event_id).first()
    if event is None:
        return None
    return Mail(
        "events/mail/burst_alert",
        {"event": event, "limit": limit, "seconds": seconds},
        [settings.TEAM_DOMINO_EMAIL],
        "sv",
    )

"""Background work for events: e-mails, reminders and retention, through django-tasks.

Task arguments are plain JSON values (ids, strings), so they work with the database queue.
"""

from django.utils import timezone, translation
from django_tasks import task
from wagtail.models import Locale

from kcsite.mail import send_mail

from .models import Registration

MAIL_NAMES = {
    "registered": "events/mail/registration",
    "changed": "events/mail/registration",
    "promoted": "events/mail/promoted",
    "cancelled": "events/mail/cancelled",
    "reminder": "events/mail/reminder",
    "message": "events/mail/participant_message",
}


def _event_in_language(event, language):
    try:
        locale = Locale.objects.get(language_code=language)
    except Locale.DoesNotExist:
        return event
    translated = event.get_translation_or_none(locale)
    return translated.specific if translated and translated.live else event


def mail_context(registration, kind, **extra):
    from . import services

    original = registration.event.specific
    event = _event_in_language(original, registration.language)
    confirmed = registration.status in Registration.SEAT_STATES
    with translation.override(registration.language):
        occasions = [
            {"start": timezone.localtime(o.start), "end": timezone.localtime(o.end), "note": o.note}
            for o in original.occasion_list()
        ]
        location = event.location_text()
    return {
        "kind": kind,
        "registration": registration,
        "event": event,
        "event_url": services.absolute_url(event),
        "occasions": occasions,
        "location": location,
        "is_digital": original.is_digital,
        # The meeting link goes only to people with a seat, never to the waitlist.
        "meeting_link": original.meeting_link if confirmed and original.is_digital else "",
        "confirmed": confirmed,
        "waitlisted": registration.status == Registration.Status.WAITLISTED,
        "position": registration.waitlist_position(),
        "manage_url": services.manage_url(registration),
        **extra,
    }


def deliver_registration_mail(registration, kind, **extra):
    """Render and send mail ``kind`` to the person of ``registration`` in their language."""
    from . import services

    if registration.anonymised_at or not registration.email:
        return None
    context = mail_context(registration, kind, **extra)
    attachments = []
    event = registration.event.specific
    if kind == "cancelled":
        ics = services.event_calendar(
            event, method="CANCEL", sequence_extra=registration.version, cancelled=True
        )
        attachments.append(("avbokning.ics", ics, "text/calendar; method=CANCEL"))
    elif context["confirmed"] and kind != "message":
        ics = services.event_calendar(event, sequence_extra=registration.version)
        attachments.append(("evenemang.ics", ics, "text/calendar; method=PUBLISH"))
    return send_mail(
        MAIL_NAMES[kind],
        context,
        [registration.email],
        language=registration.language,
        attachments=attachments,
    )


@task()
def send_registration_mail(registration_id, kind):
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is not None:
        deliver_registration_mail(registration, kind)


@task()
def send_participant_message(registration_id, subject, message):
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is not None:
        deliver_registration_mail(registration, "message", subject=subject, message=message)


@task()
def send_reminders():
    from .services import send_due_reminders

    return send_due_reminders()


@task()
def anonymise_registrations():
    from .services import anonymise_expired

    return anonymise_expired()

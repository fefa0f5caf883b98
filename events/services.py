"""Everything that changes registrations, in one place and under one lock per event.

Every change that can move a seat runs inside ``transaction.atomic`` after locking the event's
row (``SELECT … FOR UPDATE``): it then recounts the seats taken and writes. Two registrations for
the same event therefore run one after the other, on PostgreSQL (row lock) as on SQLite (a
write transaction is exclusive there). A partial unique index on (event, lower(email)) over
active registrations is the backstop against duplicates.

E-mails are queued through the task framework after the transaction commits.
"""

import logging
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import Max, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Locale

from kcsite import links, mail
from kcsite.ics import CalendarEntry, build_calendar
from kcsite.mail import send_mail

from .models import EventPage, Registration, ReminderSent, retention_days

logger = logging.getLogger("kcsite.events")

TOKEN_SALT = "events.registration.manage"

# Test hooks for the concurrency test (never changed in production): a pause right after the
# seat count widens the race window, and the lock can be switched off for a control run.
LOCK_EVENTS = True
PAUSE_AFTER_COUNT = 0.0


class RegistrationError(Exception):
    """A registration or change that must not happen; ``message`` is shown to the visitor."""

    code = "error"
    message = _("Det gick inte att genomföra ändringen.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class RegistrationClosed(RegistrationError):
    code = "closed"
    message = _("Anmälan till det här evenemanget är stängd.")


class RegistrationNotOpenYet(RegistrationError):
    code = "not_yet"
    message = _("Anmälan har inte öppnat än.")


class EventPast(RegistrationError):
    code = "past"
    message = _("Evenemanget har redan varit.")


class DuplicateRegistration(RegistrationError):
    code = "duplicate"
    message = _(
        "Den här e-postadressen är redan anmäld till evenemanget. Använd länken i "
        "bekräftelsemejlet för att se, ändra eller avboka din anmälan."
    )


class StaleLink(RegistrationError):
    code = "stale"
    message = _(
        "Anmälan ändrades medan du hade sidan öppen. Här ser du hur den ser ut nu; gör "
        "ändringen igen om den fortfarande behövs."
    )


class NotAllowed(RegistrationError):
    code = "not_allowed"


class Busy(RegistrationError):
    code = "busy"
    message = _("Många anmäler sig just nu. Vänta några sekunder och försök igen.")


STATE_ERRORS = {
    "closed": RegistrationClosed,
    "disabled": RegistrationClosed,
    "not_yet": RegistrationNotOpenYet,
    "past": EventPast,
}


# -- queries ------------------------------------------------------------------------------------


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


# -- signed links -------------------------------------------------------------------------------


def manage_token(registration):
    return links.make_token(TOKEN_SALT, registration.pk, registration.version)


def manage_path(registration, language=None):
    from django.utils import translation

    with translation.override(language or registration.language):
        return reverse("events:manage", args=[manage_token(registration)])


def manage_url(registration, language=None):
    return links.absolute_url(manage_path(registration, language))


def link_max_age():
    return timedelta(days=getattr(settings, "EVENTS_LINK_MAX_AGE_DAYS", 400))


def read_token(token):
    """The registration a signed link points at; raises :class:`kcsite.links.LinkError`.

    A link identifies the registration: it always shows the current state. Only actions check
    the version (the one the visitor saw, posted back by the form).
    """
    link = links.read_token(TOKEN_SALT, token, max_age=link_max_age())
    registration = Registration.objects.select_related("event").filter(pk=link.pk).first()
    if registration is None:
        raise links.LinkError("gone")
    return registration


# -- locking ------------------------------------------------------------------------------------


def _lock_event(event_id):
    """Lock the event's row for the rest of the transaction and return the page."""
    if connection.vendor == "postgresql":
        timeout_ms = int(getattr(settings, "EVENTS_LOCK_TIMEOUT_SECONDS", 15) * 1000)
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL lock_timeout = {timeout_ms}")
    queryset = EventPage.objects.all()
    if LOCK_EVENTS:
        queryset = queryset.select_for_update(of=("self",))
    try:
        return queryset.get(pk=event_id)
    except OperationalError as error:  # lock_timeout
        raise Busy() from error


def _seats_taken(event_id):
    return Registration.objects.filter(
        event_id=event_id, status__in=Registration.SEAT_STATES
    ).count()


def _waitlist(event_id):
    return Registration.objects.filter(
        event_id=event_id, status=Registration.Status.WAITLISTED
    ).order_by("queued_at", "id")


def _set_status(registration, status, now=None):
    registration.status = status
    registration.status_changed_at = now or timezone.now()
    registration.version += 1


def _queue_mail(registration_id, kind):
    send_mail("events.registration", registration_id=registration_id, kind=kind)


# -- registering --------------------------------------------------------------------------------


@dataclass
class RegistrationDetails:
    name: str
    email: str
    organisation: str
    role: str
    school_unit: str = ""
    adaptations: tuple = ()
    adaptations_other: str = ""


def register(event, details, *, language="sv", now=None):
    """Register ``details`` for ``event``: confirmed while seats are left, else waitlisted.

    Raises a :class:`RegistrationError` (closed, not yet open, past, duplicate, busy) and then
    changes nothing.
    """
    event = event.original if isinstance(event, EventPage) else EventPage.objects.get(pk=event)
    email = details.email.strip()
    try:
        with transaction.atomic():
            event = _lock_event(event.pk)
            now = now or timezone.now()
            state = event.registration_state(now)
            if state != "open":
                raise STATE_ERRORS[state]()
            if (
                Registration.objects.filter(event_id=event.pk, email__iexact=email)
                .filter(status__in=Registration.ACTIVE_STATES, anonymised_at__isnull=True)
                .exists()
            ):
                raise DuplicateRegistration()
            taken = _seats_taken(event.pk)
            if PAUSE_AFTER_COUNT:
                time.sleep(PAUSE_AFTER_COUNT)
            status = (
                Registration.Status.CONFIRMED
                if taken < event.capacity
                else Registration.Status.WAITLISTED
            )
            registration = Registration.objects.create(
                event=event,
                status=status,
                name=details.name.strip(),
                email=email,
                organisation=details.organisation.strip(),
                role=details.role.strip(),
                school_unit=details.school_unit.strip(),
                adaptations=list(details.adaptations),
                adaptations_other=details.adaptations_other.strip(),
                language=language,
                created_at=now,
                queued_at=now,
                status_changed_at=now,
            )
            _queue_mail(registration.pk, "registered")
    except IntegrityError as error:  # the partial unique index: a duplicate won a race
        raise DuplicateRegistration() from error
    return registration


def update_details(registration_id, version, details):
    """Change name, organisation, role and answers through the signed link (not the e-mail)."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration_id)
        if registration.version != version:
            raise StaleLink()
        if not registration.is_active or registration.event.is_past:
            raise NotAllowed(_("Anmälan kan inte längre ändras."))
        registration.name = details.name.strip()
        registration.organisation = details.organisation.strip()
        registration.role = details.role.strip()
        registration.school_unit = details.school_unit.strip()
        registration.adaptations = list(details.adaptations)
        registration.adaptations_other = details.adaptations_other.strip()
        registration.version += 1
        registration.save()
        _queue_mail(registration.pk, "changed")
    return registration


def cancel(registration_id, version=None, *, user=None):
    """Cancel a registration; a freed seat goes to the first on the waitlist.

    ``version`` (from the signed link) must match, so an old link cannot act.
    Returns (registration, promoted registrations).
    """
    with transaction.atomic():
        event_id = Registration.objects.values_list("event_id", flat=True).get(pk=registration_id)
        event = _lock_event(event_id)
        registration = Registration.objects.get(pk=registration_id)
        if version is not None and registration.version != version:
            raise StaleLink()
        if registration.status not in (
            Registration.Status.CONFIRMED,
            Registration.Status.WAITLISTED,
        ):
            raise NotAllowed(_("Anmälan är redan avbokad eller avslutad."))
        if user is None and event.is_past:
            raise EventPast()
        _set_status(registration, Registration.Status.CANCELLED)
        registration.save()
        log(registration, "events.cancel", user=user)
        _queue_mail(registration.pk, "cancelled")
        promoted = _promote(event)
    return registration, promoted


def _promote(event):
    """Fill free seats from the waitlist (the caller holds the event lock)."""
    if event.is_past:
        return []
    free = event.capacity - _seats_taken(event.pk)
    promoted = []
    if free <= 0:
        return promoted
    now = timezone.now()
    for registration in _waitlist(event.pk)[:free]:
        _set_status(registration, Registration.Status.CONFIRMED, now)
        registration.save()
        log(registration, "events.promote")
        _queue_mail(registration.pk, "promoted")
        promoted.append(registration)
    return promoted


def promote_waitlist(event):
    """Give free seats (e.g. after the capacity was raised) to the waitlist, in order."""
    event_id = event.pk if isinstance(event, EventPage) else event
    with transaction.atomic():
        return _promote(_lock_event(event_id))


def set_capacity(event, capacity):
    """Change the capacity and promote the waitlist into any new seats."""
    with transaction.atomic():
        locked = _lock_event(event.pk)
        EventPage.objects.filter(pk=locked.pk).update(capacity=capacity)
        locked.capacity = capacity
        return _promote(locked)


# -- staff actions -------------------------------------------------------------------------------


def confirm_from_waitlist(registration_id, *, user=None):
    """Staff move a waitlisted person to confirmed, only when a seat is free."""
    with transaction.atomic():
        event_id = Registration.objects.values_list("event_id", flat=True).get(pk=registration_id)
        event = _lock_event(event_id)
        registration = Registration.objects.get(pk=registration_id)
        if registration.status != Registration.Status.WAITLISTED:
            raise NotAllowed(_("Personen står inte på väntelistan."))
        if _seats_taken(event.pk) >= event.capacity:
            raise NotAllowed(
                _(
                    "Alla platser är tagna. Höj antalet platser eller flytta någon till "
                    "väntelistan först."
                )
            )
        _set_status(registration, Registration.Status.CONFIRMED)
        registration.save()
        log(registration, "events.promote", user=user)
        _queue_mail(registration.pk, "promoted")
    return registration


def move_to_waitlist(registration_id, *, user=None):
    """Staff move a confirmed person to the end of the waitlist (no e-mail, no auto-promotion)."""
    with transaction.atomic():
        event_id = Registration.objects.values_list("event_id", flat=True).get(pk=registration_id)
        _lock_event(event_id)
        registration = Registration.objects.get(pk=registration_id)
        if registration.status != Registration.Status.CONFIRMED:
            raise NotAllowed(_("Bara bekräftade anmälningar kan flyttas till väntelistan."))
        _set_status(registration, Registration.Status.WAITLISTED)
        registration.queued_at = timezone.now()
        registration.save()
        log(registration, "events.to_waitlist", user=user)
    return registration


def mark_attendance(registration_id, attended, *, user=None):
    """On the day: confirmed (or already marked) → attended / no-show."""
    target = Registration.Status.ATTENDED if attended else Registration.Status.NO_SHOW
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration_id)
        if registration.status not in Registration.SEAT_STATES:
            raise NotAllowed(_("Närvaro kan bara markeras för bekräftade deltagare."))
        if registration.status != target:
            _set_status(registration, target)
            registration.save()
            log(registration, "events.attended" if attended else "events.no_show", user=user)
    return registration


def email_participants(event, subject, message, statuses, *, user=None):
    """Send Team Domino's message to everyone of ``statuses``; returns the number sent."""
    event = event.original
    recipients = list(
        event.registrations.filter(status__in=statuses, anonymised_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    for registration_id in recipients:
        send_mail(
            "events.participant_message",
            registration_id=registration_id,
            subject=subject,
            message=message,
        )
    log(event, "events.email_participants", user=user, data={"count": len(recipients)})
    return len(recipients)


# -- calendar -----------------------------------------------------------------------------------


absolute_url = links.absolute_url


def calendar_entries(event, request=None, *, sequence_extra=0, cancelled=False):
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


# -- reminders and retention ---------------------------------------------------------------------


def reminder_lead():
    return timedelta(hours=getattr(settings, "EVENTS_REMINDER_HOURS_BEFORE", 24))


def due_reminders(now=None):
    """(registration id, occasion start) of reminders due now and not yet sent."""
    now = now or timezone.now()
    from .models import EventOccasion

    occasions = EventOccasion.objects.filter(
        start__gt=now,
        start__lte=now + reminder_lead(),
        event__live=True,
        event__locale=Locale.get_default(),
    ).values_list("event_id", "start")
    due = []
    for event_id, start in occasions:
        registrations = Registration.objects.filter(
            event_id=event_id, status=Registration.Status.CONFIRMED
        ).exclude(reminders__occasion_start=start)
        due.extend((pk, start) for pk in registrations.values_list("pk", flat=True))
    return due


def send_due_reminders(now=None):
    """Queue each due reminder once: recorded under a row lock with its outbox message.

    The record and the queued message commit together; the mail pipeline retries a failed
    send. Returns the number queued.
    """
    sent = 0
    for registration_id, start in due_reminders(now):
        with transaction.atomic():
            registration = (
                Registration.objects.select_for_update()
                .select_related("event")
                .get(pk=registration_id)
            )
            if registration.status != Registration.Status.CONFIRMED:
                continue
            if ReminderSent.objects.filter(
                registration=registration, occasion_start=start
            ).exists():
                continue
            ReminderSent.objects.create(registration=registration, occasion_start=start)
            send_mail(
                "events.reminder", registration_id=registration.pk, occasion_start=start.isoformat()
            )
            sent += 1
    return sent


ANONYMISED_FIELDS = {
    "name": "",
    "email": "",
    "role": "",
    "school_unit": "",
    "adaptations": [],
    "adaptations_other": "",
}


def anonymise_expired(now=None):
    """Remove personal data from registrations for events that ended longer ago than the
    retention period (``EVENTS_RETENTION_DAYS``, default 365). Status, organisation, language
    and dates stay, so statistics survive. Returns the number anonymised."""
    from wagtail.models import ModelLogEntry

    now = now or timezone.now()
    cutoff = now - timedelta(days=retention_days())
    ended = (
        EventPage.objects.annotate(last_end=Max("occasions__end"))
        .filter(last_end__lt=cutoff)
        .values_list("pk", flat=True)
    )
    expired = Registration.objects.filter(event_id__in=list(ended), anonymised_at__isnull=True)
    ids = list(expired.values_list("pk", flat=True))
    with transaction.atomic():
        count = Registration.objects.filter(pk__in=ids).update(
            anonymised_at=now, **ANONYMISED_FIELDS
        )
        from django.contrib.contenttypes.models import ContentType

        mail.forget([f"events.registration:{pk}" for pk in ids])
        content_type = ContentType.objects.get_for_model(Registration)
        ModelLogEntry.objects.filter(
            content_type=content_type, object_id__in=[str(pk) for pk in ids]
        ).update(label=str(_("Avidentifierad anmälan")), data={})
    return count

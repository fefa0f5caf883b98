"""The event lock and the seats: every change that can move a seat runs through here.

Every such change runs inside ``transaction.atomic`` after locking the event's row
(``SELECT … FOR UPDATE``): it then recounts the seats taken and writes. Two registrations for
the same event therefore run one after the other, on PostgreSQL (row lock) as on SQLite (a
write transaction is exclusive there). A partial unique index on (event, lower(email)) over
active registrations is the backstop against duplicates.

E-mails are queued through :mod:`kcsite.mail`, which sends them after the transaction commits.
"""

from django.conf import settings
from django.db import OperationalError, connection
from django.utils import timezone
from wagtail.log_actions import log

from kcsite.mail import send_mail

from ..models.registrations import Registration
from .errors import Busy

# Test hooks for the concurrency test (never changed in production): a pause right after the
# seat count widens the race window, and the lock can be switched off for a control run.
LOCK_EVENTS = True
PAUSE_AFTER_COUNT = 0.0


def _lock_timeout():
    if connection.vendor == "postgresql":
        timeout_ms = int(getattr(settings, "EVENTS_LOCK_TIMEOUT_SECONDS", 15) * 1000)
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL lock_timeout = {timeout_ms}")


def lock_event(event):
    """Lock the event page's row for the rest of the transaction and return it, read afresh.

    ``event`` is the page (its own class is locked, the same row every seat change locks)."""
    _lock_timeout()
    queryset = type(event).objects.all()
    if LOCK_EVENTS:
        queryset = queryset.select_for_update(of=("self",))
    try:
        return queryset.get(pk=event.pk)
    except OperationalError as error:  # lock_timeout
        raise Busy() from error


def lock_event_of(registration_id):
    """Lock the event a registration belongs to (the same row as :func:`lock_event`);
    returns (event, registration)."""
    _lock_timeout()
    queryset = Registration.objects.select_related("event")
    if LOCK_EVENTS:
        queryset = queryset.select_for_update(of=("event",))
    try:
        registration = queryset.get(pk=registration_id)
    except OperationalError as error:  # lock_timeout
        raise Busy() from error
    return registration.event, Registration.objects.get(pk=registration_id)


def seats_taken(event_id):
    return Registration.objects.filter(
        event_id=event_id, status__in=Registration.SEAT_STATES
    ).count()


def waitlist(event_id):
    """The event's waitlist, first in the queue first."""
    return Registration.objects.filter(
        event_id=event_id, status=Registration.Status.WAITLISTED
    ).order_by("queued_at", "id")


def set_status(registration, status, now=None):
    registration.status = status
    registration.status_changed_at = now or timezone.now()
    registration.version += 1


def queue_mail(registration_id, kind):
    send_mail("events.registration", registration_id=registration_id, kind=kind)


def promote(event):
    """Fill free seats from the waitlist, in order (the caller holds the event lock)."""
    if event.is_past:
        return []
    free = event.capacity - seats_taken(event.pk)
    promoted = []
    if free <= 0:
        return promoted
    now = timezone.now()
    for registration in waitlist(event.pk)[:free]:
        set_status(registration, Registration.Status.CONFIRMED, now)
        registration.save()
        log(registration, "events.promote")
        queue_mail(registration.pk, "promoted")
        promoted.append(registration)
    return promoted

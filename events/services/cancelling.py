"""Seats given back: a cancellation or a raised capacity moves the waitlist up, in order."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from ..models import EventPage, Registration
from . import seats
from .errors import EventPast, NotAllowed, StaleLink


def cancel(registration_id, version=None, *, user=None):
    """Cancel a registration; a freed seat goes to the first on the waitlist.

    ``version`` (from the signed link) must match, so an old link cannot act.
    Returns (registration, promoted registrations).
    """
    with transaction.atomic():
        event, registration = seats.lock_event_of(registration_id)
        if version is not None and registration.version != version:
            raise StaleLink()
        if registration.status not in (
            Registration.Status.CONFIRMED,
            Registration.Status.WAITLISTED,
        ):
            raise NotAllowed(_("Anmälan är redan avbokad eller avslutad."))
        if user is None and event.is_past:
            raise EventPast()
        seats.set_status(registration, Registration.Status.CANCELLED)
        registration.save()
        log(registration, "events.cancel", user=user)
        seats.queue_mail(registration.pk, "cancelled")
        promoted = seats.promote(event)
    return registration, promoted


def promote_waitlist(event):
    """Give free seats (e.g. after the capacity was raised) to the waitlist, in order."""
    event_id = event.pk if isinstance(event, EventPage) else event
    with transaction.atomic():
        return seats.promote(seats.lock_event(event_id))


def set_capacity(event, capacity):
    """Change the capacity and promote the waitlist into any new seats."""
    with transaction.atomic():
        locked = seats.lock_event(event.pk)
        EventPage.objects.filter(pk=locked.pk).update(capacity=capacity)
        locked.capacity = capacity
        return seats.promote(locked)

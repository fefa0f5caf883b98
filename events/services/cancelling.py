"""Seats given back: a cancellation or a raised capacity moves the waitlist up, in order."""

from django.db import transaction

from kcsite.workflow import TransitionError

from ..models.registrations import Registration
from . import seats
from .errors import NotAllowed, StaleLink
from .workflow import REGISTRATIONS


def cancel(registration_id, version=None, *, user=None):
    """Cancel a registration; a freed seat goes to the first on the waitlist.

    ``version`` (from the signed link) must match, so an old link cannot act.
    Returns (registration, promoted registrations).
    """
    with transaction.atomic():
        event, _registration = seats.lock_event_of(registration_id)
        waiting = list(seats.waitlist(event.pk).values_list("pk", flat=True))
        try:
            registration = REGISTRATIONS.apply(
                registration_id, "cancel_registration", user=user, expected_version=version
            )
        except TransitionError as error:
            raise (StaleLink() if error.code == "stale" else NotAllowed(error.message)) from error
        promoted = list(
            Registration.objects.filter(
                pk__in=waiting, status=Registration.Status.CONFIRMED
            ).order_by("queued_at", "id")
        )
    return registration, promoted


def promote_waitlist(event):
    """Give free seats (e.g. after the capacity was raised) to the event page's waitlist, in
    order."""
    with transaction.atomic():
        return seats.promote(seats.lock_event(event))


def set_capacity(event, capacity):
    """Change the capacity and promote the waitlist into any new seats."""
    with transaction.atomic():
        locked = seats.lock_event(event)
        type(locked).objects.filter(pk=locked.pk).update(capacity=capacity)
        locked.capacity = capacity
        return seats.promote(locked)

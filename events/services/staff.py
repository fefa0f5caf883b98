"""What Team Domino does in the admin: move people between waitlist and seats, mark
attendance on the day, and write to the participants."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from kcsite.mail import send_mail

from ..models import Registration
from . import seats
from .errors import NotAllowed


def confirm_from_waitlist(registration_id, *, user=None):
    """Staff move a waitlisted person to confirmed, only when a seat is free."""
    with transaction.atomic():
        event, registration = seats.lock_event_of(registration_id)
        if registration.status != Registration.Status.WAITLISTED:
            raise NotAllowed(_("Personen står inte på väntelistan."))
        if seats.seats_taken(event.pk) >= event.capacity:
            raise NotAllowed(
                _(
                    "Alla platser är tagna. Höj antalet platser eller flytta någon till "
                    "väntelistan först."
                )
            )
        seats.set_status(registration, Registration.Status.CONFIRMED)
        registration.save()
        log(registration, "events.promote", user=user)
        seats.queue_mail(registration.pk, "promoted")
    return registration


def move_to_waitlist(registration_id, *, user=None):
    """Staff move a confirmed person to the end of the waitlist (no e-mail, no auto-promotion)."""
    with transaction.atomic():
        _event, registration = seats.lock_event_of(registration_id)
        if registration.status != Registration.Status.CONFIRMED:
            raise NotAllowed(_("Bara bekräftade anmälningar kan flyttas till väntelistan."))
        seats.set_status(registration, Registration.Status.WAITLISTED)
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
            seats.set_status(registration, target)
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

"""What Team Domino does in the admin: move people between waitlist and seats, mark
attendance on the day (the declared transitions of :mod:`.workflow`), and write to the
participants."""

from wagtail.log_actions import log

from kcsite.mail import send_mail
from kcsite.workflow import TransitionError

from .errors import NotAllowed
from .workflow import REGISTRATIONS


def _apply(registration_id, name, user):
    try:
        return REGISTRATIONS.apply(registration_id, name, user=user)
    except TransitionError as error:
        raise NotAllowed(error.message) from error


def confirm_from_waitlist(registration_id, *, user=None):
    """Staff move a waitlisted person to confirmed, only when a seat is free."""
    return _apply(registration_id, "confirm", user)


def move_to_waitlist(registration_id, *, user=None):
    """Staff move a confirmed person to the end of the waitlist (no e-mail, no auto-promotion)."""
    return _apply(registration_id, "waitlist", user)


def mark_attendance(registration_id, attended, *, user=None):
    """On the day: confirmed (or already marked) → attended / no-show."""
    return _apply(registration_id, "attended" if attended else "no_show", user)


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

"""The registration workflow: every status change, declared once (:mod:`kcsite.workflow`).

The kit locks the event first (``lock_first``: every seat change of an event, registering
included, runs under that one lock), then writes the change as a conditional ``UPDATE``, bumps
the version, writes the log entry and queues the mail after commit. Events add the seat rules:
a seat must be free to give one, and a cancellation gives the freed seat to the waitlist.
"""

from django.utils.translation import gettext_lazy as _

from kcsite.workflow import Transition, TransitionError, Workflow

from ..models.registrations import Registration
from . import seats
from .errors import EventPast

Status = Registration.Status
ATTENDANCE_REFUSED = _("Närvaro kan bara markeras för bekräftade deltagare.")


def _lock_event(registration_id):
    seats.lock_event_of(registration_id)


def _stamped(change):
    return {"status_changed_at": change.now}


def _back_of_the_queue(change):
    return {"status_changed_at": change.now, "queued_at": change.now}


def _seat_free(change):
    event = change.obj.event
    if seats.seats_taken(event.pk) >= event.capacity:
        raise TransitionError(
            "not_allowed",
            _(
                "Alla platser är tagna. Höj antalet platser eller flytta någon till "
                "väntelistan först."
            ),
        )


def _not_past_for_visitors(change):
    """A visitor's own link cannot cancel once the event has been; staff still can."""
    if change.user is None and change.obj.event.is_past:
        raise EventPast()


def _cancelled(change):
    """Tell the person, then give the freed seat to the first on the waitlist (in that order,
    as the mails go out)."""
    seats.queue_mail(change.obj.pk, "cancelled")
    seats.promote(change.obj.event)


def _attendance(name, target, icon, **texts):
    """Staff mark a seat holder as having come or not: one rule, two outcomes (``texts``:
    label, description, log_message)."""
    return Transition(
        name,
        sources=Registration.SEAT_STATES,
        target=target,
        log_action=f"events.{name}",
        refused=ATTENDANCE_REFUSED,
        changes=_stamped,
        icon=icon,
        **texts,
    )


REGISTRATIONS = Workflow(
    Registration,
    state_field="status",
    version_field="version",
    mail_key="registration_id",
    lock_first=_lock_event,
    transitions=[
        _attendance(
            "attended",
            Status.ATTENDED,
            "check",
            label=_("Deltog"),
            description=_("Markera valda som deltagande"),
            log_message=_("Markerad som deltagande"),
        ),
        _attendance(
            "no_show",
            Status.NO_SHOW,
            "cross",
            label=_("Uteblev"),
            description=_("Markera valda som uteblivna"),
            log_message=_("Markerad som utebliven"),
        ),
        Transition(
            "confirm",
            sources=[Status.WAITLISTED],
            target=Status.CONFIRMED,
            label=_("Ge plats"),
            description=_("Flytta valda från väntelistan till bekräftade"),
            log_action="events.promote",
            log_message=_("Flyttad från väntelistan"),
            refused=_("Personen står inte på väntelistan."),
            changes=_stamped,
            check=_seat_free,
            mail="events.registration",
            mail_params={"kind": "promoted"},
            icon="arrow-up",
        ),
        Transition(
            "waitlist",
            sources=[Status.CONFIRMED],
            target=Status.WAITLISTED,
            label=_("Till väntelistan"),
            description=_("Flytta valda bekräftade till väntelistan"),
            log_action="events.to_waitlist",
            log_message=_("Flyttad till väntelistan"),
            refused=_("Bara bekräftade anmälningar kan flyttas till väntelistan."),
            changes=_back_of_the_queue,
            icon="arrow-down",
        ),
        Transition(
            "cancel_registration",
            sources=[Status.CONFIRMED, Status.WAITLISTED],
            target=Status.CANCELLED,
            label=_("Avboka"),
            description=_("Avboka valda anmälningar"),
            log_action="events.cancel",
            log_message=_("Anmälan avbokad"),
            refused=_("Anmälan är redan avbokad eller avslutad."),
            changes=_stamped,
            check=_not_past_for_visitors,
            after=_cancelled,
            row_button=False,
        ),
    ],
)


def register_log_actions(actions):
    """History labels for what the workflow does not name: a seat given automatically
    (``events.promote`` also logs staff's "Ge plats"), a cancellation (by the person or
    staff) and a message to the participants."""
    actions.register_action("events.cancel", _("Avbokad"), _("Anmälan avbokad"))
    actions.register_action("events.promote", _("Fick plats"), _("Flyttad från väntelistan"))
    actions.register_action(
        "events.email_participants",
        _("Mejl till deltagare"),
        _("Mejl till deltagarna köat för utskick"),
    )

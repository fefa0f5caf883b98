"""The support request's state machine as Team Domino moves it on, declared with the
staff-actions kit (:mod:`kcsite.workflow`): which state may follow which, which moves need a
reason for the requester, what each move writes, logs and mails. Forms, services and the admin
read it."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from kcsite.mail import send_mail
from kcsite.workflow import Transition, TransitionError, Workflow

from .choices import FINAL_STATES, State
from .models.requests import SupportRequest

#: Moves that end the support and must tell the requester why.
REASON_REQUIRED = (State.DECLINED, State.REFERRED)
#: Moves that give a booked time back (the requester gets a cancelled calendar entry).
RELEASES_TIME = (State.UNDER_ASSESSMENT, State.DECLINED, State.REFERRED)
REASON_MISSING = _("Skriv en motivering när ni avböjer eller hänvisar vidare.")
LOG_ACTION = "support.state_change"


def _not_anonymised(change):
    if change.obj.anonymised_at:
        raise TransitionError("stale")


def _changes(change):
    """What a move writes besides the state and version."""
    values = {"updated_at": change.now}
    if change.reason:
        values["state_reason"] = change.reason
    if change.target in FINAL_STATES:
        values["closed_at"] = change.now
    if change.target in RELEASES_TIME and change.obj.slot_id:
        values["ics_sequence"] = F("ics_sequence") + 1
    return values


def _give_time_back(change):
    """Back to assessment from a booked time: the time is given back."""
    if change.obj.slot_id:
        SupportRequest.objects.filter(pk=change.obj.pk).update(
            slot=None, booked_staff=None, booked_start=None, booked_end=None, first_meeting_at=None
        )


def _mail(change):
    # change.obj still holds the slot it had before the move (only written fields are re-read).
    released = change.target in RELEASES_TIME and bool(change.obj.slot_id)
    send_mail("support.state_changed", request_id=change.obj.pk, cancelled_meeting=released)


def _move(name, sources, target, **options):
    return Transition(
        name,
        sources=sources,
        target=target,
        label=State(target).label,
        log_action=LOG_ACTION,
        changes=_changes,
        check=_not_anonymised,
        mail=_mail,
        **options,
    )


REQUESTS = Workflow(
    SupportRequest,
    "state",
    version_field="version",
    mail_key="request_id",
    transitions=[
        _move("assess", [State.NEW, State.BOOKED], State.UNDER_ASSESSMENT, after=_give_time_back),
        _move("plan", [State.NEW, State.UNDER_ASSESSMENT], State.PLANNED),
        _move("start", [State.BOOKED, State.PLANNED], State.IN_PROGRESS),
        _move("close", [State.BOOKED, State.PLANNED, State.IN_PROGRESS], State.CLOSED),
        *(
            _move(
                name,
                [State.NEW, State.UNDER_ASSESSMENT, State.BOOKED, State.PLANNED],
                target,
                reason_required=True,
                reason_label=_("Motivering till beställaren"),
                reason_missing=REASON_MISSING,
            )
            for name, target in (("decline", State.DECLINED), ("refer", State.REFERRED))
        ),
    ],
)


def allowed_transitions(state):
    """The states staff may move a request to from ``state``, in declaration order."""
    return tuple(t.target for t in REQUESTS.transitions.values() if state in t.sources)


def transition_to(state, target):
    """The name of the move from ``state`` to ``target``, or None if there is none."""
    return next(
        (
            t.name
            for t in REQUESTS.transitions.values()
            if t.target == target and state in t.sources
        ),
        None,
    )

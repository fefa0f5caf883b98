"""The support request's state machine as Team Domino moves it on: which state may follow which,
and which moves need a reason sent to the requester. Forms and services both read it."""

from .choices import State

#: Which states staff may move a request to from each state.
TRANSITIONS = {
    State.NEW: (State.UNDER_ASSESSMENT, State.PLANNED, State.DECLINED, State.REFERRED),
    State.UNDER_ASSESSMENT: (State.PLANNED, State.DECLINED, State.REFERRED),
    State.BOOKED: (
        State.UNDER_ASSESSMENT,
        State.IN_PROGRESS,
        State.CLOSED,
        State.DECLINED,
        State.REFERRED,
    ),
    State.PLANNED: (State.IN_PROGRESS, State.CLOSED, State.DECLINED, State.REFERRED),
    State.IN_PROGRESS: (State.CLOSED,),
    State.CLOSED: (),
    State.DECLINED: (),
    State.REFERRED: (),
    State.CANCELLED: (),
}
REASON_REQUIRED = (State.DECLINED, State.REFERRED)


def allowed_transitions(state):
    return TRANSITIONS.get(state, ())

"""Team Domino moves a request on through the declared transitions (:mod:`..workflow`)."""

from wagtail.log_actions import log

from kcsite.workflow import TransitionError

from ..workflow import LOG_ACTION, REASON_REQUIRED, REQUESTS, transition_to
from .errors import InvalidTransition, ReasonRequired, StaleRequest


def change_state(
    support_request, to_state, *, user, expected_state, reason="", first_meeting_at=None
):
    """Move a request from ``expected_state`` to ``to_state`` (:data:`..workflow.REQUESTS`:
    row lock and conditional update, version bump, log entry, mail on commit).

    Returns the updated request. If someone else changed the state first, nothing happens and
    :class:`StaleRequest` is raised: two staff members cannot both win.
    """
    name = transition_to(expected_state, to_state)
    if name is None:
        raise InvalidTransition()
    reason = (reason or "").strip()
    if to_state in REASON_REQUIRED and not reason:
        raise ReasonRequired()
    fields = {} if first_meeting_at is None else {"first_meeting_at": first_meeting_at}
    try:
        return REQUESTS.apply(
            support_request.pk,
            name,
            user=user,
            reason=reason,
            expected_state=expected_state,
            **fields,
        )
    except TransitionError as refused:
        if refused.code == "forbidden":
            raise InvalidTransition() from None
        raise StaleRequest() from None


def log_state(support_request, from_state, to_state, *, user, reason):
    """The same log entry as a declared move, for the requester's own withdrawal."""
    log(
        support_request,
        LOG_ACTION,
        user=user,
        data={"from": str(from_state), "to": str(to_state), "reason": reason},
    )

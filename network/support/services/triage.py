"""Team Domino moves a request on through the declared transitions (:mod:`..workflow`)."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.log_actions import log

from kcsite.mail import send_mail

from ..choices import FINAL_STATES, State
from ..models.requests import SupportRequest
from ..workflow import REASON_REQUIRED, allowed_transitions
from .errors import InvalidTransition, ReasonRequired, StaleRequest


def change_state(
    support_request, to_state, *, user, expected_state, reason="", first_meeting_at=None
):
    """Move a request from ``expected_state`` to ``to_state`` with a conditional update.

    Returns the updated request. If someone else changed the state first, nothing happens and
    :class:`StaleRequest` is raised: two staff members cannot both win.
    """
    if to_state not in allowed_transitions(expected_state):
        raise InvalidTransition()
    reason = (reason or "").strip()
    if to_state in REASON_REQUIRED and not reason:
        raise ReasonRequired()
    now = timezone.now()
    changes = {"state": to_state, "version": F("version") + 1, "updated_at": now}
    if reason:
        changes["state_reason"] = reason
    if to_state in FINAL_STATES:
        changes["closed_at"] = now
    if first_meeting_at is not None:
        changes["first_meeting_at"] = first_meeting_at
    releases_time = to_state in (State.DECLINED, State.REFERRED) and support_request.slot_id
    if releases_time or (to_state == State.UNDER_ASSESSMENT and support_request.slot_id):
        changes["ics_sequence"] = F("ics_sequence") + 1
    with transaction.atomic():
        won = SupportRequest.objects.filter(
            pk=support_request.pk, state=expected_state, anonymised_at__isnull=True
        ).update(**changes)
        if not won:
            raise StaleRequest()
        current = SupportRequest.objects.get(pk=support_request.pk)
        if to_state == State.UNDER_ASSESSMENT and current.slot_id:
            # Back to assessment from a booked time: the time is given back.
            SupportRequest.objects.filter(pk=current.pk).update(
                slot=None,
                booked_staff=None,
                booked_start=None,
                booked_end=None,
                first_meeting_at=None,
            )
            current.refresh_from_db()
            releases_time = True
        log_state(current, expected_state, to_state, user=user, reason=reason)
        send_mail(
            "support.state_changed", request_id=current.pk, cancelled_meeting=bool(releases_time)
        )
    return current


def log_state(support_request, from_state, to_state, *, user, reason):
    log(
        support_request,
        "support.state_change",
        user=user,
        data={"from": str(from_state), "to": str(to_state), "reason": reason},
    )

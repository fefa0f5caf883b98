"""What the requester does through the status link: add information, withdraw, rebook.

Each action posts back the version the requester saw: a change made meanwhile is never
overwritten.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.log_actions import log

from kcsite.mail import send_mail

from ..choices import OPEN_STATES, State
from ..models.requests import RequestAddition, SupportRequest
from .booking import apply_slot, lock_free_slot, slot_was_taken
from .errors import InvalidTransition, SlotTaken, StaleRequest, TooManyAdditions
from .triage import log_state


def _locked_current(support_request, version):
    """The request re-read under a row lock; raises StaleRequest if it changed meanwhile."""
    current = SupportRequest.objects.select_for_update().get(pk=support_request.pk)
    if current.version != version or current.anonymised_at:
        raise StaleRequest()
    if current.state not in OPEN_STATES:
        raise InvalidTransition()
    return current


def add_information(support_request, version, text):
    """Add the requester's text (at most SUPPORT_ADDITIONS_PER_DAY a day: each one mails the
    team)."""
    with transaction.atomic():
        current = _locked_current(support_request, version)
        since = timezone.now() - timedelta(days=1)
        limit = getattr(settings, "SUPPORT_ADDITIONS_PER_DAY", 5)
        if current.additions.filter(created_at__gte=since).count() >= limit:
            raise TooManyAdditions()
        RequestAddition.objects.create(request=current, text=text)
        SupportRequest.objects.filter(pk=current.pk).update(
            version=F("version") + 1, updated_at=timezone.now()
        )
        log(current, "support.requester_added")
        send_mail("support.team_notice", request_id=current.pk, event="added")
    current.refresh_from_db()
    return current


def cancel_request(support_request, version):
    with transaction.atomic():
        current = _locked_current(support_request, version)
        had_time = current.state == State.BOOKED and current.slot_id
        previous = current.state
        current.state = State.CANCELLED
        current.closed_at = timezone.now()
        current.version += 1
        if had_time:
            current.ics_sequence += 1
        current.save()
        log_state(current, previous, State.CANCELLED, user=None, reason="")
        send_mail("support.state_changed", request_id=current.pk, cancelled_meeting=bool(had_time))
        send_mail("support.team_notice", request_id=current.pk, event="cancelled")
    return current


def rebook(support_request, version, slot_id, now=None):
    """Book another free time (or a first time after asking to be contacted)."""
    try:
        with transaction.atomic():
            slot = lock_free_slot(slot_id, now)
            current = _locked_current(support_request, version)
            if not current.bookable or current.state not in (
                State.NEW,
                State.UNDER_ASSESSMENT,
                State.BOOKED,
            ):
                raise InvalidTransition()
            previous_state, previous_slot = current.state, current.slot
            apply_slot(current, slot)
            current.state = State.BOOKED
            current.contact_me = False
            current.version += 1
            if previous_slot is not None:
                current.ics_sequence += 1
            current.save()
            log(
                current,
                "support.rebooked",
                data={
                    "from": previous_slot and timezone.localtime(previous_slot.start).isoformat(),
                    "to": timezone.localtime(slot.start).isoformat(),
                    "from_state": previous_state,
                },
            )
            send_mail("support.state_changed", request_id=current.pk)
            send_mail("support.team_notice", request_id=current.pk, event="rebooked")
    except IntegrityError:
        if slot_was_taken(slot_id):
            raise SlotTaken() from None
        raise
    return current

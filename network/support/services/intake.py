"""A school asks for support: the request is saved with its reference number (booking the
chosen time, if any) and the receipt and the team's notice are sent."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from kcsite.mail import send_mail

from ..choices import State
from ..models.requests import ReferenceCounter, SupportRequest
from .booking import apply_slot, lock_free_slot, slot_was_taken
from .errors import SlotTaken


def format_reference(year, sequence):
    return f"TD-{year}-{sequence:04d}"


def allocate_reference(year):
    """Next (sequence, reference) for ``year``; call inside a transaction (the row is locked)."""
    ReferenceCounter.objects.get_or_create(year=year)
    counter = ReferenceCounter.objects.select_for_update().get(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last, format_reference(year, counter.last)


REQUEST_FIELDS = (
    "name",
    "email",
    "phone",
    "organisation",
    "school_form",
    "school_type",
    "role",
    "noticed",
    "investigated",
    "measures_started",
    "description",
    "participants",
)


def submit_request(
    data,
    *,
    service_kind,
    service_page=None,
    slot_id=None,
    contact_me=False,
    language="sv",
    now=None,
):
    """Create a request (booking ``slot_id`` if given) and send the receipt; returns it.

    Raises :class:`SlotTaken` / :class:`SlotUnavailable` when the time cannot be booked;
    then nothing is saved.
    """
    now = now or timezone.now()
    try:
        with transaction.atomic():
            slot = lock_free_slot(slot_id, now) if slot_id else None
            sequence, reference = allocate_reference(timezone.localtime(now).year)
            support_request = SupportRequest(
                reference=reference,
                year=timezone.localtime(now).year,
                sequence=sequence,
                service=service_page,
                service_kind=service_kind,
                contact_me=bool(contact_me and not slot),
                language=language,
                created_at=now,
                state=State.BOOKED if slot else State.NEW,
                **{name: data.get(name) for name in REQUEST_FIELDS if name in data},
            )
            for name in ("phone", "description"):
                if getattr(support_request, name) is None:
                    setattr(support_request, name, "")
            if slot:
                apply_slot(support_request, slot)
                support_request.ics_sequence = 0
            support_request.save()
            log(support_request, "wagtail.create", data={"state": support_request.state})
            send_mail("support.receipt", request_id=support_request.pk)
            send_mail("support.team_notice", request_id=support_request.pk, event="new")
    except IntegrityError:
        # The database backstop (unique slot over holding states; on PostgreSQL also the
        # exclusion constraint on staff member and time) caught a double booking.
        if slot_id and slot_was_taken(slot_id):
            raise SlotTaken() from None
        raise
    return support_request

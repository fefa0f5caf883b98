"""What happens to a support request: submitting, booking a time once, triage, retention.

Views and the admin call these functions; tests call them directly.
"""

import logging
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from kcsite import links, mail
from kcsite.ics import CalendarEntry, build_calendar
from kcsite.mail import send_mail

from .models import (
    FINAL_STATES,
    HOLDING_STATES,
    OPEN_STATES,
    AvailableSlot,
    ReferenceCounter,
    RequestAddition,
    State,
    SupportRequest,
    WeeklyPattern,
)

logger = logging.getLogger("kcsite.support")

STATUS_SALT = "support.request.status"

#: Test hooks for the concurrency test: a pause right after the "is it free?" check widens the
#: race, and switching the row lock off proves the database constraint alone still holds.
RACE_PAUSE_SECONDS = 0.0
LOCK_SLOTS = True

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


class SupportError(Exception):
    """A request could not be changed; ``message`` is shown to the person who tried."""

    message = _("Förfrågan kunde inte ändras.")


class SlotTaken(SupportError):
    message = _(
        "Tiden hann bokas av någon annan alldeles nyss. Välj en av de lediga tiderna nedan."
    )


class SlotUnavailable(SupportError):
    message = _("Tiden går inte längre att boka. Välj en av de lediga tiderna nedan.")


class StaleRequest(SupportError):
    message = _(
        "Förfrågan ändrades medan du hade sidan öppen. Här ser du hur den ser ut nu; gör "
        "ändringen igen om den fortfarande behövs."
    )


class InvalidTransition(SupportError):
    message = _("Den statusändringen är inte möjlig från nuvarande status.")


class ReasonRequired(SupportError):
    message = _("Skriv en motivering när ni avböjer eller hänvisar vidare.")


class TooManyAdditions(SupportError):
    message = _(
        "Du har lagt till information många gånger i dag. Team Domino läser det du har skickat; "
        "skriv igen i morgon eller svara på deras e-post."
    )


# -- reference numbers ----------------------------------------------------------------------
def format_reference(year, sequence):
    return f"TD-{year}-{sequence:04d}"


def allocate_reference(year):
    """Next (sequence, reference) for ``year``; call inside a transaction (the row is locked)."""
    ReferenceCounter.objects.get_or_create(year=year)
    counter = ReferenceCounter.objects.select_for_update().get(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last, format_reference(year, counter.last)


# -- free times -----------------------------------------------------------------------------
def free_slots(now=None, weeks=None):
    """Times that can be booked: not withdrawn, not held, starting after the minimum notice."""
    now = now or timezone.now()
    weeks = weeks or settings.SUPPORT_BOOKING_WEEKS
    earliest = now + timedelta(hours=settings.SUPPORT_MIN_NOTICE_HOURS)
    return (
        AvailableSlot.objects.filter(
            withdrawn=False, start__gte=earliest, start__lt=now + timedelta(weeks=weeks)
        )
        .exclude(requests__state__in=HOLDING_STATES)
        .select_related("staff")
        .order_by("start", "pk")
    )


def _lock_free_slot(slot_id, now=None):
    """The slot, locked for this transaction; raises if it cannot be booked."""
    queryset = AvailableSlot.objects.all()
    if LOCK_SLOTS:
        queryset = queryset.select_for_update()
    slot = queryset.filter(pk=slot_id).first()
    if slot is None or slot.withdrawn:
        raise SlotUnavailable()
    now = now or timezone.now()
    if slot.start < now + timedelta(hours=settings.SUPPORT_MIN_NOTICE_HOURS):
        raise SlotUnavailable()
    if SupportRequest.objects.filter(slot=slot, state__in=HOLDING_STATES).exists():
        raise SlotTaken()
    if RACE_PAUSE_SECONDS:
        time.sleep(RACE_PAUSE_SECONDS)
    return slot


def _apply_slot(support_request, slot):
    support_request.slot = slot
    support_request.booked_staff_id = slot.staff_id
    support_request.booked_start = slot.start
    support_request.booked_end = slot.end
    support_request.first_meeting_at = slot.start


def _slot_was_taken(slot_id):
    return SupportRequest.objects.filter(slot_id=slot_id, state__in=HOLDING_STATES).exists()


# -- submitting -----------------------------------------------------------------------------
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
            slot = _lock_free_slot(slot_id, now) if slot_id else None
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
                _apply_slot(support_request, slot)
                support_request.ics_sequence = 0
            support_request.save()
            log(support_request, "wagtail.create", data={"state": support_request.state})
            send_mail("support.receipt", request_id=support_request.pk)
            send_mail("support.team_notice", request_id=support_request.pk, event="new")
    except IntegrityError:
        # The database backstop (unique slot over holding states; on PostgreSQL also the
        # exclusion constraint on staff member and time) caught a double booking.
        if slot_id and _slot_was_taken(slot_id):
            raise SlotTaken() from None
        raise
    return support_request


# -- the requester's own actions (through the signed link) ----------------------------------
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
        _log_state(current, previous, State.CANCELLED, user=None, reason="")
        send_mail("support.state_changed", request_id=current.pk, cancelled_meeting=bool(had_time))
        send_mail("support.team_notice", request_id=current.pk, event="cancelled")
    return current


def rebook(support_request, version, slot_id, now=None):
    """Book another free time (or a first time after asking to be contacted)."""
    try:
        with transaction.atomic():
            slot = _lock_free_slot(slot_id, now)
            current = _locked_current(support_request, version)
            if not current.bookable or current.state not in (
                State.NEW,
                State.UNDER_ASSESSMENT,
                State.BOOKED,
            ):
                raise InvalidTransition()
            previous_state, previous_slot = current.state, current.slot
            _apply_slot(current, slot)
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
        if _slot_was_taken(slot_id):
            raise SlotTaken() from None
        raise
    return current


# -- triage (Team Domino) -------------------------------------------------------------------
def allowed_transitions(state):
    return TRANSITIONS.get(state, ())


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
        _log_state(current, expected_state, to_state, user=user, reason=reason)
        send_mail(
            "support.state_changed", request_id=current.pk, cancelled_meeting=bool(releases_time)
        )
    return current


def _log_state(support_request, from_state, to_state, *, user, reason):
    log(
        support_request,
        "support.state_change",
        user=user,
        data={"from": str(from_state), "to": str(to_state), "reason": reason},
    )


def next_step(support_request):
    """What happens next, in words for the requester."""
    state = support_request.state
    if state == State.NEW:
        if support_request.contact_me:
            return _(
                "Team Domino läser er förfrågan och kontaktar er inom %(days)s arbetsdagar "
                "för att hitta en tid."
            ) % {"days": settings.SUPPORT_RESPONSE_DAYS}
        return _("Team Domino läser er förfrågan och hör av sig inom %(days)s arbetsdagar.") % {
            "days": settings.SUPPORT_RESPONSE_DAYS
        }
    return {
        State.UNDER_ASSESSMENT: _(
            "Team Domino bedömer hur vi bäst kan stödja er och kontaktar er om upplägget."
        ),
        State.BOOKED: _(
            "Mötet är bokat. Kalenderfilen finns i e-postmeddelandet. Förbered "
            "gärna vad skolan har gjort hittills."
        ),
        State.PLANNED: _(
            "Stödet är planerat. Team Domino har kontakt med er om tider och upplägg."
        ),
        State.IN_PROGRESS: _(
            "Stödet pågår. Hör av er till er kontaktperson i Team Domino om något ändras."
        ),
        State.CLOSED: _(
            "Ärendet är avslutat. Välkommen att höra av er igen om ni behöver mer stöd."
        ),
        State.DECLINED: _("Team Domino kan inte ta uppdraget. Se motiveringen."),
        State.REFERRED: _("Team Domino hänvisar er vidare. Se motiveringen."),
        State.CANCELLED: _("Ni har återkallat förfrågan. Ni kan alltid skicka en ny."),
    }[state]


# -- signed links ---------------------------------------------------------------------------
def status_token(support_request):
    return links.make_token(STATUS_SALT, support_request.pk, support_request.version)


def read_status_token(token):
    """The request a status link points at; raises :class:`kcsite.links.LinkError`.

    The link identifies the request and always shows it as it is now; only actions check
    the version (the one the requester saw, posted back by the form).
    """
    link = links.read_token(
        STATUS_SALT, token, max_age=timedelta(days=settings.SUPPORT_LINK_MAX_AGE_DAYS)
    )
    support_request = (
        SupportRequest.objects.select_related("slot", "service").filter(pk=link.pk).first()
    )
    if support_request is None or support_request.anonymised_at:
        raise links.LinkError("gone")
    return support_request


def status_path(support_request, language=None):
    with translation.override(language or support_request.language):
        return reverse("support:status", args=[status_token(support_request)])


def status_url(support_request):
    return links.absolute_url(status_path(support_request))


# -- calendar and e-mail --------------------------------------------------------------------
def _address_only(value):
    from email.utils import parseaddr

    return parseaddr(value)[1] or value


def calendar_file(support_request, *, cancelled=False):
    """The .ics bytes for the request's booked meeting (no personal data in the entry)."""
    slot = support_request.slot
    with translation.override(support_request.language):
        entry = CalendarEntry(
            uid=f"support-{support_request.pk}@kunskapscentrum-skolnarvaro",
            start=support_request.booked_start or slot.start,
            end=support_request.booked_end or slot.end,
            summary=str(
                _("Team Domino: %(service)s (%(reference)s)")
                % {
                    "service": support_request.get_service_kind_display(),
                    "reference": support_request.reference,
                }
            ),
            description=str(_("Form: %(mode)s") % {"mode": slot.get_mode_display()})
            if slot
            else "",
            location=slot.location if slot else "",
            sequence=support_request.ics_sequence,
            cancelled=cancelled,
            stamp=timezone.now(),
            organizer_email=_address_only(settings.TEAM_DOMINO_EMAIL),
            organizer_name="Team Domino",
        )
    return build_calendar([entry], method="CANCEL" if cancelled else "REQUEST")


# -- weekly patterns ------------------------------------------------------------------------
def generate_slots(now=None, patterns=None):
    """Create the bookable times active weekly patterns give for their coming weeks.

    Idempotent: a time that exists (same staff member and start) is left alone, so a withdrawn
    time stays withdrawn. Returns the number of times created.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    tz = timezone.get_current_timezone()
    if patterns is None:
        patterns = WeeklyPattern.objects.filter(active=True)
    created = 0
    for pattern in patterns:
        if not pattern.active:
            continue
        for offset in range(pattern.weeks_ahead * 7 + 1):
            day = today + timedelta(days=offset)
            if day.weekday() != pattern.weekday:
                continue
            if pattern.valid_until and day > pattern.valid_until:
                continue
            start = timezone.make_aware(datetime.combine(day, pattern.start_time), tz)
            if start <= now:
                continue
            _slot, made = AvailableSlot.objects.get_or_create(
                staff=pattern.staff,
                start=start,
                defaults={
                    "duration_minutes": pattern.duration_minutes,
                    "mode": pattern.mode,
                    "location": pattern.location,
                    "pattern": pattern,
                },
            )
            created += made
    return created


# -- retention ------------------------------------------------------------------------------
ANONYMISED = "–"


def anonymise_expired(now=None, months=None):
    """Blank free text and contact details of requests final for longer than the retention time.

    Service, school form, school type, role, states and dates stay, so statistics survive.
    Returns the number of requests anonymised.
    """
    now = now or timezone.now()
    months = settings.SUPPORT_RETENTION_MONTHS if months is None else months
    cutoff = now - timedelta(days=round(months * 365.25 / 12))
    expired = SupportRequest.objects.filter(
        state__in=FINAL_STATES, closed_at__lt=cutoff, anonymised_at__isnull=True
    )
    count = 0
    for pk in expired.values_list("pk", flat=True):
        with transaction.atomic():
            mail.forget([f"support.request:{pk}"])
            RequestAddition.objects.filter(request_id=pk).delete()
            count += SupportRequest.objects.filter(pk=pk, anonymised_at__isnull=True).update(
                name=ANONYMISED,
                email="anonymised@invalid",
                phone="",
                organisation=ANONYMISED,
                description=ANONYMISED,
                state_reason="",
                internal_notes="",
                anonymised_at=now,
                version=F("version") + 1,
            )
    return count

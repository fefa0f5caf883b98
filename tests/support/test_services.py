"""Submitting, booking once, the requester's actions, triage state machine and e-mails."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import ModelLogEntry

from kcsite.links import LinkError
from network.support.models import (
    AvailableSlot,
    ReferenceCounter,
    ServiceKind,
    State,
    SupportRequest,
    WeeklyPattern,
)
from network.support.services import booking, errors, intake, requester, status, triage

from . import factories

pytestmark = pytest.mark.django_db


def _ics(message):
    for _filename, content, mimetype in message.attachments:
        if mimetype == "text/calendar":
            calendar = Calendar.from_ical(content)
            event = next(iter(calendar.walk("VEVENT")))
            return calendar, event
    return None, None


# -- reference numbers ----------------------------------------------------------------------
def test_reference_numbers_are_sequential_per_year():
    ReferenceCounter.objects.filter(year=2031).delete()
    with transaction.atomic():
        assert intake.allocate_reference(2031) == (1, "TD-2031-0001")
        assert intake.allocate_reference(2031) == (2, "TD-2031-0002")
        assert intake.allocate_reference(2032)[1] == "TD-2032-0001"


def test_submitted_request_gets_reference_of_this_year(mailoutbox):
    req = factories.support_request()
    year = timezone.localdate().year
    assert req.reference.startswith(f"TD-{year}-")
    assert len(req.reference) == len("TD-2026-0001")
    again = factories.support_request()
    assert again.sequence == req.sequence + 1


# -- submitting and booking -----------------------------------------------------------------
def test_request_without_time_is_new_and_mails_receipt_and_team(mailoutbox, settings):
    req = factories.support_request(kind=ServiceKind.PROCESS_SUPPORT)
    assert req.state == State.NEW
    assert req.slot is None
    receipt, team = mailoutbox
    assert receipt.to == ["rektor@example.org"]
    assert req.reference in receipt.subject
    assert "/stod/arende/" in receipt.body
    html = receipt.alternatives[0][0]
    assert req.reference in html
    assert not receipt.attachments
    assert team.to == [settings.TEAM_DOMINO_EMAIL]
    assert req.reference in team.subject


def test_booking_a_free_time_books_it_and_attaches_ics(mailoutbox):
    slot = factories.slot()
    req = factories.support_request(slot_id=slot.pk)
    assert req.state == State.BOOKED
    assert req.slot == slot
    assert req.first_meeting_at == slot.start
    assert (req.booked_staff, req.booked_start, req.booked_end) == (
        slot.staff,
        slot.start,
        slot.end,
    )
    calendar, event = _ics(mailoutbox[0])
    assert calendar["method"] == "REQUEST"
    assert event["sequence"] == 0
    assert str(event["uid"]) == f"support-{req.pk}@kunskapscentrum-skolnarvaro"
    # no personal data in the calendar entry
    ics_text = Calendar.to_ical(calendar).decode()
    assert "Rektor Test" not in ics_text and "rektor@example.org" not in ics_text


def test_a_time_is_booked_once(mailoutbox):
    slot = factories.slot()
    factories.support_request(slot_id=slot.pk)
    count = SupportRequest.objects.count()
    with pytest.raises(errors.SlotTaken):
        factories.support_request(slot_id=slot.pk, email="other@example.org")
    assert SupportRequest.objects.count() == count
    assert slot not in booking.free_slots()


def test_withdrawn_or_too_soon_time_cannot_be_booked(mailoutbox):
    withdrawn = factories.slot(withdrawn=True)
    with pytest.raises(errors.SlotUnavailable):
        factories.support_request(slot_id=withdrawn.pk)
    soon = AvailableSlot.objects.create(
        staff=factories.staff_member(), start=timezone.now() + timedelta(hours=1), mode="phone"
    )
    with pytest.raises(errors.SlotUnavailable):
        factories.support_request(slot_id=soon.pk)
    assert withdrawn not in booking.free_slots() and soon not in booking.free_slots()


def test_database_backstop_refuses_second_holding_request_on_slot(mailoutbox):
    slot = factories.slot()
    first = factories.support_request(slot_id=slot.pk)
    second = factories.support_request(email="b@example.org")
    second.slot = slot
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()
    # once the first gives the time back, the constraint allows it
    requester.cancel_request(first, first.version)
    second.refresh_from_db()
    second.slot = slot
    second.save()


def test_backstop_without_row_lock_still_reports_taken(mailoutbox, monkeypatch):
    slot = factories.slot()
    factories.support_request(slot_id=slot.pk)
    monkeypatch.setattr(booking, "LOCK_SLOTS", False)
    # make the "is it free?" check blind, as if two requests raced past it
    monkeypatch.setattr(intake, "slot_was_taken", lambda slot_id: True)
    original = SupportRequest.objects.filter

    def blind_filter(*args, **kwargs):
        if kwargs.get("slot") == slot and "state__in" in kwargs:
            return SupportRequest.objects.none()
        return original(*args, **kwargs)

    monkeypatch.setattr(SupportRequest.objects, "filter", blind_filter)
    with pytest.raises(errors.SlotTaken):
        factories.support_request(slot_id=slot.pk, email="c@example.org")


# -- the requester's actions ----------------------------------------------------------------
def test_cancel_gives_time_back_and_sends_cancel_ics(mailoutbox):
    slot = factories.slot()
    req = factories.support_request(slot_id=slot.pk)
    mailoutbox.clear()
    cancelled = requester.cancel_request(req, req.version)
    assert cancelled.state == State.CANCELLED
    assert cancelled.closed_at is not None
    assert slot in booking.free_slots()
    calendar, event = _ics(mailoutbox[0])
    assert calendar["method"] == "CANCEL"
    assert event["sequence"] == 1
    assert str(event["status"]) == "CANCELLED"


def test_old_version_cannot_act(mailoutbox):
    req = factories.support_request()
    requester.add_information(req, req.version, "Vi har nu gjort en kartläggning.")
    with pytest.raises(errors.StaleRequest):
        requester.cancel_request(req, req.version)  # the old version
    req.refresh_from_db()
    assert req.state == State.NEW
    assert req.additions.count() == 1
    assert req.version == 2


def test_rebook_moves_meeting_and_bumps_sequence(mailoutbox):
    staff = factories.staff_member()
    first, second = factories.slot(staff, days=3), factories.slot(staff, days=5)
    req = factories.support_request(slot_id=first.pk)
    mailoutbox.clear()
    moved = requester.rebook(req, req.version, second.pk)
    assert moved.slot == second and moved.state == State.BOOKED
    assert moved.first_meeting_at == second.start
    assert first in booking.free_slots()
    calendar, event = _ics(mailoutbox[0])
    assert calendar["method"] == "REQUEST" and event["sequence"] == 1
    assert event["dtstart"].dt == second.start
    assert ModelLogEntry.objects.filter(object_id=str(req.pk), action="support.rebooked").exists()


def test_contact_me_request_can_book_a_time_later(mailoutbox):
    req = factories.support_request()
    assert req.contact_me and req.state == State.NEW
    slot = factories.slot()
    booked = requester.rebook(req, req.version, slot.pk)
    assert booked.state == State.BOOKED and not booked.contact_me


def test_rebook_to_taken_time_is_refused(mailoutbox):
    taken = factories.slot()
    factories.support_request(slot_id=taken.pk)
    req = factories.support_request(email="x@example.org")
    with pytest.raises(errors.SlotTaken):
        requester.rebook(req, req.version, taken.pk)


# -- triage state machine -------------------------------------------------------------------
def test_state_machine_paths(mailoutbox):
    staff = factories.staff_member()
    req = factories.support_request(kind=ServiceKind.PROCESS_SUPPORT)
    req = triage.change_state(req, State.UNDER_ASSESSMENT, user=staff, expected_state=State.NEW)
    meeting = timezone.now() + timedelta(days=10)
    req = triage.change_state(
        req,
        State.PLANNED,
        user=staff,
        expected_state=State.UNDER_ASSESSMENT,
        first_meeting_at=meeting,
    )
    assert req.first_meeting_at == meeting
    req = triage.change_state(req, State.IN_PROGRESS, user=staff, expected_state=State.PLANNED)
    req = triage.change_state(req, State.CLOSED, user=staff, expected_state=State.IN_PROGRESS)
    assert req.closed_at is not None
    with pytest.raises(errors.InvalidTransition):
        triage.change_state(req, State.NEW, user=staff, expected_state=State.CLOSED)
    entries = ModelLogEntry.objects.filter(
        object_id=str(req.pk), action="support.state_change"
    ).order_by("timestamp", "pk")
    assert [(e.data["from"], e.data["to"]) for e in entries] == [
        ("new", "under_assessment"),
        ("under_assessment", "planned"),
        ("planned", "in_progress"),
        ("in_progress", "closed"),
    ]
    assert all(e.user_id == staff.pk for e in entries)
    # every state change is mailed to the requester, in their language
    state_mails = [m for m in mailoutbox if m.to == ["rektor@example.org"]][1:]
    assert len(state_mails) == 4
    assert "Avslutad" in state_mails[-1].subject


@pytest.mark.parametrize(
    "start, target",
    [
        (State.NEW, State.CLOSED),
        (State.NEW, State.IN_PROGRESS),
        (State.NEW, State.BOOKED),
        (State.NEW, State.CANCELLED),
    ],
)
def test_invalid_transitions_are_refused(mailoutbox, start, target):
    req = factories.support_request()
    with pytest.raises(errors.InvalidTransition):
        triage.change_state(req, target, user=None, expected_state=start)
    req.refresh_from_db()
    assert req.state == State.NEW


def test_decline_requires_reason_and_mails_it(mailoutbox):
    req = factories.support_request(language="en")
    with pytest.raises(errors.ReasonRequired):
        triage.change_state(req, State.DECLINED, user=None, expected_state=State.NEW)
    mailoutbox.clear()
    req = triage.change_state(
        req, State.DECLINED, user=None, expected_state=State.NEW, reason="Contact BUP."
    )
    assert req.state_reason == "Contact BUP."
    mail = mailoutbox[0]
    assert "Declined" in mail.subject  # English for an English requester
    assert "Contact BUP." in mail.body


def test_two_staff_members_cannot_both_win(mailoutbox):
    req = factories.support_request()
    a, b = factories.staff_member(), factories.staff_member()
    triage.change_state(req, State.UNDER_ASSESSMENT, user=a, expected_state=State.NEW)
    with pytest.raises(errors.StaleRequest):
        triage.change_state(req, State.DECLINED, user=b, expected_state=State.NEW, reason="x")
    req.refresh_from_db()
    assert req.state == State.UNDER_ASSESSMENT


def test_declining_a_booked_request_frees_time_and_cancels_meeting(mailoutbox):
    slot = factories.slot()
    req = factories.support_request(slot_id=slot.pk)
    mailoutbox.clear()
    triage.change_state(
        req, State.DECLINED, user=None, expected_state=State.BOOKED, reason="Fel målgrupp."
    )
    assert slot in booking.free_slots()
    calendar, event = _ics(mailoutbox[0])
    assert calendar["method"] == "CANCEL" and event["sequence"] == 1


# -- weekly patterns ------------------------------------------------------------------------
def test_weekly_pattern_generates_times_idempotently():
    staff = factories.staff_member()
    pattern = WeeklyPattern.objects.create(
        staff=staff,
        weekday=2,
        start_time=timezone.datetime(2000, 1, 1, 8, 15).time(),
        duration_minutes=45,
        mode="video",
        weeks_ahead=3,
    )
    created = booking.generate_slots(patterns=[pattern])
    assert created in (3, 4)
    slots = AvailableSlot.objects.filter(pattern=pattern)
    assert all(timezone.localtime(s.start).weekday() == 2 for s in slots)
    assert all(timezone.localtime(s.start).strftime("%H:%M") == "08:15" for s in slots)
    first = slots.first()
    first.withdrawn = True
    first.save()
    assert booking.generate_slots(patterns=[pattern]) == 0
    first.refresh_from_db()
    assert first.withdrawn  # a withdrawn time stays withdrawn


def test_inactive_pattern_generates_nothing():
    pattern = WeeklyPattern.objects.create(
        staff=factories.staff_member(),
        weekday=0,
        start_time=timezone.datetime(2000, 1, 1, 7, 5).time(),
        mode="phone",
        active=False,
    )
    assert booking.generate_slots(patterns=[pattern]) == 0


# -- signed links ---------------------------------------------------------------------------
def test_status_token_round_trip_and_tampering(mailoutbox):
    req = factories.support_request()
    token = status.status_token(req)
    assert status.read_status_token(token) == req
    for bad in (token[:-2] + "xx", "garbage"):
        with pytest.raises(LinkError) as error:
            status.read_status_token(bad)
        assert error.value.code == "invalid"
    forged = token.replace(str(req.pk), str(req.pk + 1), 1)
    if forged != token:
        with pytest.raises(LinkError):
            status.read_status_token(forged)

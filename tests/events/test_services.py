"""The registration state machine: register, waitlist, cancel, promote, capacity, staff moves."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from events.models import Registration
from events.services import cancelling, errors, queries, registering, staff

from .factories import details, fill, make_event, register, translate_event

pytestmark = pytest.mark.django_db

S = Registration.Status


def statuses(event):
    return list(
        Registration.objects.filter(event=event)
        .order_by("queued_at", "id")
        .values_list("status", flat=True)
    )


def test_confirmed_while_seats_left_then_waitlisted_in_order():
    event = make_event(capacity=2)
    regs = [register(event, n) for n in range(4)]
    assert [r.status for r in regs] == [S.CONFIRMED, S.CONFIRMED, S.WAITLISTED, S.WAITLISTED]
    assert regs[2].waitlist_position() == 1
    assert regs[3].waitlist_position() == 2
    assert event.seats_left() == 0
    assert event.waitlist_length() == 2


def test_cancel_promotes_first_on_waitlist_and_emails_them(django_capture_on_commit_callbacks):
    event = make_event(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        first = register(event, 1)
        second = register(event, 2)
        third = register(event, 3)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancelled, promoted = cancelling.cancel(first.pk, first.version)
    assert cancelled.status == S.CANCELLED
    assert [r.pk for r in promoted] == [second.pk]
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == S.CONFIRMED
    assert second.version == 2
    assert third.status == S.WAITLISTED
    assert third.waitlist_position() == 1
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["person1@skola.example.org", "person2@skola.example.org"]
    promoted_mail = next(m for m in mail.outbox if m.to == ["person2@skola.example.org"])
    assert "fått en plats" in promoted_mail.subject


def test_cancelling_a_waitlisted_person_promotes_nobody():
    event = make_event(capacity=1)
    register(event, 1)
    waiting = register(event, 2)
    later = register(event, 3)
    _, promoted = cancelling.cancel(waiting.pk, waiting.version)
    assert promoted == []
    later.refresh_from_db()
    assert later.status == S.WAITLISTED
    assert later.waitlist_position() == 1


def test_raising_capacity_promotes_the_waitlist_in_order():
    event = make_event(capacity=1)
    regs = [register(event, n) for n in range(5)]
    promoted = cancelling.set_capacity(event, 3)
    assert [r.pk for r in promoted] == [regs[1].pk, regs[2].pk]
    assert statuses(event) == [S.CONFIRMED] * 3 + [S.WAITLISTED] * 2


def test_publishing_a_raised_capacity_promotes_the_waitlist():
    event = make_event(capacity=1)
    regs = [register(event, n) for n in range(3)]
    event.capacity = 2
    event.save_revision().publish()
    regs[1].refresh_from_db()
    regs[2].refresh_from_db()
    assert regs[1].status == S.CONFIRMED
    assert regs[2].status == S.WAITLISTED


def test_lowering_capacity_never_removes_anyone():
    event = make_event(capacity=3)
    for n in range(3):
        register(event, n)
    cancelling.set_capacity(event, 1)
    assert statuses(event) == [S.CONFIRMED] * 3
    assert register(event, 9).status == S.WAITLISTED
    assert event.seats_left() == 0


def test_duplicate_email_is_refused_case_insensitively_and_changes_nothing():
    event = make_event(capacity=3)
    register(event, 1, email="Anna.Lind@Skola.example.org")
    with pytest.raises(errors.DuplicateRegistration):
        register(event, 2, email="anna.lind@skola.example.org ")
    assert Registration.objects.filter(event=event).count() == 1


def test_database_backstop_refuses_a_duplicate_even_without_the_service():
    event = make_event(capacity=3)
    register(event, 1, email="same@skola.example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(
            event=event,
            status=S.WAITLISTED,
            name="x",
            email="SAME@skola.example.org",
            organisation="o",
            role="r",
        )


def test_after_cancelling_the_same_email_can_register_again():
    event = make_event(capacity=3)
    first = register(event, 1)
    cancelling.cancel(first.pk, first.version)
    again = register(event, 1)
    assert again.status == S.CONFIRMED


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"registration_closes": timezone.now() - timedelta(hours=1)}, errors.RegistrationClosed),
        (
            {"registration_opens": timezone.now() + timedelta(days=1)},
            errors.RegistrationNotOpenYet,
        ),
        ({"registration_enabled": False}, errors.RegistrationClosed),
    ],
)
def test_closed_or_not_yet_open_events_refuse_and_change_nothing(fields, error):
    event = make_event(capacity=3, **fields)
    with pytest.raises(error):
        register(event, 1)
    assert not Registration.objects.filter(event=event).exists()


def test_past_event_refuses():
    event = make_event(capacity=3, starts_in=-timedelta(days=2))
    with pytest.raises(errors.EventPast):
        register(event, 1)
    assert not Registration.objects.filter(event=event).exists()


def test_registration_closes_when_the_first_occasion_starts():
    start = timezone.now() - timedelta(hours=1)
    event = make_event(
        occasions=[
            (start, start + timedelta(hours=3)),
            (start + timedelta(days=7), start + timedelta(days=7, hours=3)),
        ]
    )
    assert event.registration_state() == "closed"
    with pytest.raises(errors.RegistrationClosed):
        register(event, 1)


def test_old_version_cannot_cancel_or_change():
    event = make_event(capacity=3)
    reg = register(event, 1)
    registering.update_details(reg.pk, reg.version, details(1, name="Nytt Namn"))
    with pytest.raises(errors.StaleLink):
        cancelling.cancel(reg.pk, reg.version)  # the version from before the change
    with pytest.raises(errors.StaleLink):
        registering.update_details(reg.pk, reg.version, details(1, name="Annat"))
    reg.refresh_from_db()
    assert reg.status == S.CONFIRMED
    assert reg.name == "Nytt Namn"
    assert reg.version == 2


def test_cancel_twice_is_refused():
    event = make_event(capacity=3)
    reg = register(event, 1)
    reg, _ = cancelling.cancel(reg.pk, reg.version)
    with pytest.raises(errors.NotAllowed):
        cancelling.cancel(reg.pk, reg.version)


def test_staff_confirm_only_with_a_free_seat_and_move_to_end_of_waitlist():
    event = make_event(capacity=1)
    first = register(event, 1)
    second = register(event, 2)
    third = register(event, 3)
    with pytest.raises(errors.NotAllowed):
        staff.confirm_from_waitlist(second.pk)
    staff.move_to_waitlist(first.pk)
    first.refresh_from_db()
    assert first.status == S.WAITLISTED
    assert first.waitlist_position() == 3  # end of the queue
    staff.confirm_from_waitlist(third.pk)  # staff may pick someone specific
    assert statuses(event).count(S.CONFIRMED) == 1
    third.refresh_from_db()
    assert third.status == S.CONFIRMED


def test_mark_attendance_keeps_the_seat():
    event = make_event(capacity=2)
    reg = register(event, 1)
    staff.mark_attendance(reg.pk, True)
    reg.refresh_from_db()
    assert reg.status == S.ATTENDED
    staff.mark_attendance(reg.pk, False)
    reg.refresh_from_db()
    assert reg.status == S.NO_SHOW
    assert event.seats_left() == 1
    waiting = register(event, 2)
    assert waiting.status == S.CONFIRMED
    with pytest.raises(errors.NotAllowed):
        staff.mark_attendance(register(event, 3).pk, True)  # waitlisted


def test_english_page_shares_capacity_with_the_original():
    event = make_event(capacity=2)
    fill(event, 2)
    english = translate_event(event, title="Conversation methods")
    assert english.original.pk == event.pk
    assert english.seats_left() == event.seats_left() == 0
    reg = registering.register(english, details(77), language="en")
    assert reg.event_id == event.pk
    assert reg.status == S.WAITLISTED


def test_upcoming_events_contract():
    soon = make_event(starts_in=timedelta(days=1), event_type="network_meeting")
    later = make_event(starts_in=timedelta(days=9), event_type="network_meeting")
    past = make_event(starts_in=-timedelta(days=1), event_type="network_meeting")
    english = translate_event(later, title="Network meeting")
    events = list(queries.upcoming_events(event_type="network_meeting", locale="sv"))
    assert events == [soon, later]
    assert past not in events
    starts = [e.next_start for e in events]
    assert starts == sorted(starts)
    assert events[0].next_occasion.start == events[0].next_start
    assert len(queries.upcoming_events(limit=2, locale="sv")) == 2
    assert list(queries.upcoming_events(locale="en")) == [english]

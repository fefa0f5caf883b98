"""Never overbook: 50 concurrent registrations at the last 10 seats, on real PostgreSQL.

Each registration runs in its own thread with its own database connection, all released at
once by the race harness (:mod:`tests.races`), with a short pause right after the seat count to
widen the race. The data is committed for real (the threads must see it); the transactional
test's flush and the harness put the session skeleton back afterwards. A control run with the
row lock switched off must overbook: proof that the test can catch the bug it guards against.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from events.models import Registration
from events.services import registering, seats
from tests.races import race

from .factories import details, make_event

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

CAPACITY = 60
ALREADY_TAKEN = 50
CONCURRENT = 50


@pytest.fixture
def nearly_full_event():
    """An event with 50 of its 60 seats taken (written directly: the set-up, not the test)."""
    event = make_event(capacity=CAPACITY, starts_in=timedelta(days=20))
    now = timezone.now() - timedelta(days=1)
    Registration.objects.bulk_create(
        Registration(
            event=event,
            status=Registration.Status.CONFIRMED,
            name=f"Tidig {n}",
            email=f"tidig{n}@skola.example.org",
            organisation="Skola",
            role="Lärare",
            created_at=now,
            queued_at=now,
        )
        for n in range(ALREADY_TAKEN)
    )
    return event


def fire(event, monkeypatch, *, lock, pause=0.02):
    monkeypatch.setattr(seats, "LOCK_EVENTS", lock)
    monkeypatch.setattr(seats, "PAUSE_AFTER_COUNT", pause)
    return race(
        lambda number: registering.register(event, details(1000 + number)).status, CONCURRENT
    )


def test_fifty_concurrent_registrations_at_the_last_ten_seats(nearly_full_event, monkeypatch):
    outcome = fire(nearly_full_event, monkeypatch, lock=True)
    results = outcome.results
    stored = Registration.objects.filter(event=nearly_full_event)
    total = stored.count()
    confirmed = stored.filter(status=Registration.Status.CONFIRMED).count()
    waitlisted = list(
        stored.filter(status=Registration.Status.WAITLISTED).order_by("queued_at", "id")
    )
    positions = [r.waitlist_position() for r in waitlisted]
    print(  # the figure for the report (pytest -s)
        f"\nlocked: {results.count('confirmed')} confirmed, {results.count('waitlisted')} "
        f"waitlisted, {len(outcome.errors)} failed, {total} stored, "
        f"{confirmed}/{CAPACITY} seats taken"
    )
    assert outcome.error_reprs == []  # none failed
    assert len(results) == CONCURRENT
    assert results.count(Registration.Status.CONFIRMED) == 10
    assert results.count(Registration.Status.WAITLISTED) == 40
    assert total == ALREADY_TAKEN + CONCURRENT  # none lost
    assert confirmed == CAPACITY  # never overbooked
    assert len(waitlisted) == 40
    assert positions == list(range(1, 41))


def test_control_without_the_lock_overbooks(nearly_full_event, monkeypatch):
    """The same race with the lock switched off: the test must see the overbooking."""
    outcome = fire(nearly_full_event, monkeypatch, lock=False, pause=0.2)
    confirmed = Registration.objects.filter(
        event=nearly_full_event, status=Registration.Status.CONFIRMED
    ).count()
    print(
        f"\ncontrol without lock: {confirmed}/{CAPACITY} seats taken, {len(outcome.errors)} failed"
    )
    assert outcome.error_reprs == []
    assert confirmed > CAPACITY, "without the lock the race should overbook"

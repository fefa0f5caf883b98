"""Never overbook: 50 concurrent registrations at the last 10 seats, on real PostgreSQL.

Each registration runs in its own thread with its own database connection, all released at
once by a barrier, with a short pause right after the seat count to widen the race. The data is
committed for real (the threads must see it): it is written from helper threads, outside the
test's rolled-back transaction, and removed again at the end. A control run with the row
lock switched off must
overbook: proof that the test can catch the bug it guards against.
"""

import threading
from datetime import timedelta

import pytest
from django.db import connections
from django.utils import timezone

from events.models import EventPage, Registration
from events.services import registering, seats

from .factories import details, make_event

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

CAPACITY = 60
ALREADY_TAKEN = 50
CONCURRENT = 50


def in_own_connection(function):
    """Run ``function`` in a thread with its own connection (autocommit) and return its result."""
    box = {}

    def run():
        try:
            box["result"] = function()
        except Exception as error:  # noqa: BLE001 - re-raised in the caller
            box["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box.get("result")


def _create_event():
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


def _delete_event(event):
    Registration.objects.filter(event=event).delete()
    EventPage.objects.get(pk=event.pk).delete()


@pytest.fixture
def committed_event(db):
    event = in_own_connection(_create_event)
    yield event
    in_own_connection(lambda: _delete_event(event))


def fire(event, monkeypatch, *, lock, pause=0.02):
    monkeypatch.setattr(seats, "LOCK_EVENTS", lock)
    monkeypatch.setattr(seats, "PAUSE_AFTER_COUNT", pause)
    barrier = threading.Barrier(CONCURRENT)
    results, errors = [], []

    def one(number):
        try:
            barrier.wait(timeout=30)
            results.append(registering.register(event, details(1000 + number)).status)
        except Exception as error:  # noqa: BLE001 - every failure is counted and reported
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one, args=(n,)) for n in range(CONCURRENT)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, errors


def test_fifty_concurrent_registrations_at_the_last_ten_seats(committed_event, monkeypatch):
    results, errors = fire(committed_event, monkeypatch, lock=True)
    stored = Registration.objects.filter(event=committed_event)
    total = stored.count()
    confirmed = stored.filter(status=Registration.Status.CONFIRMED).count()
    waitlisted = list(
        stored.filter(status=Registration.Status.WAITLISTED).order_by("queued_at", "id")
    )
    positions = [r.waitlist_position() for r in waitlisted]
    print(  # the figure for the report (pytest -s)
        f"\nlocked: {results.count('confirmed')} confirmed, {results.count('waitlisted')} "
        f"waitlisted, {len(errors)} failed, {total} stored, {confirmed}/{CAPACITY} seats taken"
    )
    assert errors == []  # none failed
    assert len(results) == CONCURRENT
    assert results.count(Registration.Status.CONFIRMED) == 10
    assert results.count(Registration.Status.WAITLISTED) == 40
    assert total == ALREADY_TAKEN + CONCURRENT  # none lost
    assert confirmed == CAPACITY  # never overbooked
    assert len(waitlisted) == 40
    assert positions == list(range(1, 41))


def test_control_without_the_lock_overbooks(committed_event, monkeypatch):
    """The same race with the lock switched off: the test must see the overbooking."""
    results, errors = fire(committed_event, monkeypatch, lock=False, pause=0.2)
    confirmed = Registration.objects.filter(
        event=committed_event, status=Registration.Status.CONFIRMED
    ).count()
    print(f"\ncontrol without lock: {confirmed}/{CAPACITY} seats taken, {len(errors)} failed")
    assert errors == []
    assert confirmed > CAPACITY, "without the lock the race should overbook"

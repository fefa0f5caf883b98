"""A time is booked once: 30 concurrent requests for one time on PostgreSQL.

Real threads, each with its own database connection, call the same service function the form
view calls. A test-only pause right after the "is it free?" check widens the race window. The
control run switches the row lock off: the database constraints alone must still hold.

The test does not use ``transactional_db`` (its flush would wipe the session's demo content):
it unblocks the database in autocommit mode and removes what it created afterwards.
"""

import threading
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connections
from wagtail.models import ModelLogEntry

from network.support.models import AvailableSlot, ServiceKind, SupportRequest
from network.support.services import booking, errors, intake

from . import factories

THREADS = 30


def _fire(slot_id, monkeypatch, *, lock):
    monkeypatch.setattr(booking, "RACE_PAUSE_SECONDS", 0.05)
    monkeypatch.setattr(booking, "LOCK_SLOTS", lock)
    barrier = threading.Barrier(THREADS)
    outcomes = []
    guard = threading.Lock()
    page = factories.service_page(ServiceKind.CONSULTATION)

    def attempt(index):
        try:
            barrier.wait()
            try:
                intake.submit_request(
                    factories.request_data(
                        email=f"racer{index}@example.org", description=f"Förfrågan {index}"
                    ),
                    service_kind=ServiceKind.CONSULTATION,
                    service_page=page,
                    slot_id=slot_id,
                )
                outcome = "booked"
            except errors.SlotTaken:
                outcome = "taken"
            except Exception as error:  # noqa: BLE001 - every other outcome fails the test
                outcome = f"error: {error!r}"
            with guard:
                outcomes.append(outcome)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return Counter(outcomes)


@pytest.fixture
def committed_db(django_db_setup, django_db_blocker):
    """Real commits visible to every thread; cleaned up afterwards."""
    with django_db_blocker.unblock():
        created = {"slots": [], "users": []}
        yield created
        requests = SupportRequest.objects.filter(slot_id__in=created["slots"])
        ids = [str(pk) for pk in requests.values_list("pk", flat=True)]
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(SupportRequest), object_id__in=ids
        ).delete()
        requests.delete()
        AvailableSlot.objects.filter(pk__in=created["slots"]).delete()
        get_user_model().objects.filter(pk__in=created["users"]).delete()
        connections.close_all()


@pytest.mark.postgres
@pytest.mark.parametrize("lock", [True, False], ids=["row-lock", "constraints-only"])
def test_thirty_concurrent_requests_book_one_time_once(monkeypatch, lock, settings, committed_db):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    staff = factories.staff_member()
    slot = factories.slot(staff)
    committed_db["users"].append(staff.pk)
    committed_db["slots"].append(slot.pk)
    before = SupportRequest.objects.count()
    outcomes = _fire(slot.pk, monkeypatch, lock=lock)
    assert outcomes == Counter({"booked": 1, "taken": THREADS - 1}), outcomes
    holding = SupportRequest.objects.filter(slot=slot)
    assert holding.count() == 1
    # nothing lost: exactly one new request, with a valid reference, and every loser got a
    # clear "taken" answer (the form then re-renders with their input and the next times)
    assert SupportRequest.objects.count() == before + 1
    winner = holding.get()
    assert winner.reference.startswith("TD-")

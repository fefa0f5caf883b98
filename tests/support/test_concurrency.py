"""A time is booked once: 30 concurrent requests for one time on PostgreSQL.

Real threads (``tests.races``), each with its own database connection, call the same service
function the form view calls. A test-only pause right after the "is it free?" check widens the
race window. The control run switches the row lock off: the database constraints alone must
still hold.
"""

from collections import Counter

import pytest

from network.support.models import ServiceKind, SupportRequest
from network.support.services import booking, errors, intake
from tests.races import race

from . import factories

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 30


def _fire(slot_id, page, monkeypatch, *, lock):
    monkeypatch.setattr(booking, "RACE_PAUSE_SECONDS", 0.05)
    monkeypatch.setattr(booking, "LOCK_SLOTS", lock)

    def attempt(index):
        try:
            intake.submit_request(
                factories.request_data(
                    email=f"racer{index}@example.org", description=f"Förfrågan {index}"
                ),
                service_kind=ServiceKind.CONSULTATION,
                service_page=page,
                slot_id=slot_id,
            )
        except errors.SlotTaken:
            return "taken"
        return "booked"

    outcome = race(attempt, THREADS)
    return Counter(outcome.results), outcome.error_reprs


@pytest.mark.parametrize("lock", [True, False], ids=["row-lock", "constraints-only"])
def test_thirty_concurrent_requests_book_one_time_once(monkeypatch, lock, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    slot = factories.slot()
    page = factories.service_page(ServiceKind.CONSULTATION)
    before = SupportRequest.objects.count()
    outcomes, failures = _fire(slot.pk, page, monkeypatch, lock=lock)
    # every outcome other than "booked" or a clear "taken" fails the test
    assert failures == []
    assert outcomes == Counter({"booked": 1, "taken": THREADS - 1}), outcomes
    holding = SupportRequest.objects.filter(slot=slot)
    assert holding.count() == 1
    # nothing lost: exactly one new request, with a valid reference, and every loser got a
    # clear "taken" answer (the form then re-renders with their input and the next times)
    assert SupportRequest.objects.count() == before + 1
    winner = holding.get()
    assert winner.reference.startswith("TD-")

"""Two staff members apply the same transition to one row at the same moment: one wins.

Real threads with their own connections and real commits on PostgreSQL (``tests.races``).
The control run switches the row lock off: the conditional UPDATE alone must still hold.
"""

import pytest
from wagtail.models import ModelLogEntry

from kcsite.outbox.models import OutboxMessage
from kcsite.outbox.services import OUTBOX
from kcsite.workflow import TransitionError
from tests.races import race

from .flows import failed_message


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("lock", [True, False], ids=["row-lock", "conditional-update-only"])
def test_two_applies_of_one_transition_one_wins(monkeypatch, lock):
    monkeypatch.setattr(OUTBOX, "lock", lock)
    row = failed_message()
    outcome = race(lambda n: OUTBOX.apply(row.pk, "discard").status, 2)
    assert outcome.results == ["discarded"]
    ((error,),) = [outcome.errors]
    assert isinstance(error, TransitionError) and error.code in ("not_allowed", "stale"), error
    assert OutboxMessage.objects.get(pk=row.pk).status == "discarded"
    assert ModelLogEntry.objects.for_instance(row).count() == 1

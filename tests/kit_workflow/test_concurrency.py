"""Two staff members apply the same transition to one row at the same moment: one wins.

Real threads with their own connections and real commits on PostgreSQL (the row lock and the
conditional UPDATE); the test does not use ``transactional_db`` (its flush would wipe the
session's demo content) and removes what it created.
"""

import threading

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connections
from wagtail.models import ModelLogEntry

from kcsite.outbox.models import OutboxMessage
from kcsite.outbox.services import OUTBOX
from kcsite.workflow import TransitionError

from .flows import failed_message


@pytest.fixture
def committed(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        created = []
        yield created
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(OutboxMessage),
            object_id__in=[str(pk) for pk in created],
        ).delete()
        OutboxMessage.objects.filter(pk__in=created).delete()
        connections.close_all()


@pytest.mark.postgres
@pytest.mark.parametrize("lock", [True, False], ids=["row-lock", "conditional-update-only"])
def test_two_applies_of_one_transition_one_wins(committed, monkeypatch, lock):
    monkeypatch.setattr(OUTBOX, "lock", lock)
    row = failed_message()
    committed.append(row.pk)
    barrier = threading.Barrier(2)
    outcomes = []

    def attempt():
        try:
            barrier.wait()
            try:
                OUTBOX.apply(row.pk, "discard")
                outcomes.append("won")
            except TransitionError as error:
                outcomes.append(error.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) in (["not_allowed", "won"], ["stale", "won"]), outcomes
    assert OutboxMessage.objects.get(pk=row.pk).status == "discarded"
    assert ModelLogEntry.objects.for_instance(row).count() == 1

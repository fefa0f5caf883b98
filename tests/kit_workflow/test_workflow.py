"""kcsite.workflow: one declared transition does the checks, the conditional write, the
version bump, the log entry and the mail, on a real database."""

import dataclasses

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from wagtail.log_actions import LogActionRegistry
from wagtail.models import ModelLogEntry

from kcsite.outbox.models import OutboxMessage
from kcsite.outbox.services import OUTBOX
from kcsite.workflow import TransitionError

from .flows import LOCKED_FIRST, TEST_FLOW, Status, failed_message

pytestmark = pytest.mark.django_db


def log_entries(obj):
    return ModelLogEntry.objects.for_instance(obj).order_by("pk")


@pytest.fixture
def staff(admin_user):
    return admin_user


def test_resend_moves_failed_to_queued_logs_and_queues_after_commit(
    staff, django_capture_on_commit_callbacks
):
    row = failed_message()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        result = OUTBOX.apply(row.pk, "resend", user=staff)
        assert OutboxMessage.objects.filter(pk=row.pk, task_id="").exists()  # not before commit
    assert (result.status, result.attempts, result.next_attempt_at) == ("queued", 0, None)
    assert len(callbacks) == 1
    callbacks[0]()
    assert OutboxMessage.objects.get(pk=row.pk).task_id  # the delivery task was queued
    (entry,) = log_entries(row)
    assert (entry.action, entry.user_id) == ("outbox.resend", staff.pk)
    assert entry.data == {"from": "failed", "to": "queued", "reason": ""}


def test_a_record_in_another_state_is_refused_with_the_declared_message(staff):
    row = failed_message()
    OutboxMessage.objects.filter(pk=row.pk).update(status=Status.SENT)
    with pytest.raises(TransitionError) as caught:
        OUTBOX.apply(row, "discard", user=staff)
    assert caught.value.code == "not_allowed"
    assert str(caught.value.message) == "Meddelandet finns inte längre bland de misslyckade."
    assert not log_entries(row).exists()


def test_version_is_bumped_and_an_old_version_is_stale(staff):
    row = failed_message()
    with pytest.raises(TransitionError) as caught:
        TEST_FLOW.apply(row, "shelve", user=staff, reason="Dubblett", expected_version=5)
    assert caught.value.code == "stale"
    done = TEST_FLOW.apply(row, "shelve", user=staff, reason=" Dubblett ", expected_version=6)
    assert (done.status, done.attempts) == ("discarded", 7)
    assert log_entries(row).get().data["reason"] == "Dubblett"


def test_an_unexpected_state_is_stale_and_the_parent_is_locked_first(staff):
    row = failed_message()
    LOCKED_FIRST.clear()
    with pytest.raises(TransitionError) as caught:
        TEST_FLOW.apply(row, "shelve", user=staff, reason="x", expected_state=Status.QUEUED)
    assert caught.value.code == "stale"
    assert [row.pk] == LOCKED_FIRST
    done = TEST_FLOW.apply(row, "shelve", user=staff, reason="x", expected_state=Status.FAILED)
    assert done.status == "discarded"


def test_reason_required_and_checks(staff):
    row = failed_message(last_error="keep")
    with pytest.raises(TransitionError) as caught:
        TEST_FLOW.apply(row, "shelve", user=staff, reason="  ")
    assert (caught.value.code, caught.value.message) == ("reason_required", "Skriv varför.")
    with pytest.raises(TransitionError) as caught:
        TEST_FLOW.apply(row, "shelve", user=staff, reason="x")
    assert str(caught.value.message) == "Märkt: rörs inte."
    row.refresh_from_db()
    assert row.status == "failed"


def test_permission_is_checked_when_a_user_acts(client):
    user = get_user_model().objects.create_user(username="kit-editor", password="x-Long-pass-1")
    row = failed_message()
    with pytest.raises(TransitionError) as caught:
        OUTBOX.apply(row, "discard", user=user)
    assert caught.value.code == "forbidden"
    user.user_permissions.add(Permission.objects.get(codename="change_outboxmessage"))
    user = get_user_model().objects.get(pk=user.pk)  # fresh permission cache
    assert OUTBOX.apply(row, "discard", user=user).status == "discarded"


def test_already_in_the_target_changes_nothing(staff):
    row = OutboxMessage.objects.create(name="support.receipt", status=Status.QUEUED, attempts=2)
    assert TEST_FLOW.allowed(row, "hold") is False
    same = TEST_FLOW.apply(row, "hold", user=staff)
    assert (same.status, same.attempts) == ("queued", 2)
    assert not log_entries(row).exists()


def test_declared_mail_is_queued_with_the_record_id(staff):
    row = OutboxMessage.objects.create(name="support.receipt", status=Status.SENDING, attempts=1)
    TEST_FLOW.apply(row, "hold", user=staff)
    queued = OutboxMessage.objects.exclude(pk=row.pk).get(name="support.receipt")
    assert queued.params == {"request_id": row.pk, "kit": True}


def test_a_write_that_lost_the_race_is_stale(staff, monkeypatch):
    """The conditional UPDATE: someone changes the row after it was read; nothing is written."""
    row = failed_message()

    def meanwhile(change):
        OutboxMessage.objects.filter(pk=change.obj.pk).update(status=Status.QUEUED)

    shelve = dataclasses.replace(TEST_FLOW.transition("shelve"), check=meanwhile)
    monkeypatch.setitem(TEST_FLOW.transitions, "shelve", shelve)
    with pytest.raises(TransitionError) as caught:
        TEST_FLOW.apply(row, "shelve", user=staff, reason="x")
    assert caught.value.code == "stale"
    row.refresh_from_db()  # the whole change was rolled back, the other write with it
    assert (row.status, row.attempts) == ("failed", 6)
    assert not log_entries(row).exists()


def test_apply_many_reports_done_and_skipped(staff):
    rows = [failed_message(), failed_message(), failed_message()]
    OutboxMessage.objects.filter(pk=rows[1].pk).update(status=Status.SENT)
    outcome = OUTBOX.apply_many(
        OutboxMessage.objects.filter(pk__in=[r.pk for r in rows]), "discard", user=staff
    )
    assert sorted(r.pk for r in outcome.done) == [rows[0].pk, rows[2].pk]
    ((skipped, error),) = outcome.skipped
    assert skipped.pk == rows[1].pk and error.code == "not_allowed"


def test_log_actions_are_registered_once_with_a_state_change_text(staff):
    registry = LogActionRegistry()
    registry.has_scanned_for_actions = True  # only what this workflow registers
    TEST_FLOW.register_log_actions(registry)
    TEST_FLOW.register_log_actions(registry)
    assert [action for action, _label in registry.choices] == ["kit_test.shelve", "kit_test.hold"]
    row = failed_message()
    TEST_FLOW.apply(row, "shelve", user=staff, reason="Dubblett")
    entry = log_entries(row).get()
    assert registry.get_formatter(entry).format_message(entry) == (
        "Status: Kunde inte skickas → Kasserat – Dubblett"
    )

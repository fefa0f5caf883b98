"""The review reminder (once per review date) and retention."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from kcsite import retention
from methodbank.routines.models import Routine
from methodbank.routines.services import editing, reminders
from methodbank.routines.services import retention as routine_retention

pytestmark = pytest.mark.django_db


def set_review(routine, review):
    content = routine.routine_content()
    content.review_date = review
    return editing.save(routine, routine.version, content)


def test_one_reminder_per_review_date(routine, django_capture_on_commit_callbacks):
    today = date(2027, 5, 1)
    routine = set_review(routine, today + timedelta(days=reminders.DAYS_BEFORE + 1))
    assert reminders.send_due(today) == 0
    routine = set_review(routine, today + timedelta(days=20))
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.send_due(today) == 1
        assert reminders.send_due(today) == 0
        assert reminders.send_due(today + timedelta(days=1)) == 0
    (message,) = mail.outbox
    assert message.to == ["rektor@example.org"] and "Södra skolan" in message.subject
    set_review(routine, date(2028, 5, 15))
    assert reminders.send_due(date(2028, 5, 1)) == 1  # a new review date, a new reminder


def test_the_command_runs_the_job(routine, capsys):
    set_review(routine, timezone.localdate() + timedelta(days=3))
    call_command("send_routine_reminders")
    assert "queued: 1" in capsys.readouterr().out
    call_command("send_routine_reminders")
    assert "queued: 0" in capsys.readouterr().out


def test_no_reminder_after_the_date_or_without_an_address(routine):
    set_review(routine, date(2027, 5, 1))
    assert reminders.send_due(date(2027, 5, 2)) == 0
    Routine.objects.update(creator_email="")
    assert reminders.send_due(date(2027, 4, 20)) == 0


def test_inactive_routines_lose_the_creators_address_and_contacts(routine):
    content = routine.routine_content()
    content.roles[0].contact = "anna.andersson@skola.example.org"
    routine = editing.save(routine, 1, content)
    now = timezone.now()
    assert routine_retention.anonymise_expired(now) == 0
    later = now + timedelta(days=routine_retention.INACTIVE_DAYS + 1)
    assert routine_retention.anonymise_expired(later) == 1
    assert routine_retention.anonymise_expired(later) == 0
    routine.refresh_from_db()
    assert routine.creator_email == "" and routine.anonymised_at
    assert all(not r.contact for r in routine.routine_content().roles)
    assert all(not r.contact for v in routine.versions.all() for r in v.routine_content().roles)


def test_retention_is_registered():
    assert "methodbank.routines.anonymise_routines" in retention.registered()

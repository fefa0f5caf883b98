"""Mail that gets through: the database queue against a real SMTP server that refuses, hangs,
then accepts. Runs on SQLite and (``-m postgres`` run) on PostgreSQL.

The test commits for real (a worker must see the rows), so it does not use ``transactional_db``
(its flush would wipe the session's demo content): it unblocks the database in autocommit
mode and removes what it created afterwards.
"""

import time
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry

from kcsite import mail
from kcsite.outbox.models import OutboxMessage
from network.support.models import ServiceKind, SupportRequest
from tests.support import factories

from .smtp_server import SMTPServer

DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}


def run_worker():
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def make_due():
    """Pretend the back-off has passed: deferred tasks and retries are due now."""
    past = timezone.now() - timedelta(seconds=1)
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=past)
    OutboxMessage.objects.filter(status=OutboxMessage.Status.QUEUED).update(next_attempt_at=past)


@pytest.fixture
def committed_db(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        before = set(SupportRequest.objects.values_list("pk", flat=True))
        # other tests that commit (races, live servers) may have left queued mail behind
        OutboxMessage.objects.all().delete()
        DBTaskResult.objects.all().delete()
        yield
        created = SupportRequest.objects.exclude(pk__in=before)
        ids = [str(pk) for pk in created.values_list("pk", flat=True)]
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(SupportRequest), object_id__in=ids
        ).delete()
        created.delete()
        OutboxMessage.objects.all().delete()
        DBTaskResult.objects.all().delete()


def _run(client, settings, server):
    settings.TASKS = DB_QUEUE
    server.settings(settings, timeout=1)
    settings.MAIL_RETRY_DELAYS = (60, 60, 60, 60)
    page = factories.service_page(ServiceKind.CONSULTATION)

    # The server hangs (an inline send would wait EMAIL_TIMEOUT = 10 s per message): the
    # request is saved and answered at once with its receipt page; nobody talks to the server.
    server.set_mode("hang")
    settings.EMAIL_TIMEOUT = 10
    started = time.monotonic()
    response = client.post(
        page.request_url(), factories.form_data(email="queue@example.org", time="contact")
    )
    answered_in = time.monotonic() - started
    assert response.status_code == 302 and "/kvitto/" in response["Location"]
    assert answered_in < 5, answered_in
    assert server.handler.hung == 0 and not server.received
    settings.EMAIL_TIMEOUT = 1
    server.set_mode("refuse")
    support_request = SupportRequest.objects.get(email="queue@example.org")
    receipt = client.get(response["Location"])
    assert receipt.status_code == 200 and support_request.reference in receipt.text
    rows = OutboxMessage.objects.order_by("pk")
    assert [r.name for r in rows] == ["support.receipt", "support.team_notice"]
    # The queue carries ids only: no address, name or link in an outbox or task row.
    for row in rows:
        assert row.params.get("request_id") == support_request.pk
    for task_row in DBTaskResult.objects.all():
        assert "@" not in str(task_row.args_kwargs) and "http" not in str(task_row.args_kwargs)

    run_worker()
    assert server.handler.refused == 2 and not server.received
    assert set(rows.values_list("status", flat=True)) == {"queued"}
    assert all(r.next_attempt_at and r.last_error.startswith("SMTP") for r in rows.all())
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 2  # deferred

    # The server hangs: each try gives up after EMAIL_TIMEOUT and is retried again.
    server.set_mode("hang")
    make_due()
    started = time.monotonic()
    run_worker()
    assert time.monotonic() - started < 2 * 1 + 3  # two timeouts of 1 s, not a hang
    assert server.handler.hung == 2 and not server.received
    assert set(rows.values_list("status", flat=True)) == {"queued"}
    assert set(rows.values_list("attempts", flat=True)) == {2}

    # The server is back: the mail arrives, and nothing is left RUNNING.
    server.set_mode("accept")
    make_due()
    run_worker()
    subjects = sorted(message["Subject"] for message in server.received)
    assert len(subjects) == 2 and any(support_request.reference in s for s in subjects)
    to = sorted(message["To"] for message in server.received)
    assert "queue@example.org" in to
    assert set(rows.values_list("status", flat=True)) == {"sent"}
    assert all(r.params == {} for r in rows.all())  # nothing personal stays in the outbox
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).exists()


def test_mail_queue_refuse_hang_accept(client, settings, committed_db):
    with SMTPServer() as server:
        _run(client, settings, server)


@pytest.mark.postgres
def test_mail_queue_refuse_hang_accept_on_postgresql(client, settings, committed_db):
    assert connection.vendor == "postgresql"
    with SMTPServer() as server:
        _run(client, settings, server)


def test_a_stopped_worker_leaves_nothing_running_for_ever(settings, committed_db):
    """A task and an outbox row left RUNNING/SENDING by a killed worker are recovered."""
    settings.TASKS = DB_QUEUE
    request = factories.support_request(email="stale@example.org")
    rows = OutboxMessage.objects.filter(about=f"support.request:{request.pk}")
    long_ago = timezone.now() - timedelta(hours=2)
    rows.update(status=OutboxMessage.Status.SENDING, last_attempt_at=long_ago, attempts=1)
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING, started_at=long_ago)
    recovered, stale, _retried = mail.process_queue()
    assert recovered == 2 and stale >= 2
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).exists()
    assert set(rows.values_list("status", flat=True)) == {"queued"}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run_worker()
    assert set(rows.values_list("status", flat=True)) == {"sent"}


@pytest.mark.django_db  # also makes pytest-django set up the database when this file runs alone
def test_an_empty_queue_needs_nothing():
    assert mail.process_queue() == (0, 0, 0)

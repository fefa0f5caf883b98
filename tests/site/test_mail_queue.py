"""Mail that gets through: the database queue against a real SMTP server that refuses, hangs,
then accepts. Runs on SQLite and (``-m postgres`` run) on PostgreSQL.

The tests commit for real (a worker must see the rows): they are transactional, and the
harness puts the session skeleton back afterwards (``tests/races.py``).
"""

import time
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from kcsite import mail
from kcsite.outbox.models import OutboxMessage
from network.support.models import ServiceKind, SupportRequest
from tests.support import factories

from .smtp_server import SMTPServer


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


COMMITTED = pytest.mark.django_db(transaction=True)


def _run(client, settings, server):
    server.settings(settings, timeout=1)
    settings.MAIL_RETRY_DELAYS = (60, 60, 60, 60)
    page = factories.service_page(ServiceKind.CONSULTATION)  # built by ``app_pages``

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


@COMMITTED
def test_mail_queue_refuse_hang_accept(client, settings, db_task_queue, app_pages):
    with SMTPServer() as server:
        _run(client, settings, server)


@pytest.mark.postgres
@COMMITTED
def test_mail_queue_refuse_hang_accept_on_postgresql(client, settings, db_task_queue, app_pages):
    assert connection.vendor == "postgresql"
    with SMTPServer() as server:
        _run(client, settings, server)


@COMMITTED
def test_a_stopped_worker_leaves_nothing_running_for_ever(settings, db_task_queue, app_pages):
    """A task and an outbox row left RUNNING/SENDING by a killed worker are recovered."""
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


@pytest.mark.django_db
def test_an_empty_queue_needs_nothing():
    assert mail.process_queue() == (0, 0, 0)

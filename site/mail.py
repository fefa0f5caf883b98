"""Every e-mail the site sends goes through this module: one outbox, one queued task.

Sending a message is one line::

    from kcsite.mail import send_mail
    send_mail("events.registration", registration_id=registration.pk, kind="registered")

The keyword arguments are ids and small flags (JSON values), never addresses, names or links.
``send_mail`` records an :class:`~kcsite.outbox.models.OutboxMessage` and queues the task
``deliver`` when the surrounding transaction commits (at once outside one). The task builds the
message *at send time* from those ids, renders it in the recipient's language (Swedish or
English, plain text + HTML) and sends it with ``EMAIL_TIMEOUT``. A failure (server refusing,
hanging past the timeout) is retried with back-off (``MAIL_RETRY_DELAYS``); after the last try
the message is "failed for good" and listed for staff in the admin (*Inställningar → E-post som
inte kom fram*) with buttons to send it again or discard it (``kcsite.outbox.services``).

An app declares its messages in ``<app>/mails.py`` (imported at start-up)::

    from kcsite.mail import Mail, builder

    @builder("events.registration", about=lambda p: f"events.registration:{p['registration_id']}")
    def registration(registration_id, kind):
        registration = Registration.objects.filter(pk=registration_id).first()
        if registration is None:
            return None  # nothing to send any more: the outbox row is dropped
        return Mail("events/mail/registration", {...}, [registration.email], registration.language)

A template ``name`` is made of ``<name>_subject.txt``, ``<name>.txt`` and ``<name>.html`` (which
may extend ``mail/base.html``). ``about`` names whom a message concerns, so that anonymisation
and leaving the network can erase the queue rows about a person (:func:`forget`).

Periodic job: ``manage.py process_mail_queue`` re-queues retries that are due and recovers
messages and tasks left RUNNING by a worker that was stopped.
"""

import hashlib
import logging
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from kcsite.links import absolute_url  # noqa: F401 - builders may take it from here
from kcsite.outbox.models import OutboxMessage

logger = logging.getLogger("kcsite.mail")

DEFAULT_RETRY_DELAYS = (60, 300, 1800, 7200, 21600)  # seconds before try 2, 3, …


@dataclass
class Mail:
    """A message ready to render: template name, context, recipients and language."""

    template: str
    context: dict
    to: list
    language: str = "sv"
    attachments: list = field(default_factory=list)  # (filename, bytes, mimetype)
    headers: dict | None = None
    reply_to: list | None = None
    on_sent: object = None  # called after a successful send (e.g. mark a delivery sent)


@dataclass
class Builder:
    name: str
    function: object
    about: object = None


_builders = {}


def builder(name, *, about=None):
    """Register ``function(**params) -> Mail | None`` as the builder of message ``name``."""

    def register(function):
        _builders[name] = Builder(name, function, about)
        return function

    return register


def email_key(address):
    """An ``about`` key for a person known only by address (no address stored)."""
    digest = hashlib.sha256((address or "").strip().lower().encode()).hexdigest()
    return f"email:{digest[:40]}"


# -- rendering ------------------------------------------------------------------------------
def render_mail(name, context, language):
    """(subject, text, html) of message ``name`` in ``language``."""
    with translation.override(language):
        context = {"language": language, "base_url": settings.WAGTAILADMIN_BASE_URL, **context}
        subject = " ".join(render_to_string(f"{name}_subject.txt", context).split())
        text = render_to_string(f"{name}.txt", context)
        html = render_to_string(f"{name}.html", context)
    return subject, text, html


def build_email(mail, connection=None):
    subject, text, html = render_mail(mail.template, mail.context, mail.language)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(mail.to),
        reply_to=mail.reply_to,
        headers=mail.headers,
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in mail.attachments:
        message.attach(filename, content, mimetype)
    return message


# -- queueing -------------------------------------------------------------------------------
def send_mail(message_name, /, **params):
    """Queue message ``message_name`` built from ``params`` (ids); sent after the transaction
    commits. Returns the outbox row.
    """
    entry = _builders.get(message_name)
    if entry is None:
        raise LookupError(
            f"No mail builder named {message_name!r} (declare it in the app's mails.py)"
        )
    about = entry.about(params) if callable(entry.about) else (entry.about or "")
    row = OutboxMessage.objects.create(name=message_name, params=params, about=about[:100])
    after_commit(lambda: _enqueue(row.pk))
    return row


def after_commit(callback):
    """Run ``callback`` once the current transaction commits (at once outside one)."""
    transaction.on_commit(callback)


def _enqueue(outbox_id, run_after=None):
    task_ = deliver.using(run_after=run_after) if run_after else deliver
    result = task_.enqueue(outbox_id)
    OutboxMessage.objects.filter(pk=outbox_id).update(task_id=str(result.id)[:64])
    return result


def retry_delays():
    return tuple(getattr(settings, "MAIL_RETRY_DELAYS", DEFAULT_RETRY_DELAYS))


def _backend_defers():
    return deliver.get_backend().supports_defer


def _describe(error):
    """The error without the addresses that SMTP errors quote."""
    code = getattr(error, "smtp_code", None)
    name = type(error).__name__
    return f"{name} {code}" if code else name


# -- sending --------------------------------------------------------------------------------
def attempt(outbox_id, now=None):
    """Try to send one outbox message once; returns its status afterwards ("gone" if dropped)."""
    Status = OutboxMessage.Status
    now = now or timezone.now()
    with transaction.atomic():
        row = (
            OutboxMessage.objects.select_for_update()
            .filter(pk=outbox_id, status=Status.QUEUED)
            .first()
        )
        if row is None:
            return "gone"
        row.status = Status.SENDING
        row.attempts += 1
        row.last_attempt_at = now
        row.next_attempt_at = None
        row.save(update_fields=["status", "attempts", "last_attempt_at", "next_attempt_at"])
    entry = _builders.get(row.name)
    try:
        mail = entry.function(**row.params) if entry else None
    except ObjectDoesNotExist:
        mail = None
    except Exception as error:  # noqa: BLE001 - a broken builder is retried, then listed
        logger.exception("Mail %s #%s could not be built", row.name, row.pk)
        return _failed(row, error, now)
    if mail is None or not mail.to:
        row.delete()  # nothing to send any more (the record is gone or anonymised)
        return "gone"
    try:
        connection = get_connection(timeout=getattr(settings, "EMAIL_TIMEOUT", None))
        build_email(mail, connection).send()
    except Exception as error:  # noqa: BLE001 - any failure to send is retried, never lost
        return _failed(row, error, now)
    row.status = Status.SENT
    row.sent_at = timezone.now()
    row.params = {}
    row.last_error = ""
    row.save(update_fields=["status", "sent_at", "params", "last_error"])
    if mail.on_sent:
        mail.on_sent()
    return row.status


def _failed(row, error, now):
    Status = type(row).Status
    delays = retry_delays()
    row.last_error = _describe(error)[:200]
    logger.warning(
        "Mail %s #%s failed (try %s): %s", row.name, row.pk, row.attempts, row.last_error
    )
    if row.attempts > len(delays):
        row.status = Status.FAILED
        row.save(update_fields=["status", "last_error"])
        return row.status
    row.status = Status.QUEUED
    row.next_attempt_at = now + timedelta(seconds=delays[row.attempts - 1])
    row.save(update_fields=["status", "last_error", "next_attempt_at"])
    if _backend_defers():
        after_commit(lambda: _enqueue(row.pk, run_after=row.next_attempt_at))
    return row.status


@task()
def deliver(outbox_id):
    """The only task that sends e-mail: one try of one outbox message."""
    return attempt(outbox_id)


# -- the periodic job, staff and erasure ----------------------------------------------------
def stale_after():
    timeout = getattr(settings, "EMAIL_TIMEOUT", None) or 60
    return timedelta(seconds=max(int(timeout) * 5, 300))


def process_queue(now=None):
    """Recover what a stopped worker left RUNNING and re-queue due retries.

    Returns (recovered messages, stale tasks closed, retries queued).
    """
    Status = OutboxMessage.Status
    now = now or timezone.now()
    cutoff = now - stale_after()
    stuck = OutboxMessage.objects.filter(status=Status.SENDING, last_attempt_at__lt=cutoff)
    recovered = list(stuck.values_list("pk", flat=True))
    OutboxMessage.objects.filter(pk__in=recovered).update(
        status=Status.QUEUED, next_attempt_at=None
    )
    stale_tasks = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    ).update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        exception_class_path="kcsite.mail.StaleTask",
        traceback="The worker stopped while the task was running.",
    )
    # With the database queue a retry already waits as a deferred task; it gets a new one only
    # when that task is overdue (lost). ``attempt`` claims a row once, so a spare task is harmless.
    due_before = now - stale_after() if _backend_defers() else now
    due = list(
        OutboxMessage.objects.filter(status=Status.QUEUED, next_attempt_at__lte=due_before)
        .exclude(pk__in=recovered)
        .values_list("pk", flat=True)
    )
    # A row whose task was never queued (the process stopped between commit and queueing).
    orphans = list(
        OutboxMessage.objects.filter(status=Status.QUEUED, task_id="", created_at__lt=cutoff)
        .exclude(pk__in=recovered + due)
        .values_list("pk", flat=True)
    )
    due += orphans
    for pk in recovered + due:
        OutboxMessage.objects.filter(pk=pk).update(next_attempt_at=None)
        _enqueue(pk)
    return len(recovered), stale_tasks, len(due)


def enqueue_after_commit(outbox_id):
    """Queue the task for an outbox row once the transaction commits (staff's "send again",
    see ``kcsite.outbox.services``)."""
    after_commit(lambda: _enqueue(outbox_id))


def forget(keys):
    """Erase the outbox rows about ``keys`` and the task rows that carried them."""
    rows = OutboxMessage.objects.filter(about__in=list(keys))
    ids = list(rows.values_list("pk", flat=True))
    if not ids:
        return 0
    task_ids = [t for t in rows.values_list("task_id", flat=True) if t]
    tasks = DBTaskResult.objects.filter(task_path=deliver.module_path)
    doomed = [pk for pk, args in tasks.values_list("pk", "args_kwargs") if _first_arg(args) in ids]
    DBTaskResult.objects.filter(pk__in=doomed).delete()
    DBTaskResult.objects.filter(pk__in=[t for t in task_ids if _is_uuid(t)]).delete()
    rows.delete()
    return len(ids)


def _first_arg(args_kwargs):
    try:
        return args_kwargs["args"][0]
    except (KeyError, IndexError, TypeError):
        return None


def _is_uuid(value):
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def prune(now=None):
    """Delete sent messages older than ``MAIL_KEEP_SENT_DAYS`` and failed (or discarded) ones
    older than ``MAIL_KEEP_FAILED_DAYS``; returns the number deleted."""
    now = now or timezone.now()
    sent_days = int(getattr(settings, "MAIL_KEEP_SENT_DAYS", 14))
    failed_days = int(getattr(settings, "MAIL_KEEP_FAILED_DAYS", 30))
    sent, _ = OutboxMessage.objects.filter(
        status=OutboxMessage.Status.SENT, sent_at__lt=now - timedelta(days=sent_days)
    ).delete()
    failed, _ = OutboxMessage.objects.filter(
        status__in=(OutboxMessage.Status.FAILED, OutboxMessage.Status.DISCARDED),
        last_attempt_at__lt=now - timedelta(days=failed_days),
    ).delete()
    return sent + failed

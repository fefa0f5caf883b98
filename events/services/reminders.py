"""Reminders before each occasion: due ones are queued once each, recorded with the mail."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.models import Locale

from kcsite.mail import send_mail

from ..models import EventOccasion, Registration, ReminderSent


def reminder_lead():
    return timedelta(hours=getattr(settings, "EVENTS_REMINDER_HOURS_BEFORE", 24))


def due_reminders(now=None):
    """(registration id, occasion start) of reminders due now and not yet sent."""
    now = now or timezone.now()
    occasions = EventOccasion.objects.filter(
        start__gt=now,
        start__lte=now + reminder_lead(),
        event__live=True,
        event__locale=Locale.get_default(),
    ).values_list("event_id", "start")
    due = []
    for event_id, start in occasions:
        registrations = Registration.objects.filter(
            event_id=event_id, status=Registration.Status.CONFIRMED
        ).exclude(reminders__occasion_start=start)
        due.extend((pk, start) for pk in registrations.values_list("pk", flat=True))
    return due


def send_due_reminders(now=None):
    """Queue each due reminder once: recorded under a row lock with its outbox message.

    The record and the queued message commit together; the mail pipeline retries a failed
    send. Returns the number queued.
    """
    sent = 0
    for registration_id, start in due_reminders(now):
        with transaction.atomic():
            registration = (
                Registration.objects.select_for_update()
                .select_related("event")
                .get(pk=registration_id)
            )
            if registration.status != Registration.Status.CONFIRMED:
                continue
            if ReminderSent.objects.filter(
                registration=registration, occasion_start=start
            ).exists():
                continue
            ReminderSent.objects.create(registration=registration, occasion_start=start)
            send_mail(
                "events.reminder", registration_id=registration.pk, occasion_start=start.isoformat()
            )
            sent += 1
    return sent


@task()
def send_reminders():
    """The hourly run as a background task (``send_event_reminders --queue``)."""
    return send_due_reminders()

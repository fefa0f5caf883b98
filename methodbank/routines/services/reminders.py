"""Review reminders: the creator gets one e-mail :data:`DAYS_BEFORE` days before the review date.

``reminded_for`` holds the review date a reminder went out for, set by a conditional update in
the same transaction as the queued mail: a second run (or two at once) sends nothing twice, and
a new review date gets its own reminder.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from kcsite.mail import send_mail

from ..models import Routine

DAYS_BEFORE = 30


def due(today):
    return (
        Routine.objects.filter(
            anonymised_at__isnull=True,
            review_date__isnull=False,
            review_date__gte=today,
            review_date__lte=today + timedelta(days=DAYS_BEFORE),
        )
        .exclude(creator_email="")
        .filter(Q(reminded_for__isnull=True) | ~Q(reminded_for=F("review_date")))
    )


def send_due(today=None):
    """Queue the reminders that are due; returns how many."""
    today = today or timezone.localdate()
    sent = 0
    for pk in due(today).values_list("pk", flat=True):
        with transaction.atomic():
            claimed = due(today).filter(pk=pk).update(reminded_for=F("review_date"))
            if claimed:
                send_mail("routines.review_reminder", routine_id=pk)
                sent += 1
    return sent

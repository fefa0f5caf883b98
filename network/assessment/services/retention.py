"""Retention of assessments.

* The e-mail address of the person who started an assessment is removed
  ``ASSESSMENT_EMAIL_RETENTION_MONTHS`` after completion (with the queued mail about it). The
  answers stay: they describe a school's work, not a person, and feed Team Domino's aggregate.
  The result page stays reachable through the link the school already has.
* A draft nobody saved for ``ASSESSMENT_DRAFT_RETENTION_DAYS`` is deleted with its answers: an
  unfinished assessment is no result and its starter's address has no use any more.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from kcsite import mail
from kcsite.retention import Summary

from ..choices import State
from ..models import Assessment


def about(assessment_id):
    return f"assessment:{assessment_id}"


def anonymise_expired(now=None):
    now = now or timezone.now()
    months = settings.ASSESSMENT_EMAIL_RETENTION_MONTHS
    completed_before = now - timedelta(days=round(months * 365.25 / 12))
    expired = Assessment.objects.filter(
        state=State.COMPLETED, completed_at__lt=completed_before, email_removed_at__isnull=True
    )
    ids = list(expired.values_list("pk", flat=True))
    mail.forget([about(pk) for pk in ids])
    emails = Assessment.objects.filter(pk__in=ids).update(
        created_by_email="", email_removed_at=now, version=F("version") + 1
    )
    stale_before = now - timedelta(days=settings.ASSESSMENT_DRAFT_RETENTION_DAYS)
    drafts = Assessment.objects.filter(state=State.DRAFT, updated_at__lt=stale_before)
    draft_ids = list(drafts.values_list("pk", flat=True))
    mail.forget([about(pk) for pk in draft_ids])
    deleted = Assessment.objects.filter(pk__in=draft_ids).delete()[1].get(Assessment._meta.label, 0)
    return Summary(
        count=emails + deleted,
        detail=f"{emails} e-postadresser borttagna, {deleted} övergivna utkast raderade",
    )

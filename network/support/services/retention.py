"""Retention: the personal data of finished requests is blanked after the retention time."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from kcsite import mail

from ..choices import FINAL_STATES
from ..models.requests import RequestAddition, SupportRequest

ANONYMISED = "–"


def anonymise_expired(now=None, months=None):
    """Blank free text and contact details of requests final for longer than the retention time.

    Service, school form, school type, role, states and dates stay, so statistics survive.
    Returns the number of requests anonymised.
    """
    now = now or timezone.now()
    months = settings.SUPPORT_RETENTION_MONTHS if months is None else months
    cutoff = now - timedelta(days=round(months * 365.25 / 12))
    expired = SupportRequest.objects.filter(
        state__in=FINAL_STATES, closed_at__lt=cutoff, anonymised_at__isnull=True
    )
    count = 0
    for pk in expired.values_list("pk", flat=True):
        with transaction.atomic():
            mail.forget([f"support.request:{pk}"])
            RequestAddition.objects.filter(request_id=pk).delete()
            count += SupportRequest.objects.filter(pk=pk, anonymised_at__isnull=True).update(
                name=ANONYMISED,
                email="anonymised@invalid",
                phone="",
                organisation=ANONYMISED,
                description=ANONYMISED,
                state_reason="",
                internal_notes="",
                anonymised_at=now,
                version=F("version") + 1,
            )
    return count

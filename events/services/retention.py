"""Retention: personal data leaves registrations a year (``EVENTS_RETENTION_DAYS``) after the
event; what statistics need stays."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry

from kcsite import mail

from ..models import EventPage, Registration, retention_days

ANONYMISED_FIELDS = {
    "name": "",
    "email": "",
    "role": "",
    "school_unit": "",
    "adaptations": [],
    "adaptations_other": "",
}


def anonymise_expired(now=None):
    """The events' part of the retention contract (:mod:`kcsite.retention`).

    Remove personal data from registrations for events that ended longer ago than the
    retention period (``EVENTS_RETENTION_DAYS``, default 365). Status, organisation, language
    and dates stay, so statistics survive. Returns the number anonymised."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=retention_days())
    ended = (
        EventPage.objects.annotate(last_end=Max("occasions__end"))
        .filter(last_end__lt=cutoff)
        .values_list("pk", flat=True)
    )
    expired = Registration.objects.filter(event_id__in=list(ended), anonymised_at__isnull=True)
    ids = list(expired.values_list("pk", flat=True))
    with transaction.atomic():
        count = Registration.objects.filter(pk__in=ids).update(
            anonymised_at=now, **ANONYMISED_FIELDS
        )
        mail.forget([f"events.registration:{pk}" for pk in ids])
        content_type = ContentType.objects.get_for_model(Registration)
        ModelLogEntry.objects.filter(
            content_type=content_type, object_id__in=[str(pk) for pk in ids]
        ).update(label=str(_("Avidentifierad anmälan")), data={})
    return count

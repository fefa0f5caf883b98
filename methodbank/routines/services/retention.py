"""Retention: a routine nobody has saved for :data:`INACTIVE_DAYS` loses its personal data.

The routine itself describes a school, not a person, so it stays (a share link keeps working
and Team Domino keeps what was shared with it). What goes is what names staff: the creator's
e-mail address and the roles' contact details, in the routine and in every version; the
queued e-mails about it are forgotten. A new save after that starts the clock again but the
creator has no address any more: they make a new routine or ask Team Domino.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from kcsite import mail

from ..content import RoutineContent
from ..models import Routine, RoutineVersion

INACTIVE_DAYS = 730


def _without_contacts(data):
    content = RoutineContent.from_json(data)
    for role in content.roles:
        role.contact = ""
    return content.to_json()


def anonymise_expired(now=None):
    """Anonymise routines inactive for longer than the retention time; returns how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=INACTIVE_DAYS)
    count = 0
    expired = Routine.objects.filter(updated_at__lt=cutoff, anonymised_at__isnull=True)
    for routine in expired:
        with transaction.atomic():
            mail.forget([f"routines.routine:{routine.pk}"])
            for version in RoutineVersion.objects.filter(routine=routine):
                version.content = _without_contacts(version.content)
                version.save(update_fields=["content"])
            count += Routine.objects.filter(pk=routine.pk, anonymised_at__isnull=True).update(
                creator_email="", content=_without_contacts(routine.content), anonymised_at=now
            )
    return count

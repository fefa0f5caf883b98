"""A visitor registers, and later reads or changes the registration through its signed link."""

import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kcsite import links

from ..models.registrations import MANAGE_LINK_SALT, Registration
from . import seats
from .errors import STATE_ERRORS, DuplicateRegistration, NotAllowed, StaleLink


@dataclass
class RegistrationDetails:
    name: str
    email: str
    organisation: str
    role: str
    school_unit: str = ""
    adaptations: tuple = ()
    adaptations_other: str = ""


def register(event, details, *, language="sv", now=None):
    """Register ``details`` for the event page ``event`` (in any language: registrations belong
    to the original): confirmed while seats are left, else waitlisted.

    Raises a :class:`RegistrationError` (closed, not yet open, past, duplicate, busy) and then
    changes nothing.
    """
    event = event.original
    email = details.email.strip()
    try:
        with transaction.atomic():
            event = seats.lock_event(event)
            now = now or timezone.now()
            state = event.registration_state(now)
            if state != "open":
                raise STATE_ERRORS[state]()
            if (
                Registration.objects.filter(event_id=event.pk, email__iexact=email)
                .filter(status__in=Registration.ACTIVE_STATES, anonymised_at__isnull=True)
                .exists()
            ):
                raise DuplicateRegistration()
            taken = seats.seats_taken(event.pk)
            if seats.PAUSE_AFTER_COUNT:
                time.sleep(seats.PAUSE_AFTER_COUNT)
            status = (
                Registration.Status.CONFIRMED
                if taken < event.capacity
                else Registration.Status.WAITLISTED
            )
            registration = Registration.objects.create(
                event=event,
                status=status,
                name=details.name.strip(),
                email=email,
                organisation=details.organisation.strip(),
                role=details.role.strip(),
                school_unit=details.school_unit.strip(),
                adaptations=list(details.adaptations),
                adaptations_other=details.adaptations_other.strip(),
                language=language,
                created_at=now,
                queued_at=now,
                status_changed_at=now,
            )
            seats.queue_mail(registration.pk, "registered")
    except IntegrityError as error:  # the partial unique index: a duplicate won a race
        raise DuplicateRegistration() from error
    return registration


def remind_registered(event, email):
    """Someone registered ``email`` again: send its active registration's own link ("you are
    already registered"), so the answer on the site is the same as for a new registration and
    tells nobody whether the address is registered. False when there is none to remind."""
    registration = (
        Registration.objects.filter(event_id=event.original.pk, email__iexact=email.strip())
        .filter(status__in=Registration.ACTIVE_STATES, anonymised_at__isnull=True)
        .first()
    )
    if registration is None:
        return False
    seats.queue_mail(registration.pk, "already")
    return True


def update_details(registration_id, version, details):
    """Change name, organisation, role and answers through the signed link (not the e-mail)."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration_id)
        if registration.version != version:
            raise StaleLink()
        if not registration.is_active or registration.event.is_past:
            raise NotAllowed(_("Anmälan kan inte längre ändras."))
        registration.name = details.name.strip()
        registration.organisation = details.organisation.strip()
        registration.role = details.role.strip()
        registration.school_unit = details.school_unit.strip()
        registration.adaptations = list(details.adaptations)
        registration.adaptations_other = details.adaptations_other.strip()
        registration.version += 1
        registration.save()
        seats.queue_mail(registration.pk, "changed")
    return registration


def link_max_age():
    return timedelta(days=getattr(settings, "EVENTS_LINK_MAX_AGE_DAYS", 400))


def read_token(token):
    """The registration a signed link points at; raises :class:`kcsite.links.LinkError`.

    A link identifies the registration: it always shows the current state. Only actions check
    the version (the one the visitor saw, posted back by the form).
    """
    registrations = Registration.objects.select_related("event")
    registration, _link = links.read_record(
        MANAGE_LINK_SALT, token, registrations, max_age=link_max_age()
    )
    return registration

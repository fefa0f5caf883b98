"""Support requests, their reference numbers and what the requester added later.

A request never holds information that identifies a pupil: it describes the school's need.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kcsite.privacy import validate_no_personal_identity_number
from kcsite.vocabularies import SchoolForm, SchoolType

from ..choices import BOOKABLE_KINDS, HOLDING_STATES, OPEN_STATES, Role, ServiceKind, State
from .availability import AvailableSlot


class ReferenceCounter(models.Model):
    """The last sequence number handed out per year (locked while allocating)."""

    year = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"


class SupportRequest(models.Model):
    reference = models.CharField(_("ärendenummer"), max_length=20, unique=True, editable=False)
    year = models.PositiveIntegerField(editable=False)
    sequence = models.PositiveIntegerField(editable=False)

    service = models.ForeignKey(
        "support.SupportServicePage",
        verbose_name=_("tjänst (sida)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    service_kind = models.CharField(_("tjänst"), max_length=30, choices=ServiceKind.choices)

    name = models.CharField(_("namn"), max_length=200)
    email = models.EmailField(_("e-post i tjänsten"))
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    organisation = models.CharField(_("skola eller enhet"), max_length=200)
    school_form = models.CharField(_("skolform"), max_length=30, choices=SchoolForm.choices)
    school_type = models.CharField(
        _("kommunal eller fristående"), max_length=20, choices=SchoolType.choices
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices)
    noticed = models.BooleanField(_("har uppmärksammat frånvaron"), default=False)
    investigated = models.BooleanField(_("har börjat utreda"), default=False)
    measures_started = models.BooleanField(_("har påbörjat insatser"), default=False)
    description = models.TextField(_("beskrivning av behovet"))
    participants = models.PositiveSmallIntegerField(_("antal deltagare"), null=True, blank=True)
    contact_me = models.BooleanField(_("vill bli kontaktad om tid"), default=False)
    language = models.CharField(_("språk"), max_length=8, default="sv")

    slot = models.ForeignKey(
        AvailableSlot,
        verbose_name=_("bokad tid"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="requests",
    )
    # The booked time, copied from the slot: the PostgreSQL exclusion constraint on
    # (staff member, time range) over holding states works on these columns.
    booked_staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    booked_start = models.DateTimeField(null=True, blank=True, editable=False)
    booked_end = models.DateTimeField(null=True, blank=True, editable=False)
    first_meeting_at = models.DateTimeField(
        _("första möte"),
        null=True,
        blank=True,
        help_text=_("Sätts när en tid bokas; fyll i själv när stödet planeras utan bokad tid."),
    )

    state = models.CharField(
        _("status"), max_length=20, choices=State.choices, default=State.NEW, db_index=True
    )
    state_reason = models.TextField(
        _("motivering"), blank=True, validators=[validate_no_personal_identity_number]
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handläggare"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="support_requests",
    )
    internal_notes = models.TextField(
        _("interna anteckningar"),
        blank=True,
        help_text=_("Visas aldrig för beställaren."),
        validators=[validate_no_personal_identity_number],
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    ics_sequence = models.PositiveIntegerField(default=0, editable=False)

    created_at = models.DateTimeField(_("inkommen"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    closed_at = models.DateTimeField(_("avslutad"), null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("avidentifierad"), null=True, blank=True)

    panels = ["assignee", "first_meeting_at", "internal_notes"]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("förfrågan om stöd")
        verbose_name_plural = _("förfrågningar om stöd")
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="support_reference_seq"),
            # A time is booked once: at most one request holding a slot.
            models.UniqueConstraint(
                fields=["slot"],
                condition=Q(state__in=HOLDING_STATES),
                name="support_slot_booked_once",
            ),
        ]

    def __str__(self):
        return f"{self.reference} · {self.get_service_kind_display()}"

    @property
    def booked_time(self):
        """When the first meeting is: the booked time, else the one Team Domino set."""
        return self.booked_start or self.first_meeting_at

    @property
    def is_open(self):
        return self.state in OPEN_STATES

    @property
    def bookable(self):
        return self.service_kind in BOOKABLE_KINDS

    @property
    def prerequisites_done(self):
        return [
            label
            for flag, label in (
                (self.noticed, _("uppmärksammat frånvaron")),
                (self.investigated, _("börjat utreda")),
                (self.measures_started, _("påbörjat insatser")),
            )
            if flag
        ]


class RequestAddition(models.Model):
    """Information the requester added later from the status page."""

    request = models.ForeignKey(SupportRequest, on_delete=models.CASCADE, related_name="additions")
    text = models.TextField(_("tillägg"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("tillägg från beställaren")
        verbose_name_plural = _("tillägg från beställaren")

    def __str__(self):
        return f"{self.request_id} {self.created_at:%Y-%m-%d}"

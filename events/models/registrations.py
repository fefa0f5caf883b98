"""Registrations: one person's place (or place in the queue) for an event, without an account.

A :class:`Registration` is confirmed while seats are left and waitlisted after that. All state
changes go through :mod:`events.services`, which serialises them with a row lock on the event.
Each registration has a signed link (its manage page) that carries its id and version.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from kcsite import links
from kcsite.privacy import validate_no_personal_identity_number

from .choices import Adaptation

MANAGE_LINK_SALT = "events.registration.manage"


class Registration(models.Model):
    """One person's registration for an event (no account)."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Bekräftad")
        WAITLISTED = "waitlisted", _("Väntelista")
        CANCELLED = "cancelled", _("Avbokad")
        ATTENDED = "attended", _("Deltog")
        NO_SHOW = "no_show", _("Uteblev")

    SEAT_STATES = [Status.CONFIRMED, Status.ATTENDED, Status.NO_SHOW]
    ACTIVE_STATES = [Status.CONFIRMED, Status.WAITLISTED, Status.ATTENDED, Status.NO_SHOW]

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("evenemang"),
        related_name="registrations",
        on_delete=models.PROTECT,
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, db_index=True)
    name = models.CharField(
        _("namn"), max_length=150, validators=[validate_no_personal_identity_number]
    )
    email = models.EmailField(_("e-post"), max_length=254)
    organisation = models.CharField(
        _("organisation/skola"), max_length=200, validators=[validate_no_personal_identity_number]
    )
    role = models.CharField(
        _("roll"), max_length=150, validators=[validate_no_personal_identity_number]
    )
    school_unit = models.CharField(
        _("skolenhet"),
        max_length=200,
        blank=True,
        validators=[validate_no_personal_identity_number],
    )
    adaptations = models.JSONField(_("anpassningar"), default=list, blank=True)
    adaptations_other = models.CharField(
        _("annan anpassning"),
        max_length=300,
        blank=True,
        validators=[validate_no_personal_identity_number],
    )
    language = models.CharField(_("språk"), max_length=8, default="sv")
    created_at = models.DateTimeField(_("anmäld"), default=timezone.now)
    queued_at = models.DateTimeField(
        _("plats i kön sedan"), default=timezone.now, help_text=_("Väntelistans ordning.")
    )
    status_changed_at = models.DateTimeField(_("status ändrad"), default=timezone.now)
    version = models.PositiveIntegerField(_("version"), default=1)
    anonymised_at = models.DateTimeField(_("avidentifierad"), null=True, blank=True)

    class Meta:
        verbose_name = _("anmälan")
        verbose_name_plural = _("anmälningar")
        ordering = ["event", "queued_at", "id"]
        constraints = [
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=models.Q(
                    status__in=["confirmed", "waitlisted", "attended", "no_show"],
                    anonymised_at__isnull=True,
                ),
                name="events_one_active_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "queued_at"])]

    def __str__(self):
        return f"{self.name or _('(avidentifierad)')} – {self.event.title}"

    @property
    def is_active(self):
        return self.status in self.ACTIVE_STATES

    def adaptation_labels(self):
        labels = dict(Adaptation.choices)
        return [str(labels.get(code, code)) for code in self.adaptations or []]

    def waitlist_position(self):
        if self.status != self.Status.WAITLISTED:
            return None
        ahead = Registration.objects.filter(
            event_id=self.event_id, status=self.Status.WAITLISTED
        ).filter(
            models.Q(queued_at__lt=self.queued_at)
            | models.Q(queued_at=self.queued_at, id__lt=self.id)
        )
        return ahead.count() + 1

    @property
    def adaptation_text(self):
        """The adaptations asked for, in words, on one line (admin listing and CSV export)."""
        parts = self.adaptation_labels()
        if self.adaptations_other:
            parts.append(self.adaptations_other)
        return ", ".join(parts)

    def manage_token(self):
        """The signed link's token: it names this registration at its current version."""
        return links.make_token(MANAGE_LINK_SALT, self.pk, self.version)

    def manage_path(self, language=None):
        with translation.override(language or self.language):
            return reverse("events:manage", args=[self.manage_token()])

    def manage_url(self, language=None):
        return links.absolute_url(self.manage_path(language))


class ReminderSent(models.Model):
    """One reminder went out for (registration, occasion): the record that makes it idempotent."""

    registration = models.ForeignKey(
        Registration, related_name="reminders", on_delete=models.CASCADE
    )
    occasion_start = models.DateTimeField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("skickad påminnelse")
        verbose_name_plural = _("skickade påminnelser")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "occasion_start"], name="events_one_reminder_per_occasion"
            )
        ]

    def __str__(self):
        return f"{self.registration_id} @ {self.occasion_start:%Y-%m-%d %H:%M}"


def retention_days():
    return getattr(settings, "EVENTS_RETENTION_DAYS", 365)

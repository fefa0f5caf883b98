"""Messages from Team Domino to every member, and each member's copy."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from kcsite.privacy import validate_no_personal_identity_number

from .members import Member


class NetworkMessage(models.Model):
    """A message to every member (e.g. the network newsletter), sent in batches by tasks."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        SENDING = "sending", _("Skickas")
        SENT = "sent", _("Skickat")

    subject = models.CharField(
        _("ämne"), max_length=200, validators=[validate_no_personal_identity_number]
    )
    body = models.TextField(
        _("meddelande"),
        validators=[validate_no_personal_identity_number],
        help_text=_("Ren text; tomma rader blir nya stycken. Skriv inget om enskilda elever."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    created_at = models.DateTimeField(_("skapat"), default=timezone.now, editable=False)
    queued_at = models.DateTimeField(_("skickat iväg"), null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("färdigskickat"), null=True, blank=True, editable=False)
    recipient_count = models.PositiveIntegerField(_("mottagare"), default=0, editable=False)

    panels = [FieldPanel("subject"), FieldPanel("body")]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("utskick till medlemmarna")
        verbose_name_plural = _("utskick till medlemmarna")

    def __str__(self):
        return self.subject

    @property
    def delivered_count(self):
        return self.deliveries.filter(sent_at__isnull=False).count()


class MessageDelivery(models.Model):
    """One member's copy of a message; ``sent_at`` makes batches safe to run again."""

    message = models.ForeignKey(NetworkMessage, on_delete=models.CASCADE, related_name="deliveries")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="deliveries")
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["message", "member"], name="membership_delivery_once")
        ]

    def __str__(self):
        return f"{self.message} → {self.member}"

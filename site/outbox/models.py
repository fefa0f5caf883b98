"""The outbox: one row per e-mail the site sends (see :mod:`kcsite.mail`).

A row holds the message's name and the ids its content is built from, never the rendered text;
after a successful send only the name, the ``about`` key and the times remain.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("I kö")
        SENDING = "sending", _("Skickas")
        SENT = "sent", _("Skickat")
        FAILED = "failed", _("Kunde inte skickas")
        DISCARDED = "discarded", _("Kasserat")

    name = models.CharField(_("meddelande"), max_length=80)
    params = models.JSONField(_("parametrar"), default=dict, blank=True)
    about = models.CharField(_("gäller"), max_length=100, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("försök"), default=0)
    created_at = models.DateTimeField(_("skapat"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("senaste försök"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("nästa försök"), null=True, blank=True)
    sent_at = models.DateTimeField(_("skickat"), null=True, blank=True)
    last_error = models.CharField(_("senaste fel"), max_length=200, blank=True)
    task_id = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("utgående e-postmeddelande")
        verbose_name_plural = _("utgående e-postmeddelanden")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} #{self.pk}"

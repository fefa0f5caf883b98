"""When Team Domino can meet: weekly patterns and the bookable times they generate."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import HOLDING_STATES, MeetingMode


class WeeklyPattern(models.Model):
    """A repeating weekly time that generates bookable times for the coming weeks."""

    WEEKDAYS = [
        (0, _("måndag")),
        (1, _("tisdag")),
        (2, _("onsdag")),
        (3, _("torsdag")),
        (4, _("fredag")),
    ]
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medarbetare"),
        on_delete=models.CASCADE,
        related_name="support_patterns",
    )
    weekday = models.PositiveSmallIntegerField(_("veckodag"), choices=WEEKDAYS)
    start_time = models.TimeField(_("starttid"))
    duration_minutes = models.PositiveSmallIntegerField(_("längd (minuter)"), default=60)
    mode = models.CharField(_("form"), max_length=10, choices=MeetingMode.choices)
    location = models.CharField(
        _("plats eller länk"),
        max_length=255,
        blank=True,
        help_text=_("T.ex. adress eller 'länk skickas i bekräftelsen'."),
    )
    weeks_ahead = models.PositiveSmallIntegerField(_("antal veckor framåt"), default=4)
    active = models.BooleanField(_("aktivt"), default=True)
    valid_until = models.DateField(_("gäller till och med"), null=True, blank=True)

    panels = [
        "staff",
        "weekday",
        "start_time",
        "duration_minutes",
        "mode",
        "location",
        "weeks_ahead",
        "valid_until",
        "active",
    ]

    class Meta:
        verbose_name = _("veckomönster")
        verbose_name_plural = _("veckomönster")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.start_time:%H:%M} ({self.staff})"


class AvailableSlot(models.Model):
    """A time Team Domino offers for consultation or supervision."""

    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medarbetare"),
        on_delete=models.PROTECT,
        related_name="support_slots",
    )
    start = models.DateTimeField(_("start"))
    duration_minutes = models.PositiveSmallIntegerField(_("längd (minuter)"), default=60)
    mode = models.CharField(_("form"), max_length=10, choices=MeetingMode.choices)
    location = models.CharField(_("plats eller länk"), max_length=255, blank=True)
    withdrawn = models.BooleanField(_("återkallad"), default=False)
    pattern = models.ForeignKey(
        WeeklyPattern,
        verbose_name=_("veckomönster"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="slots",
    )

    panels = ["staff", "start", "duration_minutes", "mode", "location", "withdrawn"]

    class Meta:
        ordering = ["start"]
        verbose_name = _("bokningsbar tid")
        verbose_name_plural = _("bokningsbara tider")
        constraints = [
            models.UniqueConstraint(fields=["staff", "start"], name="support_slot_staff_start"),
        ]

    def __str__(self):
        local = timezone.localtime(self.start)
        return f"{local:%Y-%m-%d %H:%M} · {self.get_mode_display()} · {self.staff_name}"

    @property
    def end(self):
        return self.start + timedelta(minutes=self.duration_minutes)

    @property
    def staff_name(self):
        return self.staff.get_full_name() or self.staff.get_username()

    @property
    def is_booked(self):
        return self.requests.filter(state__in=HOLDING_STATES).exists()

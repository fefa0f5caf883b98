"""The indicator set Team Domino's editors own: areas and, in each, statements on four levels.

One set is active at a time: new assessments use it. An assessment keeps its set (and its
answers the statements' keys), so older assessments still read correctly when a new set is
made active; a set that assessments use cannot be deleted.

All three are translatable with wagtail-localize (``TranslatableMixin``): editors translate a
set, its areas and statements in the admin like the site's pages. An assessment always points
to the original (default-language) set, which holds the structure — keys, order, links; a
translation only gives the words (:func:`..services.indicators.set_data` shows them on the
pages in the visitor's language, and the original's where there is no translation).
"""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from events.models.choices import EventType
from network.support.choices import ServiceKind

from ..choices import AreaKey


class IndicatorSet(TranslatableMixin, models.Model):
    title = models.CharField(_("namn"), max_length=200)
    intro = models.TextField(
        _("inledning"),
        blank=True,
        help_text=_("Visas på startsidan för självskattningen: vad den är och hur den görs."),
    )
    is_active = models.BooleanField(
        _("aktiv"),
        default=False,
        help_text=_(
            "Nya självskattningar använder den aktiva uppsättningen. Markerar du den här "
            "blir den tidigare aktiva inaktiv; gjorda självskattningar behåller sin."
        ),
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    panels = [FieldPanel("title"), FieldPanel("intro"), FieldPanel("is_active")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("intro"),
        SynchronizedField("is_active"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-is_active", "-created_at"]
        verbose_name = _("indikatoruppsättning")
        verbose_name_plural = _("indikatoruppsättningar")
        constraints = [
            # One active set per language: a translation follows its original.
            models.UniqueConstraint(
                fields=["locale"], condition=Q(is_active=True), name="assessment_one_active_set"
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.locale_id is None:
            self.locale = self.get_default_locale()
        with transaction.atomic():
            if self.is_active:
                IndicatorSet.objects.filter(is_active=True, locale_id=self.locale_id).exclude(
                    pk=self.pk
                ).update(is_active=False)
            super().save(*args, **kwargs)

    def get_constraints(self):
        """Model validation (the admin's form, wagtail-localize's translations) leaves out the
        one-active-set rule: saving an active set makes the other one inactive (:meth:`save`),
        so ticking "aktiv" is never an error. The database still holds the rule."""
        return [
            (model, [c for c in constraints if c.name != "assessment_one_active_set"])
            for model, constraints in super().get_constraints()
        ]

    @classmethod
    def active(cls):
        """The active original set (new assessments use it; its translations give the words)."""
        return cls.objects.filter(is_active=True, locale=Locale.get_default()).first()


class Area(TranslatableMixin, models.Model):
    indicator_set = models.ForeignKey(
        IndicatorSet,
        verbose_name=_("indikatoruppsättning"),
        on_delete=models.CASCADE,
        related_name="areas",
    )
    key = models.CharField(_("område"), max_length=20, choices=AreaKey.choices)
    title = models.CharField(_("rubrik"), max_length=200)
    intro = models.TextField(_("inledning"), blank=True)
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    panels = [
        FieldRowPanel([FieldPanel("indicator_set"), FieldPanel("key")]),
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("order"),
    ]
    translatable_fields = [
        TranslatableField("indicator_set"),
        SynchronizedField("key"),
        TranslatableField("title"),
        TranslatableField("intro"),
        SynchronizedField("order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["indicator_set", "order", "pk"]
        verbose_name = _("område")
        verbose_name_plural = _("områden")
        constraints = [
            models.UniqueConstraint(fields=["indicator_set", "key"], name="assessment_area_key")
        ]

    def __str__(self):
        return f"{self.title} ({self.indicator_set})"


class Statement(TranslatableMixin, models.Model):
    """One statement a school team places itself against, on four levels in words."""

    area = models.ForeignKey(
        Area, verbose_name=_("område"), on_delete=models.CASCADE, related_name="statements"
    )
    key = models.SlugField(
        _("nyckel"),
        max_length=60,
        help_text=_(
            "Kort och beständig, t.ex. ”samma-dag-kontakt”. Svaren sparas under nyckeln: "
            "ändra den inte när självskattningar har gjorts."
        ),
    )
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    text = models.TextField(_("påstående"))
    level_1 = models.TextField(_("nivå 1: inte påbörjat"))
    level_2 = models.TextField(_("nivå 2: påbörjat"))
    level_3 = models.TextField(_("nivå 3: till stor del på plats"))
    level_4 = models.TextField(_("nivå 4: etablerat och uppföljt"))
    methods = models.ManyToManyField(
        "methodbank.MethodPage",
        blank=True,
        related_name="+",
        verbose_name=_("metoder att börja med"),
    )
    event_types = models.JSONField(
        _("utbildningar av typen"),
        default=list,
        blank=True,
        help_text=_("Kommande evenemang av de här typerna föreslås när påståendet är svagt."),
    )
    service_kind = models.CharField(
        _("stöd från Team Domino"), max_length=30, choices=ServiceKind.choices, blank=True
    )

    panels = [
        FieldRowPanel([FieldPanel("area"), FieldPanel("key"), FieldPanel("order")]),
        FieldPanel("text"),
        MultiFieldPanel(
            [
                FieldPanel("level_1"),
                FieldPanel("level_2"),
                FieldPanel("level_3"),
                FieldPanel("level_4"),
            ],
            heading=_("De fyra nivåerna i ord"),
        ),
        MultiFieldPanel(
            [FieldPanel("methods"), FieldPanel("event_types"), FieldPanel("service_kind")],
            heading=_("Det här rekommenderas när påståendet är svagt"),
        ),
    ]
    # The methods are the original's (a translation's result page shows their translations).
    translatable_fields = [
        TranslatableField("area"),
        SynchronizedField("key"),
        SynchronizedField("order"),
        TranslatableField("text"),
        TranslatableField("level_1"),
        TranslatableField("level_2"),
        TranslatableField("level_3"),
        TranslatableField("level_4"),
        SynchronizedField("event_types"),
        SynchronizedField("service_kind"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["area__order", "area", "order", "pk"]
        verbose_name = _("påstående")
        verbose_name_plural = _("påståenden")
        constraints = [
            models.UniqueConstraint(fields=["area", "key"], name="assessment_statement_key")
        ]

    def __str__(self):
        return self.text[:80]

    def clean(self):
        super().clean()
        errors = {}
        codes = set(EventType.values)
        if not isinstance(self.event_types, list) or not set(self.event_types) <= codes:
            errors["event_types"] = _("Okänt värde.")
        if self.area_id and self.key:
            taken = Statement.objects.filter(
                area__indicator_set_id=self.area.indicator_set_id, key=self.key
            ).exclude(pk=self.pk)
            if taken.exists():
                errors["key"] = _("Nyckeln används redan av ett annat påstående i uppsättningen.")
        if errors:
            raise ValidationError(errors)

    def level_descriptions(self):
        """``[(level number, description)]`` for levels 1–4."""
        return [(n, getattr(self, f"level_{n}")) for n in (1, 2, 3, 4)]

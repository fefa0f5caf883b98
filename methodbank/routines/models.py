"""Routine templates (Team Domino's, a snippet) and schools' routines with their versions.

A template has one StreamField of steps per tier: the editor sees the three tiers as three
sections, orders steps by dragging, and each step is one form with its thresholds and duty.
A school's routine keeps its content as JSON (:mod:`.content`): the current content on
:class:`Routine` and every save as a :class:`RoutineVersion`. ``Routine.version`` is the number
of the newest version; a save names the version it was based on and updates the row only when
that is still the newest (``services.editing``), so two saves of one version never both win.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from kcsite.vocabularies import SchoolForm

from .blocks import TemplateStepBlock
from .content import TIER_ORDER, RoutineContent


class RoutineTemplate(index.Indexed, models.Model):
    """A routine template that schools start from; only published ones are offered."""

    name = models.CharField(_("namn"), max_length=120)
    description = models.TextField(_("beskrivning"), blank=True)
    published = models.BooleanField(
        _("publicerad"), default=False, help_text=_("Bara publicerade mallar kan väljas.")
    )
    promote_intro = models.TextField(_("inledning, främjande"), blank=True)
    promote_steps = StreamField(
        [("step", TemplateStepBlock())], blank=True, verbose_name=_("steg, främjande")
    )
    prevent_intro = models.TextField(_("inledning, förebyggande"), blank=True)
    prevent_steps = StreamField(
        [("step", TemplateStepBlock())], blank=True, verbose_name=_("steg, förebyggande")
    )
    act_intro = models.TextField(_("inledning, åtgärdande"), blank=True)
    act_steps = StreamField(
        [("step", TemplateStepBlock())], blank=True, verbose_name=_("steg, åtgärdande")
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("published"),
        MultiFieldPanel(
            [FieldPanel("promote_intro"), FieldPanel("promote_steps")], heading=_("Främjande")
        ),
        MultiFieldPanel(
            [FieldPanel("prevent_intro"), FieldPanel("prevent_steps")], heading=_("Förebyggande")
        ),
        MultiFieldPanel(
            [FieldPanel("act_intro"), FieldPanel("act_steps")], heading=_("Åtgärdande")
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("rutinmall")
        verbose_name_plural = _("rutinmallar")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def tier_blocks(self):
        """``[(tier_code, intro, stream)]`` in the order promote, prevent, act."""
        return [
            (code, getattr(self, f"{code}_intro"), getattr(self, f"{code}_steps"))
            for code in TIER_ORDER
        ]


class Routine(models.Model):
    """A school unit's routine. No pupil data: the school, its roles, its steps."""

    template = models.ForeignKey(
        RoutineTemplate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="routines",
        verbose_name=_("mall"),
    )
    school_unit = models.CharField(_("skolenhet"), max_length=160)
    school_form = models.CharField(
        _("skolform"), max_length=30, choices=SchoolForm.choices, blank=True
    )
    creator_email = models.EmailField(_("skapad av (e-post)"), blank=True)
    language = models.CharField(max_length=8, default="sv")
    content = models.JSONField(_("innehåll"), default=dict)
    version = models.PositiveIntegerField(_("version"), default=1)
    review_date = models.DateField(_("revideras senast"), null=True, blank=True)
    shared_with_team = models.BooleanField(_("delad med Team Domino"), default=False)
    share_generation = models.PositiveIntegerField(default=1)
    reminded_for = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("senast sparad"), auto_now_add=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("skolans rutin")
        verbose_name_plural = _("skolornas rutiner")
        ordering = ["-updated_at"]

    def __str__(self):
        return self.school_unit

    def routine_content(self):
        return RoutineContent.from_json(self.content)


class RoutineVersion(models.Model):
    routine = models.ForeignKey(Routine, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField(default=dict)
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["routine", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["routine", "number"], name="routines_one_version_number"
            )
        ]

    def __str__(self):
        return f"{self.routine} v{self.number}"

    def routine_content(self):
        return RoutineContent.from_json(self.content)

"""A school's self-assessment: who started it (an e-mail address, removed after the retention
time), its answers per statement key and an optional comment per area.

Nothing here identifies a pupil: the assessment describes the school's work, and the comments
pass the site's personal-number check.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kcsite.privacy import validate_no_personal_identity_number
from kcsite.vocabularies import SchoolForm

from ..choices import AreaKey, Level, State
from .indicators import IndicatorSet


class Assessment(models.Model):
    school_unit = models.CharField(_("skolenhet"), max_length=200)
    school_form = models.CharField(_("skolform"), max_length=30, choices=SchoolForm.choices)
    created_by_email = models.EmailField(_("e-post till den som startade"), blank=True)
    language = models.CharField(_("språk"), max_length=8, default="sv")
    indicator_set = models.ForeignKey(
        IndicatorSet,
        verbose_name=_("indikatoruppsättning"),
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    state = models.CharField(
        _("status"), max_length=12, choices=State.choices, default=State.DRAFT, db_index=True
    )
    # Grows with every save; a form posts the version it showed (concurrent saves never
    # overwrite each other silently).
    version = models.PositiveIntegerField(default=1, editable=False)
    share_with_team_domino = models.BooleanField(
        _("delas med Team Domino"),
        default=False,
        help_text=_("Skolan har valt att Team Domino får se resultatet med skolans namn."),
    )
    previous = models.ForeignKey(
        "self",
        verbose_name=_("föregående självskattning"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="repeats",
    )
    created_at = models.DateTimeField(_("påbörjad"), default=timezone.now)
    updated_at = models.DateTimeField(_("senast sparad"), auto_now=True)
    completed_at = models.DateTimeField(_("klar"), null=True, blank=True, db_index=True)
    email_removed_at = models.DateTimeField(_("e-post borttagen"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("självskattning")
        verbose_name_plural = _("självskattningar")

    def __str__(self):
        return f"{self.school_unit} · {self.created_at:%Y-%m-%d}"

    @property
    def is_completed(self):
        return self.state == State.COMPLETED


class Answer(models.Model):
    """The team's level for one statement (by its key in the assessment's set)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    statement_key = models.CharField(max_length=60)
    level = models.CharField(_("nivå"), max_length=10, choices=Level.choices)

    class Meta:
        verbose_name = _("svar")
        verbose_name_plural = _("svar")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "statement_key"], name="assessment_answer_once"
            )
        ]

    def __str__(self):
        return f"{self.statement_key}: {self.level}"


class AreaComment(models.Model):
    """The team's optional comment on one area (no pupil data)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="comments")
    area_key = models.CharField(max_length=20, choices=AreaKey.choices)
    text = models.TextField(
        _("kommentar"), blank=True, validators=[validate_no_personal_identity_number]
    )

    class Meta:
        verbose_name = _("kommentar")
        verbose_name_plural = _("kommentarer")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "area_key"], name="assessment_comment_once"
            )
        ]

    def __str__(self):
        return f"{self.area_key}: {self.text[:40]}"

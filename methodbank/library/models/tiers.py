"""The three tiers (:data:`kcsite.vocabularies.TIERS`) as flags on films and references."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from kcsite.vocabularies import TIERS, Tier


class TierFields(models.Model):
    """The three tiers as three flags (an item can serve more than one tier)."""

    tier_promote = models.BooleanField(_("främjande"), default=False)
    tier_prevent = models.BooleanField(_("förebyggande"), default=False)
    tier_act = models.BooleanField(_("åtgärdande"), default=False)

    tier_panel = MultiFieldPanel(
        [
            FieldRowPanel(
                [FieldPanel("tier_promote"), FieldPanel("tier_prevent"), FieldPanel("tier_act")]
            )
        ],
        heading=_("Nivåer"),
    )

    class Meta:
        abstract = True

    @property
    def tiers(self):
        """``[(key, label)]`` of the tiers this item serves, in tier order."""
        return [(key, label) for key, label in TIERS if getattr(self, f"tier_{key}")]

    @staticmethod
    def tier_filter(key):
        return Q(**{f"tier_{key}": True}) if key in Tier.values else Q()

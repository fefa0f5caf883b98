"""The vocabularies of the self-assessment: area keys, answer levels and assessment states.

Area keys for the three tiers are the shared tier codes (:class:`kcsite.vocabularies.Tier`),
so an area and the methods of its tier speak the same language.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kcsite.vocabularies import Tier

DONT_KNOW = "dont_know"
LEVEL_NUMBERS = (1, 2, 3, 4)


class AreaKey(models.TextChoices):
    PROMOTE = Tier.PROMOTE.value, _("Främjande arbete")
    PREVENT = Tier.PREVENT.value, _("Förebyggande arbete")
    ACT = Tier.ACT.value, _("Åtgärdande arbete")
    ROUTINES = "routines", _("Organisation och rutiner")
    COLLABORATION = "collaboration", _("Samverkan")
    MAPPING = "mapping", _("Kartläggning")


class Level(models.TextChoices):
    """A statement's answer: one of four levels described in words, or "vet inte"."""

    NOT_STARTED = "1", _("Nivå 1")
    STARTED = "2", _("Nivå 2")
    MOSTLY = "3", _("Nivå 3")
    ESTABLISHED = "4", _("Nivå 4")
    DONT_KNOW = DONT_KNOW, _("Vet inte")


class State(models.TextChoices):
    DRAFT = "draft", _("Påbörjad")
    COMPLETED = "completed", _("Klar")

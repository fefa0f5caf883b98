"""The vocabularies of events alone: types, formats and practical adaptations (audiences are
shared: :mod:`kcsite.vocabularies`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    TRAINING = "training", _("Utbildning")
    KNOWLEDGE_EXCHANGE = "knowledge_exchange", _("Kunskapsutbyte")
    NETWORK_MEETING = "network_meeting", _("Nätverksträff")
    GROUP_DEVELOPMENT = "group_development", _("Grupputveckling (GDQ)")


class EventFormat(models.TextChoices):
    ON_SITE = "on_site", _("På plats")
    DIGITAL = "digital", _("Digitalt")


class Adaptation(models.TextChoices):
    """Practical adaptations people can ask for, so nobody needs to describe their health."""

    HEARING_LOOP = "hearing_loop", _("Hörslinga")
    INTERPRETER = "interpreter", _("Teckenspråks- eller skrivtolk")
    STEP_FREE = "step_free", _("Lokal utan trappsteg")
    MATERIAL_IN_ADVANCE = "material_in_advance", _("Material i förväg")
    LARGE_PRINT = "large_print", _("Material i större stil")
    BREAKS = "breaks", _("Möjlighet till extra pauser")

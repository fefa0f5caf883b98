"""Vocabularies that several apps share, defined once: tiers, staff audiences, school forms.

Each is a ``TextChoices``: the stored value is a stable code (never change one: rows, URLs
and search indexes hold it), the label is Swedish and translatable. An app takes the whole
list (``Tier.choices``) or the members it offers (:func:`choices`), in this order.

How an app adopts them
    * Events: ``events.models.Audience`` → ``EVENT_AUDIENCES`` (``choices=EVENT_AUDIENCES``
      on ``EventPage.audience``; ``Audience.ALL_STAFF`` etc. from here). Stored values stay.
    * Method bank / library: ``TIERS`` (``Tier.choices``) replaces ``methodbank.taxonomy.TIERS``
      (which now re-exports it) and ``methodbank.library.models.TIERS``; the library's
      ``Audience.Key`` → ``Audience`` with ``FILM_AUDIENCES`` as the field's choices.
    * Support: ``SchoolForm`` and ``SchoolType`` move here from ``network.support.models``
      (import them from here; the model keeps ``choices=SchoolForm.choices``).
    * A change of ``choices`` on a model field needs a migration that only alters the field
      (``makemigrations <app>``): no data changes.

The method bank's own facets (who a method works with, grade bands, evidence …) are not shared
and stay in ``methodbank.taxonomy``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Tier(models.TextChoices):
    """The three tiers of work with school attendance (promote, prevent, act)."""

    PROMOTE = "promote", _("Främjande")
    PREVENT = "prevent", _("Förebyggande")
    ACT = "act", _("Åtgärdande")


TIERS = Tier.choices


class Audience(models.TextChoices):
    """Whom Team Domino's material and meetings are for: groups of professionals (and
    guardians). Each app offers the members that make sense for it (:data:`EVENT_AUDIENCES`,
    :data:`FILM_AUDIENCES`)."""

    ALL_STAFF = "all_staff", _("All skolpersonal")
    TEACHERS = "teachers", _("Lärare och mentorer")
    SCHOOL_STAFF = "school_staff", _("Övrig skolpersonal")
    PRINCIPALS = "principals", _("Rektorer och skolledning")
    PUPIL_HEALTH = "pupil_health", _("Elevhälsan")
    SOCIAL_SERVICES = "social_services", _("Socialtjänsten (IFO)")
    IFO_BUP = "ifo_bup", _("Socialtjänst (IFO) och BUP")
    GUARDIANS = "guardians", _("Vårdnadshavare")
    NETWORK = "network", _("Närvaronätverkets medlemmar")


class SchoolForm(models.TextChoices):
    """School forms as the Education Act names them (plus "other")."""

    PRESCHOOL_CLASS = "preschool_class", _("Förskoleklass")
    COMPULSORY = "compulsory", _("Grundskola")
    ADAPTED_COMPULSORY = "adapted_compulsory", _("Anpassad grundskola")
    UPPER_SECONDARY = "upper_secondary", _("Gymnasieskola")
    ADAPTED_UPPER_SECONDARY = "adapted_upper_secondary", _("Anpassad gymnasieskola")
    OTHER = "other", _("Annan verksamhet")


class SchoolType(models.TextChoices):
    """Who runs the school."""

    MUNICIPAL = "municipal", _("Kommunal")
    INDEPENDENT = "independent", _("Fristående")


def choices(vocabulary, codes):
    """``[(code, label)]`` of the space-separated ``codes`` of ``vocabulary``, in that order:
    the members one app offers."""
    return [(code, vocabulary(code).label) for code in codes.split()]


EVENT_AUDIENCES = choices(Audience, "all_staff teachers pupil_health principals ifo_bup network")
FILM_AUDIENCES = choices(
    Audience, "teachers school_staff principals pupil_health social_services guardians"
)

"""The method bank's facets: stable codes (taxonomy.md) with translatable Swedish labels.

The tiers are shared with the rest of the site and defined in :mod:`kcsite.vocabularies`
(``TIERS`` is re-exported here); every other list is the method bank's own. ``AUDIENCES`` is
whom a method works with (a pupil, a class, the whole school …), not the professional groups
that the site's material is for (``kcsite.vocabularies.Audience``); ``SCHOOL_FORMS`` are
grade bands, finer than the school forms of the Education Act
(``kcsite.vocabularies.SchoolForm``).
"""

from django.utils.translation import gettext_lazy as _

from kcsite.vocabularies import TIERS

__all__ = ["FACETS", "FACETS_BY_PARAM", "TIERS", "Facet"]
KINDS = [
    ("method", _("Metod/insats")),
    ("mapping", _("Kartläggning och utredning")),
    ("tool", _("Verktyg och mallar")),
]
AUDIENCES = [
    ("pupil", _("Elev")),
    ("guardian", _("Vårdnadshavare")),
    ("class", _("Klass/grupp")),
    ("staff", _("Personal")),
    ("whole_school", _("Hela skolan")),
    ("pupil_health_team", _("Elevhälsoteam")),
]
PERFORMERS = [
    ("teacher", _("Lärare")),
    ("mentor", _("Mentor")),
    ("principal", _("Rektor")),
    ("pupil_health", _("Elevhälsa")),
    ("social_pedagogue", _("Socialpedagog")),
    ("social_services", _("Socialtjänst (IFO)")),
    ("team_domino", _("Team Domino")),
]
SCHOOL_FORMS = [
    ("years_f_3", _("Förskoleklass–åk 3")),
    ("years_4_6", _("Åk 4–6")),
    ("years_7_9", _("Åk 7–9")),
    ("upper_secondary", _("Gymnasieskola")),
    ("adapted", _("Anpassad skola")),
]
EVIDENCE = [
    ("research", _("Stöd i forskning")),
    ("proven_experience", _("Beprövad erfarenhet")),
    ("promising", _("Lovande")),
    ("unevaluated", _("Ej utvärderad")),
]
EVIDENCE_EXPLANATIONS = {
    "research": _(
        "Det finns vetenskapliga studier som visar att arbetssättet ger effekt för närvaron."
    ),
    "proven_experience": _(
        "Arbetssättet har prövats och dokumenterats i skolor under längre tid och gett "
        "goda resultat, men är inte utvärderat i forskningsstudier."
    ),
    "promising": _(
        "Tidiga erfarenheter eller mindre studier tyder på effekt, men underlaget är ännu litet."
    ),
    "unevaluated": _("Arbetssättet har inte utvärderats. Följ upp hur det fungerar hos er."),
}
EFFORTS = [
    ("low", _("Liten insats")),
    ("medium", _("Medelstor insats")),
    ("high", _("Stor insats")),
]


class Facet:
    """One facet of the finder: URL parameter, the model field and whether it holds a list."""

    def __init__(self, param, field, label, choices, multiple):
        self.param = param
        self.field = field
        self.label = label
        self.choices = choices
        self.multiple = multiple
        self.codes = [code for code, _label in choices]
        self.labels = dict(choices)

    def values_of(self, row):
        value = row[self.field]
        if self.multiple:
            return value or []
        return [value] if value else []


FACETS = [
    Facet("tier", "tiers", _("Nivå"), TIERS, True),
    Facet("kind", "kind", _("Typ"), KINDS, False),
    Facet("audience", "audiences", _("Målgrupp"), AUDIENCES, True),
    Facet("performer", "performers", _("Vem gör det"), PERFORMERS, True),
    Facet("school_form", "school_forms", _("Skolform"), SCHOOL_FORMS, True),
    Facet("evidence", "evidence", _("Evidensnivå"), EVIDENCE, False),
    Facet("effort", "effort", _("Insatsens storlek"), EFFORTS, False),
]
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}

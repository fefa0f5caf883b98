"""The plain-language summary for guardians: "Så gör skolan när ditt barn är frånvarande".

Generated from the routine's structure (the triggers of its steps, their roles, the roles'
contacts and the review date), never from the school's free text, so every sentence is a
translatable string and the summary exists in every language the site ships (Swedish and
English). Short sentences, one thing each; a role is named by the method bank's word for it
(a school's own role keeps the school's label). Call :func:`guardian_summary` inside
``translation.override(language)``.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# The triggers the law and the sources speak of; a school's own triggers are its own words and
# are not retold to guardians.
_KINDS = ("first_unexcused", "percent_over_weeks", "repeated_or_long")


@dataclass
class Section:
    heading: str
    sentences: list
    roles: list = field(default_factory=list)  # DocRoles responsible for what is said


@dataclass
class GuardianSummary:
    school_unit: str
    sections: list
    contacts: list  # DocRoles with a contact
    review_date: object


def _roles(steps):
    roles = []
    for step in steps:
        for role in step.who:
            if role not in roles:
                roles.append(role)
    return roles


def _threshold_sentence(step):
    percent, weeks = step.percent, step.weeks
    if percent and weeks:
        return _(
            "Om ditt barn har varit borta %(percent)s procent av tiden eller mer under "
            "%(weeks)s veckor, hör skolan av sig till dig."
        ) % {"percent": percent, "weeks": weeks}
    return _("Om ditt barn har varit borta mycket under en period, hör skolan av sig till dig.")


def guardian_summary(document):
    """The summary of ``document`` (a RoutineDocument) in the active language."""
    steps = document.steps
    of_kind = {kind: [s for s in steps if s.trigger_kind == kind] for kind in _KINDS}
    sections = []
    if any(tier.code == "promote" and tier.steps for tier in document.tiers):
        sections.append(
            Section(
                _("Skolan arbetar för närvaro varje dag"),
                [
                    _("Skolan vill att alla elever ska vilja och kunna vara i skolan."),
                    _("Det arbetet gäller alla elever, inte bara den som är borta."),
                ],
            )
        )
    if of_kind["first_unexcused"]:
        sections.append(
            Section(
                _("Om ditt barn är borta utan att ni har anmält det"),
                [
                    _("Skolan kontaktar dig samma dag."),
                    _("Anmäl därför alltid frånvaro, till exempel när ditt barn är sjukt."),
                ],
                _roles(of_kind["first_unexcused"]),
            )
        )
    if of_kind["percent_over_weeks"]:
        sentences = []
        for step in of_kind["percent_over_weeks"]:
            sentence = _threshold_sentence(step)
            if sentence not in sentences:
                sentences.append(sentence)
        sentences.append(_("Ni pratar om hur ditt barn kan få hjälp att komma tillbaka."))
        sections.append(
            Section(
                _("Om ditt barn är borta ofta"),
                sentences,
                _roles(of_kind["percent_over_weeks"]),
            )
        )
    if of_kind["repeated_or_long"]:
        sections.append(
            Section(
                _("Om frånvaron fortsätter eller är lång"),
                [
                    _("Skolan tar snabbt reda på varför ditt barn är borta."),
                    _("Det gör skolan tillsammans med ditt barn, med dig och med elevhälsan."),
                    _("Skolan berättar för huvudmannen att frånvaron utreds."),
                    _("Sedan gör skolan en plan för hur ditt barn ska få stöd."),
                ],
                _roles(of_kind["repeated_or_long"]),
            )
        )
    contacts = [role for role in document.roles if role.contact]
    return GuardianSummary(document.school_unit, sections, contacts, document.review_date)

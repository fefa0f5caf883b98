"""What changed between two versions of a routine, step by step (matched by step key)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..taxonomy import PERFORMERS

STEP_FIELDS = [
    ("tier", gettext_lazy("Nivå")),
    ("position", gettext_lazy("Plats i nivån")),
    ("trigger", gettext_lazy("Utlösare")),
    ("who", gettext_lazy("Vem")),
    ("what", gettext_lazy("Vad")),
    ("when", gettext_lazy("När")),
    ("methods", gettext_lazy("Metoder")),
    ("materials", gettext_lazy("Material")),
    ("documented", gettext_lazy("Dokumenteras")),
    ("follow_up", gettext_lazy("Uppföljning")),
    ("duty", gettext_lazy("Skyldighet")),
    ("proposed", gettext_lazy("Förslag")),
]
GENERAL_FIELDS = [
    ("school_unit", gettext_lazy("Skolenhet")),
    ("school_form", gettext_lazy("Skolform")),
    ("review_date", gettext_lazy("Revideras senast")),
]


@dataclass
class Change:
    kind: str  # added, removed, changed
    label: str
    key: str = ""
    fields: list = field(default_factory=list)  # [(label, old, new)]


@dataclass
class RoutineDiff:
    general: list = field(default_factory=list)  # [(label, old, new)]
    roles: list = field(default_factory=list)  # [Change]
    steps: list = field(default_factory=list)  # [Change]

    def __bool__(self):
        return bool(self.general or self.roles or self.steps)


def _step_values(content, tier, index, step):
    labels = dict(PERFORMERS)
    return {
        "tier": str(tier.label),
        "position": str(index + 1),
        "trigger": step.trigger.describe(),
        "who": ", ".join(
            (content.role(code).label if content.role(code) else str(labels.get(code, code)))
            for code in step.who
        ),
        "what": step.what,
        "when": step.when,
        "methods": ", ".join(str(pk) for pk in step.methods),
        "materials": step.materials,
        "documented": step.documented,
        "follow_up": step.follow_up,
        "duty": step.duty,
        "proposed": _("ja") if step.proposed else _("nej"),
    }


def _steps(content):
    return {
        step.key: (step, _step_values(content, tier, index, step))
        for tier in content.tiers
        for index, step in enumerate(tier.steps)
    }


def diff(old, new):
    """A :class:`RoutineDiff` from content ``old`` to content ``new``."""
    result = RoutineDiff()
    for name, label in GENERAL_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            result.general.append((str(label), _text(before), _text(after)))
    old_roles = {role.code: role for role in old.roles}
    new_roles = {role.code: role for role in new.roles}
    for code, role in new_roles.items():
        if code not in old_roles:
            result.roles.append(Change("added", role.label or code, code))
        elif old_roles[code] != role:
            before = old_roles[code]
            fields = [
                (str(label), getattr(before, name), getattr(role, name))
                for name, label in (("label", _("Namn")), ("contact", _("Kontakt")))
                if getattr(before, name) != getattr(role, name)
            ]
            result.roles.append(Change("changed", role.label or code, code, fields))
    for code, role in old_roles.items():
        if code not in new_roles:
            result.roles.append(Change("removed", role.label or code, code))
    old_steps, new_steps = _steps(old), _steps(new)
    for key, (step, values) in new_steps.items():
        if key not in old_steps:
            result.steps.append(Change("added", step.what, key))
            continue
        old_step, before = old_steps[key]
        fields = [
            (str(label), before[name], values[name])
            for name, label in STEP_FIELDS
            if before[name] != values[name]
            # a renamed role is a change of the role, not of its steps
            and not (name == "who" and old_step.who == step.who)
        ]
        if fields:
            result.steps.append(Change("changed", step.what, key, fields))
    for key, (step, _values) in old_steps.items():
        if key not in new_steps:
            result.steps.append(Change("removed", step.what, key))
    return result


def _text(value):
    return "" if value is None else str(value)

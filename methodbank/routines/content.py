"""The content of a school's routine: the shared schema (stored as JSON on every version).

A routine is the school's own answer to "who does what, when and how" on the three tiers.
:class:`RoutineContent` is what a version stores (``to_json()``/``from_json()``); the edit
forms, the gap panel, the diff and the exports all read these dataclasses, never raw JSON.

    RoutineContent: school_unit, school_form, review_date, roles, tiers (always promote,
                    prevent, act in that order)
    Role:    code (a performer code of ``methodbank.taxonomy.PERFORMERS`` or "custom-<slug>"),
             label (the school's words), contact (a function or staff title — never a pupil)
    Tier:    tier (``kcsite.vocabularies.Tier`` code), intro, steps
    Step:    key (uuid4 hex, stable: diff and conflicts use it), trigger, who (role codes),
             what, when, methods (MethodPage ids), materials, documented, follow_up, duty
             (legal reference as the sources state it, "" when none), from_template,
             from_method (MethodPage id when the step was proposed from a method), proposed
    Trigger: kind (first_unexcused | percent_over_weeks | repeated_or_long | custom),
             percent, weeks, text; ``describe()`` gives the Swedish sentence.

``proposed`` (default False) marks a step added from a method page that the school has not yet
accepted. :func:`validate` returns a list of translated problems (empty when the content is
sound); ``from_json`` is lenient with missing keys so that old versions keep loading.
"""

import re
import uuid
from dataclasses import asdict, dataclass, field
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kcsite.vocabularies import SchoolForm
from kcsite.vocabularies import Tier as TierCode

from ..taxonomy import PERFORMERS

TIER_ORDER = [code for code, _label in TierCode.choices]  # promote, prevent, act

TRIGGER_KINDS = [
    ("first_unexcused", gettext_lazy("Första oanmälda frånvaron")),
    ("percent_over_weeks", gettext_lazy("Frånvaro över en gräns under en period")),
    ("repeated_or_long", gettext_lazy("Upprepad eller längre frånvaro")),
    ("custom", gettext_lazy("Egen beskrivning")),
]
TRIGGER_KIND_CODES = [code for code, _label in TRIGGER_KINDS]
CUSTOM_ROLE = re.compile(r"^custom-[a-z0-9-]{1,40}$")
PERFORMER_CODES = [code for code, _label in PERFORMERS]


def new_key():
    """A fresh, stable step key."""
    return uuid.uuid4().hex


@dataclass
class Trigger:
    kind: str = "custom"
    percent: int | None = None
    weeks: int | None = None
    text: str = ""

    def describe(self):
        """The trigger as one Swedish sentence, e.g. "Frånvaro ≥ 10 % under 4 veckor"."""
        if self.kind == "first_unexcused":
            base = _("Första oanmälda frånvaron")
        elif self.kind == "percent_over_weeks":
            base = _("Frånvaro ≥ %(percent)s %% under %(weeks)s veckor") % {
                "percent": self.percent if self.percent is not None else "?",
                "weeks": self.weeks if self.weeks is not None else "?",
            }
        elif self.kind == "repeated_or_long":
            base = _("Upprepad eller längre frånvaro")
        else:
            return self.text
        return f"{base} – {self.text}" if self.text else base

    @classmethod
    def from_json(cls, data):
        data = data or {}
        return cls(
            kind=data.get("kind") or "custom",
            percent=_int_or_none(data.get("percent")),
            weeks=_int_or_none(data.get("weeks")),
            text=data.get("text") or "",
        )


@dataclass
class Step:
    key: str = field(default_factory=new_key)
    trigger: Trigger = field(default_factory=Trigger)
    who: list[str] = field(default_factory=list)
    what: str = ""
    when: str = ""
    methods: list[int] = field(default_factory=list)
    materials: str = ""
    documented: str = ""
    follow_up: str = ""
    duty: str = ""
    from_template: bool = False
    from_method: int | None = None
    proposed: bool = False

    @classmethod
    def from_json(cls, data):
        return cls(
            key=data.get("key") or new_key(),
            trigger=Trigger.from_json(data.get("trigger")),
            who=list(data.get("who") or []),
            what=data.get("what") or "",
            when=data.get("when") or "",
            methods=[int(pk) for pk in data.get("methods") or []],
            materials=data.get("materials") or "",
            documented=data.get("documented") or "",
            follow_up=data.get("follow_up") or "",
            duty=data.get("duty") or "",
            from_template=bool(data.get("from_template")),
            from_method=_int_or_none(data.get("from_method")),
            proposed=bool(data.get("proposed")),
        )


@dataclass
class Role:
    code: str
    label: str = ""
    contact: str = ""

    @classmethod
    def from_json(cls, data):
        return cls(
            code=data.get("code") or "",
            label=data.get("label") or "",
            contact=data.get("contact") or "",
        )


@dataclass
class Tier:
    tier: str
    intro: str = ""
    steps: list[Step] = field(default_factory=list)

    @property
    def label(self):
        return TierCode(self.tier).label if self.tier in TIER_ORDER else self.tier

    @classmethod
    def from_json(cls, data):
        return cls(
            tier=data.get("tier") or "",
            intro=data.get("intro") or "",
            steps=[Step.from_json(step) for step in data.get("steps") or []],
        )


@dataclass
class RoutineContent:
    school_unit: str = ""
    school_form: str = ""
    review_date: date | None = None
    roles: list[Role] = field(default_factory=list)
    tiers: list[Tier] = field(default_factory=list)

    def __post_init__(self):
        self.ensure_tiers()

    def ensure_tiers(self):
        """Always the three tiers, in order; unknown tiers are dropped."""
        by_code = {tier.tier: tier for tier in self.tiers}
        self.tiers = [by_code.get(code) or Tier(tier=code) for code in TIER_ORDER]

    # -- lookups -----------------------------------------------------------------------------
    def tier(self, code):
        return next(tier for tier in self.tiers if tier.tier == code)

    def steps(self):
        """Every step with its tier code, in order: ``[(tier_code, step)]``."""
        return [(tier.tier, step) for tier in self.tiers for step in tier.steps]

    def find_step(self, key):
        """``(tier, index, step)`` of the step with ``key``, or ``None``."""
        for tier in self.tiers:
            for index, step in enumerate(tier.steps):
                if step.key == key:
                    return tier, index, step
        return None

    def role(self, code):
        return next((role for role in self.roles if role.code == code), None)

    def role_label(self, code):
        role = self.role(code)
        if role and role.label:
            return role.label
        return dict(PERFORMERS).get(code, code)

    def method_ids(self):
        return sorted({pk for _tier, step in self.steps() for pk in step.methods})

    # -- JSON --------------------------------------------------------------------------------
    def to_json(self):
        data = asdict(self)
        data["review_date"] = self.review_date.isoformat() if self.review_date else None
        return data

    @classmethod
    def from_json(cls, data):
        data = data or {}
        review = data.get("review_date")
        return cls(
            school_unit=data.get("school_unit") or "",
            school_form=data.get("school_form") or "",
            review_date=date.fromisoformat(review) if review else None,
            roles=[Role.from_json(role) for role in data.get("roles") or []],
            tiers=[Tier.from_json(tier) for tier in data.get("tiers") or []],
        )


def _int_or_none(value):
    if value in (None, ""):
        return None
    return int(value)


def is_role_code(code):
    return code in PERFORMER_CODES or bool(CUSTOM_ROLE.match(code or ""))


def validate(content):
    """Translated problems with ``content`` (structure only; free text is checked by forms)."""
    problems = []
    if not content.school_unit.strip():
        problems.append(_("Skriv skolenhetens namn."))
    if content.school_form and content.school_form not in SchoolForm.values:
        problems.append(_("Välj en skolform i listan."))
    codes = [role.code for role in content.roles]
    for code in codes:
        if not is_role_code(code):
            problems.append(_("Okänd roll: %(code)s") % {"code": code})
    if len(set(codes)) != len(codes):
        problems.append(_("En roll finns två gånger."))
    keys = [step.key for _tier, step in content.steps()]
    if len(set(keys)) != len(keys):
        problems.append(_("Två steg har samma nyckel."))
    for _tier, step in content.steps():
        trigger = step.trigger
        if trigger.kind not in TRIGGER_KIND_CODES:
            problems.append(_("Okänd utlösare: %(kind)s") % {"kind": trigger.kind})
        if trigger.kind == "percent_over_weeks" and not (
            trigger.percent and 0 < trigger.percent <= 100 and trigger.weeks and trigger.weeks > 0
        ):
            problems.append(_("En gräns i procent (1–100) och antal veckor behövs."))
        for code in step.who:
            if code not in codes and code not in PERFORMER_CODES:
                problems.append(_("Okänd roll i ett steg: %(code)s") % {"code": code})
    return problems

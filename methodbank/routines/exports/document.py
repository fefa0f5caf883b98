"""The read model every output of a routine is made from (print view, PDF, Word, role pages).

:func:`build_document` turns a routine's :class:`~methodbank.routines.content.RoutineContent`
into a :class:`RoutineDocument`: the tiers in order with their labels, each step with its
trigger as a sentence, its roles resolved to the school's own labels and its methods resolved
to live method pages (title and URL; a method that is gone is left out). The outputs only
read this model, so they always agree with each other.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kcsite.links import absolute_url
from kcsite.pages.slugs import ascii_slug
from kcsite.vocabularies import TIERS, SchoolForm
from methodbank.models import MethodPage
from methodbank.taxonomy import PERFORMERS

_TIER_LABELS = dict(TIERS)
_PERFORMER_LABELS = dict(PERFORMERS)
_SCHOOL_FORM_LABELS = dict(SchoolForm.choices)


@dataclass(frozen=True)
class MethodRef:
    """A method page a step uses: its title and its public address."""

    id: int
    title: str
    url: str


@dataclass(frozen=True)
class DocRole:
    """A role of the school's routine: its code, the school's own label and an optional contact
    (a function or a staff title/e-mail at the school, never a pupil)."""

    code: str
    label: str
    contact: str = ""

    @property
    def generic_label(self):
        """The method bank's name for the role (translated), or the school's label for a role
        of its own."""
        generic = _PERFORMER_LABELS.get(self.code)
        return str(generic) if generic else self.label

    @property
    def is_custom(self):
        return self.code not in _PERFORMER_LABELS


@dataclass(frozen=True)
class DocStep:
    """One step as the outputs show it."""

    key: str
    tier: str
    trigger: str
    trigger_kind: str
    percent: int | None
    weeks: int | None
    who: tuple
    what: str
    when: str
    methods: tuple
    materials: str
    documented: str
    follow_up: str
    duty: str

    def has_role(self, code):
        return any(role.code == code for role in self.who)


@dataclass
class DocTier:
    code: str
    label: str
    intro: str
    steps: list = field(default_factory=list)


@dataclass
class RoutineDocument:
    """A routine ready to print: the school unit, its roles and the three tiers."""

    school_unit: str
    school_form: str
    review_date: object
    roles: list
    tiers: list
    version: int | None = None
    proposed: int = 0  # steps proposed from a method that the school has not accepted (left out)

    @property
    def steps(self):
        return [step for tier in self.tiers for step in tier.steps]

    def role(self, code):
        """The role with ``code``, or None."""
        return next((role for role in self.roles if role.code == code), None)

    def tiers_for(self, code):
        """The tiers with only the steps of role ``code`` (tiers where it has none are left
        out): the content of the role's own page."""
        tiers = []
        for tier in self.tiers:
            steps = [step for step in tier.steps if step.has_role(code)]
            if steps:
                tiers.append(DocTier(tier.code, tier.label, tier.intro, steps))
        return tiers

    def step_count(self, code):
        return sum(1 for step in self.steps if step.has_role(code))

    def filename(self, extension, suffix=""):
        """A readable ASCII file name: ``narvarorutin-sodra-skolan-f-6.pdf``."""
        parts = [_("narvarorutin"), self.school_unit, suffix]
        stem = "-".join(filter(None, (ascii_slug(part) for part in parts)))
        return f"{stem[:80].rstrip('-')}.{extension}"


def _methods(ids):
    pages = MethodPage.objects.live().filter(pk__in=set(ids))
    found = {page.pk: page for page in pages}
    return {
        pk: MethodRef(pk, page.title, absolute_url(page.get_url() or ""))
        for pk, page in found.items()
    }


def build_document(content, *, version=None):
    """The :class:`RoutineDocument` of ``content`` (a ``RoutineContent``). Steps proposed from
    a method that the school has not accepted are not part of its routine yet: left out."""
    roles = [DocRole(role.code, role.label, role.contact or "") for role in content.roles]
    by_code = {role.code: role for role in roles}
    method_ids = [pk for tier in content.tiers for step in tier.steps for pk in step.methods]
    methods = _methods(method_ids)
    tiers, proposed = [], 0
    for tier in content.tiers:
        doc_tier = DocTier(tier.tier, str(_TIER_LABELS.get(tier.tier, tier.tier)), tier.intro)
        for step in tier.steps:
            if step.proposed:
                proposed += 1
                continue
            who = tuple(
                by_code.get(code) or DocRole(code, str(_PERFORMER_LABELS.get(code, code)))
                for code in step.who
            )
            doc_tier.steps.append(
                DocStep(
                    key=step.key,
                    tier=tier.tier,
                    trigger=step.trigger.describe(),
                    trigger_kind=step.trigger.kind,
                    percent=step.trigger.percent,
                    weeks=step.trigger.weeks,
                    who=who,
                    what=step.what,
                    when=step.when,
                    methods=tuple(methods[pk] for pk in step.methods if pk in methods),
                    materials=step.materials,
                    documented=step.documented,
                    follow_up=step.follow_up,
                    duty=step.duty,
                )
            )
        tiers.append(doc_tier)
    return RoutineDocument(
        school_unit=content.school_unit,
        school_form=str(_SCHOOL_FORM_LABELS.get(content.school_form, content.school_form or "")),
        review_date=content.review_date,
        roles=roles,
        tiers=tiers,
        version=version,
        proposed=proposed,
    )

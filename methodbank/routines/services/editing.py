"""Changing a routine: pure changes to its content, and the one conditional save.

Every change is "read the content, change it, :func:`save` it on the version the visitor saw".
:func:`save` updates the routine only if its version is still ``base_version`` (one UPDATE …
WHERE version = base_version) and records the new :class:`RoutineVersion`; otherwise it raises
:class:`Conflict` and changes nothing, so two saves of one version never both win.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ..content import TIER_ORDER, RoutineContent, validate
from ..models import Routine, RoutineVersion
from .building import add_method_to_content
from .errors import Conflict, RoutineError


def save(routine, base_version, content, *, note=""):
    """Save ``content`` as the version after ``base_version``; returns the fresh routine."""
    problems = validate(content)
    if problems:
        raise RoutineError(" ".join(problems))
    data = content.to_json()
    new_version = base_version + 1
    try:
        with transaction.atomic():
            updated = Routine.objects.filter(pk=routine.pk, version=base_version).update(
                version=F("version") + 1,
                content=data,
                school_unit=content.school_unit,
                school_form=content.school_form,
                review_date=content.review_date,
                updated_at=timezone.now(),
            )
            if not updated:
                raise Conflict(_current_version(routine))
            RoutineVersion.objects.create(
                routine_id=routine.pk, number=new_version, content=data, note=note[:200]
            )
    except IntegrityError:  # a version row with that number exists: someone else won
        raise Conflict(_current_version(routine)) from None
    return Routine.objects.get(pk=routine.pk)


def _current_version(routine):
    return Routine.objects.filter(pk=routine.pk).values_list("version", flat=True).first()


def current_content(routine, base_version):
    """The routine's content, refusing at once when the visitor's version is not the newest."""
    if base_version != routine.version:
        raise Conflict(routine.version)
    return RoutineContent.from_json(routine.content)


def _find(content, key):
    found = content.find_step(key)
    if found is None:
        raise RoutineError(_("Steget finns inte längre i rutinen."))
    return found


# -- changes to the content (pure) ------------------------------------------------------------
def move_step(content, key, delta):
    """Move a step up (-1) or down (+1); past a tier's end it moves to the next tier."""
    tier, index, step = _find(content, key)
    target = index + delta
    if 0 <= target < len(tier.steps):
        tier.steps.insert(target, tier.steps.pop(index))
        return content
    position = TIER_ORDER.index(tier.tier) + delta
    if 0 <= position < len(TIER_ORDER):
        tier.steps.pop(index)
        other = content.tier(TIER_ORDER[position])
        if delta < 0:
            other.steps.append(step)
        else:
            other.steps.insert(0, step)
    return content


def remove_step(content, key):
    tier, index, _step = _find(content, key)
    tier.steps.pop(index)
    return content


def accept_step(content, key):
    _tier, _index, step = _find(content, key)
    step.proposed = False
    return content


def accept_method(content, tier_code, method_id):
    """Accept every proposed step that ``method_id`` brought to ``tier_code`` (one save)."""
    tier = content.tier(tier_code) if tier_code in TIER_ORDER else None
    steps = [
        step
        for step in (tier.steps if tier else [])
        if step.proposed and step.from_method == method_id
    ]
    if not steps:
        raise RoutineError(_("Förslagen finns inte längre i rutinen."))
    for step in steps:
        step.proposed = False
    return content


def put_step(content, tier_code, step, key=None):
    """Replace the step ``key`` with ``step`` (moving it to ``tier_code`` if that changed), or
    append ``step`` to ``tier_code`` when ``key`` is None."""
    if tier_code not in TIER_ORDER:
        raise RoutineError(_("Välj en av nivåerna."))
    if key is None:
        content.tier(tier_code).steps.append(step)
        return content
    tier, index, old = _find(content, key)
    step.key = old.key
    step.from_template, step.from_method = old.from_template, old.from_method
    step.proposed = False  # the school has written it: it is theirs now
    if tier.tier == tier_code:
        tier.steps[index] = step
    else:
        tier.steps.pop(index)
        content.tier(tier_code).steps.append(step)
    return content


def remove_role(content, code):
    """Remove a role and its name from every step."""
    content.roles = [role for role in content.roles if role.code != code]
    for _tier, step in content.steps():
        step.who = [who for who in step.who if who != code]
    return content


# -- processes ------------------------------------------------------------------------------
def add_method(routine, base_version, method, tier):
    """Add ``method``'s steps to ``tier`` as proposals the school accepts or removes."""
    content = current_content(routine, base_version)
    add_method_to_content(content, method, tier)
    return save(
        routine,
        base_version,
        content,
        note=_("Förslag från metoden %(title)s") % {"title": method.title},
    )

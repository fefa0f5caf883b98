"""Building a routine: from a template, and adding a method's steps as proposals."""

from django.db import transaction
from django.utils.translation import gettext as _

from kcsite.mail import send_mail

from ...models import MethodPage
from ...taxonomy import PERFORMERS
from ..content import TIER_ORDER, Role, RoutineContent, Step, Tier, Trigger
from ..models import Routine, RoutineVersion
from .errors import RoutineError


def template_content(template):
    """The template as routine content: its steps keep their block ids as step keys."""
    tiers = []
    for code, intro, stream in template.tier_blocks():
        steps = []
        for block in stream:
            value = block.value
            steps.append(
                Step(
                    key=(block.id or "").replace("-", "") or None,
                    trigger=Trigger(
                        kind=value["trigger_kind"],
                        percent=value["percent"],
                        weeks=value["weeks"],
                        text=value["trigger_text"] or "",
                    ),
                    who=list(value["who"] or []),
                    what=value["what"],
                    when=value["when"] or "",
                    methods=[page.pk for page in value["methods"] if page],
                    materials=value["materials"] or "",
                    documented=value["documented"] or "",
                    follow_up=value["follow_up"] or "",
                    duty=value["duty"] or "",
                    from_template=True,
                )
            )
        tiers.append(Tier(tier=code, intro=intro, steps=steps))
    content = RoutineContent(tiers=tiers)
    for _tier, step in content.steps():
        if not step.key:  # a block saved without an id: give the step a key of its own
            step.key = Step().key
    add_missing_roles(content)
    return content


def template_duties(template):
    """``[(duty, what)]`` of the template's steps that carry a legal duty."""
    if template is None:
        return []
    return [(step.duty, step.what) for _t, step in template_content(template).steps() if step.duty]


def add_missing_roles(content):
    """Every role a step names becomes one of the routine's roles (the vocabulary's label)."""
    labels = dict(PERFORMERS)
    for _tier, step in content.steps():
        for code in step.who:
            if content.role(code) is None:
                content.roles.append(Role(code=code, label=str(labels.get(code, code))))


def method_tiers(method):
    """The tiers a method serves, in the routine's order (all three when it names none)."""
    return [code for code in TIER_ORDER if code in (method.tiers or [])] or list(TIER_ORDER)


def method_steps(method):
    """A method's steps as *proposed* routine steps (one step when the method has none)."""
    steps = []
    for block in method.steps:
        value = block.value
        steps.append(
            Step(
                trigger=Trigger(kind="custom"),
                # a step without a performer: the method's performers, for the school to narrow
                who=[value["performer"]] if value.get("performer") else list(method.performers),
                what=value["title"],
                when=value.get("timing") or "",
                methods=[method.pk],
                materials=value.get("body") or "",
                from_method=method.pk,
                proposed=True,
            )
        )
    if not steps:
        steps.append(
            Step(
                who=list(method.performers or []),
                what=method.title,
                when=method.duration or "",
                methods=[method.pk],
                from_method=method.pk,
                proposed=True,
            )
        )
    return steps


def add_method_to_content(content, method, tier):
    """Append ``method``'s steps as proposals to ``tier`` of ``content`` (in place)."""
    if tier not in TIER_ORDER:
        raise RoutineError(_("Välj en av nivåerna."))
    content.tier(tier).steps.extend(method_steps(method))
    add_missing_roles(content)
    return content


def live_method(method_id):
    method = MethodPage.objects.live().filter(pk=method_id).first()
    if method is None:
        raise RoutineError(_("Metoden finns inte längre i metodbanken."))
    return method


def create_routine(
    *,
    template,
    school_unit,
    school_form="",
    creator_email="",
    language="sv",
    method=None,
    method_tier=None,
    review_date=None,
    mail=True,
):
    """A new routine from ``template`` (version 1); mails the edit link to its creator.

    With ``method`` its steps are added as proposals to ``method_tier`` (the visitor came from
    "Lägg till i vår rutin" on a method page without a routine of their own).
    """
    if template is None or not template.published:
        raise RoutineError(_("Välj en av mallarna."))
    content = template_content(template)
    content.school_unit = school_unit
    content.school_form = school_form
    content.review_date = review_date
    if method is not None:
        add_method_to_content(content, method, method_tier or method_tiers(method)[0])
    with transaction.atomic():
        routine = Routine.objects.create(
            template=template,
            school_unit=school_unit,
            school_form=school_form,
            creator_email=creator_email,
            language=language,
            content=content.to_json(),
            review_date=review_date,
            version=1,
        )
        RoutineVersion.objects.create(
            routine=routine, number=1, content=routine.content, note=_("Skapad från mallen")
        )
        if mail and creator_email:
            send_mail("routines.edit_link", routine_id=routine.pk, kind="created")
    return routine

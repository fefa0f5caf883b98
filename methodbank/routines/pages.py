"""What the routine's pages show: context builders for the views (no responses here)."""

from django.utils.translation import gettext_lazy as _

from kcsite.links import absolute_url

from ..models import MethodPage
from .diff import diff
from .forms import GeneralForm
from .gaps import find_gaps
from .services import building, sharing, tokens

ACTION_NOTES = {
    "up": _("Steg flyttat"),
    "down": _("Steg flyttat"),
    "remove": _("Steg borttaget"),
    "accept": _("Förslag godtaget"),
    "accept_method": _("Förslag godtagna"),
}


def method_links(content):
    """``{pk: (title, url)}`` of the live methods the routine's steps name."""
    pages = MethodPage.objects.live().filter(pk__in=content.method_ids())
    return {page.pk: (page.title, page.url) for page in pages}


def tier_rows(content):
    """The tiers with each step's role labels and methods, ready for a template."""
    methods = method_links(content)
    rows = []
    for tier in content.tiers:
        steps = [
            {
                "step": step,
                "first": index == 0,
                "last": index == len(tier.steps) - 1,
                "who": [content.role_label(code) for code in step.who],
                "methods": [methods[pk] for pk in step.methods if pk in methods],
            }
            for index, step in enumerate(tier.steps)
        ]
        rows.append({"tier": tier, "steps": steps, "proposals": proposal_groups(tier, methods)})
    return rows


def proposal_groups(tier, methods):
    """The methods with more than one proposed step in ``tier``, for "Godta alla förslag":
    ``[{"method": pk, "title": title, "count": n}]`` in the order the steps come."""
    counts = {}
    for step in tier.steps:
        if step.proposed and step.from_method:
            counts[step.from_method] = counts.get(step.from_method, 0) + 1
    return [
        {"method": pk, "title": methods.get(pk, ("", ""))[0], "count": count}
        for pk, count in counts.items()
        if count > 1
    ]


def read_context(routine):
    content = routine.routine_content()
    return {"routine": routine, "content": content, "tiers": tier_rows(content)}


def edit_context(request, routine, token, *, general_form=None):
    content = routine.routine_content()
    general_form = general_form or GeneralForm(
        initial={
            "version": routine.version,
            "school_unit": content.school_unit,
            "school_form": content.school_form,
            "review_date": content.review_date,
            "shared_with_team": routine.shared_with_team,
        }
    )
    return {
        **read_context(routine),
        "token": token,
        "general_form": general_form,
        "gaps": find_gaps(content, building.template_duties(routine.template)),
        "share_url": absolute_url(tokens.share_url(routine)),
        "consultation_url": sharing.consultation_url(routine),
    }


def versions_context(request, routine, token):
    versions = list(routine.versions.order_by("-number"))
    numbers = [version.number for version in versions]

    def pick(name, default):
        try:
            value = int(request.GET.get(name, default))
        except ValueError:
            return default
        return value if value in numbers else default

    newest = numbers[0] if numbers else 1
    to_number = pick("till", newest)
    from_number = pick("fran", max(1, to_number - 1))
    by_number = {version.number: version for version in versions}
    changes = None
    if from_number in by_number and to_number in by_number:
        changes = diff(
            by_number[from_number].routine_content(), by_number[to_number].routine_content()
        )
    return {
        "routine": routine,
        "token": token,
        "versions": versions,
        "from_number": from_number,
        "to_number": to_number,
        "changes": changes,
    }

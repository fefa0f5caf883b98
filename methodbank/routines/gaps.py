"""The gap panel: what a routine still lacks, as a pure function of its content and template.

A gap is a tier with no steps, an accepted step with no trigger (a custom one left empty, as
steps from a method come), a step with no responsible role, a role with no task, a legal duty of
the template that no step carries any more, a trigger without a follow-up, or no review date.
Proposed steps (from a method, not yet accepted) do not fill a tier.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Gap:
    # empty_tier, no_trigger, no_role, idle_role, duty_removed, no_follow_up, no_review_date
    code: str
    message: str
    anchor: str = ""  # the id of the place on the edit page to go to


def find_gaps(content, template_duties=()):
    """Every gap of ``content``; ``template_duties`` is ``[(duty, what)]`` of its template."""
    gaps = []
    for tier in content.tiers:
        if not [step for step in tier.steps if not step.proposed]:
            gaps.append(
                Gap(
                    "empty_tier",
                    _("Nivån %(tier)s har inga steg.") % {"tier": tier.label},
                    f"tier-{tier.tier}",
                )
            )
    steps = [step for _tier, step in content.steps()]
    for step in steps:
        if not step.proposed and not _has_trigger(step):
            gaps.append(
                Gap(
                    "no_trigger",
                    _("Steget ”%(what)s” saknar utlösare.") % {"what": _short(step.what)},
                    f"step-{step.key}",
                )
            )
        if not step.who:
            gaps.append(
                Gap(
                    "no_role",
                    _("Ingen är ansvarig för steget ”%(what)s”.") % {"what": _short(step.what)},
                    f"step-{step.key}",
                )
            )
        if _has_trigger(step) and not step.follow_up.strip():
            gaps.append(
                Gap(
                    "no_follow_up",
                    _("Utlösaren ”%(trigger)s” följs inte upp (steget ”%(what)s”).")
                    % {"trigger": step.trigger.describe(), "what": _short(step.what)},
                    f"step-{step.key}",
                )
            )
    busy = {code for step in steps for code in step.who}
    for role in content.roles:
        if role.code not in busy:
            gaps.append(
                Gap(
                    "idle_role",
                    _("Rollen %(role)s har ingen uppgift.") % {"role": role.label or role.code},
                    "roles",
                )
            )
    kept = {step.duty.strip() for step in steps if step.duty.strip()}
    for duty, what in template_duties:
        if duty.strip() not in kept:
            gaps.append(
                Gap(
                    "duty_removed",
                    _("Skyldigheten %(duty)s från mallen saknas (”%(what)s”).")
                    % {"duty": duty, "what": _short(what)},
                    "gaps",
                )
            )
    if content.review_date is None:
        gaps.append(Gap("no_review_date", _("Rutinen har inget datum för revidering."), "general"))
    return gaps


def _has_trigger(step):
    return step.trigger.kind != "custom" or bool(step.trigger.text.strip())


def _short(text, length=60):
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1] + "…"

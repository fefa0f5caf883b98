"""Sharing: the read-only share link, "Dela med Team Domino", the links sent again, and the
consultation request with the routine as the need."""

from django.db.models import F
from django.utils import translation
from django.utils.translation import gettext as _

from kcsite.mail import send_mail
from kcsite.referrals import support_request_url

from ..gaps import find_gaps
from ..models import Routine
from . import building


def set_shared(routine, shared):
    """Share the routine with Team Domino (or stop); returns whether it changed."""
    return bool(
        Routine.objects.filter(pk=routine.pk)
        .exclude(shared_with_team=shared)
        .update(shared_with_team=shared)
    )


def new_share_link(routine):
    """A new share link: every older one stops working."""
    Routine.objects.filter(pk=routine.pk).update(share_generation=F("share_generation") + 1)


def send_links_again(email):
    """Mail the edit link of every routine ``email`` created (nothing when there is none: the
    page says the same either way). Returns how many were sent."""
    routines = Routine.objects.filter(
        creator_email__iexact=(email or "").strip(), anonymised_at__isnull=True
    )
    count = 0
    for pk in routines.values_list("pk", flat=True):
        send_mail("routines.edit_link", routine_id=pk, kind="again")
        count += 1
    return count


def need_summary(routine):
    """The routine in a few lines, as the need of a consultation request (no pupil data: the
    routine holds none). In the routine's language."""
    content = routine.routine_content()
    with translation.override(routine.language):
        lines = [
            _("Vi vill ha konsultation om vår närvarorutin för %(unit)s (version %(version)s).")
            % {"unit": content.school_unit, "version": routine.version}
        ]
        for tier in content.tiers:
            lines.append(
                _("%(tier)s: %(count)s steg") % {"tier": tier.label, "count": len(tier.steps)}
            )
            lines.extend(f"– {step.what[:100]}" for step in tier.steps[:6])
        gaps = find_gaps(content, building.template_duties(routine.template))
        if gaps:
            lines.append(_("Det här saknas enligt kontrollen:"))
            lines.extend(f"– {gap.message}" for gap in gaps)
        return "\n".join(lines)


def consultation_url(routine):
    """Team Domino's consultation request form with the routine as the need (None when the site
    has no published support form)."""
    with translation.override(routine.language):
        label = str(_("er närvarorutin"))
    return support_request_url(
        service_kind="consultation", need=need_summary(routine), source=label
    )

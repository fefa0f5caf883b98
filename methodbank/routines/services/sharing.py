"""Sharing: the read-only share link, "Dela med Team Domino", the links sent again, and the
consultation request with the routine as the need."""

from django.db.models import F

from kcsite.mail import send_mail

from ..models import Routine


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
    routine holds none)."""
    content = routine.routine_content()
    lines = [
        f"Vår närvarorutin: {content.school_unit}",
        f"Version {routine.version}, {sum(len(t.steps) for t in content.tiers)} steg.",
    ]
    for tier in content.tiers:
        lines.append(f"{tier.label}: {len(tier.steps)} steg")
        lines.extend(f"– {step.what[:100]}" for step in tier.steps[:5])
    lines.append("Vi vill ha återkoppling på rutinen.")
    return "\n".join(lines)


def consultation_url(routine, source=""):
    """Team Domino's support request form with the routine as the need (None when the site has
    no published support page)."""
    return None

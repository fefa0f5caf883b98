"""What the requester sees: the next step in words, the signed status link and the calendar
file of the booked meeting."""

from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from kcsite import links
from kcsite.ics import CalendarEntry, build_calendar

from ..choices import State
from ..models.requests import SupportRequest

STATUS_SALT = "support.request.status"


def next_step(support_request):
    """What happens next, in words for the requester."""
    state = support_request.state
    if state == State.NEW:
        if support_request.contact_me:
            return _(
                "Team Domino läser er förfrågan och kontaktar er inom %(days)s arbetsdagar "
                "för att hitta en tid."
            ) % {"days": settings.SUPPORT_RESPONSE_DAYS}
        return _("Team Domino läser er förfrågan och hör av sig inom %(days)s arbetsdagar.") % {
            "days": settings.SUPPORT_RESPONSE_DAYS
        }
    return {
        State.UNDER_ASSESSMENT: _(
            "Team Domino bedömer hur vi bäst kan stödja er och kontaktar er om upplägget."
        ),
        State.BOOKED: _(
            "Mötet är bokat. Kalenderfilen finns i e-postmeddelandet. Förbered "
            "gärna vad skolan har gjort hittills."
        ),
        State.PLANNED: _(
            "Stödet är planerat. Team Domino har kontakt med er om tider och upplägg."
        ),
        State.IN_PROGRESS: _(
            "Stödet pågår. Hör av er till er kontaktperson i Team Domino om något ändras."
        ),
        State.CLOSED: _(
            "Ärendet är avslutat. Välkommen att höra av er igen om ni behöver mer stöd."
        ),
        State.DECLINED: _("Team Domino kan inte ta uppdraget. Se motiveringen."),
        State.REFERRED: _("Team Domino hänvisar er vidare. Se motiveringen."),
        State.CANCELLED: _("Ni har återkallat förfrågan. Ni kan alltid skicka en ny."),
    }[state]


def status_token(support_request):
    return links.make_token(STATUS_SALT, support_request.pk, support_request.version)


def read_status_token(token):
    """The request a status link points at; raises :class:`kcsite.links.LinkError`.

    The link identifies the request and always shows it as it is now; only actions check
    the version (the one the requester saw, posted back by the form).
    """
    requests = SupportRequest.objects.select_related("slot", "service").filter(
        anonymised_at__isnull=True
    )
    max_age = timedelta(days=settings.SUPPORT_LINK_MAX_AGE_DAYS)
    support_request, _link = links.read_record(STATUS_SALT, token, requests, max_age=max_age)
    return support_request


def status_path(support_request, language=None):
    with translation.override(language or support_request.language):
        return reverse("support:status", args=[status_token(support_request)])


def status_url(support_request):
    return links.absolute_url(status_path(support_request))


def _address_only(value):
    return parseaddr(value)[1] or value


def calendar_file(support_request, *, cancelled=False):
    """The .ics bytes for the request's booked meeting (no personal data in the entry)."""
    slot = support_request.slot
    with translation.override(support_request.language):
        entry = CalendarEntry(
            uid=f"support-{support_request.pk}@kunskapscentrum-skolnarvaro",
            start=support_request.booked_start or slot.start,
            end=support_request.booked_end or slot.end,
            summary=str(
                _("Team Domino: %(service)s (%(reference)s)")
                % {
                    "service": support_request.get_service_kind_display(),
                    "reference": support_request.reference,
                }
            ),
            description=str(_("Form: %(mode)s") % {"mode": slot.get_mode_display()})
            if slot
            else "",
            location=slot.location if slot else "",
            sequence=support_request.ics_sequence,
            cancelled=cancelled,
            stamp=timezone.now(),
            organizer_email=_address_only(settings.TEAM_DOMINO_EMAIL),
            organizer_name="Team Domino",
        )
    return build_calendar([entry], method="CANCEL" if cancelled else "REQUEST")

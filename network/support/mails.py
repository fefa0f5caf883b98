"""The e-mails of support requests: context builders for :mod:`kcsite.mail`.

Built at send time from the request's id, so a retried message shows the request as it is.
"""

from django.conf import settings
from django.urls import reverse

from kcsite.links import absolute_url
from kcsite.mail import Mail, builder

from .choices import State
from .models.requests import SupportRequest
from .services import status


def about(params):
    return f"support.request:{params['request_id']}"


def _request(request_id):
    return (
        SupportRequest.objects.select_related("slot", "service")
        .filter(pk=request_id, anonymised_at__isnull=True)
        .first()
    )


def _context(support_request):
    service_url = ""
    if support_request.service_id and support_request.service.live:
        service_url = absolute_url(support_request.service)
    return {
        "request": support_request,
        "status_url": status.status_url(support_request),
        "next_step": status.next_step(support_request),
        "slot": support_request.slot if support_request.state == State.BOOKED else None,
        "service_url": service_url,
    }


def _calendar(support_request, *, cancelled=False):
    return (
        "mote.ics",
        status.calendar_file(support_request, cancelled=cancelled),
        "text/calendar",
    )


def _to_requester(template, support_request, *, cancelled_meeting=False):
    """A mail to the requester in their language, with the meeting's calendar entry when a
    time is booked (or its cancellation when the move gave the time back)."""
    attachments = []
    if support_request.state == State.BOOKED and support_request.slot_id:
        attachments.append(_calendar(support_request))
    elif cancelled_meeting and (support_request.slot_id or support_request.booked_start):
        attachments.append(_calendar(support_request, cancelled=True))
    return Mail(
        template,
        _context(support_request),
        [support_request.email],
        support_request.language,
        attachments=attachments,
    )


@builder("support.receipt", about=about)
def receipt(request_id):
    support_request = _request(request_id)
    if support_request is None:
        return None
    return _to_requester("support/mail/receipt", support_request)


@builder("support.state_changed", about=about)
def state_changed(request_id, cancelled_meeting=False):
    support_request = _request(request_id)
    if support_request is None:
        return None
    return _to_requester(
        "support/mail/state_changed", support_request, cancelled_meeting=cancelled_meeting
    )


@builder("support.team_notice", about=about)
def team_notice(request_id, event):
    support_request = _request(request_id)
    if support_request is None:
        return None
    admin_url = absolute_url(reverse("support_requests:edit", args=[support_request.pk]))
    return Mail(
        "support/mail/team_notice",
        {"request": support_request, "event": event, "admin_url": admin_url},
        [settings.TEAM_DOMINO_EMAIL],
        "sv",
    )

"""Staff view: e-mail that failed for good, with a resend button (Wagtail admin)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kcsite import mail

from .models import OutboxMessage

PERMISSION = "outbox.change_outboxmessage"


def _check(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
def failed_view(request):
    _check(request)
    if request.method == "POST":
        try:
            outbox_id = int(request.POST.get("message", ""))
        except ValueError:
            outbox_id = None
        if outbox_id and mail.resend(outbox_id):
            messages.success(request, _("Meddelandet skickas igen."))
        else:
            messages.error(request, _("Meddelandet finns inte längre bland de misslyckade."))
        return redirect("outbox_failed")
    failed = OutboxMessage.objects.filter(status=OutboxMessage.Status.FAILED)
    return TemplateResponse(
        request,
        "outbox/failed.html",
        {
            "messages_failed": failed.order_by("-last_attempt_at", "-pk")[:200],
            "retrying": OutboxMessage.objects.filter(
                status=OutboxMessage.Status.QUEUED, attempts__gt=0
            ).count(),
        },
    )

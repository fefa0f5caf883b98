"""Staff view: e-mail that failed for good, each with "send again" and "discard" buttons."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from .admin import OUTBOX_ACTIONS, PERMISSION
from .models import OutboxMessage


def failed_view(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    here = request.get_full_path()
    failed = list(
        OutboxMessage.objects.filter(status=OutboxMessage.Status.FAILED).order_by(
            "-last_attempt_at", "-pk"
        )[:200]
    )
    return TemplateResponse(
        request,
        "outbox/failed.html",
        {
            "rows": [
                (message, OUTBOX_ACTIONS.buttons(message, request.user, here)) for message in failed
            ],
            "resend_all_url": failed
            and OUTBOX_ACTIONS.action_url("resend", [m.pk for m in failed], here),
            "retrying": OutboxMessage.objects.filter(
                status=OutboxMessage.Status.QUEUED, attempts__gt=0
            ).count(),
        },
    )

"""The outbox's admin actions and dashboard panel, declared from ``services.OUTBOX``."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from kcsite.staff_admin import DashboardPanel, StaffActions, state_counts

from .models import OutboxMessage
from .services import OUTBOX

PERMISSION = "outbox.change_outboxmessage"

OUTBOX_ACTIONS = StaffActions(OUTBOX, icon="mail")

FAILED_MAIL_PANEL = DashboardPanel(
    "failed_mail",
    _("E-post som inte kom fram"),
    PERMISSION,
    order=50,
    rows=state_counts(
        OUTBOX,
        "outbox_failed",
        {
            OutboxMessage.Status.FAILED: ngettext_lazy(
                "%(count)d meddelande kunde inte skickas",
                "%(count)d meddelanden kunde inte skickas",
                "count",
            )
        },
        param="",
    ),
)

"""Staff actions on e-mail that failed for good: send it again, or discard it.

The first user of the staff-actions kit (:mod:`kcsite.workflow`): the admin buttons, the
confirmation page, the log entries and the dashboard panel all come from ``OUTBOX``.
"""

from django.utils.translation import gettext_lazy as _

from kcsite import mail
from kcsite.workflow import Transition, Workflow

from .models import OutboxMessage

Status = OutboxMessage.Status


def _send_again(change):
    mail.enqueue_after_commit(change.obj.pk)


OUTBOX = Workflow(
    OutboxMessage,
    "status",
    transitions=[
        Transition(
            "resend",
            sources=[Status.FAILED],
            target=Status.QUEUED,
            label=_("Skicka igen"),
            description=_(
                "Innehållet byggs när meddelandet skickas, så ett nytt försök skickar aktuella "
                "uppgifter."
            ),
            log_action="outbox.resend",
            log_message=_("Skickas igen"),
            changes=lambda change: {"attempts": 0, "next_attempt_at": None},
            after=_send_again,
            refused=_("Meddelandet finns inte längre bland de misslyckade."),
            icon="mail",
        ),
        Transition(
            "discard",
            sources=[Status.FAILED],
            target=Status.DISCARDED,
            label=_("Kassera"),
            description=_("Meddelandet skickas inte och tas bort med de gamla misslyckade."),
            log_action="outbox.discard",
            log_message=_("Kasserat"),
            refused=_("Meddelandet finns inte längre bland de misslyckade."),
            icon="bin",
        ),
    ],
)

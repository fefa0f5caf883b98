"""A workflow declared for the tests only, on the outbox's table (a real model, real rows).

``attempts`` stands in for a version field, and one transition asks for a reason, so every
branch of the kit runs without borrowing an app's declaration.
"""

from django import forms
from django.utils.translation import ngettext_lazy

from kcsite.outbox.models import OutboxMessage
from kcsite.staff_admin import StaffActions
from kcsite.workflow import Transition, TransitionError, Workflow

Status = OutboxMessage.Status


def refuse_marked(change):
    if change.obj.last_error == "keep":
        raise TransitionError("not_allowed", "Märkt: rörs inte.")


LOCKED_FIRST = []


class ShelveForm(forms.Form):
    """An extra field on the confirmation page, written with the state."""

    last_error = forms.CharField(label="Notering", max_length=200, required=False)


TEST_FLOW = Workflow(
    OutboxMessage,
    "status",
    version_field="attempts",
    transitions=[
        Transition(
            "shelve",
            sources=[Status.FAILED],
            target=Status.DISCARDED,
            label="Lägg undan",
            reason_required=True,
            reason_missing="Skriv varför.",
            log_action="kit_test.shelve",
            check=refuse_marked,
        ),
        Transition(
            "hold",
            sources=[Status.QUEUED, Status.SENDING],
            target=Status.QUEUED,
            label="Håll kvar",
            log_action="kit_test.hold",
            log_message="Hålls kvar",
            mail="support.receipt",
            mail_params={"kit": True},
        ),
    ],
    mail_key="request_id",
    lock_first=LOCKED_FIRST.append,
)

TEST_ACTIONS = StaffActions(
    TEST_FLOW,
    icon="mail",
    forms={"shelve": ShelveForm},
    done_messages={
        "shelve": ngettext_lazy("%(count)d undanlagt.", "%(count)d undanlagda.", "count")
    },
)


def failed_message(**fields):
    fields.setdefault("name", "support.receipt")
    fields.setdefault("about", "kit:1")
    return OutboxMessage.objects.create(status=Status.FAILED, attempts=6, **fields)

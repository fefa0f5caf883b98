"""Messages from Team Domino to every member, sent one e-mail per member; unsubscribing."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kcsite import links
from kcsite.links import LinkError
from kcsite.mail import send_mail
from kcsite.workflow import Transition, TransitionError, Workflow

from ..models.members import Member
from ..models.messages import MessageDelivery, NetworkMessage

UNSUBSCRIBE_SALT = "membership.unsubscribe"


def unsubscribe_token(member):
    return links.make_token(UNSUBSCRIBE_SALT, member.pk)


def member_for_unsubscribe_token(token):
    """The member an unsubscribe link belongs to (links do not expire); raises LinkError."""
    link = links.read_token(UNSUBSCRIBE_SALT, token)
    member = Member.objects.filter(pk=link.pk).first()
    if member is None:
        raise LinkError("invalid")
    return member


def unsubscribe(token):
    member = member_for_unsubscribe_token(token)
    Member.objects.filter(pk=member.pk).update(receives_messages=False)
    return member


def _queue_deliveries(change):
    """After "send": freeze the recipients and queue one e-mail per member."""
    message = change.obj
    recipients = list(
        Member.objects.filter(receives_messages=True).order_by("pk").values_list("pk", flat=True)
    )
    MessageDelivery.objects.bulk_create(
        [MessageDelivery(message=message, member_id=pk) for pk in recipients]
    )
    message.recipient_count = len(recipients)
    NetworkMessage.objects.filter(pk=message.pk).update(recipient_count=message.recipient_count)
    for delivery_id, member_id in message.deliveries.order_by("pk").values_list("pk", "member_id"):
        send_mail("membership.network_message", delivery_id=delivery_id, member_id=member_id)
    if not recipients:
        finish_message_if_done(message.pk)


#: Sending a draft to every member (the admin action comes from this too).
MESSAGES = Workflow(
    NetworkMessage,
    "status",
    transitions=[
        Transition(
            "send",
            sources=[NetworkMessage.Status.DRAFT],
            target=NetworkMessage.Status.SENDING,
            label=_("Skicka till medlemmarna"),
            description=_(
                "Utskicket går till alla medlemmar som tar emot utskick. Det skickas i "
                "omgångar i bakgrunden och kan inte ångras."
            ),
            log_action="membership.send_message",
            log_message=_("Utskicket köat för medlemmarna"),
            changes=lambda change: {"queued_at": change.now},
            after=_queue_deliveries,
            refused=_("Utskicket är redan skickat och skickas inte igen."),
            icon="mail",
        )
    ],
)


def queue_network_message(message_id, user=None):
    """Freeze the recipients of a draft and queue one message per member.

    Returns the number of recipients, or None when the message is not a draft (it is sent
    once only, even if two editors press the button at the same time).
    """
    try:
        message = MESSAGES.apply(message_id, "send", user=user)
    except TransitionError:
        return None
    return message.recipient_count


def finish_message_if_done(message_id):
    pending = MessageDelivery.objects.filter(
        message_id=message_id, sent_at__isnull=True, member__receives_messages=True
    ).exists()
    if not pending:
        NetworkMessage.objects.filter(pk=message_id, status=NetworkMessage.Status.SENDING).update(
            status=NetworkMessage.Status.SENT, sent_at=timezone.now()
        )

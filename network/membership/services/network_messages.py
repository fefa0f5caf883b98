"""Messages from Team Domino to every member, sent one e-mail per member; unsubscribing."""

from django.db import transaction
from django.utils import timezone

from kcsite import links
from kcsite.links import LinkError
from kcsite.mail import send_mail

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


def queue_network_message(message_id):
    """Freeze the recipients of a draft and queue one message per member.

    Returns the number of recipients, or None when the message is not a draft (it is sent
    once only, even if two editors press the button at the same time).
    """
    with transaction.atomic():
        message = (
            NetworkMessage.objects.select_for_update()
            .filter(pk=message_id, status=NetworkMessage.Status.DRAFT)
            .first()
        )
        if message is None:
            return None
        recipients = list(
            Member.objects.filter(receives_messages=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        MessageDelivery.objects.bulk_create(
            [MessageDelivery(message=message, member_id=pk) for pk in recipients]
        )
        message.status = NetworkMessage.Status.SENDING
        message.queued_at = timezone.now()
        message.recipient_count = len(recipients)
        message.save(update_fields=["status", "queued_at", "recipient_count"])
        for delivery_id, member_id in message.deliveries.order_by("pk").values_list(
            "pk", "member_id"
        ):
            send_mail("membership.network_message", delivery_id=delivery_id, member_id=member_id)
    if not recipients:
        finish_message_if_done(message.pk)
    return len(recipients)


def finish_message_if_done(message_id):
    pending = MessageDelivery.objects.filter(
        message_id=message_id, sent_at__isnull=True, member__receives_messages=True
    ).exists()
    if not pending:
        NetworkMessage.objects.filter(pk=message_id, status=NetworkMessage.Status.SENDING).update(
            status=NetworkMessage.Status.SENT, sent_at=timezone.now()
        )

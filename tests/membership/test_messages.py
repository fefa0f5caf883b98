import pytest
from django.core import mail
from django.test import Client

from kcsite.mail import send_mail
from kcsite.outbox.models import OutboxMessage
from network.membership.models import Member, MessageDelivery, NetworkMessage
from network.membership.services import network_messages

from .factories import directory_members, links_in, member, path_of

pytestmark = pytest.mark.django_db


def _message(**fields):
    return NetworkMessage.objects.create(
        subject=fields.get("subject", "Nyhetsbrev november"),
        body=fields.get("body", "Hej alla!\n\nNästa träff är i december.\nVälkomna."),
    )


def test_message_goes_to_every_member_who_receives_messages():
    directory_members()
    opted_out = member()
    Member.objects.filter(pk=opted_out.pk).update(receives_messages=False)
    receiving = Member.objects.filter(receives_messages=True).count()
    assert receiving >= 6
    message = _message()
    mail.outbox.clear()
    assert network_messages.queue_network_message(message.pk) == receiving
    assert len(mail.outbox) == receiving
    assert opted_out.email not in [m.to[0] for m in mail.outbox]
    first = mail.outbox[0]
    assert first.subject == "Nyhetsbrev november"
    assert "Nästa träff är i december." in first.body
    assert first.extra_headers["List-Unsubscribe"].startswith("<http")
    assert first.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    message.refresh_from_db()
    assert message.status == NetworkMessage.Status.SENT and message.delivered_count == receiving


def test_a_message_is_sent_once_and_deliveries_can_run_again_safely():
    directory_members()
    message = _message()
    mail.outbox.clear()
    network_messages.queue_network_message(message.pk)
    sent = len(mail.outbox)
    assert sent == 6
    assert network_messages.queue_network_message(message.pk) is None
    # Queueing a delivery again (a retried task) sends nothing twice.
    for delivery_id, member_id in MessageDelivery.objects.filter(message=message).values_list(
        "pk", "member_id"
    ):
        send_mail("membership.network_message", delivery_id=delivery_id, member_id=member_id)
    assert len(mail.outbox) == sent


def test_each_delivery_is_queued_with_ids_only():
    directory_members()
    message = _message()
    count = network_messages.queue_network_message(message.pk)
    rows = OutboxMessage.objects.filter(name="membership.network_message")
    assert rows.count() == count == 6
    assert all(set(row.params) <= {"delivery_id", "member_id"} for row in rows)


def test_unsubscribe_link_works(client):
    someone = member()
    message = _message()
    mail.outbox.clear()
    network_messages.queue_network_message(message.pk)
    own = next(m for m in mail.outbox if m.to == [someone.email])
    url = path_of([link for link in links_in(own) if "/avregistrera/" in link][0])
    assert client.get(url).status_code == 200
    assert Member.objects.get(pk=someone.pk).receives_messages
    assert client.post(url).status_code == 200
    assert not Member.objects.get(pk=someone.pk).receives_messages
    mail.outbox.clear()
    network_messages.queue_network_message(_message(subject="Nästa").pk)
    assert someone.email not in [m.to[0] for m in mail.outbox]


def test_one_click_unsubscribe_needs_no_csrf_token():
    someone = member()
    token = network_messages.unsubscribe_token(someone)
    response = Client(enforce_csrf_checks=True).post(f"/natverket/avregistrera/{token}/")
    assert response.status_code == 200
    assert not Member.objects.get(pk=someone.pk).receives_messages


def test_tampered_unsubscribe_link(client):
    someone = member()
    token = network_messages.unsubscribe_token(someone)
    response = client.post(f"/natverket/avregistrera/{token}x/")
    assert response.status_code == 400
    assert Member.objects.get(pk=someone.pk).receives_messages


def test_send_from_the_admin(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("ed", "ed@example.org", "pw-long-1-xx")
    )
    directory_members()
    message = _message()
    listing = client.get("/admin/snippets/membership/networkmessage/").content.decode()
    assert f"/admin/bulk/membership/networkmessage/send/?id={message.pk}" in listing
    url = f"/admin/bulk/membership/networkmessage/send/?id={message.pk}"
    assert client.get(url).status_code == 200
    mail.outbox.clear()
    assert client.post(url).status_code == 302
    message.refresh_from_db()
    assert message.status == NetworkMessage.Status.SENT and len(mail.outbox) >= 6

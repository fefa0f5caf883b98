"""What must happen once even when people (or workers) act at the same moment: a login link
logs in once, an application is decided once, a message is queued once (tests/races.py)."""

import pytest
from wagtail.models import ModelLogEntry

from network.membership.models import Member, MessageDelivery, NetworkMessage
from network.membership.services import access, applications, network_messages
from tests.races import race

from .factories import directory_members, member, pending_application

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_a_login_link_used_at_once_by_many_logs_in_once():
    someone = member()
    _member, url = access.create_login_link(someone.email)
    raw = url.rstrip("/").rsplit("/", 1)[1]
    outcome = race(lambda _index: access.redeem_login_token(raw).member_id, 8)
    assert outcome.results == [someone.pk]
    assert [error.code for error in outcome.errors] == ["used"] * 7


def test_two_staff_approving_at_once_make_one_member():
    application = pending_application()
    outcome = race(lambda _index: applications.approve_application(application.pk), 6)
    assert outcome.error_reprs == []
    approved = [result for result in outcome.results if result is not None]
    assert len(approved) == 1
    assert Member.objects.filter(email__iexact=application.email).count() == 1
    log = ModelLogEntry.objects.filter(action="membership.approve", object_id=str(application.pk))
    assert log.count() == 1


def test_a_message_sent_by_two_editors_at_once_is_queued_once():
    directory_members()
    message = NetworkMessage.objects.create(subject="Nyhetsbrev", body="Hej alla!")
    outcome = race(lambda _index: network_messages.queue_network_message(message.pk), 4)
    assert outcome.error_reprs == []
    assert sorted(outcome.results, key=lambda r: r is not None) == [None, None, None, 6]
    assert MessageDelivery.objects.filter(message=message).count() == 6

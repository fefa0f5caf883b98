"""The one mail pipeline (kcsite.mail): retries with back-off, failed-for-good messages for
staff with a button to send it again, and no personal data left in the queue."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail as django_mail
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django_tasks_db.models import DBTaskResult

from events.models import EventOccasion
from events.services import retention as event_services
from kcsite import mail
from kcsite.outbox.admin import OUTBOX_ACTIONS
from kcsite.outbox.models import OutboxMessage
from network.membership.services import access as member_access
from network.membership.services import member_data
from tests.events.factories import make_event, register
from tests.membership import factories as member_factories
from tests.support import factories
from tests.switches import DB_TASK_QUEUE

from .smtp_server import SMTPServer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("app_pages")]


def test_send_mail_records_ids_and_sends_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        request = factories.support_request(email="ids@example.org")
        assert not django_mail.outbox  # nothing leaves before the commit
    rows = OutboxMessage.objects.filter(about=f"support.request:{request.pk}")
    assert {r.name: r.params for r in rows} == {
        "support.receipt": {"request_id": request.pk},
        "support.team_notice": {"request_id": request.pk, "event": "new"},
    }
    for callback in callbacks:
        callback()
    assert sorted(m.to[0] for m in django_mail.outbox) == [
        "ids@example.org",
        "teamdomino@example.org",
    ]
    assert set(rows.values_list("status", flat=True)) == {"sent"}
    assert all(r.params == {} for r in rows.all())


def test_unknown_message_name_is_a_clear_error():
    with pytest.raises(LookupError):
        mail.send_mail("no.such.message", thing_id=1)


def test_retries_with_back_off_then_failed_for_good_then_resend(
    settings, admin_client, django_capture_on_commit_callbacks
):
    settings.MAIL_RETRY_DELAYS = (60, 600)
    with SMTPServer() as server:
        server.settings(settings)
        server.set_mode("refuse")
        with django_capture_on_commit_callbacks(execute=True):
            request = factories.support_request(email="retry@example.org")
        row = OutboxMessage.objects.get(
            name="support.receipt", about=f"support.request:{request.pk}"
        )
        assert (row.status, row.attempts) == ("queued", 1)
        first_retry = row.next_attempt_at
        # Not due yet: nothing happens.
        assert mail.process_queue()[2] == 0
        with django_capture_on_commit_callbacks(execute=True):
            mail.process_queue(now=first_retry + timedelta(seconds=1))
        row.refresh_from_db()
        assert (row.status, row.attempts) == ("queued", 2)
        assert row.next_attempt_at - row.last_attempt_at == timedelta(seconds=600)  # back-off
        with django_capture_on_commit_callbacks(execute=True):
            mail.process_queue(now=row.next_attempt_at + timedelta(seconds=1))
        row.refresh_from_db()
        assert (row.status, row.attempts) == ("failed", 3)
        assert "@" not in row.last_error

        # Staff see it on the dashboard and in the list, and resend it once the server is back.
        home = admin_client.get(reverse("wagtailadmin_home"))
        assert reverse("outbox_failed") in home.text
        listing = admin_client.get(reverse("outbox_failed"))
        assert listing.status_code == 200 and "support.receipt" in listing.text
        server.set_mode("accept")
        resend = OUTBOX_ACTIONS.action_url("resend", [row.pk], reverse("outbox_failed"))
        assert f'href="{escape(resend)}"' in listing.text
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(resend)
        assert response.status_code == 302
        row.refresh_from_db()
        assert row.status == "sent"
        assert any("retry@example.org" in m["To"] for m in server.received)
        # the team notice, not resent
        assert OutboxMessage.objects.filter(status=OutboxMessage.Status.FAILED).count() == 1


def test_staff_without_permission_do_not_see_failed_mail(client):
    user = get_user_model().objects.create_user(username="editor-x", password="x-Long-pass-123")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    OutboxMessage.objects.create(name="support.receipt", status="failed", about="support.request:1")
    response = client.get(reverse("outbox_failed"), follow=True)
    assert response.redirect_chain and response.redirect_chain[-1][0] != reverse("outbox_failed")
    assert "support.request:1" not in response.text
    home = client.get(reverse("wagtailadmin_home"))
    assert reverse("outbox_failed") not in home.text


def test_anonymisation_clears_the_queue_rows_about_a_registration(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DB_TASK_QUEUE
    event = make_event()
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, 71)
    long_ago = timezone.now() - timedelta(days=800)
    EventOccasion.objects.filter(event=event).update(
        start=long_ago, end=long_ago + timedelta(hours=2)
    )
    key = f"events.registration:{registration.pk}"
    row = OutboxMessage.objects.get(about=key)
    assert DBTaskResult.objects.filter(args_kwargs__args=[row.pk]).exists()
    assert event_services.anonymise_expired() >= 1
    assert not OutboxMessage.objects.filter(about=key).exists()
    assert not DBTaskResult.objects.filter(args_kwargs__args=[row.pk]).exists()


def test_leaving_the_network_clears_the_queue_rows_about_the_member(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DB_TASK_QUEUE
    with django_capture_on_commit_callbacks(execute=True):
        member = member_factories.member(email="leaver@example.org")
        member_access.send_login_link("leaver@example.org")
    about = [mail.email_key("leaver@example.org"), "membership.application:"]
    rows = OutboxMessage.objects.filter(about=about[0]) | OutboxMessage.objects.filter(
        about__startswith=about[1]
    )
    ids = list(rows.values_list("pk", flat=True))
    assert len(ids) >= 2  # the approval and the login link
    assert DBTaskResult.objects.filter(args_kwargs__args__0__in=ids).count() == len(ids)
    # The login-link row holds the address only until it is sent; the task holds the id only.
    assert all("@" not in str(t.args_kwargs) for t in DBTaskResult.objects.all())
    with django_capture_on_commit_callbacks(execute=True):
        member_data.leave_network(member)
    remaining = OutboxMessage.objects.filter(pk__in=ids)
    assert not remaining.exists()
    assert not DBTaskResult.objects.filter(args_kwargs__args__0__in=ids).exists()
    # Only the "you have left" confirmation is queued, about an address, not a member.
    left = OutboxMessage.objects.get(name="membership.left")
    assert left.about == mail.email_key("leaver@example.org")


def test_prune_keeps_recent_and_failed_rows(settings):
    now = timezone.now()
    old = OutboxMessage.objects.create(
        name="support.receipt", status="sent", sent_at=now - timedelta(days=30)
    )
    recent = OutboxMessage.objects.create(name="support.receipt", status="sent", sent_at=now)
    failed = OutboxMessage.objects.create(
        name="support.receipt", status="failed", last_attempt_at=now - timedelta(days=3)
    )
    discarded_long_ago = OutboxMessage.objects.create(
        name="support.receipt", status="discarded", last_attempt_at=now - timedelta(days=31)
    )
    assert mail.prune(now) == 2
    assert not OutboxMessage.objects.filter(pk__in=[old.pk, discarded_long_ago.pk]).exists()
    assert OutboxMessage.objects.filter(pk__in=[recent.pk, failed.pk]).count() == 2

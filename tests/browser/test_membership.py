"""Browser tests of the attendance network: applying, and a member's way into the member area."""

import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


def _mail_link(site_env, pattern, timeout=10):
    """The newest link matching ``pattern`` in the e-mails the test server wrote."""
    deadline = time.monotonic() + timeout
    folder = Path(site_env["EMAIL_FILE_PATH"])
    while time.monotonic() < deadline:
        found = []
        for path in sorted(folder.glob("*"), key=lambda p: p.stat().st_mtime):
            text = path.read_text("utf-8", errors="replace").replace("=\n", "")
            found += re.findall(pattern, text)
        if found:
            return found[-1]
        time.sleep(0.2)
    raise AssertionError(f"no e-mail with {pattern}")


def _manage_shell(site_env, code):
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", code],
        cwd=ROOT,
        env=site_env,
        check=True,
        capture_output=True,
    )


def test_apply_for_membership(page, axe_check, site_env):
    page.goto("/natverket/")
    assert page.locator("h1").inner_text() == "Närvaronätverket"
    axe_check(page, "network page")

    page.get_by_role("link", name="Ansök om medlemskap").first.click()
    page.wait_for_url("**/natverket/ansok/")
    axe_check(page, "application form")

    # Sending an empty form shows the error summary, focused, with links to the fields.
    page.get_by_role("button", name="Skicka ansökan").click()
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator("#id_name").get_attribute("aria-invalid") == "true"
    axe_check(page, "application form with errors")

    page.get_by_label("Namn", exact=True).fill("Webbläsar Testsson")
    page.get_by_label("E-post i tjänsten").fill("webblasare@example.org")
    page.get_by_label("Typ av organisation").select_option(label="Elevhälsa")
    page.get_by_label("Organisation", exact=True).fill("Provskolan (test)")
    page.get_by_label("Roll", exact=True).fill("Kurator")
    page.get_by_label("Kort motivering").fill("Vill lära av andra verksamheter.")
    page.get_by_label(re.compile("Jag har läst texten")).check()
    page.get_by_role("button", name="Skicka ansökan").click()
    page.wait_for_url("**/natverket/ansok/skickad/")
    assert "Bekräfta din e-postadress" in page.locator("h1").inner_text()

    link = _mail_link(site_env, r"https?://[^\s\"<>]+/natverket/ansok/bekrafta/[^\s\"<>]+/")
    page.goto(link)
    axe_check(page, "verify application")
    page.get_by_role("button", name="Bekräfta och skicka ansökan").click()
    assert "Tack, din ansökan är skickad" in page.locator("h1").inner_text()


def test_member_logs_in_with_a_link_and_uses_the_member_area(page, axe_check, site_env):
    # Team Domino approves the demo's pending application (as the admin's bulk action does).
    _manage_shell(
        site_env,
        "from network.membership.models import MembershipApplication as A\n"
        "from network.membership.services import approve_application\n"
        "a = A.objects.filter(email='gustav.ansokare@example.org').first()\n"
        "a and approve_application(a.pk, message='Välkommen!')\n",
    )

    page.goto("/natverket/medlemsytan/")
    page.wait_for_url(re.compile(r".*/natverket/logga-in/\?next=.*"))
    axe_check(page, "login page")
    page.get_by_label("E-post i tjänsten").fill("gustav.ansokare@example.org")
    page.get_by_role("button", name="Skicka inloggningslänk").click()
    page.wait_for_url("**/natverket/logga-in/skickad/")
    axe_check(page, "login link sent")

    link = _mail_link(site_env, r"https?://[^\s\"<>]+/natverket/logga-in/lank/[^\s\"<>]+/")
    page.goto(link)
    axe_check(page, "login link")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/natverket/medlemsytan/")
    assert page.locator("h1").inner_text() == "Medlemsytan"
    assert page.get_by_text("Bara för medlemmar").first.is_visible()
    axe_check(page, "member area")

    page.get_by_role("link", name=re.compile("Nätverksträff 10 september")).click()
    axe_check(page, "meeting notes")
    page.go_back()

    # The shared document is served to the logged-in member (same cookies as the page).
    href = page.get_by_role("link", name=re.compile("Arbetsmaterial")).get_attribute("href")
    document = page.request.get(href, max_redirects=0)
    assert document.status == 200 and document.body().startswith(b"%PDF-")

    page.goto("/natverket/medlemsytan/medlemmar/")
    axe_check(page, "member directory")
    page.get_by_label("Sök på namn, roll eller organisation").fill("kurator")
    page.get_by_role("button", name="Sök", exact=True).last.click()
    assert page.locator(".directory__member").count() == 1
    assert "Bo Demosson" in page.locator(".directory__member").inner_text()

    page.goto("/natverket/mitt-medlemskap/")
    axe_check(page, "my membership")
    page.get_by_label("Visa mig i medlemsförteckningen").check()
    page.get_by_role("button", name="Spara").click()
    assert page.get_by_text("Dina uppgifter är sparade.").is_visible()

    # The used link does not work a second time.
    page.get_by_role("button", name="Logga ut").first.click()
    page.goto(link)
    assert "fungerar inte" in page.locator("h1").inner_text()
    axe_check(page, "used login link")


def test_private_document_is_not_downloadable_without_login(live_site, site_env):
    import urllib.error
    import urllib.request

    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "shell",
            "-c",
            "from network.membership.models import MemberAreaPage as P\n"
            "from wagtail.documents import get_document_model as D\n"
            "a = P.objects.filter(locale__language_code='sv').first()\n"
            "print(D().objects.filter(collection=a.material_collection).first().url)",
        ],
        cwd=ROOT,
        env=site_env,
        check=True,
        capture_output=True,
        text=True,
    )
    url = result.stdout.strip().splitlines()[-1]
    opener = urllib.request.build_opener(_NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as refused:
        opener.open(live_site + url)
    assert refused.value.code == 302
    assert "/natverket/logga-in/" in refused.value.headers["Location"]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

"""What a newcomer sees first, at 375 and 1280 px: favicon and title, a seekable film, /stod/,
an event page with its call to action and reasons, the registration form's checkboxes, the
confirmation page, the calculator in hours mode, the member directory and English pages.

Screenshots go to var/screenshots/ (not committed)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .test_events import after_registering

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "var" / "screenshots"
WIDTHS = {"phone": (375, 812), "desktop": (1280, 900)}


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for label, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(SHOTS / f"s14a-{name}-{label}.png"), full_page=True)


def both_widths(page, axe_check, label):
    for width, height in WIDTHS.values():
        page.set_viewport_size({"width": width, "height": height})
        axe_check(page, f"{label} at {width} px")


def test_title_favicon_and_seekable_film(page, axe_check):
    page.goto("/")
    assert page.title() == "Kunskapscentrum för skolnärvaro"
    icon = page.request.get("/favicon.ico")
    assert icon.status == 200 and icon.headers["content-type"] == "image/x-icon"

    page.goto("/kunskapsbank/filmer/tidiga-tecken-exempelfilm/")
    source = page.evaluate(
        "document.querySelector('video source, video').currentSrc || "
        "document.querySelector('video source').src"
    )
    partial = page.request.get(source, headers={"Range": "bytes=100-199"})
    assert partial.status == 206 and len(partial.body()) == 100
    assert partial.headers["content-range"].startswith("bytes 100-199/")
    page.wait_for_function("document.querySelector('video').readyState >= 1", timeout=15000)
    page.evaluate("document.querySelector('video').currentTime = 30")
    page.wait_for_function("document.querySelector('video').currentTime >= 29.5", timeout=15000)
    shoot(page, "film")


def test_support_index_primary_button_and_card_links(page, axe_check):
    page.goto("/stod/")
    both_widths(page, axe_check, "support index")
    shoot(page, "stod")
    page.set_viewport_size({"width": 375, "height": 812})
    button = page.get_by_role("link", name="Be om stöd", exact=True)
    # right after the intro, before the five service cards
    assert button.bounding_box()["y"] < page.locator(".support-services").bounding_box()["y"]
    assert page.locator(".support-card__action a").count() == 5
    button.click()
    page.wait_for_url(re.compile(r"/stod/.+/begar/$"))


def test_event_page_call_to_action_and_closed_reason(page, axe_check):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto("/utbildningar/gdq-dag-for-elevhalsoteam/")
    shoot(page, "event")
    page.set_viewport_size({"width": 375, "height": 812})
    cta = page.locator(".events-cta a.button")
    assert cta.inner_text() == "Anmäl dig"
    # in the facts box under the title, before the body and the registration box at the end
    top = cta.bounding_box()["y"]
    assert top < page.get_by_text("Utbildningen leds av Team Domino").bounding_box()["y"]
    assert top < page.locator("h1").bounding_box()["y"] + 700
    both_widths(page, axe_check, "event page")

    page.goto("/utbildningar/kunskapsutbyte-stangd-anmalan/")
    reason = page.locator(".events-closed-reason").inner_text()
    assert re.search(r"\d+ dagar? före evenemanget", reason), reason
    assert page.locator(".events-register-box a[href^='mailto:']").count() == 1
    both_widths(page, axe_check, "closed event page")
    shoot(page, "event-closed")


def _beside(page, label):
    box = page.get_by_label(label).bounding_box()
    text = page.locator("label", has_text=label).first.bounding_box()
    assert text["x"] > box["x"] + box["width"] - 1, label  # label to the right of its box
    assert abs((text["y"] + 10) - (box["y"] + box["height"] / 2)) < 14, label  # same line


def test_registration_checkboxes_beside_labels_and_calendar_on_confirmation(
    page, axe_check, site_env
):
    page.goto("/utbildningar/kartlaggning-av-skolfranvaro/anmalan/")
    for width, height in WIDTHS.values():
        page.set_viewport_size({"width": width, "height": height})
        _beside(page, "Hörslinga")
    shoot(page, "register")
    page.get_by_label("Namn").fill("Skärm Dumpsson")
    page.get_by_label("E-post i tjänsten").fill("skarm.dumpsson@skola.example.org")
    page.get_by_label("Organisation eller skola").fill("Sandwalls skola")
    page.get_by_label("Roll").fill("Kurator")
    page.get_by_label("Skolenhet").fill("Sandwalls skola 7–9")
    page.get_by_label("Hörslinga").check()
    page.get_by_label(re.compile("Jag har läst")).check()
    page.get_by_role("button", name="Skicka anmälan").click()
    # The same answer for a new and a registered address; the registration opens from the mail.
    after_registering(page, site_env, "skarm.dumpsson@skola.example.org")
    assert page.locator("h1").inner_text() == "Din anmälan"
    calendar = page.get_by_role("link", name=re.compile("Lägg till i kalendern"))
    assert calendar.count() == 1
    assert (
        page.request.get(calendar.get_attribute("href"))
        .headers["content-type"]
        .startswith("text/calendar")
    )
    both_widths(page, axe_check, "registration confirmation")
    shoot(page, "din-anmalan")


def test_calculator_hours_mode_on_a_phone(page, axe_check):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto("/kunskapsbank/franvarokalkylator/?absent=38&scheduled=320&unit=hours&period=term")
    shoot(page, "calculator-hours")
    page.set_viewport_size({"width": 375, "height": 812})
    status = page.locator(".calculator__status").inner_text()
    assert "38 lektioner à 60 minuter" in status
    wrap = page.locator(".table-wrap")
    assert wrap.get_attribute("tabindex") == "0"
    # all four columns are visible on a phone: nothing to scroll to
    assert page.evaluate(
        "(() => { const w = document.querySelector('.table-wrap');"
        " return w.scrollWidth <= w.clientWidth + 1; })()"
    )
    both_widths(page, axe_check, "calculator in hours mode")


def _manage_shell(site_env, code):
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", code],
        cwd=ROOT,
        env=site_env,
        check=True,
        capture_output=True,
    )


def test_member_directory_enters_from_the_welcome_mail_and_reads_cleanly(page, axe_check, site_env):
    _manage_shell(
        site_env,
        "from django.utils import timezone\n"
        "from network.membership.models import MembershipApplication as A, OrganisationType as T\n"
        "from network.membership.services import approve_application\n"
        "a = A.objects.create(name='Ida Skärmdump', email='ida.skarmdump@example.org',"
        " organisation_type=T.objects.first(), organisation='Socialtjänsten Borås',"
        " role='Socialsekreterare', motivation='Test', consent_at=timezone.now(),"
        " verified_at=timezone.now(), status='pending', show_in_directory=True)\n"
        "approve_application(a.pk)\n",
    )
    folder = Path(site_env["EMAIL_FILE_PATH"])
    texts = [p.read_text("utf-8", errors="replace").replace("=\n", "") for p in folder.glob("*")]
    welcome = [t for t in texts if "ida.skarmdump@example.org" in t and "/logga-in/lank/" in t]
    link = re.findall(r"https?://[^\s\"<>]+/natverket/logga-in/lank/[^\s\"<>]+/", welcome[-1])[0]
    page.goto(re.sub(r"^https?://[^/]+", "", link))  # the shell wrote the default BASE_URL
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/natverket/medlemsytan/")

    page.goto("/natverket/medlemsytan/medlemmar/")
    both_widths(page, axe_check, "member directory")
    page.set_viewport_size({"width": 1280, "height": 900})
    # at 1280 px every fact is on one line: no word and no address is broken
    lines = page.evaluate(
        """[...document.querySelectorAll('.directory dd')].map(dd => {
               const r = document.createRange(); r.selectNodeContents(dd);
               return new Set([...r.getClientRects()].map(c => Math.round(c.top))).size; })"""
    )
    assert lines and max(lines) == 1, lines
    intro = page.locator(".member-area > p", has_text="Här syns").inner_text()
    assert intro.count("Mitt medlemskap") == 1
    shoot(page, "medlemmar")


def test_english_pages_slugs_months_and_support(page, axe_check):
    response = page.goto("/en/support/")
    assert page.url.endswith("/en/support/") and response.status == 200
    both_widths(page, axe_check, "English support index")
    shoot(page, "en-support")
    page.goto("/en/trainings/")
    text = page.locator("main").inner_text()
    months = re.findall(
        r"\b(january|february|march|april|may|june|july|august|september|october|november"
        r"|december)\b",
        text,
        re.IGNORECASE,
    )
    assert months and all(m[0].isupper() for m in months), months
    page.goto("/en/knowledge-library/absence-calculator/")
    shoot(page, "en-calculator")

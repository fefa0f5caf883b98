"""Find an event, register, see the confirmation; axe on the list, the event and the form."""

import re
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

MANAGE_LINK = r"https?://[^\s\"<>]+/evenemang/anmalan/[^\s\"<>/]+/"


def registration_link(site_env, email, timeout=10):
    """The newest self-service link in the e-mails the test server wrote to ``email``: the page
    after registering says only that a mail is coming (it never tells whether the address was
    registered already), so a registrant reaches the registration from the mail."""
    deadline = time.monotonic() + timeout
    folder = Path(site_env["EMAIL_FILE_PATH"])
    while time.monotonic() < deadline:
        found = []
        for path in sorted(folder.glob("*"), key=lambda p: p.stat().st_mtime):
            text = path.read_text("utf-8", errors="replace").replace("=\n", "")
            for message in text.split("-" * 79):
                if re.search(rf"^To: {re.escape(email)}$", message, re.M | re.I):
                    found += re.findall(MANAGE_LINK, message)
        if found:
            return found[-1]
        time.sleep(0.2)
    raise AssertionError(f"no registration e-mail to {email}")


def after_registering(page, site_env, email):
    """The answer to a registration, then the registration through the link in its mail."""
    page.wait_for_url(re.compile(r"/anmalan/skickad/"))
    assert page.get_by_role("heading", level=1).inner_text() == "Titta i din e-post"
    page.goto(registration_link(site_env, email))
    page.wait_for_load_state()


def test_find_event_register_and_confirm_with_axe(page, axe_check, site_env):
    page.goto("/utbildningar/")
    axe_check(page, "event list")
    page.get_by_label("Typ").select_option("group_development")
    page.get_by_role("button", name="Visa").click()
    page.wait_for_url(re.compile(r"typ=group_development"))
    axe_check(page, "filtered event list")
    page.get_by_role("link", name="GDQ-dag för elevhälsoteam").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "GDQ-dag för elevhälsoteam"
    axe_check(page, "event page")

    page.get_by_role("link", name="Anmäl dig").first.click()  # the call to action at the top
    page.wait_for_load_state()
    axe_check(page, "registration form")

    # Submit with mistakes: an error summary, linked errors, input kept.
    page.get_by_label("Namn").fill("Anna Lind")
    page.get_by_label("E-post i tjänsten").fill("inte-en-adress")
    page.get_by_role("button", name="Skicka anmälan").click()
    page.wait_for_load_state()
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert page.get_by_label("Namn").input_value() == "Anna Lind"
    axe_check(page, "registration form with errors")

    page.get_by_label("E-post i tjänsten").fill("anna.lind.browser@skola.example.org")
    page.get_by_label("Organisation eller skola").fill("Sandwalls skola")
    page.get_by_label("Roll").fill("Kurator")
    page.get_by_label("Skolenhet").fill("Sandwalls skola 7–9")
    page.get_by_label("Hörslinga").check()
    page.get_by_label(re.compile("Jag har läst hur mina uppgifter hanteras")).check()
    page.get_by_role("button", name="Skicka anmälan").click()
    page.wait_for_url(re.compile(r"/anmalan/skickad/"))
    axe_check(page, "registration sent")
    after_registering(page, site_env, "anna.lind.browser@skola.example.org")
    assert page.get_by_role("heading", level=1).inner_text() == "Din anmälan"
    assert page.get_by_role("definition").filter(has_text="Hörslinga").is_visible()
    axe_check(page, "confirmation")


def test_full_event_offers_waitlist_in_the_browser(page, axe_check):
    page.goto("/utbildningar/samtalsmetodik-omtankesamtalet/")
    page.get_by_role("link", name="Ställ dig på väntelistan").first.click()
    page.wait_for_load_state()
    assert page.get_by_text("Alla platser är tagna.").is_visible()
    assert page.get_by_role("button", name="Ställ mig på väntelistan").is_visible()
    axe_check(page, "waitlist form")


@pytest.mark.parametrize("width", [375, 1280])
def test_registering_twice_gives_the_same_answer(browser, live_site, axe_check, site_env, width):
    """A new address and one already registered get the same page; the registered one gets
    the 'already registered' mail with its own link (issue 15: no enumeration)."""
    from .test_confirmations import SHOTS, _shot

    context = browser.new_context(
        base_url=live_site, locale="sv-SE", viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    email = f"twice-{width}@skola.example.org"
    answers = []
    for _attempt in range(2):
        page.goto("/utbildningar/gdq-dag-for-elevhalsoteam/anmalan/")
        page.get_by_label("Namn").fill("Tove Två")
        page.get_by_label("E-post i tjänsten").fill(email)
        page.get_by_label("Organisation eller skola").fill("Sandwalls skola")
        page.get_by_label("Roll").fill("Kurator")
        if page.get_by_label("Skolenhet").count():
            page.get_by_label("Skolenhet").fill("Sandwalls 7–9")
        page.get_by_label(re.compile("Jag har läst hur mina uppgifter hanteras")).check()
        page.get_by_role("button", name="Skicka anmälan").click()
        page.wait_for_url(re.compile(r"/anmalan/skickad/"))
        answers.append(page.locator("main").inner_text())
    assert answers[0] == answers[1]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    SHOTS.mkdir(parents=True, exist_ok=True)
    _shot(page, f"events-registration-sent-{width}")
    axe_check(page, f"registration sent at {width} px")
    page.goto(registration_link(site_env, email))
    assert page.get_by_role("heading", level=1).inner_text() == "Din anmälan"
    context.close()

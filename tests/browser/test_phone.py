"""A phone (375 × 812) as a first-class screen: the folding main menu (a disclosure button,
keyboard and no-JS paths), the finder's filter panel with removable chips, the first result in
the first viewport, the English side and axe on every page type."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
PHONE = {"width": 375, "height": 812}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


@pytest.fixture
def phone(browser, live_site):
    context = browser.new_context(base_url=live_site, locale="sv-SE", viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_without_js(browser, live_site):
    context = browser.new_context(
        base_url=live_site, locale="sv-SE", viewport=PHONE, java_script_enabled=False
    )
    page = context.new_page()
    yield page
    context.close()


def shoot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def test_menu_opens_and_closes_by_keyboard(phone, axe_check):
    phone.goto("/")
    toggle = phone.get_by_role("button", name="Meny")
    menu = phone.get_by_role("navigation", name="Huvudmeny").get_by_role("link")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(menu.first).to_be_hidden()
    header_height = phone.locator(".site-header").bounding_box()["height"]
    assert header_height < 200, f"the closed header takes {header_height}px"
    axe_check(phone, "home at 375px, menu closed")

    toggle.focus()
    phone.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu.first).to_be_visible()
    expect(phone.get_by_label("Sök på webbplatsen")).to_be_visible()
    shoot(phone, "phone-menu-open")
    axe_check(phone, "home at 375px, menu open")

    # Escape from inside the menu closes it and returns focus to the button.
    menu.first.focus()
    phone.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(menu.first).to_be_hidden()
    assert phone.evaluate("document.activeElement.classList.contains('menu-toggle')")

    phone.keyboard.press("Space")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    phone.keyboard.press("Space")
    expect(toggle).to_have_attribute("aria-expanded", "false")


def test_menu_is_reachable_without_javascript(phone_without_js):
    page = phone_without_js
    page.goto("/")
    expect(page.locator(".menu-toggle")).to_be_hidden()
    link = page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Metodbank")
    expect(link).to_be_visible()
    link.click()
    expect(page.locator("h1")).to_have_text("Metodbank")
    shoot(page, "phone-finder-nojs")


def test_menu_is_a_plain_row_on_a_wide_screen(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/")
    expect(page.locator(".menu-toggle")).to_be_hidden()
    expect(
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link").first
    ).to_be_visible()
    expect(page.locator("#finder-panel")).to_have_count(0)
    page.goto("/metodbank/")
    expect(page.locator("#finder-panel")).to_have_attribute("open", "")
    expect(page.get_by_label(re.compile(r"^Åtgärdande"))).to_be_visible()


@pytest.mark.parametrize(
    "url", ["/metodbank/", "/metodbank/?q=samtal+med+v%C3%A5rdnadshavare", "/en/method-bank/"]
)
def test_first_result_heading_is_in_the_first_viewport(phone, axe_check, url):
    phone.goto(url)
    heading = phone.locator(".method-card__title").first
    box = heading.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], f"first result ends at {box}"
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"horizontal scroll of {overflow}px"
    axe_check(phone, f"{url} at 375px")


def test_filters_fold_into_a_panel_with_removable_chips(phone, axe_check):
    phone.goto("/metodbank/?q=samtal")
    panel = phone.locator("#finder-panel")
    expect(panel).not_to_have_attribute("open", "")
    expect(phone.get_by_label(re.compile(r"^Åtgärdande"))).to_be_hidden()
    phone.locator("#finder-panel > summary").click()
    phone.get_by_label(re.compile(r"^Åtgärdande")).check()
    expect(phone).to_have_url(re.compile(r"tier=act"))
    phone.get_by_label(re.compile(r"^Vårdnadshavare")).check()
    expect(phone).to_have_url(re.compile(r"audience=guardian"))
    expect(phone.locator("#finder-panel-count")).to_have_text(re.compile("2"))
    phone.get_by_role("button", name="Visa metoder").click()
    expect(panel).not_to_have_attribute("open", "")
    chips = phone.locator(".finder__chips .chip")
    expect(chips).to_have_count(2)
    shoot(phone, "phone-finder-chips")
    axe_check(phone, "finder with chips at 375px")

    phone.get_by_role("link", name=re.compile("Ta bort filtret.*Åtgärdande")).click()
    expect(phone).not_to_have_url(re.compile(r"tier=act"))
    expect(chips).to_have_count(1)
    expect(phone).to_have_url(re.compile(r"q=samtal"))
    phone.get_by_role("link", name="Rensa alla").click()
    expect(phone.locator(".finder__chips")).to_have_count(0)
    expect(phone).to_have_url(re.compile(r"q=samtal"))
    expect(phone.locator("#f-audience-guardian")).not_to_be_checked()


def test_chips_work_without_javascript(phone_without_js):
    page = phone_without_js
    page.goto("/metodbank/?tier=act&audience=guardian")
    expect(page.locator(".finder__chips .chip")).to_have_count(2)
    page.get_by_role("link", name="Rensa alla").click()
    expect(page.locator(".finder__chips")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/metodbank/$"))


@pytest.mark.parametrize(
    "url",
    ["/", "/metodbank/omtankesamtal/", "/utbildningar/", "/stod/", "/en/knowledge-library/films/"],
)
def test_page_types_at_375_px(phone, axe_check, url):
    phone.goto(url)
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"horizontal scroll of {overflow}px on {url}"
    expect(phone.locator("h1")).to_be_visible()
    assert phone.locator("h1").bounding_box()["y"] < 400
    shoot(phone, "phone-" + (url.strip("/").replace("/", "-") or "home"))
    axe_check(phone, f"{url} at 375px")


def test_english_finder_and_language_note(phone, axe_check):
    phone.goto("/en/method-bank/")
    swedish = phone.locator(".method-card__title a[lang=sv]")
    assert swedish.count() > 0
    swedish.first.click()
    expect(phone.locator("html")).to_have_attribute("lang", "sv")
    note = phone.locator("#language-note-en")
    expect(note).to_be_hidden()
    phone.locator(".language-switcher a[lang=en]").click()
    expect(note).to_be_visible()
    expect(note).to_have_attribute("lang", "en")
    assert "/metodbank/" in phone.url and "/en/" not in phone.url
    shoot(phone, "phone-language-note")
    axe_check(phone, "untranslated method with the language note")

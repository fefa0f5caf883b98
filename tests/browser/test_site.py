import re

import pytest

pytestmark = pytest.mark.browser


def test_home_navigation_search_result_with_axe(page, axe_check):
    page.goto("/")
    axe_check(page, "home")
    assert page.locator("html").get_attribute("lang") == "sv"

    page.get_by_role("navigation", name="Huvudmeny").get_by_role(
        "link", name=re.compile("Närvaroarbete i tre nivåer")
    ).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Närvaroarbete")
    axe_check(page, "standard page with three-tier figure")

    page.get_by_label("Sök på webbplatsen").fill("Team Domino")
    page.get_by_label("Sök på webbplatsen").press("Enter")
    page.wait_for_url(re.compile(r"/sok/\?q="))
    axe_check(page, "search results")
    page.locator(".result-list .result__title a").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).is_visible()
    axe_check(page, "search result page")


def test_skip_link_is_first_and_moves_focus_to_main(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Hoppa till innehållet"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_layout_holds_at_320_px_and_english_pages_pass_axe(page, axe_check):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto("/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"horizontal scroll of {overflow}px at 320px"
    axe_check(page, "English home at 320px")


def test_not_found_page_passes_axe(page, axe_check):
    response = page.goto("/finns-inte/")
    assert response.status == 404
    axe_check(page, "404")

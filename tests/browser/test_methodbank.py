"""The method finder and a method page in a real browser: live filtering, focus, axe."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_finder_filters_update_in_place_and_are_accessible(page, axe_check):
    page.goto("/metodbank/")
    expect(page.locator("h1")).to_have_text("Metodbank")
    axe_check(page, "method finder")
    status = page.locator("#finder-status")
    before = status.inner_text()
    total = int(re.search(r"\d+", before).group())
    assert total >= 25
    # JavaScript hides the submit button: filters apply as they change
    expect(page.locator(".finder__apply")).to_be_hidden()
    page.get_by_label(re.compile(r"^Åtgärdande")).check()
    expect(page).to_have_url(re.compile(r"tier=act"))
    expect(status).not_to_have_text(before)
    after = int(re.search(r"\d+", status.inner_text()).group())
    assert 0 < after < total
    # focus stays on the checkbox the visitor used
    assert page.evaluate("document.activeElement.id") == "f-tier-act"
    # every listed method carries the tier as text
    cards = page.locator(".method-card")
    for index in range(cards.count()):
        expect(cards.nth(index).locator(".tier--act")).to_have_text("Åtgärdande")
    axe_check(page, "method finder, filtered")
    # the filtered URL can be shared: loading it gives the same result
    url = page.url
    page.goto(url)
    expect(page.locator("#f-tier-act")).to_be_checked()


def test_finder_search_and_no_results_help(page, axe_check):
    page.goto("/metodbank/")
    page.get_by_label("Sök metoder med egna ord").fill("xyzxyzxyz")
    page.locator(".finder__search button[type=submit]").click()
    expect(page.locator(".finder__empty")).to_contain_text("Inga metoder hittades")
    expect(page.get_by_role("link", name="Boka konsultation med Team Domino")).to_be_visible()
    axe_check(page, "method finder, no results")


def test_finder_works_without_javascript(browser, live_site):
    context = browser.new_context(base_url=live_site, java_script_enabled=False)
    page = context.new_page()
    page.goto("/metodbank/")
    page.locator("#f-tier-promote").check()
    page.locator(".finder__apply").click()
    expect(page).to_have_url(re.compile(r"tier=promote"))
    expect(page.locator(".method-card").first.locator(".tier--promote")).to_be_visible()
    context.close()


def test_method_page_and_print_view(page, axe_check):
    page.goto("/metodbank/")
    page.locator(".method-card a").first.click()
    expect(page.locator(".method__facts")).to_be_visible()
    axe_check(page, "method page")
    page.get_by_role("link", name="Utskriftsvänlig version").click()
    expect(page).to_have_url(re.compile(r"/utskrift/$"))
    axe_check(page, "method print view")

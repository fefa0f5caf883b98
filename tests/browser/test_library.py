"""Browser tests of the knowledge library: the absence calculator and a film page, with axe."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CALC = "/kunskapsbank/franvarokalkylator/"
FILM = "/kunskapsbank/filmer/tidiga-tecken-exempelfilm/"


def test_calculator_without_javascript_submits_and_shows_errors(browser, live_site):
    # axe needs JavaScript, so the accessibility scans of these states are in the test below.
    context = browser.new_context(base_url=live_site, locale="sv-SE", java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(20000)
    try:
        page.goto(CALC)
        page.get_by_label("Frånvaro i procent").fill("12")
        with page.expect_navigation():
            page.get_by_role("button", name="Räkna").click()
        assert "percent=12" in page.url
        status = page.get_by_role("status").first
        assert "ungefär 21 skoldagar, drygt 4 veckor" in status.inner_text()

        page.get_by_label("Frånvaro i procent").fill("120")
        with page.expect_navigation():
            page.get_by_role("button", name="Räkna").click()
        summary = page.locator(".error-summary")
        assert summary.is_visible() and "mer än 100 %" in summary.inner_text()
        field = page.get_by_label("Frånvaro i procent")
        assert field.input_value() == "120"
        assert field.get_attribute("aria-invalid") == "true"
        assert "id_percent_error" in (field.get_attribute("aria-describedby") or "")
    finally:
        context.close()


def test_calculator_updates_live_with_javascript(page, axe_check):
    page.set_default_timeout(20000)
    page.goto(CALC + "?percent=120")
    assert "mer än 100 %" in page.locator(".error-summary").inner_text()
    axe_check(page, "calculator with an error")
    page.goto(CALC + "?percent=12")
    axe_check(page, "calculator with an answer")
    page.goto(CALC)
    axe_check(page, "calculator page")
    status = page.locator(".calculator__status")
    assert status.get_attribute("aria-live") == "polite"
    page.get_by_label("Frånvaro i procent").fill("12,5")
    page.get_by_label(re.compile("En termin")).check()
    expect(status).to_contain_text("12,5 %")  # a locator wait: the CSP forbids eval
    assert "under en termin motsvarar" in status.inner_text()
    assert "percent=12%2C5" in page.url or "percent=12,5" in page.url
    page.get_by_label("Frånvaro i procent").fill("")
    page.get_by_label("Frånvarande tid").fill("3")
    page.get_by_label("Schemalagd tid").fill("30")
    expect(status).to_contain_text("10 %")
    axe_check(page, "calculator after live update")


def test_film_page_player_chapters_and_transcript(page, axe_check):
    response = page.goto(FILM)
    assert response.status == 200, "the demo film is generated with imageio-ffmpeg's ffmpeg"
    axe_check(page, "film page")
    video = page.locator("video#film-video")
    assert video.get_attribute("controls") is not None
    assert video.get_attribute("autoplay") is None
    assert page.evaluate("document.querySelector('video').paused")
    assert page.locator("video track[kind=captions]").count() >= 1
    chapter = page.get_by_role("link", name=re.compile("Räkna i dagar"))
    assert chapter.get_attribute("href").endswith("#t=20")
    page.wait_for_function("document.querySelector('video').readyState >= 1", timeout=15000)
    chapter.click()
    # The player jumps to 0:20: media are served with HTTP byte ranges (kcsite.devmedia), so the
    # film is seekable in development too.
    page.wait_for_function("document.querySelector('video').currentTime >= 19.5", timeout=15000)
    assert page.evaluate("document.querySelector('video').dataset.requestedTime") == "20"
    assert page.url.endswith(FILM)  # JavaScript jumped in the player instead of leaving the page
    assert page.get_by_role("heading", name="Transkription").is_visible()
    assert "ont i magen på måndagar" in page.locator(".film__transcript").inner_text()
    page.keyboard.press("Tab")  # the page stays keyboard operable


def test_film_and_reference_libraries_pass_axe(page, axe_check):
    for url in ("/kunskapsbank/", "/kunskapsbank/filmer/", "/kunskapsbank/forskning/"):
        page.goto(url)
        axe_check(page, url)
    page.goto("/kunskapsbank/forskning/?year_from=abc")
    axe_check(page, "reference library with an error")
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("Mer om källan")).first.click()
    assert page.get_by_role("heading", level=1).is_visible()
    axe_check(page, "reference page")

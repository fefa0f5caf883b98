"""Browser: a school team completes "Hur står vi oss?" at 375 and 1280 px, with and without
JavaScript, reads the result and the print view (and gets the PDF); Team Domino reads the
aggregate in the admin. axe on every page type; screenshots in var/screenshots/assessment/."""

import re
import subprocess
import sys

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.browser

SHOTS = ROOT / "var" / "screenshots" / "assessment"
PASSWORD = "browser-assessment-password-1"
WIDTHS = {"phone": 375, "desktop": 1280}


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture(
    params=[("desktop", True), ("phone", True), ("phone", False), ("desktop", False)],
    ids=["1280-js", "375-js", "375-no-js", "1280-no-js"],
)
def team_page(request, browser, live_site, axe_check):
    """A page at one width, with or without JavaScript, and its axe check (axe-core runs in the
    page's JavaScript: only the JavaScript variants are scanned; the markup is the same)."""
    size, javascript = request.param
    context = browser.new_context(
        base_url=live_site,
        locale="sv-SE",
        java_script_enabled=javascript,
        viewport={"width": WIDTHS[size], "height": 900},
    )
    page = context.new_page()
    page.set_default_timeout(20000)

    def check(page, label):
        if javascript:
            axe_check(page, label)

    yield page, f"{size}-{'js' if javascript else 'nojs'}", check
    context.close()


# The smallest chart text as drawn (font size times the drawing's scale), and whether any
# text runs past its chart's right edge.
CHART_TEXT = """() => {
    const texts = [...document.querySelectorAll('.chart-with-table svg text')];
    const size = t => t.getScreenCTM().a * parseFloat(getComputedStyle(t).fontSize);
    const overflows = t => t.getBoundingClientRect().right
        > t.ownerSVGElement.getBoundingClientRect().right + 1;
    return {count: texts.length, smallest: Math.min(...texts.map(size)),
            overflowing: texts.filter(overflows).map(t => t.textContent)};
}"""


def assert_chart_text_readable(page):
    """#18: at 375 px the chart's labels were drawn at about 9 px; now never under 12 px."""
    text = page.evaluate(CHART_TEXT)
    assert text["count"] > 0
    assert text["smallest"] >= 12, text
    assert text["overflowing"] == [], text


def _answer_area(page, number):
    """Choose a level for each statement of the area (different per area, one "vet inte")."""
    groups = page.locator("fieldset:has(input[type=radio])")
    for index in range(groups.count()):
        radios = groups.nth(index).locator("input[type=radio]")
        choice = 4 if index == 1 and number == 5 else (number + index) % 4
        radios.nth(choice).check()


def test_a_team_completes_the_assessment_and_prints_the_plan(team_page):
    page, label, axe_check = team_page
    page.goto("/stod/hur-star-vi-oss/")
    axe_check(page, f"start page {label}")
    shoot(page, f"{label}-1-start-page")
    page.get_by_role("link", name="Börja självskattningen").click()
    page.wait_for_load_state()
    page.get_by_label("Skolenhet").fill(f"Webbskolan {label}")
    page.get_by_label("Skolform").select_option("compulsory")
    page.get_by_label("Din e-post i tjänsten").fill("rektor.webb@example.org")
    axe_check(page, f"start form {label}")
    page.get_by_role("button", name="Börja", exact=True).click()
    page.wait_for_url(re.compile(r"/omrade/1/$"))

    for number in range(1, 7):
        assert page.url.endswith(f"/omrade/{number}/")
        _answer_area(page, number)
        if number == 1:
            axe_check(page, f"area page {label}")
            shoot(page, f"{label}-2-area")
        page.get_by_role("button", name=re.compile("Spara och (fortsätt|granska)$")).click()
        page.wait_for_load_state()

    assert page.url.endswith("/granska/")
    axe_check(page, f"review {label}")
    shoot(page, f"{label}-3-review")
    page.get_by_role("button", name="Slutför och visa resultatet").click()
    page.wait_for_url(re.compile(r"/resultat/$"))
    axe_check(page, f"result {label}")
    if "-js" in label:
        assert_chart_text_readable(page)
    shoot(page, f"{label}-4-result")

    page.get_by_role("link", name="Skriv ut planen eller spara som PDF").click()
    page.wait_for_url(re.compile(r"/utskrift/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Hur står vi oss? Resultat och plan"
    plans = page.locator("article.print-area")
    assert plans.count() == 3
    request = plans.first.locator("a.print-request")
    if request.count():
        assert request.inner_text() == request.get_attribute("href")
    axe_check(page, f"print view {label}")
    shoot(page, f"{label}-5-print")
    page.emulate_media(media="print")
    shoot(page, f"{label}-6-print-media")
    page.emulate_media(media="screen")

    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ner som PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")


@pytest.fixture(scope="module")
def domino_user(site_env):
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "shell",
            "-c",
            "from django.contrib.auth import get_user_model as g; U=g(); "
            "U.objects.filter(username='domino-assess').exists() or U.objects.create_superuser("
            f"'domino-assess', 'domino-assess@example.org', '{PASSWORD}')",
        ],
        cwd=ROOT,
        env=site_env,
        check=True,
        capture_output=True,
    )
    return "domino-assess"


@pytest.mark.parametrize("width", [1280, 375])
def test_team_domino_reads_the_aggregate(page, domino_user, axe_check, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/admin/login/")
    page.locator("#id_username").fill(domino_user)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto("/admin/sjalvskattning/samlat/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Hur står vi oss?")
    assert page.locator(".chart-with-table svg[role=img]").count() >= 4
    assert page.get_by_text("För få skolor för att visa.").count() >= 1
    page.wait_for_timeout(500)
    axe_check(page, f"aggregate {width}")
    assert_chart_text_readable(page)
    # the admin scrolls inside its layout: a tall window shows the whole report
    page.set_viewport_size({"width": width, "height": 4200})
    shoot(page, f"admin-aggregate-{width}")
    page.set_viewport_size({"width": width, "height": 900})
    page.get_by_role("link", name=re.compile("Visa resultat och plan för Ekbackens skola")).click()
    page.wait_for_load_state()
    assert page.locator("article.print-area").count() >= 1
    axe_check(page, f"shared result {width}")
    shoot(page, f"admin-shared-result-{width}")


def test_the_english_start_page_shows_the_english_indicators(page, axe_check):
    """#18: the demo's indicator set in English under English slugs; the old address moves."""
    page.set_viewport_size({"width": 375, "height": 900})
    page.goto("/en/stod/hur-star-vi-oss/")
    assert page.url.endswith("/en/support/how-are-we-doing/")
    areas = page.locator("ol.assessment-areas li").all_inner_texts()
    assert areas[:2] == ["Promoting attendance", "Preventing absence"]
    assert page.get_by_text("A self-assessment for the principal").count() == 1
    axe_check(page, "english start page 375")
    shoot(page, "phone-en-start-page")

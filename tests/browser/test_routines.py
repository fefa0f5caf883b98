"""'Vår närvarorutin' in a real browser: from a method page to a printed routine.

The whole journey a school takes — a method page → "Lägg till i vår rutin" → start → edit →
the gaps panel → the print view, the page per role and the guardians' summary — at 375 and
1280 px, with and without JavaScript; axe on every page (in the runs with JavaScript: axe-core
is a script itself). Each step is saved as a screenshot
in ``var/screenshots/routines/`` (the walk-through set), named ``<js|nojs>-<width>-NN-<page>``.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots" / "routines"


@pytest.fixture(params=[(375, True), (1280, True), (375, False), (1280, False)], ids=str)
def visit(request, browser, live_site):
    width, javascript = request.param
    context = browser.new_context(
        base_url=live_site,
        locale="sv-SE",
        viewport={"width": width, "height": 900},
        java_script_enabled=javascript,
        accept_downloads=True,
    )
    page = context.new_page()
    SHOTS.mkdir(parents=True, exist_ok=True)
    prefix = f"{'js' if javascript else 'nojs'}-{width}"
    counter = iter(range(1, 100))

    def shot(name):
        page.screenshot(path=SHOTS / f"{prefix}-{next(counter):02d}-{name}.png", full_page=True)

    yield page, shot, width, javascript
    context.close()


def _no_axe(page, label=""):
    """Without JavaScript axe-core cannot run; the same pages are checked in the runs with it."""


def _no_horizontal_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_from_a_method_to_a_printed_routine(visit, axe_check):
    page, shot, width, javascript = visit
    if not javascript:
        axe_check = _no_axe
    page.goto("/metodbank/")
    page.locator(".method-card a").first.click()
    method_title = page.locator("h1").inner_text().strip()
    shot("method")
    page.get_by_role("button", name="Lägg till i vår rutin").click()

    # start: name the school unit, pick the template; the method comes along as a proposal
    expect(page).to_have_url(re.compile(r"/metodbank/var-rutin/\?metod=\d+"))
    expect(page.locator("main")).to_contain_text(method_title)
    axe_check(page, "routine start")
    shot("start")
    school = f"Södra skolan {width} {'js' if javascript else 'nojs'}"
    page.get_by_label("Skolenhet").fill(school)
    page.get_by_label("Skolform").select_option("compulsory")
    page.locator("input[name=template]").first.check()
    page.get_by_label("Din e-postadress").fill(f"rektor-{width}-{javascript}@example.org")
    page.get_by_role("button", name="Skapa rutinen").click()

    # edit: the gaps panel, a proposal accepted, a review date set
    expect(page).to_have_url(re.compile(r"/metodbank/var-rutin/r/[^/]+/"))
    expect(page.locator("#gaps-heading")).to_be_visible()
    axe_check(page, "routine edit")
    _no_horizontal_scroll(page)
    shot("edit")
    proposals = page.locator(".routine-step--proposed")
    count = proposals.count()
    assert count >= 1
    if count > 1:  # several steps from one method: all accepted in one save
        page.get_by_role("button", name="Godta alla förslag").click()
        expect(page.locator(".routine-step--proposed")).to_have_count(0)
    else:
        proposals.first.locator("button[value=accept]").click()
        expect(page.locator(".routine-step--proposed")).to_have_count(count - 1)
    # a method's step comes without a trigger: once accepted, the gaps panel says so
    expect(page.locator("#gaps .routine-gap--no_trigger").first).to_be_visible()
    page.get_by_label("Revideras senast").fill("2027-06-15")
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.locator("#gaps")).to_be_visible()
    page.locator("#gaps").scroll_into_view_if_needed()
    shot("gaps")

    # the outputs are at the foot of a long page: a link near the top jumps there
    page.get_by_role("link", name="Skriv ut och ladda ner").click()
    expect(page).to_have_url(re.compile(r"#utskrift$"))
    expect(page.locator("#utskrift")).to_be_in_viewport()

    # the print view: one section per tier, roles in bold, the accepted method's step in it
    page.get_by_role("link", name="Utskriftsversion (A4)").click()
    expect(page.locator("h1")).to_contain_text(school)
    expect(page.locator("section.tier-section")).to_have_count(3)
    expect(page.locator(".routine-step__methods").first).to_be_visible()
    expect(page.locator(".routine-step__methods a", has_text=method_title).first).to_be_visible()
    assert page.locator(".routine-step__who strong").count() >= 3
    expect(page.locator(".doc__facts")).to_contain_text("15 juni 2027")
    print_button = page.get_by_role("button", name="Skriv ut")
    if javascript:
        expect(print_button).to_be_visible()
    else:  # without JavaScript the page says how to print instead
        expect(print_button).to_be_hidden()
        expect(page.locator(".no-js-only")).to_be_visible()
    axe_check(page, "routine print view")
    _no_horizontal_scroll(page)
    shot("print")
    page.emulate_media(media="print")
    expect(page.locator(".doc__toolbar")).to_be_hidden()
    shot("print-media")
    page.emulate_media(media="screen")

    # the files download with readable names
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ner PDF").click()
    assert re.fullmatch(r"narvarorutin-sodra-skolan-.+\.pdf", download.value.suggested_filename)
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ner Word-fil").click()
    assert download.value.suggested_filename.endswith(".docx")

    # one page per role: only that role's steps
    role_link = page.locator(".doc-roles a").first
    role_link.click()
    expect(page.locator("h1")).to_contain_text("din del i rutinen")
    role = page.locator("h1").inner_text().split(" – ")[0]
    for who in page.locator(".routine-step__who").all():
        expect(who.locator("strong", has_text=role).first).to_be_visible()
    axe_check(page, "routine role page")
    shot("role")

    # the guardians' summary, in Swedish and in English
    page.get_by_role("link", name="Hela rutinen").click()
    page.get_by_role("link", name="Sammanfattning för vårdnadshavare").click()
    expect(page.locator("h1")).to_have_text("Så gör skolan när ditt barn är frånvarande")
    axe_check(page, "guardians' summary")
    shot("guardians")
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    axe_check(page, "guardians' summary in English")
    shot("guardians-en")


def test_share_link_gives_the_outputs_but_no_editing(page, axe_check):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/metodbank/var-rutin/")
    page.get_by_label("Skolenhet").fill("Norra gymnasiet")
    page.get_by_label("Skolform").select_option("upper_secondary")
    page.locator("input[name=template]").first.check()
    page.get_by_label("Din e-postadress").fill("norra@example.org")
    page.get_by_role("button", name="Skapa rutinen").click()
    share_url = page.locator(".routine-share-url a").inner_text()
    edit_token = page.url.split("/r/")[1].strip("/")
    page.goto(share_url)
    expect(page.get_by_role("button", name="Spara")).to_have_count(0)
    page.get_by_role("link", name="Utskriftsversion (A4)").click()
    expect(page.locator("section.tier-section")).to_have_count(3)
    assert edit_token not in page.content()
    expect(page.get_by_role("link", name="Till rutinen")).to_have_attribute(
        "href", re.compile(r"/las/")
    )
    axe_check(page, "routine print view through the share link")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / "shared-1280-print.png", full_page=True)

"""Browser: the admin pages Team Domino uses, in Swedish, with axe and screenshots.

Screenshots go to var/screenshots/admin-*.png (1280 px; the triage list also at 375 px).
axe findings inside Wagtail's own core UI that this project cannot change are listed in
``WAGTAIL_CORE`` and left out; everything else must have no serious or critical finding.
"""

import re
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from .conftest import ROOT

pytestmark = pytest.mark.browser

SHOTS = ROOT / "var" / "screenshots"
PASSWORD = "browser-admin-password-1"
#: (axe rule, CSS selector prefixes) of findings inside Wagtail's own core UI: Draftail, Wagtail's
#: rich-text editor, gives its contenteditable ``role="textbox"`` only a placeholder description
#: (axe names it by that attribute or by its ``notranslate`` class); Wagtail's success message
#: draws its small secondary buttons on the message's green at too low a contrast.
WAGTAIL_CORE = [
    ("aria-input-field-name", ('div[aria-describedby="placeholder-', ".notranslate")),
    ("color-contrast", (".success", ".button-small.button-secondary")),
    # Wagtail's error banner, measured while it fades in (passes once it has arrived)
    ("color-contrast", (".error", ".errorlist", ".\\!w-inline-block")),
]


@pytest.fixture(scope="module")
def admin_user(site_env):
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "shell",
            "-c",
            "from django.contrib.auth import get_user_model as g; U=g(); "
            "U.objects.filter(username='domino-admin').exists() or U.objects.create_superuser("
            f"'domino-admin', 'domino-admin@example.org', '{PASSWORD}', "
            "first_name='Dana', last_name='Domino')",
        ],
        cwd=ROOT,
        env=site_env,
        check=True,
        capture_output=True,
    )
    return "domino-admin"


@pytest.fixture
def admin(page, admin_user):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/admin/login/")
    page.locator("#id_username").fill(admin_user)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"admin-{name}.png"), full_page=True)


def _in_wagtail_core(violation):
    return any(
        violation["id"] == rule
        and all(
            node["target"] and node["target"][0].startswith(prefixes) for node in violation["nodes"]
        )
        for rule, prefixes in WAGTAIL_CORE
    )


@pytest.fixture
def admin_axe(axe):
    """axe on an admin page: no serious or critical finding outside Wagtail's core UI."""

    def check(page, label):
        page.wait_for_timeout(800)  # Wagtail's messages fade in: measure them once they are there
        results = axe.run(page)
        violations = [
            v
            for v in results.response["violations"]
            if v.get("impact") in ("serious", "critical") and not _in_wagtail_core(v)
        ]
        report = "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(node["target"][0] for node in v["nodes"][:5] if node["target"])
            for v in violations
        )
        assert not violations, f"axe violations on {label}:\n{report}"
        return results

    return check


def test_dashboard_is_swedish_without_gravatar(admin, admin_axe):
    page = admin
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("img[src*='gravatar']").count() == 0
    body = page.locator("main").inner_text()
    assert "Media files" not in body and "created in" not in body
    assert not re.search(r"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b", body)
    shoot(page, "dashboard")
    admin_axe(page, "dashboard")


def test_pages_menu_opens_at_the_home_page(admin, admin_axe):
    page = admin
    page.get_by_role("button", name="Sidor", exact=True).click()
    explorer = page.get_by_role("dialog")
    explorer.get_by_role("link", name="Metodbank").first.wait_for()
    assert "Root" not in explorer.inner_text()
    shoot(page, "explorer-menu")
    explorer.get_by_role("link", name="Metodbank").first.click()
    page.wait_for_load_state()
    heading = page.get_by_role("heading", level=1).inner_text()
    assert "Metodbank" in heading and "Exploring" not in heading
    shoot(page, "method-bank-listing")
    admin_axe(page, "method bank listing")


def test_method_edit_page(admin, admin_axe):
    page = admin
    page.goto("/admin/pages/search/?q=mentor")
    page.wait_for_load_state()
    page.locator("table.listing td.title a").first.click()
    page.wait_for_load_state()
    assert "/edit/" in page.url
    assert page.get_by_text("Lägg till innehåll med plusknappen").count() >= 1
    shoot(page, "method-edit")
    admin_axe(page, "method edit")


def test_support_triage_list_and_a_request(admin, admin_axe):
    page = admin
    page.goto("/admin/support/requests/")
    badges = page.locator("table.listing .kc-badge")
    assert badges.count() >= 1
    reference = page.locator("table.listing td.title a").first
    box = reference.bounding_box()
    assert box["height"] < 30, "the reference wraps"
    headings = page.locator("table.listing thead th").all_inner_texts()
    assert any("Bokad tid" in h for h in headings)
    states = badges.all_inner_texts()
    assert not {"Avslutad", "Återkallad av beställaren", "Avböjd"} & set(states)
    shoot(page, "triage-list")
    admin_axe(page, "triage list")
    page.set_viewport_size({"width": 375, "height": 800})
    page.reload()
    shoot(page, "triage-list-375")
    admin_axe(page, "triage list at 375 px")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator("table.listing td.title a").first.click()
    page.wait_for_load_state()
    assert re.search(r"TD-\d{4}-\d{4}", page.locator("#support-request-heading").inner_text())
    shoot(page, "support-request")
    admin_axe(page, "support request")


def test_registrations_and_participants(admin, admin_axe):
    page = admin
    page.goto("/admin/snippets/events/registration/")
    assert page.locator("table.listing .kc-badge").count() >= 1
    shoot(page, "registrations")
    admin_axe(page, "registrations")


def test_membership_applications_and_decision_on_the_application(admin, admin_axe):
    page = admin
    page.goto("/admin/snippets/membership/membershipapplication/?status=pending")
    shoot(page, "applications")
    admin_axe(page, "membership applications")
    page.locator("table.listing td.title a").first.click()
    page.wait_for_load_state()
    approve = page.get_by_role("link", name="Godkänn")
    assert approve.is_visible()
    assert page.get_by_role("link", name="Avslå").is_visible()
    shoot(page, "application")
    admin_axe(page, "membership application")
    approve.click()
    page.wait_for_load_state()
    assert "/admin/bulk/membership/membershipapplication/approve/" in page.url
    admin_axe(page, "approve confirmation")


def _finder_id(site_env):
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "shell",
            "-c",
            "from methodbank.models import MethodFinderPage as F; "
            "print(F.objects.get(locale__language_code='sv').pk)",
        ],
        cwd=ROOT,
        env=site_env,
        check=True,
        capture_output=True,
        text=True,
    )
    return int(result.stdout.strip().splitlines()[-1])


def _publish(page):
    page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-publish']").click()


def test_autosave_trap_new_page_again_and_the_error_is_found(admin, admin_axe, site_env):
    """A new method saved as a draft with an empty step (what Wagtail 8's autosave leaves);
    starting again with the same title works, and publishing the draft says where the empty
    step is."""
    page = admin
    title = "Närvarocafé för vårdnadshavare"
    add_url = f"/admin/pages/add/methodbank/methodpage/{_finder_id(site_env)}/"
    page.goto(add_url)
    page.locator("#id_title").press_sequentially(title)
    page.locator("#id_title").blur()
    # The title fills in the slug as it is typed, transliterated (å, ä → a, ö → o, é → e).
    expect(page.locator("input[name='slug']")).to_have_value("narvarocafe-for-vardnadshavare")
    page.locator('[data-contentpath="steps"] .c-sf-add-button').first.click()
    # Wagtail 8's autosave posts this form as "save" (required fields deferred) and so leaves a
    # draft with an empty step; "Spara utkast" makes the same request without the timer.
    page.get_by_role("button", name="Spara utkast").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    draft_url = page.url

    # Starting again with the same title, filled in properly this time.
    page.goto(add_url)
    page.locator("#id_title").fill(title)
    page.locator("#id_summary").fill("Ett café där vårdnadshavare träffar skolan.")
    page.locator("input[name='tiers'][value='prevent']").check()
    _publish(page)
    page.wait_for_load_state()
    warning = page.locator(".messages").inner_text()
    assert "opublicerat utkast" in warning, warning
    assert page.get_by_role("link", name="Öppna utkastet").count() == 1
    shoot(page, "autosave-retry")
    admin_axe(page, "after starting again")

    # The draft: publishing names the tab and the field of the empty step.
    page.goto(draft_url)
    page.locator("#id_summary").fill("Utkastet som sparades automatiskt.")
    page.locator("input[name='tiers'][value='prevent']").check()
    _publish(page)
    page.wait_for_load_state()
    message = page.locator(".messages").inner_text()
    assert "Innehåll → Steg för steg" in message, message
    # Wagtail 8's per-tab error count does not count errors inside StreamField blocks (it
    # stays at 0 here): the message above is what tells the editor where to look.
    shoot(page, "autosave-draft-error")
    admin_axe(page, "draft with an error")

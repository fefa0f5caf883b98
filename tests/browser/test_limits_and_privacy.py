"""At 375 px: the one rate-limit answer and the personal-number error on the registration
form, with axe. A second server on the same demo database runs with a low per-address limit
and a cache the two workers share, so the limit is hit deterministically."""

import re
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import ROOT, _free_port

pytestmark = pytest.mark.browser
SHOTS = ROOT / "var" / "screenshots"
EVENT = "/utbildningar/kunskapsutbyte-narvaroframmande-hogstadiet/"


@pytest.fixture(scope="module")
def limited_site(site_env, live_site, tmp_path_factory):
    cache_dir = tmp_path_factory.mktemp("ratelimit-cache")
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = dict(
        site_env,
        BASE_URL=base_url,
        RATE_LIMIT_PER_EMAIL="1/h",
        CACHE_URL=f"filecache://{cache_dir}",
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "kcsite.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--timeout",
            "60",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base_url + "/robots.txt", timeout=2)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError(server.stderr.read().decode()[-2000:]) from None
            time.sleep(0.3)
    yield base_url
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture
def phone(browser, limited_site):
    context = browser.new_context(
        base_url=limited_site, locale="sv-SE", viewport={"width": 375, "height": 812}
    )
    page = context.new_page()
    yield page
    context.close()


def _registration_form(page):
    page.goto(EVENT)
    page.get_by_role("link", name=re.compile("Anmäl dig|Ställ dig på väntelistan")).first.click()
    page.wait_for_load_state()


def _fill(page, email, role="Kurator"):
    page.get_by_label("Namn").fill("Anna Lind")
    page.get_by_label("E-post i tjänsten").fill(email)
    page.get_by_label("Organisation eller skola").fill("Sandwalls skola")
    page.get_by_label("Roll").fill(role)
    page.get_by_label(re.compile("Jag har läst hur mina uppgifter hanteras")).check()
    page.locator("form.events-form button[type=submit]").click()
    page.wait_for_load_state()


def _no_horizontal_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_personal_number_error_and_rate_limit_at_375px(phone, axe_check):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = phone

    _registration_form(page)
    _fill(page, "browser.pnr@skola.example.org", role="Mentor för 120314\u20132383")
    error = page.locator("#id_role_error")
    assert error.is_visible() and "ta bort ”120314–2383”" in error.inner_text()
    assert page.get_by_label("Roll").input_value() == "Mentor för 120314\u20132383"  # kept
    _no_horizontal_scroll(page)
    page.screenshot(path=SHOTS / "s13a-personal-number-375.png", full_page=True)
    axe_check(page, "registration form with a personal number")

    _registration_form(page)
    _fill(page, "browser.limit@skola.example.org")
    assert re.search(r"/anmalan/skickad/", page.url)

    _registration_form(page)
    _fill(page, "browser.limit@skola.example.org")
    notice = page.locator("#rate-limited")
    assert notice.is_visible()
    assert "inte något fel du har gjort" in notice.inner_text()
    assert page.locator("#error-summary").count() == 0  # nobody made a mistake
    assert page.get_by_label("Namn").input_value() == "Anna Lind"
    _no_horizontal_scroll(page)
    page.screenshot(path=SHOTS / "s13a-rate-limited-375.png", full_page=True)
    axe_check(page, "registration form, rate limit hit")

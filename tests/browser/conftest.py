"""Browser tests: headless Debian Chromium, driven by Playwright, against a real server.

A session fixture builds a throw-away SQLite site (migrate + demo content) and serves it with
gunicorn on a free loopback port, exactly as a visitor would reach it. ``axe_check`` runs
axe-core on the current page and fails on serious or critical violations.

The served site has its own database with the whole demo content, independent of the session
test database (which holds only the skeleton, ``tests/conftest.py``): the browser journeys walk
through the demo as a visitor would.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site_env(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser-site")
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "ELASTICSEARCH_URL"}}
    env.update(
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        MEDIA_ROOT=str(tmp / "media"),
        EMAIL_FILE_PATH=str(tmp / "mail"),
        DJANGO_SETTINGS_MODULE="kcsite.settings",
        CSP_ENFORCE="true",  # every journey runs under the enforced Content-Security-Policy
    )
    return env


@pytest.fixture(scope="session")
def live_site(site_env):
    """Base URL of a demo site served by gunicorn for this session."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput", "-v", "0"], ["load_demo"]):
        subprocess.run(manage + command, cwd=ROOT, env=site_env, check=True, capture_output=True)
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = dict(site_env, BASE_URL=base_url)
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
            "--threads",
            "4",
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


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("Debian chromium is missing (CI=true: a failure, not a skip)")
        pytest.skip("Debian chromium is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_site):
    context = browser.new_context(base_url=live_site, locale="sv-SE")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def axe_check(axe):
    """Run axe-core on ``page`` and fail on serious or critical violations."""

    def check(page, label=""):
        results = axe.run(page)
        violations = [
            v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")
        ]
        report = "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:5])
            for v in violations
        )
        assert not violations, f"axe violations on {label or page.url}:\n{report}"
        return results

    return check

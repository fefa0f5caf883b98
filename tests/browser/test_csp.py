"""The enforced Content-Security-Policy breaks nothing: public pages and the admin in Chromium
log no CSP violation."""

import subprocess
import sys

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.browser

PUBLIC = [
    "/",
    "/metodbank/",
    "/metodbank/?q=n%C3%A4rvaro",
    "/sok/?q=fr%C3%A5nvaro",
    "/natverket/ansok/",
    "/natverket/logga-in/",
    "/en/",
    "/finns-inte/",
]
ADMIN = ["/admin/", "/admin/pages/", "/admin/snippets/", "/admin/documents/", "/admin/images/"]


def _violations(page):
    found = []
    page.on(
        "console",
        lambda msg: found.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    return found


def _walk(page, paths, found):
    for path in paths:
        page.goto(path)
        page.wait_for_load_state("networkidle")
    return found


def test_public_pages_have_no_csp_violations(page):
    found = _violations(page)
    response = page.goto("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    _walk(page, PUBLIC, found)
    method = page.locator("a[href*='/metodbank/']").last
    if method.count():
        method.click()
        page.wait_for_load_state("networkidle")
    assert not found, found


def test_admin_pages_have_no_csp_violations(page, site_env):
    env = dict(site_env, DJANGO_SUPERUSER_PASSWORD="csp-test-password-long")
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "createsuperuser",
            "--noinput",
            "--username",
            "csp",
            "--email",
            "csp@example.org",
        ],
        cwd=ROOT,
        env=env,
        check=False,
        capture_output=True,
    )
    found = _violations(page)
    page.goto("/admin/login/")
    page.fill("#id_username", "csp")
    page.fill("#id_password", "csp-test-password-long")
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    _walk(page, ADMIN, found)
    assert page.url.endswith("/admin/images/")
    assert not found, found

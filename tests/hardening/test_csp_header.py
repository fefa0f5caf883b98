"""The Content-Security-Policy header: report-only by default, enforced by a setting."""

import pytest

from kcsite.csp import policy

pytestmark = pytest.mark.django_db


def _directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_report_only_by_default(client):
    response = client.get("/")
    assert "Content-Security-Policy" not in response
    directives = _directives(response["Content-Security-Policy-Report-Only"])
    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert set(directives["frame-src"]) == {
        "'self'",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    }


def test_enforced_with_the_setting(client, settings):
    settings.CONTENT_SECURITY_POLICY = policy()
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = None
    response = client.get("/")
    directives = _directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["frame-ancestors"] == ["'self'"]


def test_admin_gets_its_additions(admin_client, settings):
    settings.CONTENT_SECURITY_POLICY = policy()
    directives = _directives(admin_client.get("/admin/")["Content-Security-Policy"])
    assert "'unsafe-inline'" in directives["script-src"]


def test_pages_from_the_page_cache_carry_the_policy(client, method):
    page = method
    client.get(page.url)
    cached = client.get(page.url)  # answered by PageCacheMiddleware before routing
    assert "Content-Security-Policy-Report-Only" in cached

"""Requests a browser would not send: non-UTF-8 form posts, foreign hosts, client errors."""

import io
import logging

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from tests.events.factories import make_event

BODIES = [
    ("application/x-www-form-urlencoded; charset=latin-1", "name=Åsa&email=a@example.org"),
    ("application/x-www-form-urlencoded; charset=utf-16", "name=Åsa&email=a@example.org"),
    ("application/x-www-form-urlencoded; charset=iso-8859-1", "name=Åsa"),
]


def _post_endpoints(event):
    return [
        "/i18n/setlang/",
        "/admin/login/",
        "/natverket/ansok/",
        "/natverket/logga-in/",
        "/natverket/mitt-medlemskap/lamna/",
        "/evenemang/anmalan/not-a-token/",
        "/stod/arende/not-a-token/",
        "/sok/",
        "/en/natverket/ansok/",
        event.url + "anmalan/",
    ]


@pytest.fixture
def browser_like_client():
    client = Client(enforce_csrf_checks=True, HTTP_X_CSRFTOKEN="A" * 32)
    client.cookies["csrftoken"] = "A" * 32
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(("content_type", "text"), BODIES)
def test_non_utf8_posts_get_a_clean_400_everywhere(
    browser_like_client, app_pages, content_type, text
):
    encoding = content_type.rsplit("=", 1)[1]
    for path in _post_endpoints(make_event()):
        response = browser_like_client.generic(
            "POST", path, data=text.encode(encoding), content_type=content_type
        )
        assert response.status_code == 400, (path, response.status_code)
        assert BeautifulSoup(response.content, "html.parser").h1, path


def _console_output(run):
    """What the site's console handler (settings.LOGGING) writes while ``run()`` runs."""
    handler = next(h for h in logging.getLogger().handlers if h.filters)
    stream, previous = io.StringIO(), handler.stream
    handler.setStream(stream)
    try:
        run()
    finally:
        handler.setStream(previous)
    return stream.getvalue()


@pytest.mark.django_db
def test_disallowed_host_is_a_warning_without_traceback(client):
    output = _console_output(lambda: client.get("/", HTTP_HOST="evil.example.org"))
    assert "WARNING django.security.DisallowedHost" in output
    assert "ERROR" not in output and "Traceback" not in output


@pytest.mark.django_db
def test_bad_request_is_a_warning_without_traceback(browser_like_client):
    def run():
        browser_like_client.generic(
            "POST",
            "/natverket/ansok/",
            data="a=b".encode("utf-16"),
            content_type="application/x-www-form-urlencoded; charset=utf-16",
        )

    output = _console_output(run)
    assert "WARNING django.request" in output
    assert "ERROR" not in output and "Traceback" not in output

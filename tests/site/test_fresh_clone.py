"""What a newcomer meets on a fresh `make run`: media that can be seeked, a favicon, a title
that names the site once (the demo film and the libraries' empty states: tests/test_demo.py)."""

import importlib

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory, override_settings
from django.urls import clear_url_caches, resolve

from kcsite.devmedia import byte_range, serve_range
from kcsite.media import serve_checked, serve_public
from kcsite.pages.models import StandardPage
from tests import builders

BODY = bytes(range(256)) * 40  # 10 240 bytes


@pytest.fixture
def media_file(tmp_path):
    (tmp_path / "film.mp4").write_bytes(BODY)
    return tmp_path


def _get(root, range_header=None):
    headers = {"Range": range_header} if range_header else {}
    request = RequestFactory().get("/media/media/film.mp4", headers=headers)
    return serve_range(request, "film.mp4", document_root=root)


def _body(response):
    content = b"".join(response.streaming_content)
    # Close the file only: response.close() sends request_finished, which closes the test's
    # database connection in the middle of its transaction.
    for closer in response._resource_closers:
        closer()
    return content


def test_media_without_range_is_whole_and_announces_ranges(media_file):
    response = _get(media_file)
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert _body(response) == BODY


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [("bytes=100-199", 100, 199), ("bytes=10000-", 10000, 10239), ("bytes=-40", 10200, 10239)],
)
def test_media_range_answers_206_with_exactly_those_bytes(media_file, header, start, end):
    response = _get(media_file, header)
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {start}-{end}/{len(BODY)}"
    assert response["Content-Length"] == str(end - start + 1)
    assert response["Content-Type"] == "video/mp4"
    assert _body(response) == BODY[start : end + 1]


def test_media_range_past_the_end_is_416(media_file):
    response = _get(media_file, "bytes=20000-20010")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(BODY)}"


def test_byte_range_rule():
    assert byte_range("bytes=0-", 10) == (0, 9)
    assert byte_range("bytes=5-100", 10) == (5, 9)
    assert byte_range("bytes=0-1,4-5", 10) is None  # several ranges: the whole file
    assert byte_range("items=0-1", 10) is None
    with pytest.raises(ValueError):
        byte_range("bytes=9-3", 10)


def test_development_urls_serve_media_with_ranges():
    import kcsite.urls

    try:
        with override_settings(DEBUG=True):
            importlib.reload(kcsite.urls)
            clear_url_caches()
            match = resolve("/media/media/exempel.mp4", urlconf=kcsite.urls)
            assert match.func is serve_checked  # films after their view check (kcsite.media)
            assert resolve("/media/images/a.png", urlconf=kcsite.urls).func is serve_public
            # documents stay behind Wagtail's privacy-checking view
            with pytest.raises(Exception):  # noqa: B017 - Resolver404
                resolve("/media/documents/x.pdf", urlconf=kcsite.urls)
    finally:
        importlib.reload(kcsite.urls)
        clear_url_caches()


@pytest.mark.django_db
def test_favicon_answers_with_an_icon_and_pages_link_it(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # ICO header
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert soup.select_one('link[rel="icon"][href="/favicon.ico"]')
    assert soup.select_one('link[rel="icon"][href*="favicon.svg"]')


def _title(client, url):
    return BeautifulSoup(client.get(url).content, "html.parser").title.get_text(strip=True)


@pytest.mark.django_db
def test_home_title_names_the_site_once_and_other_pages_add_it(client):
    builders.add_page(builders.home(), StandardPage(title="Utbildningar och träffar"))
    assert _title(client, "/") == "Kunskapscentrum för skolnärvaro"
    assert _title(client, "/utbildningar-och-traffar/") == (
        "Utbildningar och träffar – Kunskapscentrum för skolnärvaro"
    )

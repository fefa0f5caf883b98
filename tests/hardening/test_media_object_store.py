"""With uploads in S3-compatible object storage (``S3_BUCKET``, a real S3Proxy in the run on
PostgreSQL + OpenSearch): a film's address in a page is the site's checked route, never a signed
address of the bucket; after the check the visitor is redirected to a signed address, and a
restricted film's is short-lived and makes the store itself answer ``private, no-store``.
Images keep their signed addresses (public, fast); caption files are read through the site."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.images import get_image_model

from tests.hardening.test_private_media import FILM, film, restricted_collection
from tests.library.factories import captions
from tests.membership.factories import member

pytestmark = [pytest.mark.django_db, pytest.mark.s3]


def _directives(header):
    return {part.strip().lower() for part in (header or "").split(",") if part.strip()}


def _query(url):
    return {key.lower(): values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def test_a_films_address_is_the_sites_checked_route_not_a_signed_one():
    media = film(restricted_collection())
    assert media.url == f"{settings.MEDIA_URL}{media.file.name}"
    assert "X-Amz-Signature" not in media.url


def test_a_restricted_film_redirects_to_a_short_lived_private_address(client):
    media = film(restricted_collection())
    refused = client.get(media.url)
    assert refused.status_code == 403 and not refused.has_header("Location")
    assert {"private", "no-store"} <= _directives(refused["Cache-Control"])
    client.force_login(member().user)
    redirect = client.get(media.url)
    assert redirect.status_code == 302
    assert {"private", "no-store"} <= _directives(redirect["Cache-Control"])
    assert "Cookie" in redirect["Vary"]
    location = redirect["Location"]
    assert location.startswith(settings.AWS_S3_ENDPOINT_URL)
    query = _query(location)
    assert query["response-cache-control"] == "private, no-store"
    assert query["x-amz-expires"] == str(settings.MEDIA_PRIVATE_URL_SECONDS)
    # the store answers with the film, private, and seeks (byte ranges)
    stored = requests.get(location, timeout=10)
    assert stored.status_code == 200 and stored.content == FILM
    assert {"private", "no-store"} <= _directives(stored.headers.get("Cache-Control"))
    ranged = requests.get(location, headers={"Range": "bytes=10-19"}, timeout=10)
    assert ranged.status_code == 206 and ranged.content == FILM[10:20]


def test_a_public_film_redirects_to_the_stores_ordinary_signed_address(client):
    media = film()
    redirect = client.get(media.url)
    assert redirect.status_code == 302
    assert "no-store" not in _directives(redirect["Cache-Control"])
    assert "response-cache-control" not in _query(redirect["Location"])
    stored = requests.get(redirect["Location"], timeout=10)
    assert stored.status_code == 200 and stored.content == FILM


def test_caption_files_are_read_through_the_site(client):
    track = captions()
    assert track.file.url == f"{settings.MEDIA_URL}{track.file.name}"
    response = client.get(track.file.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"WEBVTT")
    assert response["Content-Type"].startswith("text/vtt")


def test_a_public_image_is_still_served_by_the_store_directly():
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    image = get_image_model().objects.create(
        title="Bild", file=ContentFile(buffer.getvalue(), name="bild.png")
    )
    assert image.file.url.startswith(settings.AWS_S3_ENDPOINT_URL)
    stored = requests.get(image.file.url, timeout=10)
    assert stored.status_code == 200 and stored.content == buffer.getvalue()

"""Films and sound files (wagtailmedia) get the headers documents get; one in a collection with
a view restriction is served only to whom the restriction accepts, and never kept by a shared
cache — through the app's route in every setup (kcsite.media). Here uploads on local disk: Django
sends the bytes (development) or hands them to nginx with X-Accel-Redirect (production)."""

from urllib.parse import unquote

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.models import Collection, CollectionViewRestriction
from wagtailmedia.models import get_media_model

from network.membership.models import MEMBERS_GROUP_NAME
from tests.library.factories import captions
from tests.membership.factories import member

pytestmark = pytest.mark.django_db

FILM = b"\x00\x00\x00\x18ftypmp42" + bytes(2000)


@pytest.fixture(autouse=True)
def _films_on_this_disk(settings, tmp_path):
    """Uploads in MEDIA_ROOT on this machine, also in the run that puts uploads in the object
    store (``S3_BUCKET``; its own tests are in test_media_object_store.py)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = tmp_path
    settings.MEDIA_ACCEL_REDIRECT = ""


@pytest.fixture
def production(settings):
    """As in production: nginx in front sends the files the app allows."""
    settings.MEDIA_ACCEL_REDIRECT = "/_media/"


def film(collection=None, name="film.mp4", thumbnail=None):
    fields = {"collection": collection} if collection else {}
    if thumbnail:
        fields["thumbnail"] = ContentFile(thumbnail, name="poster.png")
    return get_media_model().objects.create(
        title="Film", type="video", file=ContentFile(FILM, name=name), **fields
    )


def restricted_collection():
    collection = Collection.get_first_root_node().add_child(name="Medlemsfilmer")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=MEMBERS_GROUP_NAME))
    return collection


def directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_film_has_the_sites_checked_address():
    media = film()
    assert media.url == f"/media/{media.file.name}"


def test_a_public_film_gets_the_document_headers_and_ordinary_caching(client):
    media = film()
    response = client.get(media.url)
    assert response.status_code == 200 and body(response) == FILM
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert "public" in directives(response) and "no-store" not in directives(response)
    # played in the page, as a PDF document is shown inline (other documents are attachments)
    assert response["Content-Disposition"].startswith("inline")
    ranged = client.get(media.url, headers={"Range": "bytes=0-9"})
    assert ranged.status_code == 206 and body(ranged) == FILM[:10]
    assert ranged["X-Content-Type-Options"] == "nosniff"


def test_a_film_in_a_restricted_collection_is_private(client):
    media = film(restricted_collection())
    refused = client.get(media.url)
    assert refused.status_code == 403
    assert {"private", "no-store"} <= directives(refused)
    client.force_login(member().user)
    served = client.get(media.url)
    assert served.status_code == 200 and body(served) == FILM
    assert {"private", "no-store"} <= directives(served)
    assert "public" not in directives(served)
    assert "Cookie" in served["Vary"]
    assert served["X-Content-Type-Options"] == "nosniff"


def test_in_production_a_restricted_film_is_checked_then_handed_to_nginx(client, production):
    media = film(restricted_collection())
    refused = client.get(media.url)
    assert refused.status_code == 403 and not refused.has_header("X-Accel-Redirect")
    assert {"private", "no-store"} <= directives(refused)
    client.force_login(member().user)
    served = client.get(media.url)
    assert served.status_code == 200 and served.content == b""
    assert unquote(served["X-Accel-Redirect"]) == f"/_media/{media.file.name}"
    assert {"private", "no-store"} <= directives(served) and "Cookie" in served["Vary"]
    assert served["Content-Type"] == "video/mp4"


def test_in_production_a_public_film_is_handed_to_nginx_with_ordinary_caching(client, production):
    media = film(name="föreläsning om närvaro.mp4")
    served = client.get(media.url)
    assert served.status_code == 200
    assert unquote(served["X-Accel-Redirect"]) == f"/_media/{media.file.name}"
    assert "public" in directives(served) and "no-store" not in directives(served)


def test_a_restricted_films_thumbnail_is_private_too(client, production):
    media = film(restricted_collection(), thumbnail=b"\x89PNG\r\n\x1a\n")
    assert media.thumbnail.url.startswith("/media/media_thumbnails/")
    assert client.get(media.thumbnail.url).status_code == 403
    client.force_login(member().user)
    served = client.get(media.thumbnail.url)
    assert served.status_code == 200 and {"private", "no-store"} <= directives(served)


def test_a_file_no_film_owns_is_not_served(client, settings, production):
    (settings.MEDIA_ROOT / "media").mkdir()
    (settings.MEDIA_ROOT / "media" / "old-upload.mp4").write_bytes(FILM)
    assert client.get("/media/media/old-upload.mp4").status_code == 404
    (settings.MEDIA_ROOT / "documents").mkdir()
    (settings.MEDIA_ROOT / "documents" / "protokoll.pdf").write_bytes(b"%PDF-1.4")
    for path in ("/media/documents/protokoll.pdf", "/media/media/../documents/protokoll.pdf"):
        assert client.get(path).status_code == 404


def test_a_film_whose_file_is_gone_is_not_found_and_only_reading_is_allowed(client):
    media = film()
    assert client.head(media.url).status_code == 200
    assert client.post(media.url).status_code == 405
    media.file.storage.delete(media.file.name)
    assert client.get(media.url).status_code == 404


def test_captions_are_served_through_the_checked_route_and_only_a_tracks_file(client, settings):
    track = captions()
    assert track.file.url == f"/media/{track.file.name}"
    response = client.get(track.file.url)
    assert response.status_code == 200 and body(response).startswith(b"WEBVTT")
    assert response["X-Content-Type-Options"] == "nosniff"
    (settings.MEDIA_ROOT / "captions" / "old.vtt").write_text("WEBVTT\n")
    assert client.get("/media/captions/old.vtt").status_code == 404

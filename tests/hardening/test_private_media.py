"""Films and sound files (wagtailmedia) get the headers documents get; one in a collection with
a view restriction is served only to whom the restriction accepts, and never kept by a shared
cache (the development server's /media/, kcsite.devmedia)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser, Group
from django.core.files.base import ContentFile
from django.test import RequestFactory
from wagtail.models import Collection, CollectionViewRestriction
from wagtailmedia.models import get_media_model

from kcsite.devmedia import serve_media
from network.membership.models import MEMBERS_GROUP_NAME
from tests.membership.factories import member

pytestmark = pytest.mark.django_db

FILM = b"\x00\x00\x00\x18ftypmp42" + bytes(2000)


@pytest.fixture(autouse=True)
def _films_on_this_disk(settings, tmp_path):
    """The development server's /media/ serves files from this machine's disk, so the films are
    kept there, also in the run that puts uploads in the object store (``S3_BUCKET``)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = tmp_path


def _film(collection=None):
    fields = {"collection": collection} if collection else {}
    return get_media_model().objects.create(
        title="Film", type="video", file=ContentFile(FILM, name="film.mp4"), **fields
    )


def _restricted_collection():
    collection = Collection.get_first_root_node().add_child(name="Medlemsfilmer")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=MEMBERS_GROUP_NAME))
    return collection


def _get(media, user=None, headers=None):
    request = RequestFactory().get(media.url, headers=headers or {})
    request.user = user or AnonymousUser()
    request.session = {}
    name = Path(media.file.name)
    response = serve_media(request, name.name, document_root=Path(settings.MEDIA_ROOT) / "media")
    response.close = lambda: None  # keep the test's database connection
    return response


def _directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def test_a_public_film_gets_the_document_headers_and_ordinary_caching():
    response = _get(_film())
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert "no-store" not in _directives(response)
    # played in the page, as a PDF document is shown inline (other documents are attachments)
    assert response["Content-Disposition"].startswith("inline")
    ranged = _get(_film(), headers={"Range": "bytes=0-9"})
    assert ranged.status_code == 206 and ranged["X-Content-Type-Options"] == "nosniff"


def test_a_film_in_a_restricted_collection_is_private():
    film = _film(_restricted_collection())
    refused = _get(film)
    assert refused.status_code == 403
    assert {"private", "no-store"} <= _directives(refused)
    served = _get(film, user=member().user)
    assert served.status_code == 200
    assert {"private", "no-store"} <= _directives(served)
    assert "Cookie" in served["Vary"]
    assert served["X-Content-Type-Options"] == "nosniff"

"""A training film's page points its player, download link and caption tracks at the site's
checked addresses; the captions of a film in a restricted collection are as private as the film
(methodbank.library registers them with kcsite.media's ``kc_media_file_restrictions`` hook)."""

import pytest
from bs4 import BeautifulSoup

from tests.hardening.test_private_media import directives, restricted_collection
from tests.library.factories import captions, film, library, video
from tests.membership.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _films_on_this_disk(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = tmp_path
    settings.MEDIA_ACCEL_REDIRECT = "/_media/"


def _film_page(restricted):
    films_page = library().films
    media = video()
    if restricted:
        media.collection = restricted_collection()
        media.save()
    return film(films_page, video=media, captions=captions())


def _addresses(client, page):
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    video_tag = html.select_one("video")
    return (
        video_tag.select_one("source")["src"],
        [track["src"] for track in video_tag.select("track")],
    )


def test_the_film_page_points_at_the_checked_addresses(client):
    page = _film_page(restricted=False)
    source, tracks = _addresses(client, page)
    assert source == f"/media/{page.video.file.name}"
    assert tracks == [f"/media/{page.captions.file.name}"]
    assert client.get(source).status_code == 200
    assert client.get(tracks[0]).status_code == 200


def test_a_restricted_films_captions_are_private(client):
    page = _film_page(restricted=True)
    source, tracks = _addresses(client, page)
    for address in (source, *tracks):
        refused = client.get(address)
        assert refused.status_code == 403, address
        assert {"private", "no-store"} <= directives(refused)
    client.force_login(member().user)
    for address in (source, *tracks):
        served = client.get(address)
        assert served.status_code == 200, address
        assert {"private", "no-store"} <= directives(served) and "Cookie" in served["Vary"]
        assert served.has_header("X-Accel-Redirect")

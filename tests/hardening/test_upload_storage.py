"""A media folder that takes no files gives a form error on upload, not a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def unwritable_media(settings, tmp_path):
    """MEDIA_ROOT below a regular file: every write fails, even as root (where a read-only
    folder would not stop anything)."""
    from tests.conftest import s3_configured

    if s3_configured():  # swapping the storage mid-run would lose the run's bucket prefix
        pytest.skip("a folder that takes no files is the local-files storage: the SQLite run")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    settings.MEDIA_ROOT = str(blocker / "media")
    return settings.MEDIA_ROOT


def test_document_upload_to_an_unwritable_folder_is_a_form_error(admin_client, unwritable_media):
    before = get_document_model().objects.count()
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Protokoll",
            "file": SimpleUploadedFile("protokoll.pdf", b"%PDF-1.4 test"),
            "collection": 1,
        },
    )
    assert response.status_code == 200
    assert "Filen kunde inte sparas" in response.content.decode()
    assert get_document_model().objects.count() == before


def test_image_upload_to_an_unwritable_folder_is_a_form_error(admin_client, unwritable_media):
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    png = buffer.getvalue()
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "Bild",
            "file": SimpleUploadedFile("bild.png", png, "image/png"),
            "collection": 1,
        },
    )
    assert response.status_code == 200
    assert "Filen kunde inte sparas" in response.content.decode()


def test_uploads_still_work_when_the_folder_is_writable(admin_client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "Ok", "file": SimpleUploadedFile("ok.pdf", b"%PDF-1.4 ok"), "collection": 1},
    )
    assert response.status_code == 302

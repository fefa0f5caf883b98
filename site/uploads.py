"""Upload forms that report a storage that cannot take files as a form error, not a 500.

A read-only or full media folder (or an unreachable object store) would otherwise fail only
when the model is saved, after validation, as an unhandled ``OSError``. The admin's image,
document and media forms (``WAGTAILIMAGES_IMAGE_FORM_BASE``, ``WAGTAILDOCS_DOCUMENT_FORM_BASE``,
``WAGTAILMEDIA["MEDIA_FORM_BASE"]``) first write and delete a small probe file through the
same storage, and answer with a translated error when that fails.
"""

import logging
import uuid

from django import forms
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

logger = logging.getLogger(__name__)

STORAGE_FAILED = _(
    "Filen kunde inte sparas: lagringen för filer tar inte emot något just nu (den är "
    "skrivskyddad, full eller inte nåbar). Inget har sparats. Försök igen senare eller kontakta "
    "den som sköter webbplatsen."
)


def storage_accepts_files(storage=None, folder="uploads"):
    """True when ``storage`` can store (and remove) a file in ``folder``."""
    storage = storage or default_storage
    try:
        name = storage.save(f"{folder}/.probe-{uuid.uuid4().hex}", ContentFile(b""))
        storage.delete(name)
    except OSError as error:
        logger.warning("File storage refuses uploads: %s", error)
        return False
    return True


class StorageCheckMixin:
    """Add :data:`STORAGE_FAILED` as a form error when files are uploaded and the storage
    of the form's file field cannot take them."""

    def clean(self):
        cleaned = super().clean()
        uploads = [f for f in (self.files or {}).values() if f]
        field = self._meta.model._meta.get_field("file")
        folder = field.upload_to if isinstance(field.upload_to, str) else "original_images"
        if uploads and not storage_accepts_files(field.storage, folder or "uploads"):
            raise forms.ValidationError(STORAGE_FAILED, code="storage_failed")
        return cleaned


class StorageCheckingImageForm(StorageCheckMixin, BaseImageForm):
    pass


class StorageCheckingDocumentForm(StorageCheckMixin, BaseDocumentForm):
    pass

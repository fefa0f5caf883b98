"""The object store (``S3_BUCKET``) with films and caption files behind the app's view check.

django-storages gives every file a signed address of the private bucket, valid for
``AWS_QUERYSTRING_EXPIRE``; a film in a restricted collection must not get one in a page.
Files in :data:`kcsite.media.CHECKED_FOLDERS` get the site's own address instead
(``MEDIA_URL + name``, as on local disk), which :func:`kcsite.media.serve_checked` answers after
the check with :meth:`CheckedS3Storage.signed_url`. Images keep their signed addresses.
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage

from kcsite.media import CHECKED_FOLDERS


class CheckedS3Storage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        if name.split("/", 1)[0] in CHECKED_FOLDERS and parameters is None:
            return settings.MEDIA_URL + filepath_to_uri(name)
        return super().url(name, parameters=parameters, expire=expire, http_method=http_method)

    def signed_url(self, name, *, private):
        """The store's own address of ``name``; a private file's is short-lived and answered
        with ``Cache-Control: private, no-store`` by the store."""
        if not private:
            return super().url(name)
        return super().url(
            name,
            parameters={"ResponseCacheControl": "private, no-store"},
            expire=settings.MEDIA_PRIVATE_URL_SECONDS,
        )

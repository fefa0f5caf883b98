"""Static files, uploads (local disk or S3-compatible object storage) and upload sizes."""

from pathlib import Path
from urllib.parse import urlsplit

from .environment import BASE_DIR, PRODUCTION, VAR_DIR, ImproperlyConfigured, env

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# With S3_BUCKET set, uploads (images, documents, films) go to S3-compatible object storage, so
# every app server sees them; else to MEDIA_ROOT on the local disk (the embedded default).
# The bucket stays private: images get signed addresses, films and captions the site's own
# (kcsite.media checks their view restrictions, then redirects), documents are only ever
# served through Wagtail's document view (WAGTAILDOCS_SERVE_METHOD below), which checks privacy.
S3_BUCKET = env.str("S3_BUCKET", default="")
if S3_BUCKET:
    from botocore.config import Config

    # As django-storages settings, not as the storage's OPTIONS: Wagtail hands the storage's
    # constructor arguments to a task when a file is deleted, and the task queue would store
    # the secret key (and fail on the Config object).
    STORAGES["default"] = {"BACKEND": "kcsite.media_storage.CheckedS3Storage"}
    AWS_STORAGE_BUCKET_NAME = S3_BUCKET
    AWS_S3_ENDPOINT_URL = env.str("S3_ENDPOINT_URL", default="") or None
    AWS_S3_ACCESS_KEY_ID = env.str("S3_ACCESS_KEY_ID", default="") or None
    AWS_S3_SECRET_ACCESS_KEY = env.str("S3_SECRET_ACCESS_KEY", default="") or None
    AWS_S3_REGION_NAME = env.str("S3_REGION", default="") or None
    AWS_LOCATION = env.str("S3_PREFIX", default="")
    AWS_DEFAULT_ACL = None  # the bucket's own policy: private
    AWS_QUERYSTRING_AUTH = True
    AWS_QUERYSTRING_EXPIRE = 24 * 3600
    AWS_S3_FILE_OVERWRITE = False
    # Path-style addresses for a store of its own (MinIO, Ceph, S3Proxy); checksums only where
    # S3 requires them (such stores refuse the newer default checksum headers of boto3).
    AWS_S3_CLIENT_CONFIG = Config(
        s3={"addressing_style": "path" if AWS_S3_ENDPOINT_URL else "auto"},
        signature_version="s3v4",
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
    )
# Films, sound files and captions are served after the view check (kcsite.media). On local disk
# in production nginx sends the bytes: the app answers with X-Accel-Redirect to this internal
# location (ops/nginx/kunskapscentrum.conf); empty: Django sends them (development, or no nginx).
MEDIA_ACCEL_REDIRECT = env.str("MEDIA_ACCEL_REDIRECT", default="/_media/" if PRODUCTION else "")
if MEDIA_ACCEL_REDIRECT and not (MEDIA_ACCEL_REDIRECT[0] == MEDIA_ACCEL_REDIRECT[-1] == "/"):
    raise ImproperlyConfigured("MEDIA_ACCEL_REDIRECT must begin and end with / (nginx's location)")
# With S3_BUCKET: how long the store's address of a restricted film works (a viewing session:
# seeking later in the film asks the store again with the same address).
MEDIA_PRIVATE_URL_SECONDS = env.int("MEDIA_PRIVATE_URL_SECONDS", default=3600)
WHITENOISE_USE_FINDERS = not PRODUCTION
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The object store's origin, for the Content-Security-Policy (security.py): signed URLs of the
# object store serve images, films and captions.
CSP_MEDIA_ORIGIN = ""
if S3_BUCKET:
    _endpoint = urlsplit(AWS_S3_ENDPOINT_URL or "https://s3.amazonaws.com")
    _host = _endpoint.netloc if AWS_S3_ENDPOINT_URL else f"*.{_endpoint.netloc}"
    CSP_MEDIA_ORIGIN = f"{_endpoint.scheme}://{_host}"

"""Wagtail: the admin, staff login, images, documents and films."""

from .environment import PRODUCTION, env

WAGTAIL_SITE_NAME = "Kunskapscentrum för skolnärvaro"
# Staff may turn on two-factor login (kcsite.twofactor); then the code is asked at login.
WAGTAILADMIN_USER_LOGIN_FORM = "kcsite.twofactor.forms.StaffLoginForm"
# With this on (the default in production), staff who can read personal data (registrations,
# applications, members, support requests) must set up two-factor login before anything else.
STAFF_TWO_FACTOR_REQUIRED = env.bool("STAFF_TWO_FACTOR_REQUIRED", default=PRODUCTION)
OTP_TOTP_ISSUER = "Kunskapscentrum för skolnärvaro"
WAGTAILADMIN_BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000")
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# New pages get ASCII slugs from Swedish titles (å, ä → a, ö → o; kcsite/pages/slugs.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No Gravatar avatars in the admin: they would send a hash of each editor's address to a
# third party (and the Content-Security-Policy allows images from this site only).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# Uploads to a storage that cannot take files (read-only, full) end in a form error.
WAGTAILIMAGES_IMAGE_FORM_BASE = "kcsite.uploads.StorageCheckingImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "kcsite.uploads.StorageCheckingDocumentForm"
# Training films (methodbank.library): only formats browsers play natively; the base form checks
# that an upload really is a video (file signature), not just its name.
WAGTAILMEDIA = {
    "MEDIA_FORM_BASE": "methodbank.library.media_forms.VideoCheckingMediaForm",
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "ogg", "wav"],
    "VIDEO_EXTENSIONS": ["mp4", "m4v", "webm", "ogv"],
}

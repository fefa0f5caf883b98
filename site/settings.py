"""Settings for Kunskapscentrum för skolnärvaro.

The environment is read here and nowhere else. With nothing set, the site runs embedded:
SQLite and local files under ``var/``, Wagtail's database search backend and e-mail written
to ``var/mail``. ``DJANGO_ENV=production`` refuses unsafe defaults at start-up.
"""

import ipaddress
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from kcsite.csp import policy as site_csp_policy
from kcsite.search.config import build_search_backends

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
VAR_DIR.mkdir(exist_ok=True)  # embedded default: SQLite, media, mail and logs live here
DJANGO_ENV = env.str("DJANGO_ENV", default="development")
PRODUCTION = DJANGO_ENV == "production"

_DEV_SECRET = "dev-only-insecure-key-never-used-in-production"  # noqa: S105
SECRET_KEY = env.str("SECRET_KEY", default="" if PRODUCTION else _DEV_SECRET)
DEBUG = env.bool("DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Production settings over plain http, for testing on this machine only (secure-only cookies,
# HTTPS redirect and HSTS off). Refused unless every allowed host is a loopback address.
PLAIN_HTTP_LOOPBACK = env.bool("PLAIN_HTTP_LOOPBACK", default=False)
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}

if PRODUCTION:
    problems = []
    if PLAIN_HTTP_LOOPBACK and not set(ALLOWED_HOSTS) <= LOOPBACK_HOSTS:
        problems.append("PLAIN_HTTP_LOOPBACK is only for ALLOWED_HOSTS on loopback (127.0.0.1)")
    if not SECRET_KEY or SECRET_KEY == _DEV_SECRET or len(SECRET_KEY) < 50:
        problems.append("SECRET_KEY must be set to a random value of at least 50 characters")
    if DEBUG:
        problems.append("DEBUG must be off")
    if not ALLOWED_HOSTS:
        problems.append("ALLOWED_HOSTS must name the site's host names")
    if problems:
        raise ImproperlyConfigured(
            "Refusing to start with DJANGO_ENV=production: " + "; ".join(problems) + "."
        )

INSTALLED_APPS = [
    "kcsite.pages",
    "kcsite.search",
    "kcsite.twofactor",
    "kcsite.outbox",
    "methodbank",
    "methodbank.library",
    "wagtailmedia",
    "events",
    "network.support",
    "network.membership",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above the page cache, so pages answered from it get the policy too.
    "kcsite.csp.SitePolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kcsite.pages.caching.PageCacheMiddleware",
    "kcsite.pages.routing.RouteMemoMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "kcsite.twofactor.middleware.RequireTwoFactorMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kcsite.urls"
WSGI_APPLICATION = "kcsite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "kcsite.pages.context_processors.fragment_caching",
            ],
        },
    },
]

# --- Data -----------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60 if PRODUCTION else 0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://kc")}
# Several sites (or test runs) may share one Redis: each keeps its keys under its own prefix.
CACHES["default"]["KEY_PREFIX"] = env.str("CACHE_KEY_PREFIX", default="kc")
if CACHES["default"]["BACKEND"].endswith(("LocMemCache", "FileBasedCache")):
    # Django's default of 300 entries is too few for cached pages plus their fragments: each
    # cull drops a third of the entries at random, the content generation among them.
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 10_000)
_PER_PROCESS_CACHES = ("LocMemCache", "DummyCache")
if PRODUCTION and CACHES["default"]["BACKEND"].endswith(_PER_PROCESS_CACHES):
    # Rate limits (and the page cache's invalidation) must be shared by every worker.
    raise ImproperlyConfigured(
        "Refusing to start with DJANGO_ENV=production: CACHE_URL must name a shared cache "
        "(Redis: rediscache://host:6379/1), not a per-process one."
    )
# Anonymous visitors get the method bank's pages from the cache for this long (0 turns it off).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60)
# Menus, breadcrumbs, footer and method cards: cached fragments keyed by the content generation.
# A shared cache (Redis, files) drops them at every publish, so they may live long; a cache per
# process only sees its own publishes, so there they live no longer than a cached page.
_SHARED_CACHE = not CACHES["default"]["BACKEND"].endswith(("LocMemCache", "DummyCache"))
FRAGMENT_CACHE_SECONDS = env.int(
    "FRAGMENT_CACHE_SECONDS", default=3600 if _SHARED_CACHE else PAGE_CACHE_SECONDS
)

# --- Search ---------------------------------------------------------------------------------
WAGTAILSEARCH_BACKENDS = build_search_backends(
    elasticsearch_url=env.str("ELASTICSEARCH_URL", default=""),
    engine=env.str("SEARCH_ENGINE", default=""),
    index=env.str("SEARCH_INDEX", default="kunskapscentrum"),
    timeout=env.float("SEARCH_TIMEOUT_SECONDS", default=2.0),
)
# A cluster that hangs: autocomplete waits even less, and after a connection error or timeout
# search skips the cluster (answers from the database index) for SEARCH_CIRCUIT_SECONDS.
SEARCH_AUTOCOMPLETE_TIMEOUT_SECONDS = env.float("SEARCH_AUTOCOMPLETE_TIMEOUT_SECONDS", default=0.5)
SEARCH_CIRCUIT_SECONDS = env.int("SEARCH_CIRCUIT_SECONDS", default=30)
WAGTAILSEARCH_HITS_MAX_AGE = 90

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "sv"
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("sv", _("Svenska")), ("en", _("Engelska"))]
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska"), ("en", "English")]
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# site/locale is generated (`make messages`); locale_overrides holds Swedish for admin strings
# that Wagtail and wagtailmedia ship untranslated (edited by hand, second so makemessages
# never writes there).
LOCALE_PATHS = [BASE_DIR / "site" / "locale", BASE_DIR / "site" / "locale_overrides"]

# --- Files ----------------------------------------------------------------------------------
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
# The bucket stays private: images and films get signed addresses, documents are only ever
# served through Wagtail's document view (WAGTAILDOCS_SERVE_METHOD below), which checks privacy.
S3_BUCKET = env.str("S3_BUCKET", default="")
if S3_BUCKET:
    from botocore.config import Config

    # As django-storages settings, not as the storage's OPTIONS: Wagtail hands the storage's
    # constructor arguments to a task when a file is deleted, and the task queue would store
    # the secret key (and fail on the Config object).
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
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
WHITENOISE_USE_FINDERS = not PRODUCTION
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="filemail://")
if EMAIL_CONFIG["EMAIL_BACKEND"] == "django.core.mail.backends.filebased.EmailBackend":
    EMAIL_CONFIG["EMAIL_FILE_PATH"] = env.str("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))
globals().update(EMAIL_CONFIG)  # EMAIL_BACKEND, EMAIL_HOST, … from EMAIL_URL
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Team Domino <noreply@example.org>")
TEAM_DOMINO_EMAIL = env.str("TEAM_DOMINO_EMAIL", default="teamdomino@example.org")
# Every mail goes through kcsite.mail: a server that hangs is given up after EMAIL_TIMEOUT
# seconds and the message retried after each of MAIL_RETRY_DELAYS (seconds), then listed as
# failed for staff. Sent messages leave the outbox after MAIL_KEEP_SENT_DAYS.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
MAIL_RETRY_DELAYS = (60, 300, 1800, 7200, 21600)
MAIL_KEEP_SENT_DAYS = env.int("MAIL_KEEP_SENT_DAYS", default=14)
MAIL_KEEP_FAILED_DAYS = env.int("MAIL_KEEP_FAILED_DAYS", default=30)

# --- Tasks ----------------------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.backend.DatabaseBackend"
            if env.bool("TASKS_QUEUE", default=PRODUCTION)
            else "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# --- Wagtail --------------------------------------------------------------------------------
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

# --- Security -------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Staff login throttling (django-axes): after STAFF_LOGIN_FAILURE_LIMIT failed logins (a wrong
# password or a wrong one-time code) for one account, or from one client address, that account
# or address is locked out for STAFF_LOGIN_LOCKOUT_MINUTES; a success resets the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("STAFF_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("STAFF_LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "twofactor/locked_out.html"
AXES_VERBOSE = False
# The client address as the rate limits see it: X-Forwarded-For only from TRUSTED_PROXIES.
AXES_CLIENT_IP_CALLABLE = "kcsite.ratelimit.client_ip"
# Content-Security-Policy (kcsite.csp): sent as Report-Only until CSP_ENFORCE is on;
# CSP_REPORT_URI, if set, receives the browsers' violation reports.
CSP_ENFORCE = env.bool("CSP_ENFORCE", default=False)
_MEDIA_ORIGIN = ""
if S3_BUCKET:  # signed URLs of the object store serve images, films and captions
    _endpoint = urlsplit(AWS_S3_ENDPOINT_URL or "https://s3.amazonaws.com")
    _MEDIA_ORIGIN = f"{_endpoint.scheme}://{'' if AWS_S3_ENDPOINT_URL else '*.'}{_endpoint.netloc}"
_CSP_POLICY = site_csp_policy(env.str("CSP_REPORT_URI", default=""), _MEDIA_ORIGIN)
if CSP_ENFORCE:
    CONTENT_SECURITY_POLICY = _CSP_POLICY
else:
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP_POLICY
SESSION_COOKIE_HTTPONLY = True
# Wagtail's live preview shows the site in a frame of its own admin, so SAMEORIGIN, not DENY.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# The language cookie (set by /i18n/setlang/) is sent to the server only, same-site only.
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
if PRODUCTION:
    _HTTPS = not PLAIN_HTTP_LOOPBACK
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = _HTTPS and env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000) if _HTTPS else 0
    SECURE_HSTS_INCLUDE_SUBDOMAINS = _HTTPS
    SECURE_HSTS_PRELOAD = _HTTPS
    SESSION_COOKIE_SECURE = _HTTPS
    CSRF_COOKIE_SECURE = _HTTPS
    LANGUAGE_COOKIE_SECURE = _HTTPS
    if PLAIN_HTTP_LOOPBACK:
        SILENCED_SYSTEM_CHECKS += ["security.W004", "security.W008", "security.W012"]
        SILENCED_SYSTEM_CHECKS += ["security.W016"]

# Search statistics (editors' report, search-promotion query log) are purged after this many days.
SEARCH_STATS_RETENTION_DAYS = env.int("SEARCH_STATS_RETENTION_DAYS", default=180)

# --- Rate limits of public forms (kcsite.ratelimit, counted by django-ratelimit) ---
# Only valid submissions count: per e-mail address and form, and a generous ceiling per client.
RATE_LIMIT_PER_EMAIL = env.str("RATE_LIMIT_PER_EMAIL", default="10/h")
RATE_LIMIT_PER_CLIENT = env.str("RATE_LIMIT_PER_CLIENT", default="600/h")
# Reverse proxies (CIDRs) whose X-Forwarded-For is believed; everyone else's is ignored.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as _error:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {_proxy!r} is not a CIDR: {_error}") from None
RATELIMIT_IP_META_KEY = "kcsite.ratelimit.client_ip"
RATELIMIT_IPV6_MASK = 64

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    # Client errors (4xx, DisallowedHost and other suspicious requests) are the visitor's
    # doing: one WARNING line each, without a traceback (kcsite.logfilters).
    "filters": {"client_errors": {"()": "kcsite.logfilters.ClientErrorsAsWarnings"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["client_errors"],
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "kcsite": {"level": "INFO"},
        "elastic_transport": {"level": "ERROR"},
        "opensearch": {"level": "ERROR"},
    },
}

# --- Membership ---
# Anonymous visitors to member-only pages and documents are sent to the login-link page.
WAGTAIL_FRONTEND_LOGIN_URL = "membership:login"
MEMBERSHIP_LOGIN_LINK_MINUTES = env.int("MEMBERSHIP_LOGIN_LINK_MINUTES", default=15)
MEMBERSHIP_LOGIN_LINKS_PER_ADDRESS = 3  # per address and link lifetime
MEMBERSHIP_VERIFY_LINK_HOURS = env.int("MEMBERSHIP_VERIFY_LINK_HOURS", default=72)

# --- Support ---
# Team Domino's support on request (network.support).
SUPPORT_BOOKING_WEEKS = env.int("SUPPORT_BOOKING_WEEKS", default=4)  # free times shown ahead
SUPPORT_MIN_NOTICE_HOURS = env.int("SUPPORT_MIN_NOTICE_HOURS", default=12)
SUPPORT_RESPONSE_DAYS = env.int("SUPPORT_RESPONSE_DAYS", default=5)  # promised in the receipt
SUPPORT_LINK_MAX_AGE_DAYS = env.int("SUPPORT_LINK_MAX_AGE_DAYS", default=730)
SUPPORT_RETENTION_MONTHS = env.int("SUPPORT_RETENTION_MONTHS", default=24)
SUPPORT_REQUESTS_PER_HOUR = env.int("SUPPORT_REQUESTS_PER_HOUR", default=10)  # per client
SUPPORT_ADDITIONS_PER_DAY = env.int("SUPPORT_ADDITIONS_PER_DAY", default=5)  # per request

# --- Events ---
EVENTS_REMINDER_HOURS_BEFORE = env.int("EVENTS_REMINDER_HOURS_BEFORE", default=24)
EVENTS_RETENTION_DAYS = env.int("EVENTS_RETENTION_DAYS", default=365)  # then anonymised
EVENTS_LINK_MAX_AGE_DAYS = env.int("EVENTS_LINK_MAX_AGE_DAYS", default=400)  # signed links
EVENTS_REGISTRATIONS_PER_HOUR = env.int("EVENTS_REGISTRATIONS_PER_HOUR", default=20)  # per client
# A burst (more than EVENTS_BURST_LIMIT registrations for one event from one client within
# EVENTS_BURST_SECONDS) waits, and Team Domino is told (events.bursts).
EVENTS_BURST_LIMIT = env.int("EVENTS_BURST_LIMIT", default=10)
EVENTS_BURST_SECONDS = env.int("EVENTS_BURST_SECONDS", default=60)
EVENTS_LOCK_TIMEOUT_SECONDS = 15  # PostgreSQL lock_timeout while waiting for an event's lock

"""Where the site runs: paths, the environment reader, development or production, secrets and
host names. ``DJANGO_ENV=production`` refuses unsafe defaults here, before anything else."""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
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

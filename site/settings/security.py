"""Passwords, staff login throttling, the Content-Security-Policy, cookies, HTTPS and the rate
limits of public forms (with the proxies whose client addresses are believed)."""

import ipaddress
from datetime import timedelta

from kcsite.csp import policy as site_csp_policy

from .environment import PLAIN_HTTP_LOOPBACK, PRODUCTION, ImproperlyConfigured, env
from .files import CSP_MEDIA_ORIGIN

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
_CSP_POLICY = site_csp_policy(env.str("CSP_REPORT_URI", default=""), CSP_MEDIA_ORIGIN)
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

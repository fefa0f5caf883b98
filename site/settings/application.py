"""The Django project: installed apps, middleware, templates, languages and logging."""

from django.utils.translation import gettext_lazy as _

from .environment import BASE_DIR

INSTALLED_APPS = [
    "kcsite.pages",
    "kcsite.search",
    "kcsite.twofactor",
    "kcsite.outbox",
    "methodbank",
    "methodbank.library",
    "methodbank.routines",
    "wagtailmedia",
    "events",
    "network.support",
    "network.membership",
    "network.assessment",
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
    "kcsite.pages.redirects.RedirectKeepingQueryMiddleware",  # Wagtail's, keeping the query
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

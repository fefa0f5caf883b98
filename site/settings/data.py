"""Database, cache (with the page and fragment caches' lifetimes), search backends and the task
queue."""

from kcsite.search.config import build_search_backends

from .environment import PRODUCTION, VAR_DIR, ImproperlyConfigured, env

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60 if PRODUCTION else 0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://kc")}
# Several sites (or test runs) may share one Redis: each keeps its keys under its own prefix.
CACHES["default"]["KEY_PREFIX"] = env.str("CACHE_KEY_PREFIX", default="kc")
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # the same backend, with one Redis client per connection pool instead of one per call
    CACHES["default"]["BACKEND"] = "kcsite.pages.redis_cache.RedisCache"
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
# Entries keyed by the content generation (fragments, concept answers): a copy in each worker in
# front of a shared cache (kcsite.pages.near_cache); a per-process cache is its own near copy.
CACHES["fragments"] = (
    {"BACKEND": "kcsite.pages.near_cache.NearCache", "OPTIONS": {"SHARED": "default"}}
    if _SHARED_CACHE
    else CACHES["default"]
)
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
# What each word of a search finds (kcsite.search.concept_scores), kept per content generation
# as long as the cached fragments are (0 asks the backend for every word of every search).
SEARCH_CONCEPT_CACHE_SECONDS = env.int(
    "SEARCH_CONCEPT_CACHE_SECONDS", default=FRAGMENT_CACHE_SECONDS
)
WAGTAILSEARCH_HITS_MAX_AGE = 90

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

# Search statistics (editors' report, search-promotion query log) are purged after this many days.
SEARCH_STATS_RETENTION_DAYS = env.int("SEARCH_STATS_RETENTION_DAYS", default=180)

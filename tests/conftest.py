"""Test set-up shared by every app.

* The demo content is loaded once per session into the test database (each test then runs in
  a transaction that is rolled back), and, when the search cluster is the default backend,
  indexed into a per-run index that is deleted at the end.
* ``@pytest.mark.postgres`` / ``@pytest.mark.opensearch`` / ``@pytest.mark.redis`` /
  ``@pytest.mark.s3`` tests need the real service; without it they skip, and with ``CI=true``
  they fail instead.
* Test databases, search indexes and cache keys (on Redis) carry the process id, so two runs
  can share one server.
"""

import io
import os

import pytest
from django.conf import settings
from django.core.management import call_command

RUN_ID = f"{os.getpid()}"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def search_cluster_configured():
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    return "elasticsearch" in backend or "opensearch" in backend


def redis_cache_configured():
    return settings.CACHES["default"]["BACKEND"].endswith("RedisCache")


def s3_configured():
    return settings.STORAGES["default"]["BACKEND"].startswith("storages.backends.s3")


def pytest_configure(config):
    if search_cluster_configured():
        settings.WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = f"kc_test_{RUN_ID}_"
    if redis_cache_configured():
        settings.CACHES["default"]["KEY_PREFIX"] = f"kc_test_{RUN_ID}"
    if s3_configured():
        settings.AWS_LOCATION = f"kc_test_{RUN_ID}"


def _missing(reason):
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: a missing service is a failure, not a skip)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _require_services(request):
    on_postgres = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    if request.node.get_closest_marker("postgres") and not on_postgres:
        _missing("needs PostgreSQL: set DATABASE_URL=postgres://… (make test does)")
    if request.node.get_closest_marker("opensearch") and not search_cluster_configured():
        _missing("needs OpenSearch/Elasticsearch: set ELASTICSEARCH_URL (make test does)")
    if request.node.get_closest_marker("redis") and not redis_cache_configured():
        _missing("needs Redis as the cache: set CACHE_URL=redis://… (make test does)")
    if request.node.get_closest_marker("s3") and not s3_configured():
        _missing("needs S3-compatible object storage: set S3_BUCKET … (make test does)")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (page cache, rate limits): the database is rolled
    back between tests, the in-memory cache is not."""
    from django.core.cache import cache

    if redis_cache_configured():  # a shared server: only this run's keys, not FLUSHDB
        client = cache._cache.get_client(write=True)
        keys = list(client.scan_iter(match=cache.make_key("*"), count=1000))
        if keys:
            client.delete(*keys)
    else:
        cache.clear()


@pytest.fixture(autouse=True)
def _swedish_by_default():
    """Each test starts in Swedish, whatever language an earlier request activated."""
    from django.utils import translation

    translation.activate("sv")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _forget_indexed_test_methods(request):
    """The search cluster is not rolled back with the test's transaction: remove the method
    pages a test created from the index afterwards, so later tests do not see stale hits."""
    uses_db = request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(
        request.fixturenames
    )
    if not search_cluster_configured() or not uses_db:
        yield
        return
    from wagtail.search.backends import get_search_backends

    from methodbank.models import MethodPage

    before = set(MethodPage.objects.values_list("pk", flat=True))
    yield
    created = MethodPage.objects.exclude(pk__in=before)
    for backend in get_search_backends(with_auto_update=True):
        if "database" in type(backend).__module__:
            continue
        for page in created:
            backend.delete(page)
        backend.get_index_for_model(MethodPage).refresh()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Give this run's test database a name of its own (``test_kc_<pid>``)."""
    default = settings.DATABASES["default"]
    if default["ENGINE"] != "django.db.backends.sqlite3":
        default.setdefault("TEST", {})["NAME"] = f"test_kc_{RUN_ID}"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    if s3_configured():  # the object store's bucket (S3Proxy starts empty)
        from django.core.files.storage import default_storage

        bucket = default_storage.bucket
        if bucket.creation_date is None:
            bucket.create()
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())
        if search_cluster_configured():
            call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    yield
    if search_cluster_configured():
        from wagtail.search.backends import get_search_backend

        get_search_backend().es.indices.delete(index=f"kc_test_{RUN_ID}_*", ignore_unavailable=True)


@pytest.fixture
def mail_at_once(monkeypatch):
    """Deliver queued e-mail at once instead of when the transaction commits.

    A test runs inside a transaction that is rolled back, never committed, so mail queued "on
    commit" would never leave. The timing itself (nothing leaves before the commit) is proven
    in ``tests/site/test_mail_pipeline.py``; the app tests that check message content use this.
    """
    from kcsite import mail

    monkeypatch.setattr(mail, "after_commit", lambda callback: callback())

"""Test set-up shared by every app.

* **The session database holds only a skeleton**, built once per run after the migrations
  (``tests.builders.skeleton``); each test runs in a transaction that is rolled back and builds
  the rest of what it needs with ``tests/builders.py`` and its app's ``factories.py``. Every
  test may assume exactly this:

  - what the migrations create: Wagtail's root page, the ``sv`` locale (the default), the
    groups (Wagtail's ``Editors`` and ``Moderators``, ``Team Domino``, ``Network members``),
    Wagtail's default moderation workflow, content types and permissions, and the seeded
    vocabularies (search synonyms and field thesaurus, glossary terms, audiences,
    organisation types);
  - the ``en`` locale;
  - a published Swedish ``HomePage`` (slug ``home``, title ``builders.HOME_TITLE["sv"]``, no
    body, no children) as the root of the default ``Site`` (``BASE_URL``'s host and port);
  - its published English translation, served at ``/en/``;
  - the default Site's ``SiteSettings`` row, empty (no footer contact details).

  Nothing else: no other pages, no users, no demo content. Only ``tests/test_demo.py`` loads
  the demo (inside its own rolled-back transaction); the browser tests serve their own demo
  site (``tests/browser/conftest.py``).
* A transactional test (``django_db(transaction=True)``, ``transactional_db``,
  ``live_server``: the race tests of ``tests/races.py``) commits for real; Django empties the
  database afterwards and the skeleton is put back here, so the next test finds it again.
* When the search cluster is the default backend, the skeleton is indexed into a per-run index
  that is deleted at the end.
* ``@pytest.mark.postgres`` / ``@pytest.mark.opensearch`` / ``@pytest.mark.redis`` /
  ``@pytest.mark.s3`` tests need the real service; without it they skip, and with ``CI=true``
  they fail instead.
* Test databases, search indexes, cache keys (on Redis) and object-store folders carry the
  process id, so two runs can share one server.
* Test switches (``mail_at_once``, ``page_cache_off`` …) live in ``tests/switches.py``.
"""

import io
import os

import pytest
from django.conf import settings
from django.core.management import call_command
from pytest_django.plugin import blocking_manager_key

from tests import builders, races

pytest_plugins = ["tests.switches"]

RUN_ID = f"{os.getpid()}"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def search_cluster_configured():
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    return "elasticsearch" in backend or "opensearch" in backend


def redis_cache_configured():
    return settings.CACHES["default"]["BACKEND"].endswith("RedisCache")


def s3_configured():
    return settings.STORAGES["default"]["BACKEND"].startswith(
        ("storages.backends.s3", "kcsite.media_storage")
    )


def pytest_configure(config):
    if search_cluster_configured():
        settings.WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = f"kc_test_{RUN_ID}_"
    if redis_cache_configured():
        settings.CACHES["default"]["KEY_PREFIX"] = f"kc_test_{RUN_ID}"
    if s3_configured():
        settings.AWS_LOCATION = f"kc_test_{RUN_ID}"


def missing(reason):
    """Skip a test whose service or program is missing; under ``CI=true``, fail it."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: a missing service is a failure, not a skip)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _require_services(request):
    on_postgres = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    if request.node.get_closest_marker("postgres") and not on_postgres:
        missing("needs PostgreSQL: set DATABASE_URL=postgres://… (make test does)")
    if request.node.get_closest_marker("opensearch") and not search_cluster_configured():
        missing("needs OpenSearch/Elasticsearch: set ELASTICSEARCH_URL (make test does)")
    if request.node.get_closest_marker("redis") and not redis_cache_configured():
        missing("needs Redis as the cache: set CACHE_URL=redis://… (make test does)")
    if request.node.get_closest_marker("s3") and not s3_configured():
        missing("needs S3-compatible object storage: set S3_BUCKET … (make test does)")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (page cache, rate limits): the database is rolled
    back between tests, the in-memory cache is not."""
    from django.core.cache import cache, caches

    from kcsite.pages.near_cache import NearCache
    from kcsite.search import circuit

    circuit.forget()  # each worker's reading of the circuit, kept for a second
    if redis_cache_configured():  # a shared server: only this run's keys, not FLUSHDB
        client = cache._cache.get_client(write=True)
        # every version: Wagtail keeps its site root paths under version 2
        keys = list(client.scan_iter(match=cache.make_key("*", version="*"), count=1000))
        if keys:
            client.delete(*keys)
    else:
        cache.clear()
    fragments = caches["fragments"]
    if isinstance(fragments, NearCache):  # each worker's copy of the fragments
        fragments.local.clear()


@pytest.fixture(autouse=True)
def _swedish_by_default():
    """Each test starts in Swedish, whatever language an earlier request activated."""
    from django.utils import translation

    translation.activate("sv")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _forget_indexed_test_objects(request):
    """The search cluster is not rolled back with the test's transaction: take every object a
    test saved out of the index afterwards, so that later tests do not rank stale documents
    above their own (the cluster ranks first, the database then drops what it no longer has)."""
    uses_db = request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(
        request.fixturenames
    )
    if not search_cluster_configured() or not uses_db:
        yield
        return
    from django.db.models.signals import post_save
    from wagtail.search.backends import get_search_backends
    from wagtail.search.index import get_indexed_models

    indexed = tuple(get_indexed_models())
    saved = {}

    def remember(sender, instance, **_kwargs):
        if isinstance(instance, indexed):
            saved[(type(instance), instance.pk)] = instance

    post_save.connect(remember, weak=False, dispatch_uid="kc-test-indexed")
    yield
    post_save.disconnect(dispatch_uid="kc-test-indexed")
    for backend in get_search_backends(with_auto_update=True):
        if "database" in type(backend).__module__:
            continue
        for instance in saved.values():
            backend.delete(instance)
        for model in {type(instance) for instance in saved.values()}:
            backend.get_index_for_model(model).refresh()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Give this run's test database a name of its own (``test_kc_<pid>``)."""
    default = settings.DATABASES["default"]
    if default["ENGINE"] != "django.db.backends.sqlite3":
        default.setdefault("TEST", {})["NAME"] = f"test_kc_{RUN_ID}"


def _is_transactional(item):
    """Whether ``item`` commits for real (and Django empties the database after it)."""
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)):
        return True
    fixtures = set(getattr(item, "fixturenames", ()))
    return bool({"transactional_db", "live_server", "django_db_reset_sequences"} & fixtures)


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """The session database: migrations, then the skeleton described above (and, with a
    search cluster, its index; with S3, the bucket)."""
    if s3_configured():  # the object store's bucket (S3Proxy starts empty)
        from django.core.files.storage import default_storage

        bucket = default_storage.bucket
        if bucket.creation_date is None:
            bucket.create()
    with django_db_blocker.unblock():
        builders.skeleton()
        if any(_is_transactional(item) for item in request.session.items):
            races.snapshot_skeleton()
        if search_cluster_configured():
            call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    yield
    if search_cluster_configured():
        from wagtail.search.backends import get_search_backend

        get_search_backend().es.indices.delete(index=f"kc_test_{RUN_ID}_*", ignore_unavailable=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test's flush (its fixtures' teardown), put the skeleton back."""
    result = yield
    # After the session's last test the test database is already gone: nothing to restore.
    if _is_transactional(item) and nextitem is not None:
        with item.config.stash[blocking_manager_key].unblock():
            races.restore_skeleton()
    return result

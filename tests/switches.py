"""Test switches, in one place: fixtures that turn one behaviour of the site off or tighter for a
test that asks for them (registered for every test folder by ``tests/conftest.py``).

Always on, for every test (``tests/conftest.py``): the cache is emptied before each test (page
cache, rate-limit counters: an app conftest need not clear it again), and the active language is
Swedish. Everything else is the production behaviour unless a test asks for a switch:

* ``mail_at_once`` — queued e-mail leaves at once, not on commit;
* ``page_cache_off`` — every page is rendered, never served from the page cache;
* ``rate_limits(per_client=…, per_email=…)`` — tighter rate limits (django-ratelimit rates such
  as ``"2/h"``);
* ``rate_limit_clock(seconds)`` — the time the rate-limit counters see (their fixed windows),
  for tests that spread submissions over minutes or hours;
* ``use_cache(config)`` — one cache configuration for the default alias and the fragments
  alike (tests of the cache itself: the in-memory one, a server that does not answer);
* ``db_task_queue`` — tasks go to the database queue (run by a ``db_worker``) instead of running
  immediately.

The honeypot has no switch: tests leave its field empty, as people do.
"""

from types import SimpleNamespace

import pytest

DB_TASK_QUEUE = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}


@pytest.fixture
def mail_at_once(monkeypatch):
    """Deliver queued e-mail at once instead of when the transaction commits.

    A test runs inside a transaction that is rolled back, never committed, so mail queued "on
    commit" would never leave. The timing itself (nothing leaves before the commit) is proven
    in ``tests/site/test_mail_pipeline.py``; the app tests that check message content use this.
    """
    from kcsite import mail

    monkeypatch.setattr(mail, "after_commit", lambda callback: callback())


@pytest.fixture
def page_cache_off(settings):
    """Render every page (``PAGE_CACHE_SECONDS = 0``): for tests that count the work of a page
    or compare two renderings."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def rate_limits(settings):
    """Set tighter rate limits for this test: ``rate_limits(per_client="2/h")``,
    ``rate_limits(per_email="3/h")`` (unset ones stay as configured)."""

    def tighten(*, per_client=None, per_email=None):
        if per_client is not None:
            settings.RATE_LIMIT_PER_CLIENT = per_client
        if per_email is not None:
            settings.RATE_LIMIT_PER_EMAIL = per_email

    return tighten


@pytest.fixture
def rate_limit_clock(monkeypatch):
    """Set the time (seconds since the epoch) that :mod:`kcsite.ratelimit`'s counters see:
    ``rate_limit_clock(1_800_000_000.0)``; call it again to move the clock."""
    import django_ratelimit.core

    def set_clock(now):
        monkeypatch.setattr(django_ratelimit.core, "time", SimpleNamespace(time=lambda: now))

    return set_clock


@pytest.fixture
def db_task_queue(settings):
    """Tasks (mail) go to the database queue, as in production, instead of running at once; the
    test runs the worker itself."""
    settings.TASKS = DB_TASK_QUEUE


@pytest.fixture
def use_cache(settings):
    """``use_cache(config)``: the default cache and the fragments' cache both become ``config``
    (one table) for this test."""

    def use(config):
        settings.CACHES = {"default": config, "fragments": config}

    return use

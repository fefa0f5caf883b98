import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _mail_at_once(mail_at_once):
    """Queued mail leaves at once in these tests (see ``mail_at_once`` in tests/conftest.py)."""

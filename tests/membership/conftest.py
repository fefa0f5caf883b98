import pytest


@pytest.fixture(autouse=True)
def _mail_at_once(mail_at_once):
    """Queued mail leaves at once in these tests (``mail_at_once`` in tests/switches.py); the
    cache (rate-limit counters) is emptied before every test by tests/conftest.py."""

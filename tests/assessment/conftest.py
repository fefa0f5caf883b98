import pytest


@pytest.fixture(autouse=True)
def _mail_at_once(mail_at_once):
    """Queued mail leaves at once in these tests (``mail_at_once`` in tests/switches.py)."""

import pytest

from tests.methodbank import factories


@pytest.fixture
def demo_methods(db):
    """The demo's methods, imported through the import service: the corpus the first judgment
    set was written for (no other demo content)."""
    return factories.demo_methods()

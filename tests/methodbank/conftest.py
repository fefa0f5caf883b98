import pytest

from . import factories


@pytest.fixture
def finder(db):
    """The Swedish method finder at ``/metodbank/`` (with its English translation)."""
    return factories.finder()


@pytest.fixture
def demo_methods(db):
    """The demo's methods, imported through the import service (no other demo content)."""
    return factories.demo_methods()


@pytest.fixture
def demo_methods_en(db):
    """The demo's methods and its English translations of ten of them."""
    return factories.demo_methods(english=True)

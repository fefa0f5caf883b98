import pytest

from tests.library import factories as library_factories

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


@pytest.fixture
def library(db):
    """The knowledge library's pages in Swedish and English (the reference library at
    ``/kunskapsbank/forskning/`` and ``/en/knowledge-library/research/``) and its reading list,
    which the methods cite. Ask for it before the methods so that their import finds the
    references already in the library, as the demo's import does."""
    section = library_factories.library(english=True)
    library_factories.reading_list()
    return section

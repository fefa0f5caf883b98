import pytest

from . import factories


@pytest.fixture
def template(db):
    return factories.template()


@pytest.fixture
def routine(template):
    return factories.routine(template)

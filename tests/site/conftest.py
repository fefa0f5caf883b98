"""Data the site's tests share, built on the session skeleton (``tests/conftest.py``)."""

import pytest
from wagtail.models import Locale

from events.models import EventIndexPage
from methodbank.importing import ensure_finder, import_methods
from methodbank.models import MethodPage
from network.support.models import ServiceKind, SupportIndexPage, SupportServicePage
from tests import builders
from tests.methodbank.factories import method_item


@pytest.fixture
def method(db):
    """A published Swedish method page at ``/metodbank/test-metod/``, imported through the
    method bank's import service (which also creates the finder at ``/metodbank/``)."""
    import_methods([method_item()])
    return MethodPage.objects.get(slug="test-metod", locale__language_code="sv")


@pytest.fixture
def app_pages(db):
    """The Swedish index pages the app factories look up (``tests/events/factories.py``
    ``index_page``, ``tests/support/factories.py`` ``service_page``): the training index at
    ``/utbildningar/``, the support index at ``/stod/`` with the consultation service page, and
    the method finder at ``/metodbank/`` (made by the method bank's import service).
    Built with ``builders.ensure_page``, so a factory that builds the same page finds it."""
    home = builders.home()
    pages = {
        "events": builders.ensure_page(
            home, EventIndexPage, "utbildningar", title="Utbildningar och träffar"
        ),
        "support": builders.ensure_page(
            home, SupportIndexPage, "stod", title="Stöd från Team Domino"
        ),
    }
    pages["finder"] = ensure_finder(Locale.objects.get(language_code="sv"))[0]
    # the one kind these tests ask for (each page costs a revision and a publish per test)
    pages[ServiceKind.CONSULTATION] = builders.ensure_page(
        pages["support"],
        SupportServicePage,
        "konsultation",
        title=ServiceKind.CONSULTATION.label,
        service_kind=ServiceKind.CONSULTATION,
    )
    return pages

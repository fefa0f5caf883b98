import pytest
from django.db import transaction

from network.support.models import ServiceKind

from . import factories


@pytest.fixture(autouse=True)
def _mail_at_once(mail_at_once):
    """Queued mail leaves at once in these tests (``mail_at_once`` in tests/switches.py)."""


@pytest.fixture(scope="module", autouse=True)
def support_pages(request, django_db_setup, django_db_blocker):
    """/stod/ with every service page, in Swedish and English: built once for each test module
    and rolled back after it (each test runs in a savepoint inside). A module whose tests commit
    for real (``django_db(transaction=True)`` on the module) builds what it needs itself."""
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        yield None
        return
    with django_db_blocker.unblock(), transaction.atomic():
        pages = {kind: factories.service_page(kind) for kind in ServiceKind}
        factories.service_page(ServiceKind.CONSULTATION, "en")
        yield pages
        transaction.set_rollback(True)

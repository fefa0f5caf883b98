import pytest
from django.utils import translation
from wagtail.search.backends import get_search_backends

from tests.conftest import search_cluster_configured


@pytest.fixture(autouse=True)
def _forget_indexed_test_methods(request):
    """The search cluster is not rolled back with the test's transaction: remove the method
    pages a test created from the index afterwards, so later tests do not see stale hits."""
    if not search_cluster_configured() or "django_db_setup" not in request.fixturenames:
        yield
        return
    from methodbank.models import MethodPage

    before = set(MethodPage.objects.values_list("pk", flat=True))
    yield
    created = MethodPage.objects.exclude(pk__in=before)
    for backend in get_search_backends(with_auto_update=True):
        if "database" in type(backend).__module__:
            continue
        for page in created:
            backend.delete(page)
        backend.get_index_for_model(MethodPage).refresh()


@pytest.fixture(autouse=True)
def _reset_language():
    """Requests to /en/… leave English active in this thread; later tests expect Swedish."""
    yield
    translation.deactivate()

"""The search backends are built once per process: the cluster's client keeps its connections
open between searches instead of opening a new one for every search."""

import pytest

from kcsite.search.backends import search_backend
from kcsite.search.services import search
from methodbank.models import MethodPage


def test_one_backend_per_alias_and_options(settings):
    first = search_backend("default")
    assert search_backend("default") is first
    assert search_backend("default", TIMEOUT=0.5) is not first
    settings.WAGTAILSEARCH_BACKENDS = {**settings.WAGTAILSEARCH_BACKENDS}  # a changed setting
    assert search_backend("default") is not first


@pytest.mark.opensearch
@pytest.mark.django_db
def test_searches_share_the_clusters_connections():
    backend = search_backend("default")
    pools = [connection.pool for connection in backend.es.transport.connection_pool.connections]
    for text in ("frånvaro", "närvaro", "kartläggning"):
        search(MethodPage.objects.live(), text)
    assert search_backend("default") is backend
    opened = sum(pool.num_connections for pool in pools)
    assert 1 <= opened <= 2, opened  # one, or two if the cluster closed an idle one

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from methodbank.models import MethodPage, SearchTermStat

pytestmark = pytest.mark.django_db


def _queries(client, url, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return response, len(queries)


def test_anonymous_method_page_is_served_from_the_cache_until_it_is_published():
    from django.test import Client

    client = Client()
    page = MethodPage.objects.live().first()
    first, cold = _queries(client, page.url)
    second, warm = _queries(client, page.url)
    assert second.content == first.content
    assert warm < cold

    page.title = "Ny titel efter publicering"
    page.save_revision().publish()
    third, _ = _queries(client, page.url)
    assert "Ny titel efter publicering" in third.content.decode()


def test_logged_in_editors_never_get_the_cached_page(admin_client, client):
    page = MethodPage.objects.live().first()
    client.get(page.url)
    assert "userbar" not in client.get(page.url).content.decode()  # the cached anonymous page
    assert "userbar" in admin_client.get(page.url).content.decode()  # rendered for the editor


def test_a_cached_finder_search_is_still_counted_for_the_editors_report(client):
    finder_url = "/metodbank/"
    for _ in range(3):
        client.get(finder_url, {"q": "omtankesamtal"})
    stat = SearchTermStat.objects.get(query="omtankesamtal")
    assert stat.hits == 3

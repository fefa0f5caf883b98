"""Routing remembered per content generation: cheaper, and never serves what was taken down."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from methodbank.models import MethodPage

pytestmark = pytest.mark.django_db


def _get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_a_remembered_route_costs_fewer_queries_and_serves_the_same_page(
    client, page_cache_off, method
):
    page = method
    first, cold = _get(client, page.url)
    second, warm = _get(client, page.url)
    assert first.status_code == second.status_code == 200
    assert page.title in second.content.decode()
    assert warm < cold


def test_an_unpublished_or_renamed_page_is_not_served_from_a_remembered_route(
    client, page_cache_off, method
):
    page = method
    old_url = page.url
    assert client.get(old_url).status_code == 200  # remembered now

    page.slug = f"{page.slug}-nytt-namn"
    page.save_revision().publish()
    assert client.get(old_url).status_code == 404
    assert client.get(MethodPage.objects.get(pk=page.pk).url).status_code == 200

    MethodPage.objects.get(pk=page.pk).unpublish()
    assert client.get(MethodPage.objects.get(pk=page.pk).url).status_code == 404


def test_an_anonymous_visitor_gets_the_remembered_page_without_a_query_for_it(
    client, page_cache_off, method
):
    page = method
    client.get(page.url)  # remembered now, and its content fragment built
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    assert not any('FROM "methodbank_methodpage"' in q["sql"] for q in queries.captured_queries)


def test_an_editor_gets_the_page_row_as_it_is_now(client, admin_client, page_cache_off, method):
    page = method
    client.get(page.url)  # remembered from an anonymous visit
    with CaptureQueriesContext(connection) as queries:
        assert admin_client.get(page.url).status_code == 200
    assert any('FROM "methodbank_methodpage"' in q["sql"] for q in queries.captured_queries)


def test_a_new_view_restriction_applies_at_once_with_the_page_cache_off(
    client, page_cache_off, method
):
    from bs4 import BeautifulSoup
    from wagtail.models import PageViewRestriction

    page = method
    for _ in range(2):  # remembered: the route, the (empty) restrictions, the fragments
        assert client.get(page.url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=page.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.select_one('input[name="password"]') is not None
    assert soup.select_one("article.method") is None
    restriction.delete()
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.select_one("article.method h1").get_text(strip=True) == page.title


def test_a_method_given_a_restriction_leaves_the_finder_at_once(client, page_cache_off, method):
    """The finder's list of methods (``localised_children``) is built once per content
    generation: a new view restriction starts a new one."""
    from bs4 import BeautifulSoup
    from wagtail.models import PageViewRestriction

    def listed():
        soup = BeautifulSoup(client.get("/metodbank/").content, "html.parser")
        return [a.get_text(strip=True) for a in soup.select(".method-card__title a")]

    assert listed() == [method.title]
    PageViewRestriction.objects.create(
        page=method, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    assert listed() == []


def test_a_site_address_changed_in_the_admin_shows_in_the_next_page_at_once(
    client, page_cache_off, method
):
    """The sites' root paths are remembered per content generation, which a site change ends."""
    from bs4 import BeautifulSoup
    from wagtail.models import Site

    def canonical():
        page = BeautifulSoup(client.get(method.url).content, "html.parser")
        return page.find("link", rel="canonical")["href"]

    assert canonical() == canonical()  # the second one from the remembered root paths
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "skolnarvaro.example.se", 443
    site.save()
    assert canonical().startswith("https://skolnarvaro.example.se/")

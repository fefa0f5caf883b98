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

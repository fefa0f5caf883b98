"""A renamed page's old address keeps the visitor's search and filters on its way to the new one."""

import pytest
from wagtail.contrib.redirects.models import Redirect

from methodbank.models import MethodPage

pytestmark = pytest.mark.django_db


def test_a_renamed_pages_old_address_keeps_the_query_string(client, page_cache_off, method):
    finder = method.get_parent().specific
    old_url = finder.url
    finder.slug = "metoder"
    finder.save_revision().publish()
    new_url = MethodPage.objects.get(pk=method.pk).get_parent().url
    assert new_url != old_url
    # what the admin leaves behind a renamed page (and the demo behind the English finder)
    Redirect.add_redirect(old_url, redirect_to=finder.specific, is_permanent=True)

    response = client.get(old_url, {"q": "närvaro", "tier": "act"})
    assert response.status_code == 301
    assert response["Location"] == f"{new_url}?q=n%C3%A4rvaro&tier=act"
    assert client.get(response["Location"]).status_code == 200
    assert client.get(old_url)["Location"] == new_url  # nothing added without a query


def test_a_redirect_with_its_own_query_is_left_as_the_editor_made_it(client):
    Redirect.objects.create(old_path="/gammal-lista", redirect_link="/metodbank/?tier=act")
    response = client.get("/gammal-lista/", {"utm_source": "nyhetsbrev"})
    assert response.status_code in (301, 302)
    assert response["Location"] == "/metodbank/?tier=act"

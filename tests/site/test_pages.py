"""The site's own pages on the skeleton: language switcher, robots.txt, error pages."""

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory

from kcsite.pages.views import server_error

pytestmark = pytest.mark.django_db


def _parse(response):
    return BeautifulSoup(response.content, "html.parser")


def test_language_switcher_links_to_the_translation(client):
    assert _parse(client.get("/")).select_one('a[href="/en/"][lang="en"]')
    english = client.get("/en/")
    assert english.status_code == 200
    assert _parse(english).html["lang"] == "en"


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_not_found_page_is_in_swedish_and_in_the_site_design(client):
    response = client.get("/finns-inte-alls/")
    assert response.status_code == 404
    soup = _parse(response)
    assert soup.html["lang"] == "sv"
    assert "Sidan finns inte" in soup.h1.get_text()
    assert soup.select_one(".site-header")


def test_server_error_page_is_in_swedish():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Något gick fel" in response.content.decode()

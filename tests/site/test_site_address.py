"""The Wagtail Site follows BASE_URL: canonical, og:url, sitemap and print view agree."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Site

from kcsite.pages.site_address import base_url_host_and_port, sync_site_hostname

pytestmark = pytest.mark.django_db


def test_base_url_host_and_port():
    assert base_url_host_and_port("https://kunskapscentrum.boras.se") == (
        "kunskapscentrum.boras.se",
        443,
    )
    assert base_url_host_and_port("http://127.0.0.1:8000/") == ("127.0.0.1", 8000)
    assert base_url_host_and_port("http://example.org") == ("example.org", 80)


def test_command_sets_the_site_from_base_url(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://kunskapscentrum.boras.se"
    call_command("sync_site_hostname", stdout=__import__("io").StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("kunskapscentrum.boras.se", 443)
    assert site.root_url == "https://kunskapscentrum.boras.se"
    assert sync_site_hostname() == 0  # idempotent


def test_canonical_og_url_sitemap_and_print_view_agree(client, settings, method):
    settings.WAGTAILADMIN_BASE_URL = "https://kunskapscentrum.example.se"
    sync_site_hostname()
    expected = "https://kunskapscentrum.example.se" + method.url
    page = BeautifulSoup(client.get(method.url).content, "html.parser")
    canonical = page.select_one('link[rel="canonical"]')["href"]
    og_url = page.select_one('meta[property="og:url"]')["content"]
    assert canonical == og_url == expected
    printed = client.get(method.url + "utskrift/").text
    soup = BeautifulSoup(printed, "html.parser")
    assert soup.select_one('link[rel="canonical"]')["href"] == expected
    assert "localhost" not in printed
    sitemap = client.get("/sitemap.xml").text
    assert f"<loc>{expected}</loc>" in sitemap
    assert "http://localhost" not in sitemap


def test_the_test_site_follows_the_default_base_url(settings):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == base_url_host_and_port()

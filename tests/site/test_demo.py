import io

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page, Revision

pytestmark = pytest.mark.django_db


def _snapshot():
    """Row counts of every project model and Wagtail's page tables."""
    models = [Page, Revision]
    for label in ("pages", "methodbank", "library", "events", "support", "membership"):
        try:
            models += list(apps.get_app_config(label).get_models())
        except LookupError:
            continue
    return {model._meta.label: model.objects.count() for model in models} | {
        "latest_revision": Revision.objects.order_by("-pk").values_list("pk", flat=True).first()
    }


def test_demo_loads_twice_without_change():
    before = _snapshot()  # the session already loaded it once
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert _snapshot() == before
    assert "0 created" in out.getvalue()


def test_demo_has_the_named_pages_in_swedish_and_english():
    slugs = set(Page.objects.filter(locale__language_code="sv").values_list("slug", flat=True))
    assert {
        "home",
        "om-kunskapscentrum",
        "team-domino",
        "narvaroarbete-i-tre-nivaer",
        "kontakt",
        "tillganglighetsredogorelse",
    } <= slugs
    assert Page.objects.filter(locale__language_code="en", depth=2, live=True).exists()


def _public_pages():
    return Page.objects.live().public().filter(depth__gte=2).specific()


def test_every_demo_page_renders_for_an_anonymous_visitor(client):
    pages = list(_public_pages())
    assert len(pages) >= 7
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert f'lang="{page.locale.language_code}"' in html, page.url
        assert 'href="#main"' in html and '<main id="main"' in html
        assert "<h1" in html


def test_pages_carry_meta_description_and_open_graph(client):
    page = Page.objects.get(slug="om-kunskapscentrum", locale__language_code="sv").specific
    html = client.get(page.url).content.decode()
    assert f'<meta name="description" content="{page.search_description}"' in html
    assert '<meta property="og:title"' in html
    assert f'content="{page.full_url}"' in html


def test_language_switcher_links_to_the_translation(client):
    html = client.get("/").content.decode()
    assert 'href="/en/"' in html and 'lang="en"' in html
    english = client.get("/en/")
    assert english.status_code == 200
    assert '<html lang="en">' in english.content.decode()


def test_three_tiers_figure_is_accessible(client):
    html = client.get("/narvaroarbete-i-tre-nivaer/").content.decode()
    assert 'role="img"' in html and "<title id=" in html and "<desc id=" in html
    for label in ("Främjande", "Förebyggande", "Åtgärdande"):
        assert label in html


def test_footer_links_to_the_accessibility_statement(client):
    html = client.get("/").content.decode()
    assert 'href="/tillganglighetsredogorelse/"' in html


def test_sitemap_lists_every_public_page_in_every_locale(client):
    xml = client.get("/sitemap.xml").content.decode()
    for page in _public_pages():
        assert page.full_url in xml, page.full_url
    assert "/en/" in xml


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_not_found_page_is_in_swedish_and_in_the_site_design(client):
    response = client.get("/finns-inte-alls/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Sidan finns inte" in html and "site-header" in html


def test_server_error_page_is_in_swedish(client, settings):
    from django.test import RequestFactory

    from kcsite.pages.views import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Något gick fel" in response.content.decode()


def test_editors_have_a_moderation_workflow():
    from django.contrib.auth.models import Group
    from wagtail.models import Workflow

    assert Group.objects.filter(name="Editors").exists()
    workflow = Workflow.objects.filter(active=True).first()
    assert workflow is not None and workflow.tasks.exists()

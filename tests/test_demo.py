"""The demo content: it loads, loads again without change, and every page renders.

The one test module that loads the demo (``manage.py load_demo``, every app's ``demo.py``). It is
loaded once for the module inside a transaction that is rolled back at the end, so the session
database keeps only its skeleton (``tests/conftest.py``); each test runs in a savepoint inside
that transaction. Checks of what one app's demo contains belong here too, in a section of their
own; everything else builds its own data.
"""

import io

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from lxml import html as lxml_html
from wagtail.models import Page, Revision, Workflow

from kcsite.pages.models import HomePage, StandardPage

from .conftest import search_cluster_configured


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for this module and rolled back after it; its ``load_demo`` output."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            out = io.StringIO()
            call_command("load_demo", stdout=out)
            yield out.getvalue()
            transaction.set_rollback(True)
        if search_cluster_configured():  # the cluster is not rolled back: index the skeleton
            call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())


@pytest.fixture(autouse=True)
def _in_demo(demo, db):
    """Every test here sees the demo (``db`` nests each test in a savepoint)."""


def _snapshot():
    """Row counts of every project model and Wagtail's page tables."""
    models = [Page, Revision]
    for label in ("pages", "methodbank", "library", "events", "support", "membership"):
        models += list(apps.get_app_config(label).get_models())
    return {model._meta.label: model.objects.count() for model in models} | {
        "latest_revision": Revision.objects.order_by("-pk").values_list("pk", flat=True).first()
    }


def _public_pages():
    return Page.objects.live().public().filter(depth__gte=2).specific()


def _parse(response):
    return lxml_html.fromstring(response.content.decode())


# -- loading -------------------------------------------------------------------------------


def test_demo_loads_and_reports_what_it_created(demo):
    assert "Demo content ready:" in demo
    assert "0 created" not in demo


def test_demo_loads_twice_without_change():
    before = _snapshot()  # the module fixture loaded it once
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


def test_demo_keeps_the_editors_group_and_the_moderation_workflow():
    assert Group.objects.filter(name="Editors").exists()
    workflow = Workflow.objects.filter(active=True).first()
    assert workflow is not None and workflow.tasks.exists()


# -- rendering -----------------------------------------------------------------------------


def test_every_demo_page_renders_in_swedish_and_english(client):
    pages = list(_public_pages())
    assert len(pages) >= 7
    assert {page.locale.language_code for page in pages} == {"sv", "en"}
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        tree = _parse(response)
        assert tree.get("lang") == page.locale.language_code, page.url
        assert tree.xpath('//a[@href="#main"]'), page.url  # the skip link
        assert tree.xpath('//main[@id="main"]'), page.url
        assert tree.xpath("//h1"), page.url


def test_pages_carry_meta_description_and_open_graph(client):
    page = StandardPage.objects.get(slug="om-kunskapscentrum", locale__language_code="sv")
    tree = _parse(client.get(page.url))
    assert tree.xpath('//meta[@name="description"]/@content') == [page.search_description]
    assert tree.xpath('//meta[@property="og:title"]')
    assert page.full_url in tree.xpath("//meta/@content")


def test_three_tiers_figure_is_accessible(client):
    tree = _parse(client.get("/narvaroarbete-i-tre-nivaer/"))
    figure = tree.xpath('//*[@role="img"]')
    assert figure
    assert tree.xpath("//*[local-name()='title'][@id]") and tree.xpath(
        "//*[local-name()='desc'][@id]"
    )
    text = " ".join(figure[0].itertext())
    for label in ("Främjande", "Förebyggande", "Åtgärdande"):
        assert label in text


def test_footer_links_to_the_accessibility_statement(client):
    tree = _parse(client.get("/"))
    assert tree.xpath('//footer//a[@href="/tillganglighetsredogorelse/"]')


def test_sitemap_lists_every_demo_page_in_every_locale(client):
    xml = client.get("/sitemap.xml").content.decode()
    for page in _public_pages():
        assert f"<loc>{page.full_url}</loc>" in xml, page.full_url
    english_home = HomePage.objects.get(locale__language_code="en")
    assert f"<loc>{english_home.full_url}</loc>" in xml

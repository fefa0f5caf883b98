"""New pages get ASCII slugs from Swedish titles, in the admin and when created by code."""

import json

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from kcsite.pages.models import HomePage, StandardPage
from kcsite.pages.slugs import AsciiSlugInput, ascii_slug
from methodbank.models import MethodFinderPage, MethodPage
from tests import builders


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Närvarocafé för vårdnadshavare", "narvarocafe-for-vardnadshavare"),
        ("Åtgärdsplan – steg för steg", "atgardsplan-steg-for-steg"),
        ("ÖVERGÅNG TILL ÅK 7", "overgang-till-ak-7"),
        ("Skolfrånvaro & hälsa: en översikt", "skolfranvaro-halsa-en-oversikt"),
        ("Ærø straße", "aero-strasse"),
        ("  ", ""),
    ],
)
def test_ascii_slug_transliterates_swedish_letters(title, slug):
    assert ascii_slug(title) == slug


def test_the_admin_is_told_not_to_allow_unicode_slugs():
    assert settings.WAGTAIL_ALLOW_UNICODE_SLUGS is False


def test_slug_input_transliterates_typed_slugs_in_the_browser():
    html = AsciiSlugInput().render("slug", "")
    field = BeautifulSoup(html, "html.parser").input
    assert "data-w-slug-allow-unicode-value" not in field.attrs  # False: not rendered
    formatters = json.loads(field["data-w-slug-formatters-value"])
    replacements = {replacement for _pattern, replacement in formatters}
    assert {"a", "o", "e"} <= replacements
    assert any("ä" in pattern[0] for pattern, _ in formatters)


@pytest.mark.django_db
def test_page_created_by_code_gets_an_ascii_slug_from_its_title():
    home = HomePage.objects.get(locale__language_code="sv")
    page = home.add_child(instance=StandardPage(title="Närvarocafé för vårdnadshavare"))
    page.refresh_from_db()
    assert page.slug == "narvarocafe-for-vardnadshavare"
    assert page.url_path.endswith("/narvarocafe-for-vardnadshavare/")


@pytest.mark.django_db
def test_a_unicode_slug_given_by_code_is_transliterated():
    finder = builders.add_page(builders.home(), MethodFinderPage(title="Metodbank"))
    page = finder.add_child(
        instance=MethodPage(
            title="Närvarocafé",
            slug="närvarocafé-åk-9",
            summary="Ett café för vårdnadshavare.",
            tiers=["prevent"],
        )
    )
    page.refresh_from_db()
    assert page.slug == "narvarocafe-ak-9"
    assert "%" not in page.get_url()

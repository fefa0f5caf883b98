"""The explorer's "Translate this page" / "Sync translated pages" buttons (wagtail-localize's,
batched by kcsite.pages.translation_buttons): the same buttons under the same conditions, the
answers carried by the listing's own query (no query per row, nothing about pages the listing
does not show), and the page search, which has no annotations, still right."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from kcsite.pages.models import StandardPage
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client):
    client.force_login(builders.staff_user("oversattare", superuser=True))
    return client


def section(count, prefix="sida"):
    """A parent page with ``count`` Swedish children."""
    parent = builders.add_page(builders.home(), StandardPage(title=f"Avsnitt {prefix}"))
    children = [
        builders.add_page(parent, StandardPage(title=f"{prefix} {n}", slug=f"{prefix}-{n}"))
        for n in range(count)
    ]
    return parent, children


def translate_with_localize(page):
    """An English translation made through wagtail-localize (a source with an enabled
    translation: the page gets "Sync translated pages")."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    translation.save_target(publish=True)
    return source


def buttons(response, page):
    """The hrefs of the translate and sync buttons on ``page``'s row."""
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    edit = soup.select_one(f'a[href="{reverse("wagtailadmin_pages:edit", args=[page.pk])}"]')
    row = edit.find_parent("tr")
    translate = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    found = set()
    for link in row.select("a[href]"):
        if link["href"] == translate:
            found.add("translate")
        elif link["href"].startswith("/admin/localize/update/"):
            found.add(link["href"].split("?")[0])
    return found


def test_the_buttons_follow_wagtail_localize_conditions(admin):
    parent, (plain, translated, aliased) = section(3)
    source = translate_with_localize(translated)
    aliased.copy_for_translation(Locale.objects.get(language_code="en"), alias=True)
    response = admin.get(reverse("wagtailadmin_explore", args=[parent.pk]))
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert buttons(response, plain) == {"translate"}
    assert buttons(response, translated) == {sync}
    assert buttons(response, aliased) == {"translate"}  # an alias is not a translation
    # the admin's page search has no annotations: asked per row, same answers
    search = admin.get(reverse("wagtailadmin_pages:search"), {"q": "sida"})
    assert buttons(search, plain) == {"translate"}
    assert buttons(search, translated) == {sync}


def _explorer_queries(admin, parent):
    with CaptureQueriesContext(connection) as queries:
        assert admin.get(reverse("wagtailadmin_explore", args=[parent.pk])).status_code == 200
    return [q["sql"] for q in queries.captured_queries]


def test_the_listing_asks_nothing_per_row_nor_about_pages_it_does_not_show(admin):
    few, _pages = section(3, "fa")
    many, pages = section(55, "manga")  # more than the 50 rows one listing page shows
    translate_with_localize(pages[0])
    _explorer_queries(admin, few)  # warm-up: per-process caches
    small, large = _explorer_queries(admin, few), _explorer_queries(admin, many)
    assert len(large) == len(small)
    about_sources = [sql for sql in large if "wagtail_localize_translationsource" in sql]
    # the sources are asked about inside the listing's own query (its annotation), not by
    # a query of their own over every sibling
    assert about_sources and all("_kc_sync_source_id" in sql for sql in about_sources)

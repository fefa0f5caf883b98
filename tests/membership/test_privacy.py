"""Member-only pages and documents stay private: for anonymous visitors, for logged-in users who
are not members, in search, in the sitemap and wherever pages are listed publicly."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction
from wagtail.search.backends import get_search_backends

from network.membership.models import (
    MeetingNotesPage,
    MemberAreaPage,
    MemberDirectoryPage,
    NetworkPage,
)
from network.membership.services import common
from network.membership.wagtail_hooks import keep_member_area_private

from .factories import directory_members, member, network_pages, non_member_user

pytestmark = pytest.mark.django_db

MEMBER_PAGE_TYPES = (MemberAreaPage, MeetingNotesPage, MemberDirectoryPage)
SECRET_WORDS = ["Nätverksträff", "minnesanteckningar", "Medlemsförteckning", "Alva Exempelsson"]


def _cluster_backends():
    """The search cluster's backends (none on Wagtail's database search)."""
    return [
        backend
        for backend in get_search_backends(with_auto_update=True)
        if "database" not in type(backend).__module__
    ]


@pytest.fixture
def pages():
    """The network page and the member pages in Swedish and English, and the six members;
    on a search cluster, searchable at once and taken out of the index afterwards (the
    cluster is not rolled back with the test)."""
    built = network_pages(english=True)
    directory_members()
    for backend in _cluster_backends():
        backend.get_index_for_model(NetworkPage).refresh()
    yield built
    for backend in _cluster_backends():
        for page in Page.objects.type(NetworkPage, *MEMBER_PAGE_TYPES).specific():
            backend.delete(page)
        backend.get_index_for_model(NetworkPage).refresh()


def _member_pages():
    pages = []
    for model in MEMBER_PAGE_TYPES:
        pages += list(model.objects.live())
    assert len(pages) == 6  # sv area, en area, two notes, sv + en directory
    return pages


def test_member_area_is_restricted_to_the_members_group(pages):
    group = common.members_group()
    assert MemberAreaPage.objects.count() == 2
    for area in MemberAreaPage.objects.all():
        restriction = PageViewRestriction.objects.get(page=area)
        assert restriction.restriction_type == BaseViewRestriction.GROUPS
        assert list(restriction.groups.all()) == [group]
    collection = pages.document.collection
    restriction = collection.get_view_restrictions().get()
    assert list(restriction.groups.all()) == [group]


def test_anonymous_visitors_get_the_login_page_not_content(client, pages):
    for page in _member_pages():
        response = client.get(page.url)
        assert response.status_code == 302, page.url
        assert response["Location"].split("?")[0].endswith("/natverket/logga-in/")
        assert page.title not in response.content.decode()


def test_logged_in_non_members_get_a_clear_refusal(client, pages):
    client.force_login(non_member_user())
    for page in _member_pages():
        response = client.get(page.url)
        assert response.status_code == 403, page.url
        html = response.content.decode()
        assert [t.name for t in response.templates][0] == "membership/not_a_member.html"
        soup = BeautifulSoup(html, "html.parser")
        expected = (
            "For network members only" if "/en/" in page.url else "Bara för nätverkets medlemmar"
        )
        assert soup.select_one("main h1").get_text(strip=True) == expected
        assert page.title not in html
        assert "no-store" in response["Cache-Control"]


def test_members_see_the_pages(client, pages):
    client.force_login(member().user)
    for page in _member_pages():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_shared_document_is_private(client, pages):
    document = pages.document
    anonymous = client.get(document.url)
    assert anonymous.status_code == 302
    assert "/natverket/logga-in/" in anonymous["Location"]

    client.force_login(non_member_user())
    refused = client.get(document.url)
    assert refused.status_code == 403

    client.force_login(member().user)
    served = client.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content).startswith(b"%PDF-")


def test_member_pages_and_members_are_not_in_public_search(client, pages):
    response = client.get("/sok/", {"q": "Nätverksträff"})
    assert response.status_code == 200
    titles = [r.title for r in response.context["outcome"].page.object_list]
    assert not any("Nätverksträff" in title for title in titles)
    for word in SECRET_WORDS:
        outcome = client.get("/sok/", {"q": word}).context["outcome"]
        urls = [r.url for r in outcome.page.object_list]
        assert not any("/medlemsytan/" in url for url in urls), word
    # … also for a logged-in user who is not a member
    client.force_login(non_member_user())
    outcome = client.get("/sok/", {"q": "Nätverksträff"}).context["outcome"]
    assert not [r for r in outcome.page.object_list if "/medlemsytan/" in r.url]


def test_the_public_network_page_is_found_by_search(client, pages):
    outcome = client.get("/sok/", {"q": "närvaronätverket"}).context["outcome"]
    assert any(isinstance(r.specific, NetworkPage) for r in outcome.page.object_list)


def test_sitemap_lists_the_network_page_but_no_member_page(client, pages):
    xml = client.get("/sitemap.xml").content.decode()
    assert NetworkPage.objects.get(locale__language_code="sv").full_url in xml
    assert "/medlemsytan/" not in xml


def test_member_pages_never_list_themselves_in_a_sitemap_even_if_made_public(pages):
    for page in _member_pages():
        assert page.get_sitemap_urls() == []


def test_member_pages_are_not_in_menus_or_the_home_entry_points(client, pages):
    html = client.get("/").content.decode()
    assert "/medlemsytan/" not in html
    public = Page.objects.live().public()
    for page in _member_pages():
        assert not public.filter(pk=page.pk).exists()


def test_saving_a_member_area_restores_its_privacy(rf, pages):
    area = pages.area
    PageViewRestriction.objects.filter(page=area).delete()
    area.material_collection.view_restrictions.all().delete()
    assert Page.objects.live().public().filter(pk=area.pk).exists()
    keep_member_area_private(rf.get("/"), area)  # the after_edit_page/after_create_page hook
    assert not Page.objects.live().public().filter(pk=area.pk).exists()
    assert area.material_collection.get_view_restrictions().exists()


def test_superusers_can_read_the_member_area(client, django_user_model, pages):
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw-long-1-x")
    client.force_login(admin)
    assert client.get("/natverket/medlemsytan/").status_code == 200


def test_no_public_json_api_is_installed():
    """There is no Wagtail API (or other JSON endpoint listing pages) to leak member pages
    through; if one is added, this test reminds its author to filter ``.public()``."""
    from django.conf import settings

    assert "wagtail.api.v2" not in settings.INSTALLED_APPS
    with pytest.raises(Exception):  # noqa: B017
        reverse("wagtailapi_v2:pages:listing")

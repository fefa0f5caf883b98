"""The method page's content is rendered once per content generation (a cached fragment, also
with the page cache off): a publish of the page, or of a method it lists as related, shows at
once, and a preview never uses or fills the fragment."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from methodbank.importing import import_methods
from methodbank.models import MethodPage

from .factories import method_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def methods():
    import_methods(
        [
            method_item(1, slug="fragment-metod", tiers=["act"], title="Fragmentmetoden"),
            method_item(2, slug="fragment-granne", tiers=["act"], title="Grannmetoden"),
        ]
    )
    return (
        MethodPage.objects.get(slug="fragment-metod"),
        MethodPage.objects.get(slug="fragment-granne"),
    )


def _soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _related_titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".method__related .method-card__title a")]


def test_content_comes_from_the_fragment_on_the_second_request(client, page_cache_off, methods):
    page, _neighbour = methods
    first = _soup(client, page.url)
    with CaptureQueriesContext(connection) as cold:
        client.get(page.url + "?x=1")  # same page, rendered again
    second = _soup(client, page.url)
    assert second.select_one("article.method") == first.select_one("article.method")
    with CaptureQueriesContext(connection) as warm:
        client.get(page.url)
    # related methods, the finder and the cited references are not looked up again
    assert not any("methodbank_relatedmethod" in q["sql"] for q in warm.captured_queries)
    assert len(warm) <= len(cold)


def test_a_publish_of_the_page_shows_at_once(client, page_cache_off, methods):
    page, _neighbour = methods
    assert _soup(client, page.url).select_one("h1").get_text(strip=True) == "Fragmentmetoden"
    page.title = "Fragmentmetoden, ny titel"
    page.summary = "En ny sammanfattning efter publiceringen."
    page.save_revision().publish()
    soup = _soup(client, page.url)
    assert soup.select_one("h1").get_text(strip=True) == "Fragmentmetoden, ny titel"
    lead = soup.select_one("article.method .lead").get_text(strip=True)
    assert lead == "En ny sammanfattning efter publiceringen."


def test_a_publish_of_a_related_method_shows_at_once(client, page_cache_off, methods):
    page, neighbour = methods
    assert "Grannmetoden" in _related_titles(_soup(client, page.url))
    neighbour.title = "Grannmetoden med nytt namn"
    neighbour.save_revision().publish()
    titles = _related_titles(_soup(client, page.url))
    assert "Grannmetoden med nytt namn" in titles and "Grannmetoden" not in titles
    MethodPage.objects.get(pk=neighbour.pk).unpublish()
    assert "Grannmetoden med nytt namn" not in _related_titles(_soup(client, page.url))


def test_a_preview_shows_the_draft_and_leaves_the_fragment_alone(client, page_cache_off, methods):
    page, _neighbour = methods
    _soup(client, page.url)  # the fragment now holds the published content
    editor = get_user_model().objects.create_superuser("redaktor", "r@example.org", "x" * 20)
    client.force_login(editor)
    page.summary = "Ett utkast som bara förhandsvisas."
    page.save_revision()
    preview = client.get(f"/admin/pages/{page.pk}/view_draft/")
    soup = BeautifulSoup(preview.content, "html.parser")
    assert soup.select_one("article.method .lead").get_text(strip=True) == page.summary
    client.logout()
    lead = _soup(client, page.url).select_one("article.method .lead").get_text(strip=True)
    assert lead != "Ett utkast som bara förhandsvisas."


def test_an_edit_of_a_cited_reference_shows_at_once(client, page_cache_off, methods):
    page, _neighbour = methods
    reference = page.cited_references.first()  # the library entry the import linked

    def citations():
        soup = _soup(client, page.url)
        return [li.get_text(" ", strip=True) for li in soup.select("article.method .reference")]

    assert any(reference.title in text for text in citations())
    reference.title = "En omskriven titel på studien"
    reference.save()  # a snippet, not a page: no publish
    assert any("En omskriven titel på studien" in text for text in citations())


def test_an_edit_of_a_document_shows_at_once(client, page_cache_off, methods):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    page, _neighbour = methods
    document = get_document_model().objects.create(
        title="Samtalsunderlag", file=ContentFile(b"%PDF-1.4 test", name="underlag.pdf")
    )
    page.materials = [("document", {"document": document, "title": ""})]
    page.save_revision().publish()

    def materials():
        soup = _soup(client, page.url)
        return [a.get_text(strip=True) for a in soup.select("article.method .materials a")]

    assert materials() == ["Samtalsunderlag"]
    document.title = "Samtalsunderlag, ny version"
    document.save()
    assert materials() == ["Samtalsunderlag, ny version"]

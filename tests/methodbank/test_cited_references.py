"""Methods cite the reference library; films link to methods (issue 4 joins issue 3)."""

import pytest

from methodbank.importing import import_methods
from methodbank.library.models import FilmPage, Reference
from methodbank.models import MethodPage
from tests.library import factories as library_factories

pytestmark = pytest.mark.django_db

ITEM = {
    "slug": "citerande-metod",
    "title": "Citerande metod",
    "summary": "En metod som hänvisar till forskning om närvaro.",
    "body": "Text.",
    "kind": "method",
    "tiers": ["promote"],
    "references": [
        {
            "authors": "Kearney, C. A. & Graczyk, P.",
            "year": 2014,
            "title": "A response to intervention model to promote school attendance and decrease "
            "school absenteeism",
            "publisher": "Child and Youth Care Forum",
        },
        {"authors": "Testsson, T.", "year": 2020, "title": "En helt ny rapport om frånvaro"},
    ],
}


def test_import_links_every_reference_to_the_library_without_duplicates(library):
    before = Reference.objects.count()
    import_methods([ITEM])
    page = MethodPage.objects.get(slug="citerande-metod")
    cited = list(page.cited_references.order_by("year"))
    assert [reference.year for reference in cited] == [2014, 2020]
    assert Reference.objects.count() == before + 1  # Kearney & Graczyk was already in the library
    import_methods([ITEM])  # idempotent
    assert page.cited_references.count() == 2
    assert Reference.objects.count() == before + 1


def test_method_page_shows_apa_citations_linked_to_the_reference_pages(
    client, library, demo_methods
):
    page = MethodPage.objects.filter(cited_references__isnull=False).distinct().first()
    reference = page.cited_references.first()
    html = client.get(page.url).content.decode()
    assert reference.get_url() in html
    assert client.get(reference.get_url()).content.decode().count(page.title) >= 1


def test_film_lists_its_related_methods_and_the_method_lists_the_film(
    client, library, demo_methods
):
    # the demo film's related methods
    related = ["tidiga-signaler-checklista", "missad-undervisningstid-i-dagar-och-veckor"]
    library_factories.film(
        library.films, related_methods=list(MethodPage.objects.filter(slug__in=related))
    )
    film = FilmPage.objects.live().first()
    assert film is not None
    method = film.related_methods.first()
    assert method is not None
    assert method.url in client.get(film.url).content.decode()
    assert film.url in client.get(method.url).content.decode()

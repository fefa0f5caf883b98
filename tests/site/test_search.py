import os
import signal
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from kcsite.pages.models import StandardPage
from kcsite.search.services import clean_query, search
from tests import builders

pytestmark = pytest.mark.django_db


def _paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


@pytest.fixture(autouse=True)
def pages(db):
    """Three Swedish pages and one English one to find (slug → page)."""
    home = builders.home()
    built = {
        "tillganglighetsredogorelse": builders.add_page(
            home,
            StandardPage(
                title="Tillgänglighetsredogörelse", intro="Hur tillgänglig webbplatsen är."
            ),
        ),
        "kontakt": builders.add_page(
            home,
            StandardPage(title="Kontakt", intro="Så når du oss."),
            body=_paragraph("Team Domino svarar på frågor om kartläggning av frånvaro."),
        ),
        "narvaroarbete-i-tre-nivaer": builders.add_page(
            home,
            StandardPage(title="Närvaroarbete i tre nivåer", intro="Främja, förebygga, åtgärda."),
        ),
    }
    built["contact"] = builders.translate(
        built["kontakt"], "en", title="Contact", body=_paragraph("Team Domino answers questions.")
    )
    return built


ROOT = Path(__file__).resolve().parents[2]


def _titles(response):
    outcome = response.context["outcome"]
    return [result.title for result in outcome.page.object_list] if outcome else []


def test_search_page_without_query_is_a_normal_page(client):
    response = client.get("/sok/")
    assert response.status_code == 200
    assert response.context["outcome"] is None


def test_search_finds_pages_by_title(client):
    response = client.get("/sok/", {"q": "tillgänglighetsredogörelse"})
    assert response.status_code == 200
    assert "Tillgänglighetsredogörelse" in " ".join(_titles(response))


def test_search_finds_words_in_the_body(client):
    response = client.get("/sok/", {"q": "Team Domino"})
    assert response.status_code == 200
    assert response.context["outcome"].total >= 1


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*",
        "AND",
        "OR NOT",
        "( ) [ ] { }",
        "🙂📚",
        "<script>alert(1)</script>",
        "a" * 10_000,
        "närvaro AND",
        "\x00\x01",
        "%",
        "'; DROP TABLE x; --",
        "~1 ^2 title:x",
        "-",
        "\\",
    ],
)
def test_odd_and_hostile_queries_answer_200(client, query):
    response = client.get("/sok/", {"q": query, "page": "-1"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_page_numbers_out_of_range_give_a_normal_page(client):
    for page in ("0", "-1", "99999", "abc"):
        assert client.get("/sok/", {"q": "skola", "page": page}).status_code == 200


def test_clean_query_trims_and_limits():
    assert clean_query("  närvaro \t\n främjande ") == "närvaro främjande"
    assert len(clean_query("x" * 10_000)) == 200
    assert clean_query("a\x00b") == "a b"


def test_editors_can_pin_a_page_for_a_query(client, pages):
    page = pages["kontakt"]
    SearchPromotion.objects.create(query=Query.get("hjälp"), page=page, description="Få hjälp")
    html = client.get("/sok/", {"q": "hjälp"}).content.decode()
    assert "Rekommenderat" in html
    assert BeautifulSoup(html, "html.parser").select_one(f'main a[href="{page.url}"]')


def test_search_hits_are_recorded_for_the_editors_report(client):
    client.get("/sok/", {"q": "kartläggning"})
    assert Query.get("kartläggning").hits >= 1


def test_search_uses_only_the_visitors_language(client):
    english = client.get("/en/sok/", {"q": "Team Domino"})
    assert english.status_code == 200
    assert english.context["outcome"].total >= 1
    for result in english.context["outcome"].page.object_list:
        assert result.locale.language_code == "en"


@pytest.mark.postgres
def test_postgres_database_search_folds_accents_and_stems():
    backend = get_search_backend("database")
    pages = Page.objects.live().filter(locale=Locale.objects.get(language_code="sv"))
    titles = [page.title for page in backend.search("narvaroarbete", pages)]
    assert any("Närvaroarbete" in title for title in titles)
    stemmed = [page.title for page in backend.search("nivåerna", pages)]
    assert any("nivåer" in title for title in stemmed)


@pytest.mark.opensearch
def test_opensearch_folds_accents_and_finds_the_page():
    backend = get_search_backend("default")
    assert "opensearch" in type(backend).__module__
    pages = Page.objects.live().filter(locale=Locale.objects.get(language_code="sv"))
    titles = [page.title for page in backend.search("narvaroarbete", pages)]
    assert any("Närvaroarbete" in title for title in titles)
    stemmed = [page.title for page in backend.search("nivåerna", pages)]
    assert any("nivåer" in title for title in stemmed)


@pytest.mark.opensearch
def test_search_falls_back_to_the_database_when_the_cluster_is_unreachable(
    client, settings, caplog
):
    backends = {alias: dict(config) for alias, config in settings.WAGTAILSEARCH_BACKENDS.items()}
    backends["default"]["URLS"] = ["http://127.0.0.1:9"]  # nothing listens on the discard port
    settings.WAGTAILSEARCH_BACKENDS = backends
    response = client.get("/sok/", {"q": "tillgänglighetsredogörelse"})
    assert response.status_code == 200
    assert response.context["outcome"].backend == "database"
    assert "Tillgänglighetsredogörelse" in " ".join(_titles(response))
    assert "falling back" in caplog.text


@pytest.mark.opensearch
def test_search_survives_the_cluster_being_stopped_mid_run(client):
    """Freeze the real OpenSearch JVM (SIGSTOP) so requests time out, search, then resume it."""
    pid_file = ROOT / "var" / "services" / "opensearch.pid"
    if not pid_file.exists():
        pytest.skip("the OpenSearch node was not started by ops/services.sh")
    pid = int(pid_file.read_text().strip())
    os.kill(pid, signal.SIGSTOP)
    try:
        outcome = search(Page.objects.live(), "närvaro")
        response = client.get("/sok/", {"q": "närvaro"})
    finally:
        os.kill(pid, signal.SIGCONT)
    assert outcome.fell_back and outcome.backend == "database"
    assert response.status_code == 200
    assert response.context["outcome"].total >= 1

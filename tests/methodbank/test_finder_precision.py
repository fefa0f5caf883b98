"""Precision of the finder's search: strong matches first, weak ones below a divider, and a
question ranks the methods that hold more of its content words higher."""

import pytest
from bs4 import BeautifulSoup
from django.http import QueryDict

from kcsite.search.analysis import analyse
from methodbank.importing import import_methods
from methodbank.models import MethodFinderPage
from methodbank.services import FinderQuery, find_methods

from .factories import method_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_methods")]
URL = "/metodbank/"


def _found(**params):
    """The finder's result (strong matches: ``.strong`` of ``.total``)."""
    query = QueryDict(mutable=True)
    query.update(params)
    finder = MethodFinderPage.objects.get(locale__language_code="sv")
    return find_methods(finder, FinderQuery.from_request(query))


def _json(client, **params):
    response = client.get(URL, {"format": "json", **params})
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def mentions():
    """Two methods about "pjäxlöpning" and four that merely mention it."""
    about = [
        method_item(
            slug=f"pjax-om-{n}",
            title=f"Pjäxlöpning steg {n}",
            summary="Så ordnar skolan pjäxlöpning för eleverna.",
            body="Pjäxlöpning varje vecka.",
            keywords=["pjäxlöpning"],
        )
        for n in (1, 2)
    ]
    merely = [
        method_item(
            slug=f"pjax-namner-{n}",
            title=f"Allmän rutin nummer {n}",
            summary="En rutin för skolans vardag och elevernas skoldag.",
            body="Rutinen nämner pjäxlöpning en gång i förbigående.",
            keywords=["rutin"],
        )
        for n in range(1, 5)
    ]
    import_methods(about + merely)


def test_a_frequent_word_no_longer_returns_every_method_as_equal(client):
    everything = _json(client)["total"]
    found = _found(q="skolfrånvaro")
    assert 0 < found.strong < found.total < everything


def test_weak_matches_come_after_the_strong_ones_in_json(client, mentions):
    data = _json(client, q="pjäxlöpning")
    slugs = [row["slug"] for row in data["results"]]
    assert _found(q="pjäxlöpning").strong == 2 and data["total"] == 6
    assert set(slugs[:2]) == {"pjax-om-1", "pjax-om-2"}
    # the chosen order applies within each part: strong ones stay above the weak ones
    by_title = [row["slug"] for row in _json(client, q="pjäxlöpning", sort="title")["results"]]
    assert by_title[:2] == ["pjax-om-1", "pjax-om-2"]
    assert by_title[2:] == [f"pjax-namner-{n}" for n in range(1, 5)]


def test_the_page_shows_a_divider_before_the_weak_matches(client, mentions):
    soup = BeautifulSoup(client.get(URL, {"q": "pjäxlöpning"}).content, "html.parser")
    items = soup.select(".method-list > li")
    divider = soup.select_one(".method-list > li.method-list__divider h3")
    assert divider is not None and "Fler metoder som nämner" in divider.get_text()
    position = [i for i, li in enumerate(items) if "method-list__divider" in li["class"]]
    assert position == [2]
    without_text = BeautifulSoup(client.get(URL).content, "html.parser")
    assert without_text.select_one(".method-list__divider") is None


def test_when_no_method_matches_well_the_page_says_so_above_the_mentions(client, mentions):
    found = _found(q="förbigående")  # only in the body of the four that mention pjäxlöpning
    assert found.strong == 0 and found.total == 4 and found.divider_at == 0
    soup = BeautifulSoup(client.get(URL, {"q": "förbigående"}).content, "html.parser")
    items = soup.select(".method-list > li")
    assert "method-list__divider" in items[0]["class"] and len(items) == 5
    assert "Ingen metod handlar om" in items[0].get_text()
    assert "4 metoder berör" in soup.select_one("#finder-status").get_text()
    strong = BeautifulSoup(client.get(URL, {"q": "pjäxlöpning"}).content, "html.parser")
    assert "4 metoder" not in strong.select_one("#finder-status").get_text()
    assert "6 metoder matchar" in strong.select_one("#finder-status").get_text()


def test_question_words_drop_out_and_content_words_count():
    labels = [c.label for c in analyse("hur kan lärare upptäcka tidiga tecken på frånvaro")]
    assert labels == ["lärare", "upptäcka", "tidiga", "tecken", "frånvaro"]


def test_methods_matching_more_content_words_of_a_question_rank_higher(client):
    import_methods(
        [
            method_item(
                slug="fraga-alla",
                title="Zz kvarnhjul",
                summary="Om kvarnhjul, snurrpjäxor och blåklint i skolan.",
                body="Kvarnhjul. Snurrpjäxor. Blåklint.",
                keywords=[],
            ),
            method_item(
                slug="fraga-tva",
                title="Zz två saker",
                summary="Om kvarnhjul och snurrpjäxor i skolan.",
                body="Kvarnhjul och snurrpjäxor.",
                keywords=[],
            ),
            method_item(
                slug="fraga-en",
                title="Zz en sak",
                summary="Om blåklint i skolan, och inget annat alls.",
                body="Blåklint blåklint blåklint.",
                keywords=[],
            ),
        ]
    )
    data = _json(client, q="hur kan vi använda kvarnhjul och snurrpjäxor med blåklint")
    slugs = [row["slug"] for row in data["results"]]
    assert slugs.index("fraga-alla") < slugs.index("fraga-tva") < slugs.index("fraga-en")
    assert slugs[0] == "fraga-alla"
    assert _found(q="hur kan vi använda kvarnhjul och snurrpjäxor med blåklint").strong >= 1

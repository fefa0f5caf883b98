"""The finder ranks by relevance whenever there is search text (page and JSON); title or
newest only when the visitor picks them; without text the list stays in title order."""

import pytest
from bs4 import BeautifulSoup

from methodbank.importing import import_methods

from .factories import method_item

pytestmark = pytest.mark.django_db
URL = "/metodbank/"


@pytest.fixture
def two_methods():
    """Both match well; title order puts the lesser match first, relevance the better one."""
    import_methods(
        [
            method_item(
                slug="aa-svag",
                title="Aa allmän rutin",
                summary="En allmän rutin för skolans vardag, till exempel pjäxlöpning.",
                body="Ibland nämns pjäxlöpning i förbigående.",
                keywords=["rutin"],
            ),
            method_item(
                slug="oo-stark",
                title="Öö Pjäxlöpning i skolan",
                summary="Pjäxlöpning som metod: så ordnar skolan pjäxlöpning för alla.",
                body="Pjäxlöpning varje vecka.",
                keywords=["pjäxlöpning"],
            ),
        ]
    )


def _slugs(client, **params):
    response = client.get(URL, {"format": "json", **params})
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def _submitted_params(html, **typed):
    """What a browser submits from the finder form as rendered, after the visitor types."""
    form = BeautifulSoup(html, "html.parser").select_one("#finder-form")
    params = {}
    for field in form.select("input[name], select[name]"):
        if field.name == "select":
            option = field.select_one("option[selected]") or field.select_one("option")
            params[field["name"]] = option["value"]
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                params[field["name"]] = field["value"]
        else:
            params[field["name"]] = field.get("value", "")
    params.update(typed)
    return {key: value for key, value in params.items() if value != ""}


def test_json_with_text_is_ranked_by_relevance_unless_a_sort_is_chosen(client, two_methods):
    assert _slugs(client, q="pjäxlöpning") == ["oo-stark", "aa-svag"]
    assert _slugs(client, q="pjäxlöpning", sort="relevance") == ["oo-stark", "aa-svag"]
    assert _slugs(client, q="pjäxlöpning", sort="title") == ["aa-svag", "oo-stark"]


def test_without_text_the_default_is_still_title_order(client, two_methods):
    first = client.get(URL, {"format": "json"}).json()
    slugs = [
        row["slug"]
        for page in range(1, first["pages"] + 1)
        for row in client.get(URL, {"format": "json", "page": page}).json()["results"]
    ]
    assert slugs.index("aa-svag") < slugs.index("oo-stark")


def test_a_search_typed_into_the_untouched_form_is_ranked_by_relevance(client, two_methods):
    start = client.get(URL).content.decode()
    params = _submitted_params(start, q="pjäxlöpning")
    assert "sort" not in params  # the default option carries no sort of its own
    page = client.get(URL, params).content.decode()
    soup = BeautifulSoup(page, "html.parser")
    titles = [a.get_text(strip=True) for a in soup.select(".method-list h3 a, .method-list h2 a")]
    assert titles[:2] == ["Öö Pjäxlöpning i skolan", "Aa allmän rutin"], titles
    selected = soup.select_one("#finder-sort option[selected]")
    assert selected.get_text(strip=True) == "Relevans" and selected["value"] == ""
    # submitting that page again keeps relevance; choosing "Titel" gives title order
    again = _submitted_params(page)
    assert "sort" not in again
    by_title = client.get(URL, {**again, "sort": "title"}).content.decode()
    soup = BeautifulSoup(by_title, "html.parser")
    assert soup.select_one("#finder-sort option[selected]")["value"] == "title"

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from methodbank.importing import import_methods
from methodbank.models import MethodPage, RelatedMethod
from methodbank.services import related_methods

from .factories import method_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def method():
    import_methods([method_item(1, tiers=["prevent", "act"])])
    page = MethodPage.objects.get(slug="test-metod-1")
    steps = page.steps.raw_data
    steps[0]["value"].update(performer="mentor", timing="Inom en vecka")
    page.steps = [("step", step["value"]) for step in steps]
    page.save_revision().publish()
    return MethodPage.objects.get(pk=page.pk)


def test_method_page_shows_who_does_what_when(client, method):
    html = client.get(method.url).content.decode()
    assert '<span class="tier tier--prevent">Förebyggande</span>' in html
    assert '<span class="tier tier--act">Åtgärdande</span>' in html
    assert "Steg för steg" in html and "Förbered samtalet" in html
    assert "<dt>Vem</dt><dd>Mentor</dd>" in html and "Inom en vecka" in html
    assert "Beprövad erfarenhet" in html and "prövats och dokumenterats" in html  # explanation
    assert "Samtalsmall" in html and "(länk)" in html
    reference = method.cited_references.get()  # the library's entry, cited through the import
    assert "Kearney" in html and "Graczyk" in html and "(2014)" in html
    assert reference.get_url() in html
    assert "Utskriftsvänlig version" in html


def test_print_view_fits_the_method_on_paper(client, method):
    response = client.get(method.url + "utskrift/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Förbered samtalet" in html and "Mentor, Inom en vecka" in html
    assert "site-header" not in html and 'name="robots" content="noindex"' in html


def test_related_methods_editor_choice_first_then_shared_facets(client, method):
    import_methods(
        [
            method_item(2, slug="rel-samma-niva", tiers=["prevent", "act"], title="Aaa samma nivå"),
            method_item(
                3, slug="rel-vald", tiers=["promote"], kind="tool", title="Vald av redaktör"
            ),
        ]
    )
    chosen = MethodPage.objects.get(slug="rel-vald")
    RelatedMethod.objects.create(page=method, method=chosen, sort_order=0)
    related = related_methods(method, limit=3)
    assert related[0] == chosen
    assert 2 <= len(related) <= 3 and method not in related
    assert MethodPage.objects.get(slug="rel-samma-niva") in related


def test_at_least_one_tier_is_required(method):
    from django.core.exceptions import ValidationError

    method.tiers = []
    with pytest.raises(ValidationError) as error:
        method.full_clean()
    assert "tiers" in error.value.message_dict


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("redaktor", "r@example.org", "x" * 20)
    client.force_login(user)
    return client


def _form_data(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "kind": "method",
        "tiers": ["prevent"],
        "body-count": "0",
        "steps-count": "0",
        "materials-count": "0",
        "references-count": "0",
        "related_links-TOTAL_FORMS": "0",
        "related_links-INITIAL_FORMS": "0",
        "related_links-MIN_NUM_FORMS": "0",
        "related_links-MAX_NUM_FORMS": "1000",
        "keywords": "",
    }
    data.update(overrides)
    return data


def test_admin_edit_form_has_grouped_panels_and_requires_a_tier(editor_client, method):
    url = f"/admin/pages/{method.pk}/edit/"
    html = editor_client.get(url).content.decode()
    for heading in ("Nivå och typ", "För vem och av vem", "Material och källor"):
        assert heading in html
    data = _form_data(method, tiers=[])
    # a draft may wait for its tier (autosave, "Spara utkast"); publishing may not
    response = editor_client.post(url, {**data, "action-publish": "action-publish"})
    assert response.status_code == 200
    assert "Välj minst en nivå." in response.content.decode()
    assert MethodPage.objects.get(pk=method.pk).tiers
    response = editor_client.post(url, _form_data(method, title="Nytt namn på metoden"))
    assert response.status_code == 302
    assert (
        MethodPage.objects.get(pk=method.pk).get_latest_revision_as_object().title
        == "Nytt namn på metoden"
    )


def test_admin_preview_renders(editor_client, method):
    url = f"/admin/pages/{method.pk}/edit/preview/"
    response = editor_client.post(
        url, _form_data(method, summary="Förhandsvisad sammanfattning här.")
    )
    assert response.status_code == 200 and response.json()["is_valid"]
    html = editor_client.get(url).content.decode()
    assert "Förhandsvisad sammanfattning här." in html


def test_admin_can_add_a_method_under_the_finder(editor_client, finder):
    url = f"/admin/pages/add/methodbank/methodpage/{finder.pk}/"
    page = MethodPage(
        title="Ny metod i admin",
        slug="ny-metod-i-admin",
        summary="Sammanfattning av den nya metoden.",
    )
    response = editor_client.post(
        url, _form_data(page, tiers=["promote", "act"], **{"action-publish": "1"})
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    created = MethodPage.objects.get(slug="ny-metod-i-admin")
    assert created.tiers == ["promote", "act"] and created.live
    assert Page.objects.get(pk=created.pk).get_parent().pk == finder.pk


def test_synonyms_and_search_report_are_in_the_admin(editor_client):
    assert editor_client.get("/admin/snippets/sitesearch/searchsynonym/").status_code == 200
    assert editor_client.get("/admin/reports/sokord/").status_code == 200

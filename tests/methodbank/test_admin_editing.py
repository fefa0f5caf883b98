"""Editing methods in the admin: the autosave trap, errors that say where they are, hints."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from kcsite.pages.forms import STREAMFIELD_HINT, field_tabs
from kcsite.pages.models import HomePage, StandardPage
from methodbank.importing import import_methods
from methodbank.models import MethodPage

from .factories import method_item

pytestmark = pytest.mark.django_db

TITLE = "Närvarocafé för vårdnadshavare"


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktor2", "r2@example.org", "pw-long-1x")
    client.force_login(user)
    return client


def method_data(step_title="", **overrides):
    """What the admin posts for a new method; by default its one step has an empty title."""
    data = nested_form_data(
        {
            "title": TITLE,
            "slug": "",
            "summary": "Ett återkommande café där vårdnadshavare träffar skolan.",
            "kind": "method",
            "evidence": "",
            "effort": "",
            "duration": "",
            "body": streamfield([]),
            "steps": streamfield(
                [
                    (
                        "step",
                        {"title": step_title, "body": "Bjud in.", "performer": "", "timing": ""},
                    )
                ]
            ),
            "materials": streamfield([]),
            "references": streamfield([]),
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
            "keywords": "",
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
        }
    )
    data["tiers"] = ["prevent"]
    data.update(overrides)
    return data


def add_url(finder):
    return reverse("wagtailadmin_pages:add", args=["methodbank", "methodpage", finder.pk])


def test_autosaved_draft_with_an_empty_block_never_blocks_starting_again(editor, finder):
    # Wagtail 8 autosaves ("save" defers required fields): a draft with an empty step.
    response = editor.post(add_url(finder), method_data())
    assert response.status_code == 302
    draft = MethodPage.objects.child_of(finder).get(title=TITLE)
    assert draft.slug == "narvarocafe-for-vardnadshavare" and not draft.live

    # Starting again with the same title and publishing works; the editor hears of the draft.
    data = method_data(step_title="Bjud in till café", **{"action-publish": "action-publish"})
    response = editor.post(add_url(finder), data)
    assert response.status_code == 302, response.context["form"].errors
    new = MethodPage.objects.child_of(finder).filter(title=TITLE).exclude(pk=draft.pk).get()
    assert new.live and new.slug == "narvarocafe-for-vardnadshavare-2"
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert any("opublicerat utkast" in m and "Öppna utkastet" in m for m in warnings)


def test_a_published_page_still_keeps_its_address(editor, finder):
    import_methods([method_item(slug="publicerad-metod")])
    live = MethodPage.objects.child_of(finder).live().get()
    data = method_data(step_title="Steg", slug=live.slug, **{"action-publish": "1"})
    response = editor.post(add_url(finder), data)
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors


def test_publishing_a_draft_with_an_empty_block_says_where_the_error_is(editor, finder):
    editor.post(add_url(finder), method_data())
    draft = MethodPage.objects.child_of(finder).get(title=TITLE)
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    response = editor.post(edit_url, method_data(slug=draft.slug, **{"action-publish": "1"}))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    message = soup.select_one(".messages").get_text(" ", strip=True)
    assert "Innehåll → Steg för steg" in message


def test_every_required_field_is_on_the_first_tab():
    """Editors fill in the first tab; required fields elsewhere would hide their errors."""
    for model in (MethodPage, StandardPage, HomePage):
        tabs = field_tabs(model)
        first = model.get_edit_handler().children[0].heading
        form = model.get_edit_handler().get_form_class()(
            instance=model(), parent_page=None, for_user=None
        )
        required = [name for name, f in form.fields.items() if f.required and name != "slug"]
        assert required, model
        assert all(tabs[name] == first for name in required), (model, required)


def test_streamfields_explain_the_plus_button(editor, finder):
    html = editor.get(add_url(finder)).content.decode()
    assert str(STREAMFIELD_HINT) in html


def test_a_draft_may_wait_for_its_tier_and_summary_but_publishing_may_not(editor, finder):
    data = method_data(summary="")
    data.pop("tiers")
    assert editor.post(add_url(finder), data).status_code == 302  # what autosave sends
    draft = MethodPage.objects.child_of(finder).get(title=TITLE)
    assert draft.tiers == [] and not draft.live
    data = method_data(summary="", slug=draft.slug, **{"action-publish": "1"})
    data.pop("tiers")
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)
    assert response.status_code == 200
    message = BeautifulSoup(response.content, "html.parser").select_one(".messages").get_text()
    assert "Innehåll → Sammanfattning" in message and "Innehåll → Nivåer" in message

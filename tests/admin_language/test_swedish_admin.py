"""The admin in Swedish: strings Wagtail 8, wagtailmedia and wagtail-localize ship without a
Swedish translation get theirs from ``site/locale_overrides`` (django.po and djangojs.po).

Each screen an editor of this site uses is fetched by a logged-in superuser; its visible text,
its attributes (titles, aria-labels, placeholders, JSON props such as the sidebar's and the
StreamField's) and the ``wagtailConfig`` JSON are collected, and the English strings we
translated must be gone and their Swedish there. The JavaScript catalogues (Wagtail's and
wagtail-localize's ``jsi18n``) are checked the same way.
"""

import contextlib
import functools
import json
import re
from pathlib import Path

import polib
import pytest
import wagtail
import wagtail_localize
import wagtailmedia
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from lxml import html
from wagtail import blocks
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtailmedia.models import get_media_model

from kcsite.pages.models import StandardPage
from tests import builders

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("two_factor_off")]


@pytest.fixture
def two_factor_off():
    # Staff two-factor is a production setting (kcsite.twofactor); it is not what is tested here.
    with override_settings(STAFF_TWO_FACTOR_REQUIRED=False):
        yield


def json_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)


def screen_strings(response):
    """Every string an editor can meet on the screen: text nodes, attribute values, and the
    strings inside JSON (``<script type="application/json">`` such as ``wagtail-config`` and
    the sidebar's props, and JSON-valued attributes such as the StreamField's definition)."""
    body = response.content.decode()
    if response.headers.get("Content-Type", "").startswith("application/json"):
        body = json.loads(body)["html"]  # modal choosers answer with JSON around the HTML
    doc = html.fromstring(body)
    found = set()
    for script in doc.xpath("//script[@type='application/json']"):
        found.update(json_strings(json.loads(script.text)))
    for script in doc.xpath("//script|//style"):
        script.drop_tree()
    found.update(text.strip() for text in doc.itertext())
    for value in doc.xpath("//@*"):
        value = value.strip()
        found.add(value)
        if value[:1] in "[{":
            with contextlib.suppress(ValueError):  # "[" or "{" that opens no JSON
                found.update(json_strings(json.loads(value)))
    return {" ".join(s.split()) for s in found if s.strip()}


def wagtail_config(response):
    doc = html.fromstring(response.content.decode())
    return json.loads(doc.xpath("//script[@id='wagtail-config']")[0].text)


@functools.cache
def english_phrases():
    """Every msgid of two words or more (without placeholders or markup) that Wagtail,
    wagtailmedia and wagtail-localize mark for translation, from their source catalogues."""
    phrases = set()
    for package in (wagtail, wagtailmedia, wagtail_localize):
        root = Path(package.__file__).parent
        for catalogue in root.glob("**/locale/en/LC_MESSAGES/django*.po"):
            for entry in polib.pofile(catalogue):
                phrase = " ".join(entry.msgid.split())
                if len(phrase.split()) > 1 and not re.search(r"[%{<]", phrase):
                    phrases.add(phrase)
    return phrases


def assert_swedish(response, translated=None):
    """No English phrase of the packages' catalogues is on the screen; ``translated``:
    {English msgid: its Swedish}, the Swedish is on the screen and the English is not."""
    assert response.status_code == 200
    strings = screen_strings(response)
    assert strings & english_phrases() == set()
    translated = translated or {}
    assert {english for english in translated if english in strings} == set()
    assert {swedish for swedish in translated.values() if swedish not in strings} == set()


@pytest.fixture
def admin(client):
    """A superuser logged in through the admin's own login form (axes needs the request, so
    ``client.login`` would not do)."""
    builders.staff_user("admin", superuser=True)
    response = client.post(
        reverse("wagtailadmin_login"), {"username": "admin", "password": builders.PASSWORD}
    )
    assert response.status_code == 302, response.content
    return client


@pytest.fixture
def page():
    return builders.add_page(builders.home(), StandardPage(title="Om oss", slug="om-oss"))


SIDEBAR = {"Media": "Mediefiler"}  # wagtailmedia's menu item, on every admin screen

EDITOR = {
    # the page editor's side panels, autosave indicator and content checks
    "Minimap": "Översiktskarta",
    "Side panels": "Sidopaneler",
    "Side panel width": "Sidopanelens bredd",
    "Show issue": "Visa problemet",
    "Saved": "Sparat",
    "Autosave is paused": "Automatisk sparning är pausad",
    "Actions (footer)": "Åtgärder (sidfot)",
    "Empty heading found": "Tom rubrik",
    "Incorrect heading hierarchy": "Fel rubriknivåer",
    "Avoid skipping levels": "Hoppa inte över någon rubriknivå",
    "Link text is empty": "Länken saknar text",
    "Meta description is empty": "Beskrivningen för sökmotorer är tom",
    "Add a concise description for search engines": "Skriv en kort beskrivning för sökmotorer",
    "Image alt text has inappropriate pattern": (
        "Bildens alternativtext ser inte ut som en beskrivning"
    ),
}


def test_login_screen_and_dashboard(client):
    login = client.get(reverse("wagtailadmin_login"))
    assert login.status_code == 200
    assert {"Sign in", "Forgotten password?"} & screen_strings(login) == set()
    builders.staff_user("admin", superuser=True)
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "admin", "password": builders.PASSWORD},
        follow=True,
    )
    assert_swedish(response, SIDEBAR | {"Edit account avatar": "Ändra profilbild"})
    # the dashboard's film count (wagtailmedia's summary panel; "0 Media files created in …")
    doc = html.fromstring(response.content.decode())
    link = doc.xpath(f"//main//a[@href='{reverse('wagtailmedia:index')}']")[0]
    assert " ".join("".join(link.itertext()).split()) == f"0 mediefiler i {builders.SITE_NAME}"


def test_page_explorer(admin):
    response = admin.get(reverse("wagtailadmin_explore", args=[builders.home().pk]))
    assert_swedish(response, SIDEBAR | {"Date updated": "Uppdaterad"})


def test_page_editor_new_and_existing(admin, page):
    add = reverse("wagtailadmin_pages:add", args=["pages", "standardpage", builders.home().pk])
    assert_swedish(admin.get(add), SIDEBAR | EDITOR)
    edit = admin.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert_swedish(
        edit,
        SIDEBAR
        | EDITOR
        | {
            "A network error occurred": "Ett nätverksfel uppstod",
            "Troubleshoot your connection to the site before proceeding. Open the editor in a "
            "separate tab to view the last saved version.": (
                "Kontrollera anslutningen till webbplatsen innan du fortsätter. Öppna "
                "redigeraren i en ny flik för att se den senast sparade versionen."
            ),
        },
    )
    # wagtailConfig's strings (bulk actions, month names) are Swedish too
    strings = wagtail_config(edit)["STRINGS"]
    assert strings["MONTHS"][11] == "december"
    assert strings["BULK_ACTIONS"]["PAGE"]["SINGULAR"] == "1 sida vald"


def test_films_listing_add_and_chooser(admin):
    listing = admin.get(reverse("wagtailmedia:index"))
    assert_swedish(
        listing,
        SIDEBAR
        | {
            "Add audio": "Lägg till ljud",
            "Add video": "Lägg till video",
            "Search media files": "Sök mediefiler",
        },
    )
    empty = " ".join(html.fromstring(listing.content.decode()).xpath("//main//p//text()"))
    assert "You haven't uploaded" not in empty
    assert "Du har inte laddat upp några mediefiler" in empty

    add = admin.get(reverse("wagtailmedia:add", args=["video"]))
    assert_swedish(add, SIDEBAR | {"Add video": "Lägg till video"})
    assert "Längd i sekunder" in screen_strings(add)

    chooser = admin.get(reverse("wagtailmedia:chooser"))
    assert_swedish(
        chooser,
        {
            "Upload Audio": "Ladda upp ljud",
            "Upload Video": "Ladda upp video",
            "Choose a media item": "Välj en mediefil",
        },
    )


def test_films_with_a_film(admin, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    get_media_model().objects.create(
        title="Närvarofilm",
        type="video",
        duration=20,
        file=SimpleUploadedFile("narvaro.mp4", b"\x00" * 64, content_type="video/mp4"),
    )
    builders.refresh_search_index(get_media_model())
    assert_swedish(admin.get(reverse("wagtailmedia:index")), SIDEBAR | {"Uploaded": "Uppladdad"})
    chooser = admin.get(reverse("wagtailmedia:chooser"))
    assert_swedish(chooser, {"Latest media": "Senaste mediefilerna"})
    for query, heading in [("Närvarofilm", "Det finns en träff"), ("Frånvaro", None)]:
        results = admin.get(reverse("wagtailmedia:chooser"), {"q": query})
        assert_swedish(results)
        text = " ".join("".join(html.fromstring(results.content.decode()).itertext()).split())
        if heading:
            assert text.startswith(heading)
        else:
            assert "Inga mediefiler matchar ”Frånvaro”" in text


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailsnippets:index",
        "wagtaildocs:index",
        "wagtaildocs:add_multiple",
        "wagtailimages:index",
        "wagtailimages:add_multiple",
        "wagtailadmin_workflows:index",
        "wagtailadmin_reports:workflow",
        "wagtailsearchpromotions:index",
    ],
)
def test_listings_carry_the_swedish_sidebar(admin, url_name):
    assert_swedish(admin.get(reverse(url_name)), SIDEBAR)


def test_locked_pages_report(admin):
    response = admin.get(reverse("wagtailadmin_reports:locked_pages"))
    assert_swedish(response, SIDEBAR | {"Locked by": "Låst av", "Anyone": "Vem som helst"})


def test_search_promotion_form(admin):
    response = admin.get(reverse("wagtailsearchpromotions:add"))
    assert_swedish(
        response,
        SIDEBAR
        | {
            "Recommended search result": "Rekommenderad sökträff",
            "Add a recommended result": "Lägg till en rekommenderad träff",
            "Choose an internal page for this promotion": (
                "Välj en sida på webbplatsen att rekommendera"
            ),
        },
    )


def test_translation_screens(admin, page):
    """wagtail-localize: submitting a page for translation and its translation editor."""
    submit = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert_swedish(admin.get(submit), SIDEBAR)
    english = Locale.objects.get(language_code="en")
    editor = admin.post(submit, {"locales": [english.pk]}, follow=True)
    assert editor.redirect_chain[-1][0].endswith("/edit/")
    assert_swedish(editor, SIDEBAR)


@pytest.mark.parametrize(
    ("url_name", "translated"),
    [
        (
            "wagtailadmin_javascript_catalog",
            {
                "Pin toolbar": "Fäst verktygsfältet",  # Draftail
                "Unpin toolbar": "Lossa verktygsfältet",
                "Autosave in progress…": "Sparar automatiskt…",
                "Changes have been autosaved.": "Ändringarna har sparats automatiskt.",
                "A server error occurred.": "Ett serverfel uppstod.",
            },
        ),
        (
            "wagtail_localize:javascript_catalog",
            {
                "Applying editor lock": "Låser redigeringen",
                "Stopping Synced translation": "Stoppar synkroniserad översättning",
            },
        ),
    ],
)
def test_javascript_catalogues(admin, url_name, translated):
    """The admin's JavaScript (Draftail, autosave, the translation editor) takes its strings
    from these catalogues; ``site/locale_overrides/sv/LC_MESSAGES/djangojs.po`` fills the gaps."""
    response = admin.get(reverse(url_name))
    assert response.status_code == 200
    catalog = json.loads(
        re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S).group(1)
    )
    assert {english: catalog.get(english) for english in translated} == translated


def test_stream_block_validation_messages_are_swedish():
    class Body(blocks.StreamBlock):
        heading = blocks.CharBlock(label="Rubrik")

        class Meta:
            min_num = 2
            max_num = 3
            block_counts = {"heading": {"min_num": 1}}

    block = Body()
    with translation.override("sv"):
        for value, expected in [
            ([], ["Det minsta antalet\xa0block är 2", "Rubrik: Det minsta antalet\xa0block är 1"]),
            ([("heading", "A")] * 4, ["Det maximala antalet\xa0block är 3"]),
        ]:
            with pytest.raises(blocks.StreamBlockValidationError) as error:
                block.clean(block.to_python([{"type": t, "value": v} for t, v in value]))
            assert error.value.as_json_data()["messages"] == expected


def test_an_empty_required_block_is_reported_in_swedish(admin, page):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "",
            "body": streamfield([("heading", {"text": "", "level": "h2"})]),
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "action-publish": "1",
        }
    )
    response = admin.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200
    errors = response.context["form"].errors["body"].as_data()[0].as_json_data()
    assert errors["blockErrors"][0]["blockErrors"]["text"]["messages"] == [
        "Det här fältet är obligatoriskt"
    ]
    assert "Validation error in StreamBlock" not in screen_strings(response)


def test_explorer_breadcrumbs_and_header_actions_are_swedish(admin, page):
    """Wagtail hard-codes aria-label="Actions" on the header's buttons and shows its root page
    by its stored title "Root" in the breadcrumbs; our template overrides translate both."""
    response = admin.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    strings = screen_strings(response)
    assert {"Root", "Actions"} & strings == set()
    doc = html.fromstring(response.content.decode())
    crumbs = [" ".join(li.text_content().split()) for li in doc.xpath("//nav//ol/li")]
    assert crumbs[0] == "Rot"
    assert doc.xpath("//nav[@id='w-slim-header-buttons']/@aria-label") == ["Handlingar"]


def test_block_errors_in_the_error_message_are_swedish(rf):
    """When a form also has errors of its own, Wagtail lists every field's errors in the red
    message; a block field's is Wagtail's hard-coded "Validation error in StreamBlock"."""
    from django import forms
    from django.contrib.messages import get_messages
    from django.contrib.messages.storage.fallback import FallbackStorage
    from wagtail.admin import messages as admin_messages
    from wagtail.blocks import BlockField

    class Body(blocks.StreamBlock):
        heading = blocks.CharBlock(label="Rubrik")

    class Form(forms.Form):
        body = BlockField(block=Body(), label="Innehåll")

        def clean(self):
            raise forms.ValidationError("Sluggen används redan")

    form = Form(
        {
            "body-count": "1",
            "body-0-type": "heading",
            "body-0-value": "",
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-id": "",
        }
    )
    assert not form.is_valid() and form.errors["body"]
    request = rf.post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    with translation.override("sv"):
        admin_messages.validation_error(request, "Sidan kunde inte sparas", form)
    (message,) = [str(m) for m in get_messages(request)]
    doc = html.fromstring(f"<div>{message}</div>")
    assert "Validation error" not in doc.text_content()
    items = [" ".join(li.text_content().split()) for li in doc.xpath("//li")]
    assert items == ["Innehåll", "Sluggen används redan"]
    assert "har fel i sina block" in doc.text_content()

"""Library pages: calculator page and block, reference library, film library and film page."""

import json
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from methodbank.library.embeds import embed_url_for
from methodbank.library.models import (
    CalculatorPage,
    CaptionTrack,
    FilmLibraryPage,
    FilmPage,
    KnowledgeIndexPage,
    Reference,
    ReferenceLibraryPage,
)
from methodbank.library.references import split_authors
from methodbank.library.services import find_or_create_reference
from methodbank.library.timecodes import format_timecode, parse_timecode

pytestmark = pytest.mark.django_db

CALC = "/kunskapsbank/franvarokalkylator/"
REFS = "/kunskapsbank/forskning/"
FILMS = "/kunskapsbank/filmer/"
FILM = "/kunskapsbank/filmer/tidiga-tecken-exempelfilm/"


def html_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def film_exists():
    return FilmPage.objects.filter(slug="tidiga-tecken-exempelfilm").exists()


@pytest.fixture
def demo_film():
    film = FilmPage.objects.filter(slug="tidiga-tecken-exempelfilm").first()
    assert film is not None, "the demo film is generated with the ffmpeg of imageio-ffmpeg"
    return film


# -- structure ------------------------------------------------------------
def test_knowledge_library_section_is_in_the_menu_with_its_three_parts(client):
    index = KnowledgeIndexPage.objects.get(locale__language_code="sv")
    assert index.show_in_menus and index.search_description
    assert index.get_parent().specific_class.__name__ == "HomePage"
    html = html_of(client, "/kunskapsbank/")
    for url in (CALC, REFS, FILMS):
        assert f'href="{url}"' in html
    assert 'href="/kunskapsbank/"' in html_of(client, "/")
    assert html_of(client, "/en/knowledge-library/absence-calculator/")


# -- calculator page ------------------------------------------------------------
def test_calculator_page_without_input_shows_the_form_and_the_assumptions(client):
    html = html_of(client, CALC)
    assert '<form class="calculator" method="get"' in html
    assert 'role="status"' in html and 'aria-live="polite"' in html
    assert "178 skoldagar (skolförordningen 3 kap. 3 §)" in html
    assert "error-summary" not in html
    assert 'value="year"' in html and "checked" in html


def test_calculator_answers_the_kramfors_example(client):
    html = html_of(client, CALC + "?percent=12&period=year")
    assert "12 % frånvaro under ett läsår motsvarar ungefär 21 skoldagar, drygt 4 veckor." in html
    assert "ungefär 107 lektioner" in html
    assert '<caption id="kalkylator-tabell">12 % frånvaro under olika perioder</caption>' in html
    assert 'value="12"' in html  # the input is kept


def test_calculator_accepts_a_decimal_comma_and_hours(client):
    html = html_of(client, CALC + "?percent=12%2C5&period=term")
    assert "12,5 % frånvaro under en termin motsvarar" in html
    html = html_of(client, CALC + "?absent=6&scheduled=24&period=week")
    assert "25 % frånvaro under en vecka motsvarar ungefär 1,3 skoldagar." in html


@pytest.mark.parametrize(
    ("query", "field", "words"),
    [
        ("percent=-5", "percent", "negativ"),
        ("percent=101", "percent", "mer än 100 %"),
        ("percent=tolv", "percent", "Skriv ett tal"),
        ("absent=40&scheduled=30", "absent", "större än den schemalagda"),
        ("absent=4", "scheduled", "Fyll i den schemalagda tiden"),
        ("percent=12&lessons_per_day=99", "lessons_per_day", "mellan 1 och 12"),
        ("percent=12&period=decade", "period", "giltigt alternativ"),
    ],
)
def test_calculator_errors_are_clear_linked_and_keep_the_input(client, query, field, words):
    html = html_of(client, CALC + "?" + query)
    assert 'class="error-summary"' in html
    assert f'href="#id_{field}' in html
    assert f'id="id_{field}_error"' in html
    assert words in html
    assert "aria-invalid" in html or field == "period"
    assert "motsvarar" not in html
    if field == "percent":
        value = query.split("=", 1)[1].split("&")[0]
        assert f'value="{value}"' in html
    assert html.count("<title>Fel:") == 1


def test_calculator_live_endpoint(client):
    data = client.get("/api/franvarokalkylator/", {"percent": "12,5", "period": "term"}).json()
    assert data["ok"] is True
    assert "12,5 % frånvaro under en termin" in data["html"]
    bad = client.get("/api/franvarokalkylator/", {"percent": "x"}).json()
    assert bad["ok"] is False
    prefixed = client.get(
        "/api/franvarokalkylator/",
        {"prefix": "kalk2", "kalk2-percent": "50", "kalk2-period": "week"},
    ).json()
    assert "50 % frånvaro under en vecka motsvarar 2,5 skoldagar." in prefixed["html"]
    english = client.get("/en/api/franvarokalkylator/", {"percent": "12"}).json()
    assert "12 %" in english["html"] and "school days" in english["html"]


def test_calculator_block_in_a_page_body(client):
    page = CalculatorPage.objects.get(locale__language_code="sv")
    page.body = json.dumps(
        [
            {
                "type": "calculator",
                "value": {"heading": "Räkna själv", "text": "", "period": "term"},
            },
            {"type": "calculator", "value": {"heading": "En till", "text": "", "period": "week"}},
        ]
    )
    page.save_revision().publish()
    html = html_of(client, CALC)
    assert (
        "Räkna själv" in html
        and 'id="id_kalk1-percent"' in html
        and 'id="id_kalk2-percent"' in html
    )
    html = html_of(client, CALC + "?kalk2-percent=20&kalk2-period=week")
    assert "20 % frånvaro under en vecka motsvarar 1 skoldag." in html


# -- reference library ------------------------------------------------------------
def test_reference_library_lists_filters_and_sorts(client):
    html = html_of(client, REFS)
    assert "7 referenser" in html or re.search(r"\d+ referenser", html)
    assert "Kearney &amp; Graczyk. (2014)" in html
    html = html_of(client, REFS + "?ref_type=book")
    assert "Gren Landell" in html and "Kearney" not in html
    html = html_of(client, REFS + "?year_from=2020&year_to=2025")
    assert "Öhman" in html and "Gren Landell" not in html
    html = html_of(client, REFS + "?tier=act")
    assert "Att utreda närvaroproblem" in html and "Gren Landell" not in html
    html = html_of(client, REFS + "?topic=kartläggning-och-utredning")
    assert "Att utreda närvaroproblem" in html and "Kearney" not in html
    html = html_of(client, REFS + "?sort=year_asc")
    assert html.index("Gren Landell") < html.index("Öhman")


def test_reference_library_search(client):
    html = html_of(client, REFS + "?q=intervention")
    assert "1 referens" in html and "Kearney" in html


def test_reference_library_bad_filters_get_a_message_not_an_error(client):
    html = html_of(client, REFS + "?year_from=abc&year_to=1700&ref_type=poem&page=999")
    assert "error-summary" in html and "fyra siffror" in html
    html = html_of(client, REFS + "?year_from=2020&year_to=2010")
    assert "kan inte vara före" in html


def test_each_reference_has_its_own_page_listing_the_films_that_cite_it(client):
    kearney = Reference.objects.get(year=2014)
    url = kearney.get_url()
    assert re.match(rf"^{REFS}{kearney.pk}/[-\w]+/$", url)
    html = html_of(client, url)
    assert '<h1 lang="en">A response to intervention model' in html
    if film_exists():
        assert f'href="{FILM}"' in html
    assert html_of(client, f"{REFS}{kearney.pk}/")  # slug optional
    html_of(client, f"{REFS}999999/", status=404)


def test_exports(client):
    kearney = Reference.objects.get(year=2014)
    response = client.get(f"{REFS}{kearney.pk}/export/ris/")
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    assert "attachment" in response["Content-Disposition"]
    assert "TY  - JOUR" in response.content.decode()
    response = client.get(f"{REFS}{kearney.pk}/export/bibtex/")
    assert "@article{Kearney2014," in response.content.decode()
    response = client.get(REFS + "export/ris/?ref_type=book")
    assert response.content.decode().count("TY  - BOOK") == 2
    assert "TY  - JOUR" not in response.content.decode()


# -- films ------------------------------------------------------------
def test_timecodes_and_embeds():
    assert parse_timecode("1:30") == 90 and parse_timecode("1:02:05") == 3725
    assert format_timecode(3725) == "1:02:05" and format_timecode(70) == "1:10"
    assert embed_url_for("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3") == (
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    )
    assert embed_url_for("https://youtu.be/dQw4w9WgXcQ").startswith("https://www.youtube-nocookie")
    assert (
        embed_url_for("https://vimeo.com/123456") == "https://player.vimeo.com/video/123456?dnt=1"
    )
    assert embed_url_for("https://example.org/film.mp4") == ""


def test_film_page_has_native_player_captions_chapters_and_transcript(client, demo_film):
    html = html_of(client, FILM)
    video = re.search(r"<video[^>]*>", html).group(0)
    assert "controls" in video and "autoplay" not in video and 'preload="metadata"' in video
    assert '<track kind="captions"' in html and 'srclang="sv"' in html and ".vtt" in html
    assert re.search(
        r'href="[^"]+\.mp4(\?[^"#]*)?#t=10"[^>]*>\s*<span class="film__time">0:10</span>', html
    )
    assert '<h2 id="transcript-heading">Transkription</h2>' in html
    assert "ont i magen på måndagar" in html
    assert "exempelfilm" in html.lower() and "film__note" in html
    assert 'datetime="PT0M40S"' in html
    assert "tier--promote" in html and "Främjande" in html


def test_film_library_filters_and_search(client):
    html = html_of(client, FILMS)
    if film_exists():
        assert f'href="{FILM}"' in html
        assert f'href="{FILM}"' in html_of(client, FILMS + "?tier=promote&audience=teachers")
        assert f'href="{FILM}"' not in html_of(client, FILMS + "?tier=act")
        assert f'href="{FILM}"' not in html_of(client, FILMS + "?audience=guardians")
        assert f'href="{FILM}"' in html_of(client, FILMS + "?q=måndagar")
    assert "0 filmer" in html_of(client, FILMS + "?q=zzzyyyxxx")
    assert html_of(client, FILMS + "?audience=nobody&tier=x")  # bad filter values: 200


def test_films_appear_in_site_search_by_transcript(client, demo_film):
    # Words that occur only in the film's transcript (not in its title or intro).
    for word in ("måndagar", "MÅNDAGAR"):
        html = html_of(client, f"/sok/?q={word}")
        assert f'href="{FILM}"' in html, word


# -- admin ------------------------------------------------------------
@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "redaktor", "r@example.org", "lösenord-123456"
    )
    client.force_login(user)
    return client


def film_form(**overrides):
    data = {
        "title": "Ny film",
        "slug": "ny-film",
        "intro": "",
        "example_note": "",
        "duration": "1:00",
        "transcript": "Allt som sägs.",
        "external_url": "",
        "chapters": inline_formset([]),
        "body": streamfield([]),
        "references": [],
        "audiences": [],
    }
    data.update(overrides)
    return nested_form_data(data)


def _media():
    from wagtailmedia.models import Media

    media = Media(title="Testfilm", type="video", duration=10)
    media.file.save("test.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 32), save=False)
    media.save()
    return media


def test_publishing_a_self_hosted_film_requires_captions(admin_client):
    library = FilmLibraryPage.objects.get(locale__language_code="sv")
    url = f"/admin/pages/add/library/filmpage/{library.pk}/"
    media = _media()
    response = admin_client.post(url, film_form(video=media.pk, **{"action-publish": "publish"}))
    assert response.status_code == 200
    assert "måste ha undertexter" in response.content.decode()
    assert not FilmPage.objects.filter(slug="ny-film").exists()
    # A draft may wait for its captions.
    response = admin_client.post(url, film_form(video=media.pk))
    assert response.status_code == 302
    assert not FilmPage.objects.get(slug="ny-film").live


def test_publishing_with_captions_and_an_embed(admin_client):
    library = FilmLibraryPage.objects.get(locale__language_code="sv")
    url = f"/admin/pages/add/library/filmpage/{library.pk}/"
    track = CaptionTrack.objects.create(title="Test", language="sv")
    track.file.save("t.vtt", ContentFile(b"WEBVTT\n\n00:01.000 --> 00:02.000\nHej\n"))
    media = _media()
    response = admin_client.post(
        url, film_form(video=media.pk, captions=track.pk, **{"action-publish": "publish"})
    )
    assert response.status_code == 302
    assert FilmPage.objects.get(slug="ny-film").live
    response = admin_client.post(
        url,
        film_form(
            slug="youtube",
            external_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 302
    response = admin_client.post(
        url, film_form(slug="bad", external_url="https://example.org/x", **{"action-publish": "p"})
    )
    assert response.status_code == 200 and "YouTube eller Vimeo" in response.content.decode()


def test_caption_upload_rejects_a_broken_file_naming_the_line(admin_client):
    bad = SimpleUploadedFile("film.vtt", b"WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nHej\n")
    response = admin_client.post(
        "/admin/snippets/library/captiontrack/add/",
        {"title": "Trasig", "language": "sv", "file": bad},
    )
    assert response.status_code == 200
    assert "Rad 3:" in response.content.decode()
    assert not CaptionTrack.objects.filter(title="Trasig").exists()
    good = SimpleUploadedFile("film.vtt", b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHej\n")
    response = admin_client.post(
        "/admin/snippets/library/captiontrack/add/",
        {"title": "Hel", "language": "sv", "file": good},
    )
    assert response.status_code == 302


def test_uploading_a_text_file_as_a_video_is_refused(admin_client):
    fake = SimpleUploadedFile(
        "film.mp4", b"Det har ar inte en film.\n" * 10, content_type="video/mp4"
    )
    response = admin_client.post(
        "/admin/media/video/add/", {"title": "Falsk", "file": fake, "collection": 1, "duration": 0}
    )
    assert response.status_code == 200
    assert "inte en video" in response.content.decode()
    from wagtailmedia.models import Media

    assert not Media.objects.filter(title="Falsk").exists()


def test_admin_import_view(admin_client):
    from tests.library.test_references import RIS

    response = admin_client.get("/admin/library_import/")
    assert response.status_code == 200 and "Importera referenser" in response.content.decode()
    response = admin_client.post(
        "/admin/library_import/", {"file": SimpleUploadedFile("z.ris", RIS.encode())}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "2 nya referenser" in html
    response = admin_client.post(
        "/admin/library_import/", {"file": SimpleUploadedFile("z.ris", RIS.encode())}
    )
    assert "2 hoppades över" in response.content.decode()
    response = admin_client.post(
        "/admin/library_import/", {"file": SimpleUploadedFile("x.txt", b"bara text")}
    )
    assert response.status_code == 200 and "varken RIS eller BibTeX" in response.content.decode()
    big = SimpleUploadedFile("big.txt", b"a" * (20 * 1024 * 1024))
    response = admin_client.post("/admin/library_import/", {"file": big})
    assert response.status_code == 200 and "för stor" in response.content.decode()


def test_import_view_needs_permission(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("lasare", "l@example.org", "lösenord-123456")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get("/admin/library_import/")
    assert response.status_code in (302, 403)


def test_interim_method_references_are_found_or_created():
    assert split_authors("Kearney, C. A., & Graczyk, P. A.") == ["Kearney, C. A.", "Graczyk, P. A."]
    assert split_authors("Skolverket; SPSM och Ifous") == ["Skolverket", "SPSM", "Ifous"]
    kearney, created = find_or_create_reference(
        authors="Kearney & Graczyk",
        year=2014,
        title="A response to intervention model to promote school attendance and decrease "
        "school absenteeism.",
        publisher="Child and Youth Care Forum",
    )
    assert not created and kearney.year == 2014
    new, created = find_or_create_reference(
        authors="Andersson, A. & Berg, B.",
        year="2022",
        title="En ny studie",
        publisher="Tidskriften",
        doi="https://doi.org/10.5555/NY",
    )
    assert created and new.doi == "10.5555/ny" and new.container == "Tidskriften"
    assert new.author_list == ["Andersson, A.", "Berg, B."]
    again, created = find_or_create_reference(title="Annan titel", year=2000, doi="10.5555/ny")
    assert again == new and not created


def test_every_library_page_type_is_in_the_demo():
    for model in (KnowledgeIndexPage, CalculatorPage, ReferenceLibraryPage, FilmLibraryPage):
        assert model.objects.live().filter(locale__language_code="sv").exists()
        assert model.objects.live().filter(locale__language_code="en").exists()
    assert Page.objects.get(slug="kunskapsbank", locale__language_code="sv").show_in_menus


def test_admin_listings_and_forms_render(admin_client):
    for url in (
        "/admin/snippets/library/reference/",
        "/admin/snippets/library/reference/add/",
        "/admin/snippets/library/captiontrack/",
        "/admin/snippets/library/reference/?ref_type=book",
        "/admin/snippets/library/reference/?export=csv",
    ):
        assert admin_client.get(url).status_code == 200, url
    film = FilmPage.objects.first()
    if film is not None:
        assert admin_client.get(f"/admin/pages/{film.pk}/edit/").status_code == 200
    index = KnowledgeIndexPage.objects.get(locale__language_code="sv")
    assert admin_client.get(f"/admin/pages/{index.pk}/edit/").status_code == 200
    assert "Importera referenser" in admin_client.get("/admin/").content.decode()


def test_find_or_create_works_with_historical_models_in_a_data_migration():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    state = MigrationExecutor(connection).loader.project_state(("library", "0002_audiences"))
    models = (
        state.apps.get_model("library", "Reference"),
        state.apps.get_model("library", "ReferenceAuthor"),
    )
    reference, created = find_or_create_reference(
        authors="Lind, K.; Ek, M.",
        year=2023,
        title="Historisk modell",
        doi="10.5555/HIST",
        models=models,
    )
    assert created
    saved = Reference.objects.get(pk=reference.pk)
    assert saved.doi == "10.5555/hist" and saved.author_list == ["Lind, K.", "Ek, M."]
    again, created = find_or_create_reference(title="Historisk modell!", year=2023, models=models)
    assert again.pk == reference.pk and not created


def test_demo_clip_is_skipped_with_a_message_when_ffmpeg_is_missing(monkeypatch, tmp_path):
    import io

    from kcsite.pages.demo_tools import Demo
    from methodbank.library import demo as library_demo

    monkeypatch.setattr(library_demo, "find_ffmpeg", lambda: None)
    assert library_demo.generate_clip(tmp_path / "x.mp4") is False
    FilmPage.objects.filter(slug="tidiga-tecken-exempelfilm").delete()
    from wagtailmedia.models import Media

    Media.objects.filter(title=library_demo.FILM_TITLE).delete()
    out = io.StringIO()
    library_demo.load_demo(Demo(out, None))
    assert "ffmpeg is missing" in out.getvalue()
    assert not FilmPage.objects.filter(slug="tidiga-tecken-exempelfilm").exists()

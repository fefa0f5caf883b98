"""Library pages: calculator page and block, reference library, film library and film page.

Each test builds the pages and references it needs (:mod:`tests.library.factories`) and reads
the structure of a page from its parsed HTML."""

import io
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from kcsite.pages.demo_tools import Demo
from methodbank.library import demo as library_demo
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
from tests.library import factories
from tests.library.factories import CALC, FILM, FILMS, REFS

pytestmark = pytest.mark.django_db


def html_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def soup_of(client, url, status=200):
    return BeautifulSoup(html_of(client, url, status), "html.parser")


def links(soup):
    return {a["href"] for a in soup.select("a[href]")}


@pytest.fixture
def section():
    return factories.library()


@pytest.fixture
def references(section):
    return factories.reading_list()


@pytest.fixture
def film(section, references):
    return factories.film(section.films, references=[references[0]])


def listed(client, query=""):
    """The text of the reference list for the reference library's ``query`` ('' when empty)."""
    found = soup_of(client, REFS + query).select_one(".reference-list")
    return found.get_text(" ") if found else ""


# -- structure ------------------------------------------------------------
def test_knowledge_library_section_is_in_the_menu_with_its_three_parts(client):
    factories.library(english=True)
    index = KnowledgeIndexPage.objects.get(locale__language_code="sv")
    assert index.show_in_menus and index.search_description
    assert index.get_parent().specific_class.__name__ == "HomePage"
    assert {CALC, REFS, FILMS} <= links(soup_of(client, "/kunskapsbank/"))
    assert "/kunskapsbank/" in links(soup_of(client, "/"))
    assert html_of(client, "/en/knowledge-library/absence-calculator/")


# -- calculator page ------------------------------------------------------------
def test_calculator_page_without_input_shows_the_form_and_the_assumptions(client, section):
    html = html_of(client, CALC)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one('form.calculator[method="get"]') is not None
    assert soup.select_one('[role="status"][aria-live="polite"]') is not None
    assert "178 skoldagar (skolförordningen 3 kap. 3 §)" in html
    assert soup.select_one(".error-summary") is None
    assert soup.select_one('input[name="period"][value="year"]').has_attr("checked")


def test_calculator_answers_the_kramfors_example(client, section):
    html = html_of(client, CALC + "?percent=12&period=year")
    soup = BeautifulSoup(html, "html.parser")
    assert "12 % frånvaro under ett läsår motsvarar ungefär 21 skoldagar, drygt 4 veckor." in html
    assert "ungefär 107 lektioner" in html
    caption = soup.select_one("caption#kalkylator-tabell")
    assert caption.get_text() == "12 % frånvaro under olika perioder"
    assert soup.select_one('input[name="percent"]')["value"] == "12"  # the input is kept


def test_calculator_accepts_a_decimal_comma_and_hours(client, section):
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
def test_calculator_errors_are_clear_linked_and_keep_the_input(
    client, section, query, field, words
):
    html = html_of(client, CALC + "?" + query)
    soup = BeautifulSoup(html, "html.parser")
    summary = soup.select_one(".error-summary")
    assert summary is not None
    assert summary.select_one(f'a[href^="#id_{field}"]') is not None
    assert soup.select_one(f"#id_{field}_error") is not None
    assert words in html
    assert soup.select_one('[aria-invalid="true"]') is not None or field == "period"
    assert "motsvarar" not in html
    if field == "percent":
        value = query.split("=", 1)[1].split("&")[0]
        assert soup.select_one('input[name="percent"]')["value"] == value
    assert soup.title.get_text().startswith("Fel:")
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


def test_calculator_block_in_a_page_body(client, section):
    page = section.calculator
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
    soup = soup_of(client, CALC)
    assert "Räkna själv" in [h2.get_text() for h2 in soup.select(".calculator-block h2")]
    assert soup.select_one("#id_kalk1-percent") and soup.select_one("#id_kalk2-percent")
    html = html_of(client, CALC + "?kalk2-percent=20&kalk2-period=week")
    assert "20 % frånvaro under en vecka motsvarar 1 skoldag." in html


# -- reference library ------------------------------------------------------------
def test_reference_library_lists_filters_and_sorts(client, references):
    soup = soup_of(client, REFS)
    assert soup.select_one(".search-summary").get_text(strip=True) == "7 referenser"
    assert len(soup.select(".reference-list > li")) == 7
    assert "Kearney &amp; Graczyk. (2014)" in str(soup.select_one(".reference-list"))
    books = listed(client, "?ref_type=book")
    assert "Gren Landell" in books and "Kearney" not in books
    recent = listed(client, "?year_from=2020&year_to=2025")
    assert "Öhman" in recent and "Gren Landell" not in recent
    act = listed(client, "?tier=act")
    assert "Att utreda närvaroproblem" in act and "Gren Landell" not in act
    topic = listed(client, "?topic=kartläggning-och-utredning")
    assert "Att utreda närvaroproblem" in topic and "Kearney" not in topic
    oldest_first = listed(client, "?sort=year_asc")
    assert oldest_first.index("Gren Landell") < oldest_first.index("Öhman")


def test_reference_library_search(client, references):
    soup = soup_of(client, REFS + "?q=intervention")
    assert soup.select_one(".search-summary").get_text(strip=True) == "1 referens"
    assert "Kearney" in soup.select_one(".reference-list").get_text()


def test_reference_library_bad_filters_get_a_message_not_an_error(client, references):
    soup = soup_of(client, REFS + "?year_from=abc&year_to=1700&ref_type=poem&page=999")
    summary = soup.select_one(".error-summary")
    assert summary is not None and "fyra siffror" in summary.get_text()
    soup = soup_of(client, REFS + "?year_from=2020&year_to=2010")
    assert "kan inte vara före" in soup.select_one("#id_year_to_error").get_text()


def test_each_reference_has_its_own_page_listing_the_films_that_cite_it(client, film):
    kearney = Reference.objects.get(year=2014)
    url = kearney.get_url()
    assert re.match(rf"^{REFS}{kearney.pk}/[-\w]+/$", url)
    soup = soup_of(client, url)
    heading = soup.select_one("h1")
    assert heading["lang"] == "en"
    assert heading.get_text().startswith("A response to intervention model")
    assert FILM in links(soup)
    assert html_of(client, f"{REFS}{kearney.pk}/")  # slug optional
    html_of(client, f"{REFS}999999/", status=404)


def test_exports(client, references):
    kearney = Reference.objects.get(year=2014)
    response = client.get(f"{REFS}{kearney.pk}/export/ris/")
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    assert response["Content-Disposition"] == f'attachment; filename="referens-{kearney.pk}.ris"'
    assert "TY  - JOUR" in response.content.decode()
    response = client.get(f"{REFS}{kearney.pk}/export/bibtex/")
    assert "@article{Kearney2014," in response.content.decode()
    response = client.get(REFS + "export/ris/?ref_type=book")
    assert response["Content-Disposition"] == 'attachment; filename="referenser.ris"'
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


def test_film_page_has_native_player_captions_chapters_and_transcript(client, film):
    html = html_of(client, FILM)
    soup = BeautifulSoup(html, "html.parser")
    video = soup.select_one("video")
    assert video.has_attr("controls") and not video.has_attr("autoplay")
    assert video["preload"] == "metadata"
    track = soup.select_one('track[kind="captions"]')
    assert track["srclang"] == "sv" and ".vtt" in track["src"]
    chapter = next(a for a in soup.select("a.film__chapter") if a["href"].endswith("#t=10"))
    assert re.search(r"\.mp4(\?[^#]*)?#t=10$", chapter["href"])
    assert chapter.select_one("span.film__time").get_text() == "0:10"
    assert soup.select_one("h2#transcript-heading").get_text() == "Transkription"
    assert "ont i magen på måndagar" in html
    assert "exempelfilm" in soup.select_one(".film__note").get_text().lower()
    assert soup.select_one('[datetime="PT0M40S"]') is not None
    badge = soup.select_one(".tier--promote")
    assert badge is not None and "Främjande" in badge.get_text()


def test_film_library_filters_and_search(client, film):
    assert FILM in links(soup_of(client, FILMS))
    assert FILM in links(soup_of(client, FILMS + "?tier=promote&audience=teachers"))
    assert FILM not in links(soup_of(client, FILMS + "?tier=act"))
    assert FILM not in links(soup_of(client, FILMS + "?audience=guardians"))
    assert FILM in links(soup_of(client, FILMS + "?q=måndagar"))
    empty = soup_of(client, FILMS + "?q=zzzyyyxxx")
    assert empty.select_one(".search-summary").get_text(strip=True) == "0 filmer"
    assert html_of(client, FILMS + "?audience=nobody&tier=x")  # bad filter values: 200


def test_films_appear_in_site_search_by_transcript(client, film):
    # Words that occur only in the film's transcript (not in its title or intro).
    for word in ("måndagar", "MÅNDAGAR"):
        assert FILM in links(soup_of(client, f"/sok/?q={word}")), word


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


def test_publishing_a_self_hosted_film_requires_captions(admin_client, section):
    library = section.films
    url = f"/admin/pages/add/library/filmpage/{library.pk}/"
    media = factories.video()
    response = admin_client.post(url, film_form(video=media.pk, **{"action-publish": "publish"}))
    assert response.status_code == 200
    assert "måste ha undertexter" in response.content.decode()
    assert not FilmPage.objects.filter(slug="ny-film").exists()
    # A draft may wait for its captions.
    response = admin_client.post(url, film_form(video=media.pk))
    assert response.status_code == 302
    assert not FilmPage.objects.get(slug="ny-film").live


def test_publishing_with_captions_and_an_embed(admin_client, section):
    library = section.films
    url = f"/admin/pages/add/library/filmpage/{library.pk}/"
    track = CaptionTrack.objects.create(title="Test", language="sv")
    track.file.save("t.vtt", ContentFile(b"WEBVTT\n\n00:01.000 --> 00:02.000\nHej\n"))
    media = factories.video()
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


def test_interim_method_references_are_found_or_created(references):
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


def test_library_demo_builds_every_page_type_in_both_languages(monkeypatch):
    monkeypatch.setattr(library_demo, "find_ffmpeg", lambda: None)  # no clip: fast
    library_demo.load_demo(Demo(io.StringIO(), None))
    for model in (KnowledgeIndexPage, CalculatorPage, ReferenceLibraryPage, FilmLibraryPage):
        assert model.objects.live().filter(locale__language_code="sv").exists()
        assert model.objects.live().filter(locale__language_code="en").exists()
    assert Page.objects.get(slug="kunskapsbank", locale__language_code="sv").show_in_menus


def test_admin_listings_and_forms_render(admin_client, film):
    for url in (
        "/admin/snippets/library/reference/",
        "/admin/snippets/library/reference/add/",
        "/admin/snippets/library/captiontrack/",
        "/admin/snippets/library/reference/?ref_type=book",
        "/admin/snippets/library/reference/?export=csv",
    ):
        assert admin_client.get(url).status_code == 200, url
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
    monkeypatch.setattr(library_demo, "find_ffmpeg", lambda: None)
    assert library_demo.generate_clip(tmp_path / "x.mp4") is False
    out = io.StringIO()
    library_demo.load_demo(Demo(out, None))
    assert "ffmpeg is missing" in out.getvalue()
    assert not FilmPage.objects.filter(slug="tidiga-tecken-exempelfilm").exists()

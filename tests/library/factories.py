"""Builders for the knowledge library's tests: the section's pages (at the addresses editors give
them), references, caption files, videos and films.

Pages go through Wagtail's tree API and revisions (:mod:`tests.builders`); references are saved
with their authors and topics as the admin and the import save them.

    from tests.library import factories

    def test_something(client):
        section = factories.library()
        factories.reading_list()
        film = factories.film(section.films)
"""

from dataclasses import dataclass

from django.core.files.base import ContentFile
from wagtailmedia.models import Media

from methodbank.library.demo import REFERENCES
from methodbank.library.models import (
    Audience,
    CalculatorPage,
    CaptionTrack,
    FilmChapter,
    FilmLibraryPage,
    FilmPage,
    KnowledgeIndexPage,
    Reference,
    ReferenceAuthor,
    ReferenceLibraryPage,
)
from tests import builders

CALC = "/kunskapsbank/franvarokalkylator/"
REFS = "/kunskapsbank/forskning/"
FILMS = "/kunskapsbank/filmer/"
FILM = "/kunskapsbank/filmer/tidiga-tecken/"

# The first bytes of an MP4 file: enough for the video check of the media form.
MP4_HEAD = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 32

CAPTIONS_SV = """WEBVTT

00:00:00.500 --> 00:00:09.500
Välkommen till en kort film om skolnärvaro.

00:00:10.000 --> 00:00:19.500
Tidiga tecken kan vara sena ankomster,
ströfrånvaro och ont i magen på måndagar.

00:00:20.000 --> 00:00:39.500
Tolv procents frånvaro under ett läsår
motsvarar ungefär 21 skoldagar.
"""

TRANSCRIPT_SV = (
    "Välkommen till en kort film om skolnärvaro.\n\n"
    "Tidiga tecken kan vara sena ankomster, ströfrånvaro och ont i magen på måndagar.\n\n"
    "Tolv procents frånvaro under ett läsår motsvarar ungefär 21 skoldagar."
)


@dataclass(frozen=True)
class Section:
    """The knowledge library's pages in one language."""

    index: KnowledgeIndexPage
    calculator: CalculatorPage
    references: ReferenceLibraryPage
    films: FilmLibraryPage


def library(*, english=False):
    """The knowledge library section below the Swedish home page, at the addresses the site
    uses (``/kunskapsbank/`` and its three parts); ``english=True`` also translates the index
    and its three parts as the demo does (``/en/knowledge-library/absence-calculator/``,
    ``…/research/``, ``…/films/``)."""
    index = builders.add_page(
        builders.home(),
        KnowledgeIndexPage(
            title="Kunskapsbank",
            slug="kunskapsbank",
            search_description="Filmer, forskning och frånvarokalkylatorn.",
            show_in_menus=True,
        ),
    )
    section = Section(
        index=index,
        calculator=builders.add_page(
            index, CalculatorPage(title="Frånvarokalkylator", slug="franvarokalkylator")
        ),
        references=builders.add_page(
            index, ReferenceLibraryPage(title="Forskning och källor", slug="forskning")
        ),
        films=builders.add_page(index, FilmLibraryPage(title="Utbildningsfilmer", slug="filmer")),
    )
    if english:
        builders.translate(index, "en", slug="knowledge-library", title="Knowledge library")
        builders.translate(section.calculator, "en", title="Absence calculator")
        builders.translate(section.references, "en", slug="research", title="Research and sources")
        builders.translate(section.films, "en", slug="films", title="Training films")
    return section


def reference(title, *, authors=(), topics=(), tiers=(), **fields):
    """A saved Reference with its authors in order, its topics and its tiers."""
    fields.setdefault("language", "sv")
    item = Reference(title=title, **fields, **{f"tier_{tier}": True for tier in tiers})
    item.authors = [ReferenceAuthor(name=name, sort_order=n) for n, name in enumerate(authors)]
    if topics:
        item.topics.add(*topics)
    item.save()
    builders.refresh_search_index(Reference)
    return item


def reading_list():
    """The demo's reading list (:data:`methodbank.library.demo.REFERENCES`), in its order: an
    English article by two authors, reports of a group author without a year, two books, a
    report without authors (its publisher is the author), different tiers and topics."""
    return [reference(**dict(data)) for data in REFERENCES]


def captions(title="Tidiga tecken – svenska undertexter", text=CAPTIONS_SV, language="sv"):
    """A validated WebVTT caption file."""
    track = CaptionTrack(title=title, language=language)
    track.file.save("undertexter.vtt", ContentFile(text.encode("utf-8")), save=False)
    track.full_clean()
    track.save()
    return track


def video(title="Testfilm"):
    """A self-hosted video in the media library (the head of an MP4 file, ten seconds)."""
    media = Media(title=title, type="video", duration=10)
    media.file.save("test.mp4", ContentFile(MP4_HEAD), save=False)
    media.save()
    return media


def film(films_page, *, slug="tidiga-tecken", audiences=("teachers", "school_staff"), **fields):
    """A published self-hosted film with Swedish captions, four chapters 10 seconds apart, a
    transcript and an example note; ``fields`` override any of it (``references=[…]``)."""
    values = {
        "title": "Tidiga tecken på frånvaro",
        "intro": "En kort film om tidiga tecken på frånvaro.",
        "example_note": "Det här är en exempelfilm.",
        "video": video(),
        "captions": captions(),
        "duration": "0:40",
        "transcript": TRANSCRIPT_SV,
        "tier_promote": True,
        "tier_prevent": True,
        "chapters": [
            FilmChapter(start=start, title=title, sort_order=n)
            for n, (start, title) in enumerate(
                [
                    ("0:00", "Välkommen"),
                    ("0:10", "Tidiga tecken"),
                    ("0:20", "Räkna i dagar"),
                    ("0:30", "Vad gör du i morgon?"),
                ]
            )
        ],
        "audiences": list(Audience.objects.filter(key__in=audiences)),
    }
    values.update(fields)
    return builders.add_page(films_page, FilmPage(slug=slug, **values))

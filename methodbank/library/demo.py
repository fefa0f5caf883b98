"""Demo content of the knowledge library: section pages, the reading list, an example film.

The reading list holds only the facts given in the sources (no DOIs, page numbers or
given names that the sources do not state). The example film is generated with the ffmpeg
binary that the ``imageio-ffmpeg`` wheel ships (a project dependency, so a fresh clone needs no
system package); if that binary cannot run, an ffmpeg on PATH is used, and without either the
film is skipped with a message and everything else loads.
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

import imageio_ffmpeg
from django.core.files import File
from django.core.files.base import ContentFile
from django.utils.translation import gettext_noop
from wagtailmedia.models import Media

from kcsite.pages.demo_tools import home_page
from methodbank.models import MethodPage

from .models import (
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

REFERENCES = [
    {
        "ref_type": "article",
        "authors": ["Kearney", "Graczyk"],
        "year": 2014,
        "title": (
            "A response to intervention model to promote school attendance and decrease "
            "school absenteeism"
        ),
        "container": "Child and Youth Care Forum",
        "volume": "43",
        "pages": "1–25",
        "language": "en",
        "summary": (
            "Beskriver en modell i tre nivåer, byggd på respons på intervention, för att främja "
            "närvaro och minska frånvaro. Modellen ligger till grund för indelningen i "
            "främjande, förebyggande och åtgärdande närvaroarbete."
        ),
        "topics": ["tre nivåer", "närvarofrämjande arbete", "skolfrånvaro"],
        "tiers": ("promote", "prevent", "act"),
    },
    {
        "ref_type": "report",
        "authors": ["Skolverket"],
        "year": None,
        "title": "Frånvaro i skolan",
        "language": "sv",
        "summary": (
            "Skolverkets material om frånvaro i skolan, nämnt i källorna till närvaroarbetet."
        ),
        "topics": ["skolfrånvaro"],
        "tiers": ("prevent", "act"),
    },
    {
        "ref_type": "report",
        "authors": ["Skolverket"],
        "year": None,
        "title": "Rekommendationer: främja närvaro och förebygga frånvaro",
        "language": "sv",
        "summary": "Skolverkets rekommendationer för att främja närvaro och förebygga frånvaro.",
        "topics": ["närvarofrämjande arbete"],
        "tiers": ("promote", "prevent"),
    },
    {
        "ref_type": "report",
        "authors": ["Specialpedagogiska skolmyndigheten"],
        "year": 2025,
        "title": ("Skolans insatser för att främja närvaro och förebygga frånvaro för alla elever"),
        "container": "Systematisk översikt",
        "language": "sv",
        "summary": (
            "En systematisk översikt från SPSM om vad skolan kan göra för att främja närvaro "
            "och förebygga frånvaro för alla elever."
        ),
        "topics": ["forskningsöversikt", "närvarofrämjande arbete"],
        "tiers": ("promote", "prevent"),
    },
    {
        "ref_type": "book",
        "authors": ["Gren Landell, M."],
        "year": 2018,
        "title": "Främja närvaro. Att förebygga frånvaro i skolan",
        "publisher": "Natur och Kultur",
        "language": "sv",
        "summary": "En bok om hur skolan kan främja närvaro och förebygga frånvaro.",
        "topics": ["närvarofrämjande arbete", "skolfrånvaro"],
        "tiers": ("promote", "prevent"),
    },
    {
        "ref_type": "book",
        "authors": ["Öhman, A."],
        "year": 2025,
        "title": "Skolfrånvaro och skolnärvaro",
        "publisher": "Gothia kompetens",
        "language": "sv",
        "summary": "En bok om skolfrånvaro och skolnärvaro.",
        "topics": ["skolfrånvaro"],
        "tiers": ("promote", "prevent", "act"),
    },
    {
        "ref_type": "report",
        "authors": [],
        "year": 2020,
        "title": "Att utreda närvaroproblem i skolan",
        "container": "Ifous rapportserie",
        "issue": "2020:3",
        "publisher": "Ifous",
        "language": "sv",
        "summary": "En rapport i Ifous rapportserie om hur skolan kan utreda närvaroproblem.",
        "topics": ["kartläggning och utredning", "skolfrånvaro"],
        "tiers": ("act",),
    },
]

CAPTIONS_SV = """WEBVTT

NOTE Exempelfilm för Kunskapscentrum för skolnärvaro. Texterna är skrivna för demonstrationen.

1
00:00:00.500 --> 00:00:04.500
Välkommen till en kort film om skolnärvaro.

2
00:00:04.500 --> 00:00:09.500
Filmen är ett exempel som visar hur
kunskapscentrumets filmer presenteras.

3
00:00:10.000 --> 00:00:14.500
Tidiga tecken kan vara sena ankomster,
ströfrånvaro och ont i magen på måndagar.

4
00:00:14.500 --> 00:00:19.500
Se mönstret tidigt och prata med
eleven och vårdnadshavarna.

5
00:00:20.000 --> 00:00:24.500
Tolv procents frånvaro under ett läsår
motsvarar ungefär 21 skoldagar.

6
00:00:24.500 --> 00:00:29.500
Det är drygt fyra veckor av undervisning
som eleven har missat.

7
00:00:30.000 --> 00:00:34.500
Följ skolans rutin: mentorn uppmärksammar,
elevhälsan kartlägger.

8
00:00:34.500 --> 00:00:39.500
Behöver ni stöd? Kontakta Team Domino.
"""

TRANSCRIPT_SV = "\n\n".join(
    [
        (
            "[Bild: en blå skylt med texten ”Välkommen”.]\n"
            "Välkommen till en kort film om skolnärvaro. Filmen är ett exempel som "
            "visar hur kunskapscentrumets filmer presenteras."
        ),
        (
            "[Bild: en grön skylt med texten ”Tidiga tecken”.]\n"
            "Tidiga tecken kan vara sena ankomster, ströfrånvaro och ont i magen på "
            "måndagar. Se mönstret tidigt och prata med eleven och vårdnadshavarna."
        ),
        (
            "[Bild: en gul skylt med texten ”Räkna i dagar”.]\n"
            "Tolv procents frånvaro under ett läsår motsvarar ungefär 21 skoldagar. "
            "Det är drygt fyra veckor av undervisning som eleven har missat."
        ),
        (
            "[Bild: en röd skylt med texten ”Vad gör du i morgon?”.]\n"
            "Följ skolans rutin: mentorn uppmärksammar, elevhälsan kartlägger. "
            "Behöver ni stöd? Kontakta Team Domino."
        ),
    ]
)

CHAPTERS = [
    ("0:00", "Välkommen", "0x00497a"),
    ("0:10", "Tidiga tecken", "0x1e6b34"),
    ("0:20", "Räkna i dagar", "0x6b4e00"),
    ("0:30", "Vad gör du i morgon?", "0xa3191c"),
]
FILM_SECONDS = 40
FILM_TITLE = "Tidiga tecken på frånvaro – exempelfilm"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


def _ensure_reference(demo, data):
    reference = Reference.objects.filter(title=data["title"], year=data["year"]).first()
    if reference is not None:
        demo.tally(False)
        return reference
    fields = {
        key: data.get(key, "")
        for key in ("container", "publisher", "volume", "issue", "pages", "summary")
    }
    reference = Reference(
        ref_type=data["ref_type"],
        title=data["title"],
        year=data["year"],
        language=data["language"],
        **fields,
        **{f"tier_{tier}": True for tier in data["tiers"]},
    )
    reference.authors = [
        ReferenceAuthor(name=name, sort_order=index) for index, name in enumerate(data["authors"])
    ]
    reference.topics.add(*data["topics"])
    reference.save()
    demo.tally(True)
    return reference


# The reading list's topics (editor-managed tags) with English names in the catalogue: the
# reference filter shows a topic through gettext, so English visitors read these in English.
TOPIC_NAMES = [
    gettext_noop("forskningsöversikt"),
    gettext_noop("kartläggning och utredning"),
    gettext_noop("närvarofrämjande arbete"),
    gettext_noop("skolfrånvaro"),
    gettext_noop("tre nivåer"),
]


def ensure_reading_list(demo):
    """The domain's reading list as library references (also called by the method bank's demo
    first, so the methods it imports cite these entries rather than creating their own)."""
    return [_ensure_reference(demo, data) for data in REFERENCES]


def find_ffmpeg():
    """The ffmpeg binary of the imageio-ffmpeg wheel, else one on PATH, else None."""
    try:
        return imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError:  # no binary for this platform in the wheel
        return shutil.which("ffmpeg")


def generate_clip(target):
    """Write a 40-second MP4 of four coloured title cards to ``target``; False without ffmpeg."""
    ffmpeg = find_ffmpeg()
    if not ffmpeg:
        return False
    colours = "".join(
        f"color=c={colour}:s=640x360:d=10:r=10[c{index}];"
        for index, (_start, _title, colour) in enumerate(CHAPTERS)
    )
    texts = []
    for index, (_start, title, _colour) in enumerate(CHAPTERS):
        label = title.replace(":", r"\:").replace("?", r"\?")
        text = (
            f"[c{index}]drawtext=fontfile={FONT}:text='{label}':fontcolor=white:fontsize=40:"
            f"x=(w-text_w)/2:y=(h-text_h)/2[v{index}];"
        )
        texts.append(text if FONT.exists() else f"[c{index}]null[v{index}];")
    concat = "".join(f"[v{index}]" for index in range(len(CHAPTERS)))
    graph = colours + "".join(texts) + f"{concat}concat=n={len(CHAPTERS)}:v=1:a=0[out]"
    command = [
        ffmpeg,
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-filter_complex",
        graph,
        "-map",
        "[out]",
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-crf",
        "30",
        "-pix_fmt",
        "yuv420p",
        "-movflags",
        "+faststart",
        str(target),
    ]
    result = subprocess.run(command, capture_output=True, timeout=120, check=False)  # noqa: S603
    return result.returncode == 0 and Path(target).exists() and Path(target).stat().st_size > 0


def _ensure_media(demo):
    media = Media.objects.filter(title=FILM_TITLE).first()
    if media is not None:
        demo.tally(False)
        return media
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "exempelfilm-tidiga-tecken.mp4"
        try:
            made = generate_clip(target)
        except (OSError, subprocess.SubprocessError):
            made = False
        if not made:
            return None
        media = Media(title=FILM_TITLE, type="video", duration=FILM_SECONDS, width=640, height=360)
        with target.open("rb") as handle:
            media.file.save(target.name, File(handle), save=False)
        media.save()
    demo.tally(True)
    return media


def _ensure_captions(demo):
    title = "Tidiga tecken – svenska undertexter"
    track = CaptionTrack.objects.filter(title=title).first()
    if track is not None:
        demo.tally(False)
        return track
    track = CaptionTrack(title=title, language="sv")
    track.file.save("tidiga-tecken.sv.vtt", ContentFile(CAPTIONS_SV.encode("utf-8")), save=False)
    track.full_clean()
    track.save()
    demo.tally(True)
    return track


def load_demo(demo):
    home = home_page("sv")

    demo.step("knowledge library: section, calculator, reference and film libraries")
    index = demo.page(
        home,
        KnowledgeIndexPage,
        "kunskapsbank",
        title="Kunskapsbank",
        intro=(
            "Utbildningsfilmer, forskning om skolnärvaro och en kalkylator som visar vad "
            "frånvaro betyder i missade skoldagar."
        ),
        search_description=(
            "Filmer, forskning och frånvarokalkylatorn: kunskap om närvaroarbete i tre nivåer."
        ),
        show_in_menus=True,
    )
    calculator_page = demo.page(
        index,
        CalculatorPage,
        "franvarokalkylator",
        title="Frånvarokalkylator",
        intro=(
            "Procent säger lite. Räkna om frånvaron till missade skoldagar, veckor och "
            "lektioner – det gör problemet konkret i samtal med elever, vårdnadshavare och "
            "kollegor."
        ),
        search_description="Räkna om frånvaro i procent till missade skoldagar och veckor.",
        body=[
            {
                "type": "paragraph",
                "value": (
                    "<p>Rektorer i Kramfors märkte att frånvaro uttryckt som missad "
                    "undervisning i dagar och veckor väcker mer engagemang än procent. "
                    "Kalkylatorn räknar med ett läsår på 178 skoldagar.</p>"
                ),
            }
        ],
    )
    references_page = demo.page(
        index,
        ReferenceLibraryPage,
        "forskning",
        title="Forskning och källor",
        intro=(
            "Forskning och publikationer som kunskapscentrumets metoder och filmer bygger på. "
            "Sök, filtrera och ladda ner referenserna till Zotero eller EndNote."
        ),
        search_description="Referenser om skolnärvaro och skolfrånvaro: sök, filtrera, exportera.",
    )
    films_page = demo.page(
        index,
        FilmLibraryPage,
        "filmer",
        title="Utbildningsfilmer",
        intro=(
            "Filmer för lärare, skolpersonal och socialtjänst. Alla filmer har undertexter "
            "och en transkription."
        ),
        search_description="Utbildningsfilmer om skolnärvaro med undertexter och transkription.",
    )

    demo.step("reading list from the sources as references")
    references = ensure_reading_list(demo)

    demo.step("example film (generated with the ffmpeg of imageio-ffmpeg)")
    existing_film = films_page.get_children().filter(slug="tidiga-tecken-exempelfilm").first()
    if existing_film is not None:
        demo.tally(False)
    else:
        media = _ensure_media(demo)
        if media is None:
            demo.step(
                "ffmpeg is missing or failed: the example film is skipped "
                "(reinstall imageio-ffmpeg or put ffmpeg on PATH, then run load_demo again)"
            )
        else:
            captions = _ensure_captions(demo)
            film = demo.page(
                films_page,
                FilmPage,
                "tidiga-tecken-exempelfilm",
                title=FILM_TITLE,
                intro=(
                    "Tidiga tecken på frånvaro och varför det hjälper att räkna i skoldagar "
                    "i stället för procent. En kort film för lärare och mentorer."
                ),
                search_description="Exempelfilm om tidiga tecken på frånvaro, med undertexter.",
                example_note=(
                    "Det här är en exempelfilm som visar hur filmer presenteras på webbplatsen. "
                    "Bilden är fyra färgade skyltar och filmen har inget ljud; undertexterna "
                    "och transkriptionen visar vad en berättarröst skulle säga."
                ),
                video=media,
                captions=captions,
                duration="0:40",
                transcript=TRANSCRIPT_SV,
                tier_promote=True,
                tier_prevent=True,
                chapters=[
                    FilmChapter(start=start, title=title, sort_order=index)
                    for index, (start, title, _colour) in enumerate(CHAPTERS)
                ],
                audiences=list(Audience.objects.filter(key__in=["teachers", "school_staff"])),
                references=[references[0], references[4]],
                related_methods=list(
                    MethodPage.objects.filter(
                        slug__in=[
                            "tidiga-signaler-checklista",
                            "missad-undervisningstid-i-dagar-och-veckor",
                        ]
                    )
                ),
            )
            del film

    demo.step("English translations of the knowledge library pages")
    demo.translation(
        index,
        "en",
        slug="knowledge-library",
        title="Knowledge library",
        intro=(
            "Training films, research on school attendance and a calculator that shows what "
            "absence means in missed school days."
        ),
        search_description="Films, research and the absence calculator.",
    )
    demo.translation(
        calculator_page,
        "en",
        title="Absence calculator",
        intro=(
            "Percentages say little. Turn absence into missed school days, weeks and lessons – "
            "it makes the problem concrete."
        ),
        search_description="Turn absence in per cent into missed school days and weeks.",
        body=[
            {
                "type": "paragraph",
                "value": (
                    "<p>Principals in Kramfors found that absence expressed as missed teaching "
                    "in days and weeks engages people more than percentages. The calculator "
                    "counts a school year as 178 school days.</p>"
                ),
            }
        ],
    )
    demo.translation(
        references_page,
        "en",
        slug="research",
        title="Research and sources",
        intro=(
            "Research and publications behind the knowledge centre's methods and films. Search, "
            "filter and download the references to Zotero or EndNote."
        ),
        search_description="References on school attendance: search, filter, export.",
    )
    demo.translation(
        films_page,
        "en",
        slug="films",
        title="Training films",
        intro=(
            "Films for teachers, school staff and social services, with captions and transcripts."
        ),
        search_description="Training films on school attendance with captions and transcripts.",
    )

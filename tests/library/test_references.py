"""References: APA citations, RIS/BibTeX export and import (round trips, duplicates, bad files)."""

import io

import pytest
import rispy
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from kcsite.pages.demo_tools import Demo
from methodbank.library import bibio
from methodbank.library.demo import ensure_reading_list
from methodbank.library.models import Reference, ReferenceAuthor
from methodbank.library.references import normalise_doi, normalise_title
from tests.library import factories

pytestmark = pytest.mark.django_db

RIS = """TY  - JOUR
AU  - Andersson, Anna B.
AU  - Berg, Carl
TI  - Närvaro i skolan: en studie
T2  - Tidskrift för skolforskning
PY  - 2021
VL  - 12
IS  - 3
SP  - 45
EP  - 67
DO  - 10.1234/TFS.2021.045
UR  - https://example.org/artikel
LA  - sv
AB  - En kort sammanfattning.
KW  - skolnärvaro
KW  - kartläggning
ER  -

TY  - BOOK
AU  - Svensson, Eva
TI  - Skolfrånvaro i praktiken
PY  - 2019
PB  - Exempelförlaget
SN  - 978-91-0000-000-0
LA  - swe
ER  -
""".replace("ER  -\n", "ER  - \n")

BIBTEX = r"""@article{Andersson2021,
  author = {Andersson, Anna B. and Berg, Carl},
  title = {{N\"arvaro i skolan}: en studie},
  journal = {Tidskrift f{\"o}r skolforskning},
  year = {2021},
  volume = {12},
  number = {3},
  pages = {45--67},
  doi = {10.1234/tfs.2021.045},
  keywords = {skolnärvaro, kartläggning}
}

@techreport{Ifous2020,
  author = {{Ifous}},
  title = {Att utreda närvaroproblem},
  institution = {Ifous},
  series = {Ifous rapportserie},
  number = {2020:3},
  year = {2020}
}
"""


def upload(text, name="refs.ris"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return SimpleUploadedFile(name, data, content_type="text/plain")


def import_text(text, name="refs.ris"):
    return bibio.import_file(upload(text, name))


def comparable(records):
    keys = ("ref_type", "title", "year", "container", "publisher", "volume", "issue", "pages")
    keys += ("doi", "url", "isbn", "language", "authors", "summary", "topics")
    return [{key: (sorted(r[key]) if key == "topics" else r[key]) for key in keys} for r in records]


# -- normalising ------------------------------------------------------------------------------
def test_normalise_doi_and_title():
    assert normalise_doi("https://doi.org/10.1007/ABC") == "10.1007/abc"
    assert normalise_doi("doi: 10.1007/abc ") == "10.1007/abc"
    assert normalise_title("  Närvaro i skolan: En studie! ") == "närvaro i skolan en studie"


# -- citations --------------------------------------------------------------------------------
def test_demo_reading_list_is_entered_with_only_the_given_facts():
    ensure_reading_list(Demo(io.StringIO(), None))
    assert Reference.objects.count() >= 7
    kearney = Reference.objects.get(year=2014, title__startswith="A response to intervention")
    assert kearney.author_list == ["Kearney", "Graczyk"]
    assert (kearney.container, kearney.volume, kearney.pages) == (
        "Child and Youth Care Forum",
        "43",
        "1–25",
    )
    assert not Reference.objects.exclude(doi="").exists()  # no invented DOIs


def test_apa_citation_of_a_journal_article():
    kearney = factories.reading_list()[0]
    with translation.override("sv"):
        html = str(kearney.citation_html())
    assert html.startswith("Kearney &amp; Graczyk. (2014). A response to intervention model")
    assert "<i>Child and Youth Care Forum</i>, <i>43</i>, 1–25." in html


def test_apa_citation_links_the_doi_and_escapes_text():
    reference = Reference.objects.create(
        ref_type="article",
        title="<b>Fet</b> & kursiv",
        year=2020,
        container="Tidskrift",
        doi="10.1234/abc.1",
        language="sv",
    )
    reference.authors = [ReferenceAuthor(name="Andersson, Anna", sort_order=0)]
    reference.save()
    html = str(reference.citation_html())
    assert "Andersson, A. (2020). &lt;b&gt;Fet&lt;/b&gt; &amp; kursiv." in html
    assert '<a href="https://doi.org/10.1234/abc.1">https://doi.org/10.1234/abc.1</a>' in html
    assert "<b>" not in html


def test_apa_citation_without_year_and_with_group_author():
    factories.reading_list()
    skolverket = Reference.objects.get(title="Frånvaro i skolan")
    with translation.override("sv"):
        assert str(skolverket.citation_html()) == "Skolverket. (u.å.). <i>Frånvaro i skolan</i>."
    with translation.override("en"):
        assert "(n.d.)" in str(skolverket.citation_html())
    ifous = Reference.objects.get(title="Att utreda närvaroproblem i skolan")
    with translation.override("sv"):
        assert str(ifous.citation_html()).startswith(
            "Ifous. (2020). <i>Att utreda närvaroproblem i skolan</i>"
        )


# -- RIS --------------------------------------------------------------------------------------
def test_ris_round_trip_import_then_export_gives_the_same_data():
    original = bibio.parse_ris(RIS)
    report = import_text(RIS)
    assert len(report.created) == 2 and not report.updated and not report.skipped
    imported = Reference.objects.filter(title__in=[r["title"] for r in original]).order_by("-year")
    exported = bibio.to_ris(imported)
    assert comparable(bibio.parse_ris(exported)) == comparable(original)
    article = imported[0]
    assert article.doi == "10.1234/tfs.2021.045"
    assert article.author_list == ["Andersson, Anna B.", "Berg, Carl"]
    assert article.pages == "45–67" and article.language == "sv"
    assert sorted(tag.name for tag in article.topics.all()) == ["kartläggning", "skolnärvaro"]
    entries = rispy.loads(exported)
    assert entries[0]["type_of_reference"] == "JOUR" and entries[1]["type_of_reference"] == "BOOK"


def test_bibtex_round_trip_import_then_export_gives_the_same_data():
    original = bibio.parse_bibtex(BIBTEX)
    assert original[0]["title"] == "Närvaro i skolan: en studie"
    assert original[0]["container"] == "Tidskrift för skolforskning"
    report = import_text(BIBTEX, "refs.bib")
    assert report.format == "bibtex" and len(report.created) == 2
    imported = Reference.objects.filter(title__in=[r["title"] for r in original]).order_by("-year")
    exported = bibio.to_bibtex(imported)
    assert "@article{Andersson2021," in exported
    assert comparable(bibio.parse_bibtex(exported)) == comparable(original)


def test_ris_export_of_every_reference_re_imports_as_duplicates():
    factories.reading_list()
    text = bibio.to_ris(Reference.objects.all())
    count = Reference.objects.count()
    report = import_text(text)
    assert not report.created and not report.updated
    assert len(report.skipped) == count
    assert Reference.objects.count() == count


def test_bibtex_export_of_every_reference_re_imports_as_duplicates():
    factories.reading_list()
    text = bibio.to_bibtex(Reference.objects.all())
    count = Reference.objects.count()
    report = import_text(text, "all.bib")
    assert not report.created and not report.updated and len(report.skipped) == count


# -- duplicates and updates ---------------------------------------------------------------------
def test_second_import_skips_and_a_changed_record_updates():
    import_text(RIS)
    again = import_text(RIS)
    assert not again.created and not again.updated and len(again.skipped) == 2
    changed = RIS.replace("VL  - 12", "VL  - 13").replace(
        "DO  - 10.1234/TFS.2021.045", "DO  - https://doi.org/10.1234/tfs.2021.045"
    )
    report = import_text(changed)
    assert len(report.updated) == 1 and "volym" in report.updated[0][1]
    assert Reference.objects.get(doi="10.1234/tfs.2021.045").volume == "13"


def test_duplicate_by_title_and_year_ignores_case_and_punctuation():
    import_text(RIS)
    variant = RIS.split("ER  - ")[1].replace(
        "Skolfrånvaro i praktiken", "SKOLFRÅNVARO – i praktiken!"
    )
    report = import_text(variant.strip() + "\nER  - \n")
    assert not report.created
    assert Reference.objects.filter(title__iexact="Skolfrånvaro i praktiken").count() == 1


def test_editors_summary_is_not_overwritten():
    import_text(RIS)
    reference = Reference.objects.get(doi="10.1234/tfs.2021.045")
    reference.summary = "Redaktionens text."
    reference.save()
    import_text(RIS.replace("AB  - En kort sammanfattning.", "AB  - Annan text."))
    reference.refresh_from_db()
    assert reference.summary == "Redaktionens text."


def test_duplicates_inside_one_file_are_skipped():
    first = RIS.split("ER  - ")[0] + "ER  - \n\n"
    report = import_text(first + first)
    assert len(report.created) == 1 and len(report.skipped) == 1
    assert "flera gånger" in report.skipped[0][1]


def test_a_record_without_title_is_skipped_and_the_rest_imported():
    text = "TY  - JOUR\nAU  - Utan, Titel\nPY  - 2020\nER  - \n\n" + RIS
    report = import_text(text)
    assert len(report.created) == 2 and len(report.skipped) == 1
    assert "titel saknas" in report.skipped[0][1]


# -- bad files ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"Hej, det har ar bara en vanlig text.\n", "varken RIS eller BibTeX"),
        (b"", "tom"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "inte en textfil"),
        (b"ER  - \n", "varken RIS eller BibTeX"),
    ],
)
def test_files_that_are_not_references_are_refused(data, words):
    before = Reference.objects.count()
    with translation.override("sv"), pytest.raises(bibio.ImportRefused) as refused:
        bibio.import_file(upload(data))
    assert words in str(refused.value.message)
    assert Reference.objects.count() == before


def test_a_20_mb_text_file_is_refused_before_reading():
    big = SimpleUploadedFile("big.ris", b"TY  - JOUR\n" + b"x" * (20 * 1024 * 1024))
    with translation.override("sv"), pytest.raises(bibio.ImportRefused) as refused:
        bibio.import_file(big)
    assert "för stor" in str(refused.value.message)


def test_import_is_all_or_nothing(monkeypatch):
    before = Reference.objects.count()
    calls = {"n": 0}
    original_save = Reference.save

    def failing_save(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(Reference, "save", failing_save)
    with pytest.raises(RuntimeError):
        import_text(RIS)
    monkeypatch.undo()
    assert Reference.objects.count() == before


def test_windows_1252_file_is_read():
    data = RIS.encode("cp1252", errors="strict")
    report = bibio.import_file(SimpleUploadedFile("endnote.ris", data))
    assert len(report.created) == 2
    assert Reference.objects.filter(title="Skolfrånvaro i praktiken").exists()


def test_export_of_an_empty_list_is_empty():
    assert bibio.to_ris([]) == "" and bibio.to_bibtex([]) == ""


def test_bibtex_with_latex_and_organisation_authors():
    records = bibio.parse_bibtex(BIBTEX)
    assert records[1]["authors"] == ["Ifous"] and records[1]["issue"] == "2020:3"
    assert records[1]["ref_type"] == "report" and records[1]["publisher"] == "Ifous"


def test_malformed_bibtex_does_not_crash():
    text = "@article{x, title = {Öppen klammer, year = 2020\n"
    try:
        _fmt, records = bibio.parse_text(text)
    except bibio.ImportRefused:
        return
    report = bibio.import_records(records)
    assert report.total == len(records)


def test_read_upload_stream():
    assert bibio.decode_upload(io.BytesIO("\ufeffTY  - JOUR".encode())) == "TY  - JOUR"

"""kcsite.pdf (WeasyPrint from the print templates, never fetching from the network) and
kcsite.charts (bars with the same numbers in a table)."""

import io

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from pypdf import PdfReader
from weasyprint import HTML

from kcsite import pdf
from kcsite.charts import ROW_HEIGHT, ChartTable, bars


def _pdf_text(data):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_render_pdf_reads_static_css_and_refuses_outside_addresses(settings, tmp_path):
    template = tmp_path / "doc.html"
    template.write_text(
        '<html><head><link rel="stylesheet" href="/static/css/print.css"></head><body>'
        '<h1>Närvarorutin för Åsa skola</h1><img src="http://127.0.0.1:9/x.png">'
        "<p>{{ text }}</p></body></html>"
    )
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], str(tmp_path)]}]
    fetched = []

    class Recording(pdf.LocalFetcher):
        def fetch(self, url, headers=None):
            fetched.append(url)
            return super().fetch(url, headers)

    html = render_to_string("doc.html", {"text": "Mentor ringer samma dag"})
    data = HTML(string=html, base_url=pdf.BASE_URL, url_fetcher=Recording()).write_pdf()
    text = _pdf_text(data)
    assert "Närvarorutin för Åsa skola" in text and "Mentor ringer samma dag" in text
    assert any(url.endswith("/static/css/print.css") for url in fetched)
    assert _pdf_text(pdf.render_pdf("doc.html", {"text": "två"})).count("två") == 1
    with pytest.raises(ValueError):
        pdf.LocalFetcher().fetch("http://127.0.0.1:9/x.png")
    with pytest.raises(ValueError):
        pdf.LocalFetcher().fetch(pdf.BASE_URL + "static/../../etc/passwd")


def test_pdf_response_is_a_private_download_with_a_safe_name():
    response = pdf.pdf_response(b"%PDF-1.7", "närvarorutin södra.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''n%C3%A4rvarorutin%20s%C3%B6dra.pdf" in response["Content-Disposition"]


def test_bars_scale_to_a_fixed_maximum_and_skip_missing_values():
    result = bars([("a", 2), ("b", None), ("c", 4), ("d", 6)], maximum=4)
    assert [b["percent"] for b in result] == [50.0, 0, 100.0, 100.0]
    assert [b["y"] for b in result] == [0, ROW_HEIGHT, 2 * ROW_HEIGHT, 3 * ROW_HEIGHT]


def test_chart_with_table_shows_every_number_in_the_table():
    table = ChartTable(
        key="areas",
        title="Per område",
        row_heading="Område",
        columns=["Medel", "Vet inte"],
        rows=[("Främja", [2.5, 1]), ("Åtgärda", [None, 3])],
        csv_url="?export=areas",
    )
    assert table.draw(maximum=4) is table
    assert [(b["label"], b["value"]) for b in table.chart] == [("Främja", 2.5), ("Åtgärda", None)]
    soup = BeautifulSoup(
        render_to_string("components/chart_with_table.html", {"table": table}), "html.parser"
    )
    svg = soup.select_one("svg[role=img]")
    assert svg["aria-labelledby"] == "chart-areas-title chart-areas-desc"
    assert len(svg.select("rect")) == 2
    cells = [[td.get_text() for td in tr.select("td")] for tr in soup.select("tbody tr")]
    assert cells == [["2,5", "1"], ["–", "3"]]  # Swedish decimal comma
    assert soup.select_one("a[href='?export=areas']") is not None


def test_the_bars_are_drawn_from_the_tables_rows_by_any_column_or_sum():
    table = ChartTable("t", "Titel", "Månad", ["A", "B"], [("jan", [1, 3]), ("feb", [2, 6])])
    assert [b["value"] for b in table.draw(lambda values: values[1]).chart] == [3, 6]
    assert [b["percent"] for b in table.chart] == [50.0, 100.0]
    assert [b["value"] for b in table.draw(sum, maximum=16).chart] == [4, 8]
    assert [b["percent"] for b in table.chart] == [25.0, 50.0]

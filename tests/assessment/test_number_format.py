"""One format for a mean everywhere the assessment shows one (one decimal, the language's
decimal mark, rounded half up): the result's table, chart and headings, the print view, the
admin aggregate and its CSV; and a chart whose text keeps its size at every width."""

import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template
from django.template.defaultfilters import floatformat
from django.template.loader import render_to_string
from django.utils import translation

from kcsite.charts import ChartTable, bars, one_decimal
from network.assessment.scoring import AreaChange
from network.assessment.services import results
from tests import builders

from . import factories

pytestmark = pytest.mark.django_db

ONE_DECIMAL = re.compile(r"^\d,\d$")
# Four statements in "routines" answered 1, 2, 3, 3: the mean is 2.25, shown "2,3".
SPEC = {
    "promote": [("valkomnande-skola", "gdq", [])],
    "routines": [(f"rutin-{n}", "process_support", []) for n in range(4)],
}
LEVELS = {"valkomnande-skola": "4", "rutin-0": "1", "rutin-1": "2", "rutin-2": "3", "rutin-3": "3"}


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_one_decimal_prints_as_floatformat_does():
    """Every mean of up to twelve levels (as scoring rounds it) prints the same in a table
    cell (``{{ value }}``) as in a heading (``|floatformat:1``)."""
    template = Template("{{ value }}")
    with translation.override("sv"):
        for value in {round(k / d, 2) for d in range(1, 13) for k in range(d, 4 * d + 1)}:
            shown = template.render(Context({"value": one_decimal(value)}))
            assert shown == floatformat(value, 1), value
            assert ONE_DECIMAL.match(shown), value


def test_one_decimal_rounds_half_up_and_keeps_none():
    assert one_decimal(2.25) == Decimal("2.3")
    assert one_decimal(2.0) == Decimal("2.0")
    assert one_decimal(None) is None


def test_result_page_and_print_show_the_same_mean(client):
    factories.make_set(SPEC)
    assessment = factories.completed(LEVELS)
    page = soup(client.get(factories.path(assessment, "result")))
    profile = page.select_one("#profile-heading").find_parent("section")
    means = [tr.select("td")[0].get_text(strip=True) for tr in profile.select("tbody tr")]
    assert means == ["4,0", "2,3"]
    drawn = [t.get_text(strip=True) for t in profile.select("svg .chart-with-table__value")]
    assert drawn == means
    assert page.select_one("#action-routines .assessment-mean").get_text() == "(medelnivå 2,3 av 4)"

    printed = soup(client.get(factories.path(assessment, "print")))
    rows = printed.select_one("#profile-caption").find_parent("table").select("tbody tr")
    assert [tr.select("td")[0].get_text(strip=True) for tr in rows] == ["4,0", "2,3"]
    assert printed.select_one("article.print-area .print-mean").get_text() == "(medelnivå 2,3)"


def test_change_since_last_time_is_the_difference_of_the_means_shown():
    changes = [
        AreaChange("routines", "Rutiner", before=2.24, after=2.25),  # shown 2,2 then 2,3
        AreaChange("act", "Åtgärda", before=3.0, after=2.0),
        AreaChange("mapping", "Kartläggning", before=None, after=2.0),
    ]
    with translation.override("sv"):
        table = results.change_table(changes)
    assert [values for _label, values in table.rows] == [
        [Decimal("2.2"), Decimal("2.3"), "+0,1"],
        [Decimal("3.0"), Decimal("2.0"), "−1,0"],
        [None, Decimal("2.0"), None],
    ]


def test_aggregate_means_have_one_decimal_in_the_page_and_the_csv(client):
    factories.make_set(SPEC)
    # Three schools at 2.25 and two at 2.5 in "routines": 2.35 on average, shown "2,4".
    for n in range(5):
        levels = dict(LEVELS, **({"rutin-0": "2"} if n < 2 else {}))
        factories.completed(levels, school_unit=f"Skola {n}")
    client.force_login(builders.staff_user("domino", superuser=True))
    page = soup(client.get("/admin/sjalvskattning/samlat/"))
    chart = page.select_one(".chart-with-table")
    table_means = [tr.select("td")[0].get_text(strip=True) for tr in chart.select("tbody tr")]
    shown = [m for m in table_means if m != "–"]
    assert shown and all(ONE_DECIMAL.match(m) for m in shown)
    assert "2,4" in shown
    drawn = [t.get_text(strip=True) for t in chart.select("svg .chart-with-table__value")]
    assert drawn == table_means
    per_form = page.select_one("#per-form-caption").find_parent("table")
    cells = [td.get_text(strip=True) for td in per_form.select("tbody td")]
    assert all(ONE_DECIMAL.match(c) or c == "–" for c in cells)
    csv = client.get("/admin/sjalvskattning/samlat/?export=csv").content.decode("utf-8-sig")
    assert ",2.4," in csv and ",2.35," not in csv


def test_chart_has_no_viewbox_and_unlocalised_percentages():
    table = ChartTable("t", "Titel", "Område", ["Medel"], [("Ett mycket långt områdesnamn", [1])])
    table.chart = bars([("Ett mycket långt områdesnamn", one_decimal(2.75))], maximum=4)
    with translation.override("sv"):
        svg = BeautifulSoup(
            render_to_string("components/chart_with_table.html", {"table": table}),
            "html.parser",
        ).select_one("svg")
    # Without a viewBox the drawing is not scaled: its text keeps the stylesheet's size.
    assert svg.get("viewbox") is None and svg.get("viewBox") is None
    assert svg["height"] == str(table.chart_height)
    rect = svg.select_one("rect")
    assert rect["width"] == "59.5%"  # 2,8 of 4 is 70 %: of the bars' 85 %, with a point
    label, value = svg.select("text")
    assert float(label["y"]) < float(rect["y"])  # the label stands above its bar
    assert value.get_text() == "2,8" and value["x"] == rect["width"]

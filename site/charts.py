"""Charts that are always read with their table: one bar chart component for the site and the
admin (``templates/components/chart_with_table.html``).

A :class:`ChartTable` holds the numbers once; the template draws the bars as an accessible SVG
(``role="img"``, a title and a description that points to the table) and the same numbers as a
table beside it, so nobody depends on seeing the bars::

    table = ChartTable(key="areas", title=_("Per område"), row_heading=_("Område"),
                       columns=[_("Medel")], rows=[("Främja", [2.5]), …])
    table.chart = bars([(label, values[0]) for label, values in table.rows], maximum=4)

    {% include "components/chart_with_table.html" with table=table %}
"""

from dataclasses import dataclass, field

#: Height of one bar row in the SVG's user units.
ROW_HEIGHT = 28


def bars(items, *, maximum=None):
    """Bar geometry for items of ``(label, value)``; ``value`` None draws no bar (shown as
    "–"). ``maximum`` fixes the scale (a 1–4 level, a percentage), else the largest value."""
    values = [value for _label, value in items if value is not None]
    top = maximum or max(values, default=0) or 1
    return [
        {
            "label": label,
            "value": value,
            "percent": 0 if value is None else round(100 * min(value, top) / top, 1),
            "y": ROW_HEIGHT * index,
        }
        for index, (label, value) in enumerate(items)
    ]


@dataclass
class ChartTable:
    """The numbers of one chart: ``rows`` are ``(label, [values])`` pairs under ``columns``;
    ``chart`` the bars (:func:`bars`); ``csv_url`` an optional download of the same table."""

    key: str
    title: str
    row_heading: str
    columns: list
    rows: list
    chart: list = field(default_factory=list)
    caption: str = ""
    csv_url: str = ""

    @property
    def chart_height(self):
        return ROW_HEIGHT * len(self.chart) + 4

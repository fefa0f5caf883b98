"""PDF files made from the site's own print templates (WeasyPrint), for every app.

An app renders the same template it shows as its print view::

    pdf = render_pdf("routines/exports/print.html", context, request=request)
    return pdf_response(pdf, "narvarorutin-sodra-skolan.pdf")

WeasyPrint never goes to the network: stylesheets and images under ``STATIC_URL`` are read from
the static files on disk and ``data:`` URIs are allowed; any other address (an editor's link to
another site, a tracking pixel, an internal host) is left out of the PDF. This keeps rendering
fast and offline, and a crafted address cannot make the server fetch anything.
It needs Pango from Debian (``libpango-1.0-0``, ``libpangoft2-1.0-0``), which
``ops/system_packages.sh`` installs with the rest of the setup.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from weasyprint import HTML, URLFetcher
from weasyprint.urls import URLFetcherResponse

#: The address the print templates' relative URLs resolve against; never fetched.
BASE_URL = "https://pdf.invalid/"


class LocalFetcher(URLFetcher):
    """Serves static files from disk and ``data:`` URIs; refuses everything else."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        static_prefix = BASE_URL.rstrip("/") + settings.STATIC_URL
        if url.startswith(static_prefix):
            path = _static_file(url[len(static_prefix) :].split("?")[0])
            if path is not None:
                content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(
                    url, path.read_bytes(), headers={"Content-Type": content_type}
                )
        raise ValueError(f"not fetched for a PDF: {url}")


def _static_file(relative):
    """The file behind a static path, from the finders (development) or ``STATIC_ROOT``."""
    if ".." in Path(relative).parts:
        return None
    found = finders.find(relative)
    if found:
        return Path(found)
    root = getattr(settings, "STATIC_ROOT", None)
    candidate = Path(root, relative) if root else None
    return candidate if candidate and candidate.is_file() else None


def render_pdf(template_name, context, *, request=None):
    """The PDF of ``template_name`` rendered with ``context`` (its print stylesheet applies)."""
    html = render_to_string(template_name, context, request=request)
    return HTML(string=html, base_url=BASE_URL, url_fetcher=LocalFetcher()).write_pdf()


def pdf_response(pdf, filename, *, as_attachment=True):
    """A download of ``pdf`` (bytes) under ``filename``; personal documents are never kept in a
    shared cache."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    response["Cache-Control"] = "private, no-store"
    return response

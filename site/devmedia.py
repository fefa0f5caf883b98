"""Media files for the development server, with HTTP byte ranges.

Django's ``django.views.static.serve`` always answers with the whole file, so a browser cannot
seek in a film (a chapter link restarts it at 0:00). This view answers a single ``Range: bytes=…``
request with ``206 Partial Content`` and the requested bytes, announces ``Accept-Ranges: bytes``
and answers an unsatisfiable range with ``416``. Only used when ``DEBUG`` is on; in production the
web server serves ``MEDIA_ROOT`` (and does ranges itself).

Files get the headers Wagtail's document view gives documents (``X-Content-Type-Options:
nosniff``, ``Content-Security-Policy: default-src 'none'``); a film or sound file
(wagtailmedia) in a collection with a view restriction is served only to whom the restriction
accepts, with ``Cache-Control: private, no-store`` as private documents (:mod:`kcsite.documents`).
"""

import re
from pathlib import Path

from django.http import HttpResponse, HttpResponseForbidden, StreamingHttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.static import serve
from wagtailmedia.models import get_media_model

from kcsite.documents import PRIVATE_CACHE_CONTROL

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 64 * 1024


def byte_range(header, size):
    """(start, end) inclusive for a single-range header, None to send the whole file, or
    ``ValueError`` when the range cannot be satisfied. Several ranges get the whole file."""
    match = RANGE.match((header or "").strip())
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":  # the last N bytes
        length = min(int(last), size)
        if length == 0:
            raise ValueError("empty suffix range")
        return size - length, size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        raise ValueError("range outside the file")
    return start, end


def _stream(handle, start, end):
    try:
        handle.seek(start)
        remaining = end - start + 1
        while remaining > 0:
            chunk = handle.read(min(CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        handle.close()


def media_restrictions(folder, path):
    """The view restrictions on the film or sound file stored at ``folder/path`` (wagtailmedia
    keeps its files in ``media/``); none for images and captions."""
    if folder != "media":
        return []
    media = get_media_model().objects.filter(file=f"{folder}/{path}").select_related("collection")
    media = media.first()
    return list(media.collection.get_view_restrictions()) if media is not None else []


def file_headers(response, restricted):
    """The headers of Wagtail's document view; a restricted file is private to the visitor."""
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    if restricted:
        patch_cache_control(response, **PRIVATE_CACHE_CONTROL)
        patch_vary_headers(response, ["Cookie"])
    return response


def serve_media(request, path, document_root=None):
    restrictions = media_restrictions(Path(document_root or "").name, path)
    if not all(restriction.accept_request(request) for restriction in restrictions):
        return file_headers(HttpResponseForbidden(), restricted=True)
    return file_headers(_serve_range(request, path, document_root), bool(restrictions))


def _serve_range(request, path, document_root):
    response = serve(request, path, document_root=document_root)
    response["Accept-Ranges"] = "bytes"
    header = request.headers.get("Range")
    if response.status_code != 200 or not header or request.method not in ("GET", "HEAD"):
        return response
    size = int(response["Content-Length"])
    try:
        wanted = byte_range(header, size)
    except ValueError:
        # the file only: response.close() would send request_finished in mid-request
        response.file_to_stream.close()
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{size}"
        refused["Accept-Ranges"] = "bytes"
        return refused
    if wanted is None:
        return response
    start, end = wanted
    partial = StreamingHttpResponse(
        _stream(response.file_to_stream, start, end),
        status=206,
        content_type=response["Content-Type"],
    )
    for name in ("Last-Modified", "Content-Encoding"):
        if response.has_header(name):
            partial[name] = response[name]
    partial["Content-Range"] = f"bytes {start}-{end}/{size}"
    partial["Content-Length"] = str(end - start + 1)
    partial["Accept-Ranges"] = "bytes"
    return partial

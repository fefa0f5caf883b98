"""Media files sent by Django itself, with HTTP byte ranges.

Django's ``django.views.static.serve`` always answers with the whole file, so a browser cannot
seek in a film (a chapter link restarts it at 0:00). This view answers a single ``Range: bytes=…``
request with ``206 Partial Content`` and the requested bytes, announces ``Accept-Ranges: bytes``
and answers an unsatisfiable range with ``416``. Used when Django itself sends
media files: public images in development (``DEBUG`` only) and films after
their view check (:mod:`kcsite.media`) when no web server takes over (``MEDIA_ACCEL_REDIRECT``
empty). In production nginx serves ``MEDIA_ROOT`` and answers ranges itself.
"""

import re

from django.http import HttpResponse, StreamingHttpResponse
from django.views.static import serve

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


def serve_range(request, path, document_root):
    """Django's static file view, answering a single byte range with 206."""
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

"""Films, sound files, their thumbnails and caption files, served only after the view check.

Wagtail checks a document's collection restriction in its document view (:mod:`kcsite.documents`);
a film or sound file (wagtailmedia) is just a file in storage, so a web server or object store
serving it directly would hand a members' film to anyone who has the address. Every file in
:data:`CHECKED_FOLDERS` therefore has one address, ``MEDIA_URL + name`` (``/media/media/…``),
answered by :func:`serve_checked` in every setup:

1. the restrictions on the file (:func:`file_restrictions`: the film's collection, and whatever an
   app registers with the ``kc_media_file_restrictions`` hook, such as a film's caption files);
   a visitor they do not accept gets 403;
2. the file, with the headers of Wagtail's document view (``nosniff``, ``default-src 'none'``),
   and for a restricted one ``Cache-Control: private, no-store`` and ``Vary: Cookie`` — so no
   shared cache keeps it — sent by

   - nginx, on local disk in production: the answer is an ``X-Accel-Redirect`` to the internal
     location ``MEDIA_ACCEL_REDIRECT`` (ops/nginx/kunskapscentrum.conf), and nginx sends the
     bytes and answers byte ranges, so no app worker is held by a film;
   - the object store (``S3_BUCKET``): a redirect to a signed address; a restricted file's lives
     ``MEDIA_PRIVATE_URL_SECONDS`` and makes the store answer with ``private, no-store`` too.
     Caption files are read through the app instead: a ``<track>`` from another origin is
     refused by browsers;
   - Django itself otherwise (development), with byte ranges (:mod:`kcsite.devmedia`).

Images (``images/``, ``original_images/``) have no view restrictions in Wagtail; they stay public
(nginx or the store's signed addresses). Documents never come here.
"""

import mimetypes
import posixpath
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseRedirect,
)
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe
from wagtail import hooks
from wagtailmedia.models import get_media_model

from kcsite.devmedia import serve_range
from kcsite.documents import PRIVATE_CACHE_CONTROL

HOOK = "kc_media_file_restrictions"
#: wagtailmedia's folders (files and thumbnails) and the film pages' caption files.
CHECKED_FOLDERS = ("media", "media_thumbnails", "captions")
#: Read through the app from an object store (a caption track must come from the page's origin).
SAME_ORIGIN_FOLDERS = ("captions",)
#: How long a browser or proxy may keep a public file's answer (a film that becomes restricted
#: is private again after this).
PUBLIC_MAX_AGE = 3600


def file_restrictions(name):
    """The view restrictions on the stored file ``name`` (``media/film.mp4``), or None when no
    record owns it. A film or sound file, or its thumbnail, has its collection's; apps add
    theirs through the ``kc_media_file_restrictions`` hook (``name -> restrictions or None``)."""
    folder = name.split("/", 1)[0]
    owned = False
    restrictions = []
    if folder in ("media", "media_thumbnails"):
        field = "file" if folder == "media" else "thumbnail"
        media = get_media_model().objects.filter(**{field: name}).select_related("collection")
        for item in media:
            owned = True
            restrictions += item.collection.get_view_restrictions()
    for registered in hooks.get_hooks(HOOK):
        found = registered(name)
        if found is not None:
            owned = True
            restrictions += found
    return restrictions if owned else None


def file_headers(response, restricted):
    """The headers of Wagtail's document view; a restricted file is private to the visitor."""
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    if restricted:
        patch_cache_control(response, **PRIVATE_CACHE_CONTROL)
        patch_vary_headers(response, ["Cookie"])
    elif response.status_code in (200, 206, 302):
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    return response


def stored_name(folder, path):
    """``folder/path`` when ``path`` is a plain relative name inside the folder, else None."""
    if "\\" in path or "\x00" in path or path.startswith("/"):
        return None
    parts = path.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return None
    return posixpath.join(folder, *parts)


@require_safe
def serve_checked(request, folder, path):
    """The file ``folder/path`` of :data:`CHECKED_FOLDERS`, after its view restrictions."""
    name = stored_name(folder, path)
    if name is None:
        raise Http404
    restrictions = file_restrictions(name)
    if restrictions is None:
        raise Http404  # no record's file (an old upload, a guess): never served
    if not all(restriction.accept_request(request) for restriction in restrictions):
        return file_headers(HttpResponseForbidden(), restricted=True)
    restricted = bool(restrictions)
    return file_headers(_deliver(request, name, restricted), restricted)


def serve_public(request, path, document_root):
    """An image from ``MEDIA_ROOT``, in development only (in production nginx serves them)."""
    return file_headers(serve_range(request, path, document_root), restricted=False)


def _deliver(request, name, restricted):
    storage = default_storage
    if not isinstance(storage, FileSystemStorage):
        if name.split("/", 1)[0] in SAME_ORIGIN_FOLDERS:
            return _read_through(storage, name)
        return HttpResponseRedirect(storage.signed_url(name, private=restricted))
    if not storage.exists(name):
        raise Http404
    if settings.MEDIA_ACCEL_REDIRECT:
        response = HttpResponse(content_type=_content_type(name))
        response["X-Accel-Redirect"] = settings.MEDIA_ACCEL_REDIRECT + quote(name)
        response["Content-Disposition"] = "inline"
        return response
    folder, path = name.split("/", 1)
    return serve_range(request, path, document_root=Path(settings.MEDIA_ROOT) / folder)


def _read_through(storage, name):
    if not storage.exists(name):
        raise Http404
    response = FileResponse(storage.open(name, "rb"), content_type=_content_type(name))
    response["Content-Disposition"] = "inline"
    return response


def _content_type(name):
    if name.endswith(".vtt"):
        return "text/vtt; charset=utf-8"
    return mimetypes.guess_type(name)[0] or "application/octet-stream"

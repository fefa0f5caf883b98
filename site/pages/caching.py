"""A short-lived cache of whole pages for anonymous visitors (the method bank's hot pages).

Entries are keyed by address, language and a content *generation* that every publish,
unpublish, delete or import bumps, so an edit shows at once where the cache is shared
(``CACHE_URL``, e.g. Redis); with the
per-process default cache another worker may show the old page for at most
``PAGE_CACHE_SECONDS``. Responses that set a cookie (forms with a CSRF token) are never cached.

Work that must happen on every view even when the page comes from the cache (the method finder
counts searches for the editors' report) is recorded with :func:`on_cache_hit` while the page
is rendered and replayed on each hit.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

GENERATION_KEY = "pages:generation"


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def bump_generation(**_kwargs):
    """Invalidate every cached page (connected to Wagtail's publish signals)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def on_cache_hit(request, function, *args):
    """Have ``function(*args)`` (a module-level function) run again for every cache hit."""
    request.__dict__.setdefault("_page_cache_replay", []).append((function, args))


def _key(request):
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page:{generation()}:{get_language()}:{path}"


def _replay(entry):
    content, content_type, replay = entry
    for function, replay_args in replay:
        function(*replay_args)
    return HttpResponse(content, content_type=content_type)


class PageCacheMiddleware:
    """Answer an anonymous GET from the page cache before URL routing, when a cached copy of
    that address exists (only pages decorated with :func:`cached_for_anonymous` are stored)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _cacheable(request):
            entry = cache.get(_key(request))
            if entry is not None:
                return _replay(entry)
        return self.get_response(request)


def _cacheable(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and not getattr(request, "is_preview", False)
        and not request.user.is_authenticated
    )


def cached_for_anonymous(serve):
    """Decorate a page's ``serve`` so anonymous GET responses are cached briefly."""

    @wraps(serve)
    def wrapper(page, request, *args, **kwargs):
        if not _cacheable(request):
            return serve(page, request, *args, **kwargs)
        key = _key(request)
        entry = cache.get(key)
        if entry is not None:
            return _replay(entry)
        response = serve(page, request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if response.status_code == 200 and not response.cookies and not response.streaming:
            replay = getattr(request, "_page_cache_replay", [])
            entry = (response.content, response["Content-Type"], replay)
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        return response

    return wrapper

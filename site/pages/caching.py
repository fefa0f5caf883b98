"""A short-lived cache of whole pages for anonymous visitors (the method bank's hot pages).

Entries are keyed by address and language and hold the content *generation* they were
rendered in, which every publish, unpublish, delete or import bumps: an entry of an older
generation is a miss, so an edit shows at once where the cache is shared (``CACHE_URL``, e.g.
Redis); with the per-process default cache another worker may show the old page for at most
``PAGE_CACHE_SECONDS``. Responses that set a cookie (forms with a CSRF token) are never cached.

Work that must happen on every view even when the page comes from the cache (the method finder
counts searches for the editors' report) is recorded with :func:`on_cache_hit` while the page
is rendered and replayed on each hit.
"""

import hashlib
import secrets
import threading
import time
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.connection import ConnectionProxy
from django.utils.translation import get_language

GENERATION_KEY = "pages:generation"
# For entries whose key holds the content generation: a near copy in each worker
# (kcsite.pages.near_cache) in front of the shared cache.
fragment_cache = ConnectionProxy(caches, "fragments")
_request = threading.local()  # the generation read once per request (see remember_per_request)


def generation():
    """The content generation: a number that changes whenever published content changes.

    It starts at a random value, so a cache that was flushed or restarted never hands out a
    number that an earlier generation already used (per-process memos keyed by it stay safe).
    Within a request it is read from the cache once (routing, fragments, memos and the finder's
    hits all key on it: six cache round trips per page before).
    """
    value = getattr(_request, "generation", None)
    if value is not None:
        return value
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, secrets.randbelow(2**48), None)
        value = cache.get(GENERATION_KEY, 0)
    _remember(value)
    return value


def _remember(value):
    if getattr(_request, "active", False):
        _request.generation = value


def remember_per_request(sender=None, **_kwargs):
    """request_started: from now on this thread reads the generation once."""
    _request.active, _request.generation = True, None


def forget_per_request(sender=None, **_kwargs):
    """request_finished."""
    _request.active, _request.generation = False, None


def _bump():
    _request.generation = None
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, secrets.randbelow(2**48), None)


def bump_generation(**_kwargs):
    """Invalidate every cached page and per-process memo (connected to Wagtail's publish
    signals and other content changes).

    Bumps at once and again when the surrounding transaction commits: a request that read
    the first new generation before the commit may have cached the old content under it."""
    _bump()
    transaction.on_commit(_bump)


class ProcessMemo:
    """A value kept in each worker process and rebuilt when the content changes.

    ``get()`` reads the content generation (one cache read) and rebuilds after a bump. As the
    cache may be per process (no shared ``CACHE_URL``), ``db_version()`` — a cheap aggregate
    over the data that ``build()`` reads — is also compared every ``recheck`` seconds, so a
    change made through another worker shows within that time. ``build`` receives the
    database version it is built for.
    """

    def __init__(self, build, db_version, recheck=10.0):
        self._build = build
        self._db_version = db_version
        self.recheck = recheck
        self.reset()

    def reset(self):
        self._value = self._version = self._generation = None
        self._checked = 0.0

    def get(self):
        current = generation()
        now = time.monotonic()
        if self._value is not None and current == self._generation:
            if now - self._checked < self.recheck:
                return self._value
            self._checked = now
            if self._db_version() == self._version:
                return self._value
        self._version = self._db_version()
        self._value = self._build(self._version)
        self._generation, self._checked = current, now
        return self._value


def on_cache_hit(request, function, *args):
    """Have ``function(*args)`` (a module-level function) run again for every cache hit."""
    request.__dict__.setdefault("_page_cache_replay", []).append((function, args))


def _all_cache_params():
    """Every query parameter that some cached page type understands (``cache_params``)."""
    from wagtail.models import get_page_models

    return frozenset(
        name for model in get_page_models() for name in getattr(model, "cache_params", ())
    )


def cache_address(request, page=None):
    """The address a cached page is stored under: the path and, sorted, only the query
    parameters that the page understands (its class's ``cache_params``; before routing,
    when the page is not known yet, those of any cached page type). Unknown parameters
    (tracking tags, random cache-busters) are left out, so they neither make new entries
    nor miss the cache."""
    known = getattr(page, "cache_params", None) if page is not None else None
    known = _all_cache_params() if known is None else frozenset(known)
    pairs = sorted(
        (name, value) for name, values in request.GET.lists() if name in known for value in values
    )
    return request.path + ("?" + urlencode(pairs) if pairs else "")


def _key(request, page=None):
    path = hashlib.sha256(cache_address(request, page).encode()).hexdigest()
    return f"page:{get_language()}:{path}"


def _cached_page(key):
    """The entry under ``key`` if it was stored in the current content generation, else None.

    An entry holds the generation it was rendered in (a publish makes every older one a miss);
    when this request has not read the generation yet, both come in one round trip."""
    current = getattr(_request, "generation", None)
    if current is None:
        found = cache.get_many([GENERATION_KEY, key])
        current = found.get(GENERATION_KEY)
        if current is None:
            current = generation()  # a cache that was flushed: start a new generation
        _remember(current)
        entry = found.get(key)
    else:
        entry = cache.get(key)
    return entry if entry is not None and entry[0] == current else None


def _replay(entry):
    _generation, content, content_type, replay = entry
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
            key = _key(request)
            entry = _cached_page(key)
            if entry is not None:
                return _replay(entry)
            request._page_cache_missed = key  # the page need not ask again under this key
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
        key = _key(request, page)
        missed = key == getattr(request, "_page_cache_missed", None)
        entry = None if missed else _cached_page(key)
        if entry is not None:
            return _replay(entry)
        rendered_in = generation()  # read before rendering, as the key once held it
        response = serve(page, request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if response.status_code == 200 and not response.cookies and not response.streaming:
            replay = getattr(request, "_page_cache_replay", [])
            entry = (rendered_in, response.content, response["Content-Type"], replay)
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        return response

    return wrapper

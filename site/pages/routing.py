"""Wagtail's page routing, remembered per content generation.

Wagtail finds the page for an address by walking the tree: the site (one query), the home
page's translation in the active language (a locale and a translation lookup), then for each
level the child with that slug and its specific row — about nine queries for a method page.
:class:`RouteMemoMiddleware` remembers, per process, which page an address led to (page id,
its model, how many path parts the tree consumed) and loads that page directly the next time:
one query, or none for an anonymous visitor, who gets a fresh copy of the page as it was
loaded for the first visit (pickled; the page's own row changes only with a publish, which
starts a new generation). Pages still route themselves from there (``route()`` checks that the
page is live and resolves a routable page's sub-address), so an unpublished page answers 404 at
once.

The sites' root paths (what ``Page.get_url`` and ``full_url`` need, a cache read per request
before) are remembered the same way and handed to each request Wagtail serves.

Entries belong to the content generation (every publish, unpublish, move, slug change, site or
locale change bumps it) and are dropped after ``MAX_AGE`` seconds anyway, for a per-process
cache that does not see another worker's bump. Addresses that led nowhere are not remembered.
"""

import pickle
import time

from django.http import Http404
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Site

from .caching import generation

MAX_AGE = 30.0  # seconds
MAX_ENTRIES = 5000
_routes = {}
_root_paths = {}  # generation -> (when read, Site.get_site_root_paths())


def _remember(key, site, result, path_components):
    page = result[0]
    root = site.root_page
    consumed = page.depth - root.depth
    if consumed < 0 or len(_routes) >= MAX_ENTRIES:
        if len(_routes) >= MAX_ENTRIES:
            _routes.clear()
        return
    copy = pickle.dumps(page, pickle.HIGHEST_PROTOCOL)
    _routes[key] = (time.monotonic(), site, copy, type(page), page.pk, path_components[consumed:])


def _site_root_paths(current):
    entry = _root_paths.get(current)
    if entry is None or time.monotonic() - entry[0] > MAX_AGE:
        _root_paths.clear()
        entry = _root_paths[current] = (time.monotonic(), Site.get_site_root_paths())
    return entry[1]


def _route_from_memo(request, key):
    entry = _routes.get(key)
    if entry is None:
        return False
    stored, site, copy, model, pk, remaining = entry
    if time.monotonic() - stored > MAX_AGE:
        del _routes[key]
        return False
    if request.user.is_authenticated:  # editors see the row as it is now (drafts, locks)
        page = model.objects.filter(pk=pk).first()
    else:
        page = pickle.loads(copy)
    if page is None:
        del _routes[key]
        return False
    request._wagtail_site = site
    try:
        request._wagtail_route_for_request = page.route(request, list(remaining))
    except Http404:
        request._wagtail_route_for_request = None
    return True


class RouteMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or getattr(request, "is_preview", False):
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        key = (generation(), request._get_raw_host(), get_language(), path)
        # Wagtail keeps the root paths on the object it is given (``get_url(request)``)
        request._wagtail_cached_site_root_paths = _site_root_paths(key[0])
        if _route_from_memo(request, key):
            return None
        site = Site.find_for_request(request)
        result = wagtail_views.Page.route_for_request(request, path)
        if site is not None and result is not None:
            _remember(key, site, result, [part for part in path.split("/") if part])
        return None

"""Template context for fragment caching.

``{% cache fragment_cache_seconds name content_generation … %}`` keeps the menus, breadcrumbs,
footer and method cards until the next publish (or ``FRAGMENT_CACHE_SECONDS``, if sooner), also
when the page cache is off (members' pages, new searches, ``PAGE_CACHE_SECONDS=0``)."""

import secrets

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .caching import generation


def fragment_caching(request):
    if getattr(request, "is_preview", False):
        # A preview shows unpublished titles: it neither reads nor stores cached fragments.
        return {
            "content_generation": f"preview-{secrets.token_hex(8)}",
            "page_cache_seconds": 0,
            "fragment_cache_seconds": 0,
        }
    return {
        "content_generation": SimpleLazyObject(generation),  # read only if a template uses it
        "page_cache_seconds": settings.PAGE_CACHE_SECONDS,
        "fragment_cache_seconds": settings.FRAGMENT_CACHE_SECONDS,
    }

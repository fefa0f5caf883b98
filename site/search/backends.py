"""One search backend object per process, alias and options.

Wagtail's ``get_search_backend`` builds a new backend on every call, and for the search cluster
that means a new client with a new connection pool: every search opened (and the cluster
accepted) a fresh TCP connection. The client is thread-safe and meant to be kept for the life of
the process (not shared across a fork: the key holds the process id), so the site keeps one per
alias and options. A change of ``WAGTAILSEARCH_BACKENDS`` (tests override it) empties the table.
"""

import os
import threading

from django.core.signals import setting_changed
from django.dispatch import receiver
from wagtail.search.backends import get_search_backend

_BACKENDS = {}
_LOCK = threading.Lock()


def search_backend(alias="default", **options):
    """Wagtail's backend for ``alias`` (with ``options`` over its settings), built once."""
    key = (os.getpid(), alias, tuple(sorted(options.items())))
    backend = _BACKENDS.get(key)
    if backend is None:
        with _LOCK:
            backend = _BACKENDS.get(key)
            if backend is None:
                backend = _BACKENDS[key] = get_search_backend(alias, **options)
    return backend


@receiver(setting_changed)
def _forget_backends(setting, **_kwargs):
    if setting in ("WAGTAILSEARCH_BACKENDS", "MODELSEARCH_BACKENDS"):
        _BACKENDS.clear()

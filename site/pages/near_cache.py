"""A small cache in each worker in front of the shared one, for entries whose key names the
content generation (``kcsite.pages.caching.generation``).

Such an entry never changes under its key: a publish bumps the generation, and every reader
then asks for new keys. So a worker may keep its own copy without ever serving stale content,
and the menus, breadcrumbs, footer, method cards, the consultation link and the answers of the
search's concepts stop costing a round trip to Redis each (thirteen cache commands on a new
search before, most of them reads of the same few entries). What is not keyed by the
generation (pages, rate limits, the generation itself) stays in the shared cache alone.

``settings.CACHES["fragments"]`` is this backend over ``"default"`` when the default cache is
shared; use it as ``kcsite.pages.caching.fragment_cache`` or ``{% cache … using="fragments" %}``.
Entries live in the worker for at most ``LOCAL_SECONDS`` (and no longer than in the shared
cache); at most ``MAX_ENTRIES`` of them (the least recently used go first).

The worker keeps the values themselves, not pickled copies as Django's ``LocMemCache`` does
(about 20 µs per read, twenty method cards on a finder page): what comes from this cache is
read-only, like everything keyed by the generation.
"""

import threading
import time

from cachetools import TLRUCache
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

_MISSING = object()


class WorkerCopies:
    """The worker's own copies: each value with the seconds it may be kept, the least recently
    used dropped first beyond ``max_entries`` (``cachetools.TLRUCache`` behind a lock: a
    threaded server shares it between threads)."""

    def __init__(self, max_entries, timer=time.monotonic):
        self._entries = TLRUCache(max_entries, lambda _key, entry, now: now + entry[0], timer)
        self._lock = threading.Lock()

    def get(self, key, default=None, version=None):
        with self._lock:
            entry = self._entries.get((key, version))
        return default if entry is None else entry[1]

    def get_many(self, keys, version=None):
        with self._lock:
            entries = [(key, self._entries.get((key, version))) for key in keys]
        return {key: entry[1] for key, entry in entries if entry is not None}

    def set(self, key, value, seconds, version=None):
        with self._lock:
            if seconds > 0:
                self._entries[key, version] = (seconds, value)
            else:
                self._entries.pop((key, version), None)

    def set_many(self, data, seconds, version=None):
        for key, value in data.items():
            self.set(key, value, seconds, version)

    def delete(self, key, version=None):
        with self._lock:
            return self._entries.pop((key, version), None) is not None

    def has_key(self, key, version=None):
        return self.get(key, _MISSING, version) is not _MISSING

    def clear(self):
        with self._lock:
            self._entries.clear()


class NearCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        options = params.get("OPTIONS", {})
        self._shared_alias = options.get("SHARED", "default")
        self._local_seconds = options.get("LOCAL_SECONDS", 600)
        self.local = WorkerCopies(options.get("MAX_ENTRIES", 3000))

    @property
    def shared(self):
        return caches[self._shared_alias]

    def _local_timeout(self, timeout):
        if timeout is DEFAULT_TIMEOUT or timeout is None:
            return self._local_seconds
        return min(timeout, self._local_seconds)

    def get(self, key, default=None, version=None):
        value = self.local.get(key, _MISSING, version)
        if value is _MISSING:
            value = self.shared.get(key, _MISSING, version)
            if value is _MISSING:
                return default
            self.local.set(key, value, self._local_seconds, version)
        return value

    def get_many(self, keys, version=None):
        found = self.local.get_many(keys, version)
        missing = [key for key in keys if key not in found]
        if missing:
            fetched = self.shared.get_many(missing, version)
            self.local.set_many(fetched, self._local_seconds, version)
            found.update(fetched)
        return found

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.shared.set(key, value, timeout, version)
        self.local.set(key, value, self._local_timeout(timeout), version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        failed = self.shared.set_many(data, timeout, version)
        self.local.set_many(data, self._local_timeout(timeout), version)
        return failed

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        added = self.shared.add(key, value, timeout, version)
        if added:
            self.local.set(key, value, self._local_timeout(timeout), version)
        return added

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.shared.touch(key, timeout, version)

    def delete(self, key, version=None):
        """Deletes here and in the shared cache; other workers keep their copy (which is why
        only entries keyed by the content generation belong in this cache)."""
        self.local.delete(key, version)
        return self.shared.delete(key, version)

    def has_key(self, key, version=None):
        return self.local.has_key(key, version) or self.shared.has_key(key, version)

    def incr(self, key, delta=1, version=None):
        raise NotImplementedError("a counter belongs in the shared cache alone")

    def clear(self):
        self.local.clear()
        self.shared.clear()

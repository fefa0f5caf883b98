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
cache); at most ``MAX_ENTRIES`` of them (Django's ``LocMemCache`` drops the least recently
used).
"""

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.locmem import LocMemCache

_MISSING = object()


class NearCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        options = params.get("OPTIONS", {})
        self._shared_alias = options.get("SHARED", "default")
        self._local_seconds = options.get("LOCAL_SECONDS", 600)
        local_options = {"MAX_ENTRIES": options.get("MAX_ENTRIES", 3000)}
        self.local = LocMemCache(f"near:{location}", {"OPTIONS": local_options})

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

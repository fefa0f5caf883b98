"""Django's Redis cache, without a new Redis client object for every cache operation.

Django's ``RedisCacheClient`` builds a ``redis.Redis`` around the shared connection pool on
each call (about 0.1 ms; a page reads the cache ten to twenty times). That object is
thread-safe and holds nothing but the pool, so one per pool is kept. ``CACHE_URL=redis://…``
selects this backend (``kcsite.settings.data``).
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

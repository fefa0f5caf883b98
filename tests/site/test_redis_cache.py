"""The Redis cache backend keeps one client per connection pool (Django's builds one per call)."""

import pytest
from django.core.cache import caches

from kcsite.pages.redis_cache import RedisCache


def test_one_client_per_pool_is_built_without_connecting():
    backend = RedisCache("redis://127.0.0.1:1/0", {})  # nothing listens there: never contacted
    client = backend._cache.get_client("a")
    assert backend._cache.get_client("b") is client
    assert backend._cache.get_client("c", write=True) is client  # one server: one pool


@pytest.mark.redis
def test_the_configured_redis_cache_uses_it_and_answers_as_before():
    backend = caches["default"]
    assert isinstance(backend, RedisCache)
    backend.set("redis-cache-test", {"a": 1}, 30)
    assert backend.get("redis-cache-test") == {"a": 1}
    backend.set("redis-cache-count", 1, 30)
    assert backend.incr("redis-cache-count") == 2
    assert backend.get_many(["redis-cache-test", "redis-cache-count"]) == {
        "redis-cache-test": {"a": 1},
        "redis-cache-count": 2,
    }
    backend.delete_many(["redis-cache-test", "redis-cache-count"])
    assert backend.get("redis-cache-test") is None

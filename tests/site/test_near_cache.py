"""Each worker's near copy of the generation-keyed cache (``kcsite.pages.near_cache``): what one
worker stored, another finds in the shared cache and then keeps; a publish still shows at once,
because it changes the keys. With PostgreSQL + Redis the shared cache is Redis."""

import uuid

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from kcsite.pages.near_cache import NearCache, WorkerCopies


def _worker():
    """A second worker's near cache: its own local copy, the same shared cache."""
    return NearCache(uuid.uuid4().hex, {"OPTIONS": {"SHARED": "default", "LOCAL_SECONDS": 60}})


def test_a_worker_finds_what_another_stored_and_keeps_its_own_copy():
    first, second = _worker(), _worker()
    key = f"near-test:{uuid.uuid4().hex}"
    assert second.get(key) is None
    first.set(key, "<nav>meny</nav>", 60)
    assert cache.get(key) == "<nav>meny</nav>"  # in the shared cache
    assert second.get(key) == "<nav>meny</nav>"
    cache.delete(key)
    assert second.get(key) == "<nav>meny</nav>"  # its own copy: no round trip
    assert _worker().get(key) is None  # a third worker has none


def test_many_at_once_and_counters_stay_shared():
    first, second = _worker(), _worker()
    keys = [f"near-test:{uuid.uuid4().hex}" for _ in range(3)]
    first.set_many({keys[0]: 1, keys[1]: 2}, 60)
    assert second.get_many(keys) == {keys[0]: 1, keys[1]: 2}
    assert second.local.get_many(keys) == {keys[0]: 1, keys[1]: 2}
    assert first.add(keys[2], 3, 60) and not second.add(keys[2], 4, 60)
    assert second.get(keys[2]) == 3
    with pytest.raises(NotImplementedError):
        first.incr(keys[0])


def test_nothing_is_kept_with_a_timeout_of_zero():
    worker = _worker()
    key = f"near-test:{uuid.uuid4().hex}"
    worker.set(key, "x", 0)
    assert worker.local.get(key) is None and worker.get(key) is None


def test_a_worker_keeps_its_copies_no_longer_and_no_more_than_it_may():
    """A copy expires after its own timeout (at most LOCAL_SECONDS), and beyond MAX_ENTRIES the
    least recently used copy goes first."""
    clock = [1000.0]
    worker = NearCache(uuid.uuid4().hex, {"OPTIONS": {"LOCAL_SECONDS": 60}})
    worker.local = WorkerCopies(2, timer=lambda: clock[0])
    short, long, newest = (f"near-test:{uuid.uuid4().hex}" for _ in range(3))
    worker.set(short, "kort", 5)
    worker.set(long, "lång", 3600)
    clock[0] += 6
    assert worker.local.get(short) is None  # its own five seconds are over
    assert worker.local.get(long) == "lång"
    clock[0] += 60
    assert worker.local.get(long) is None  # kept no longer than LOCAL_SECONDS
    worker.set(short, 1, 60)
    worker.set(long, 2, 60)
    worker.local.get(short)  # used: the other one is now the least recently used
    worker.set(newest, 3, 60)
    assert worker.local.get_many([short, long, newest]) == {short: 1, newest: 3}


def test_a_published_title_shows_on_the_finder_at_once(client, page_cache_off, method):
    """The finder's cards come from the near cache; the publish changes their keys."""

    def titles():
        soup = BeautifulSoup(client.get("/metodbank/").content, "html.parser")
        return [a.get_text(strip=True) for a in soup.select(".method-card__title a")]

    assert titles() == [method.title]
    assert titles() == [method.title]  # now from the cache
    method.title = "Ett nytt namn på metoden"
    method.save_revision().publish()
    assert titles() == ["Ett nytt namn på metoden"]

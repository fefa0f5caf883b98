"""A circuit breaker for the search cluster, shared by every worker through the cache.

A cluster that refuses connections fails fast by itself; one that accepts and never answers
costs a full timeout per request. After one connection error or timeout the circuit *opens*:
for ``SEARCH_CIRCUIT_SECONDS`` nobody asks the cluster and search answers from the database
index at once. Then the next search tries the cluster again (and re-opens the circuit if it
still fails).

Each worker reads the shared state at most once per ``RECHECK_SECONDS`` (every new search
asked the cache before); a worker that trips or resets the circuit knows at once, the others
within that second.
"""

import logging
import time

import elastic_transport
import opensearchpy.exceptions
from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

OPEN_KEY = "search:circuit:open"
UNREACHABLE = (
    opensearchpy.exceptions.ConnectionError,  # ConnectionTimeout is a subclass
    elastic_transport.ConnectionError,
    elastic_transport.ConnectionTimeout,
    TimeoutError,
    ConnectionError,
)


def is_unreachable(error):
    """True for a failure of the connection (refused, reset, timed out), as opposed to a
    query the cluster answered with an error."""
    return isinstance(error, UNREACHABLE)


RECHECK_SECONDS = 1.0
_seen = {"until": 0.0, "open": False}  # this worker's last reading of the shared state


def _remember(is_open_now, seconds=RECHECK_SECONDS):
    _seen["open"] = is_open_now
    _seen["until"] = time.monotonic() + seconds


def is_open():
    if time.monotonic() >= _seen["until"]:
        _remember(bool(cache.get(OPEN_KEY)))
    return _seen["open"]


def forget():
    """Read the shared state again on the next call (tests empty the cache between them)."""
    _seen["until"] = 0.0


def trip(error):
    seconds = getattr(settings, "SEARCH_CIRCUIT_SECONDS", 30)
    if seconds > 0:
        cache.set(OPEN_KEY, True, seconds)
        _remember(True, min(seconds, RECHECK_SECONDS))
    logger.warning("Search cluster unreachable (%s); using the database for %s s", error, seconds)


def reset():
    cache.delete(OPEN_KEY)
    _remember(False)

"""A circuit breaker for the search cluster, shared by every worker through the cache.

A cluster that refuses connections fails fast by itself; one that accepts and never answers
costs a full timeout per request. After one connection error or timeout the circuit *opens*:
for ``SEARCH_CIRCUIT_SECONDS`` nobody asks the cluster and search answers from the database
index at once. Then the next search tries the cluster again (and re-opens the circuit if it
still fails).
"""

import logging

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


def is_open():
    return bool(cache.get(OPEN_KEY))


def trip(error):
    seconds = getattr(settings, "SEARCH_CIRCUIT_SECONDS", 30)
    if seconds > 0:
        cache.set(OPEN_KEY, True, seconds)
    logger.warning("Search cluster unreachable (%s); using the database for %s s", error, seconds)


def reset():
    cache.delete(OPEN_KEY)

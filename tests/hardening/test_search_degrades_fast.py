"""A search cluster that accepts connections and never answers costs one short timeout, then
the circuit breaker answers from the database at once; autocomplete waits even less.

The first test hangs a plain socket (no OpenSearch needed); the second freezes a real, private
OpenSearch node with SIGSTOP (never a shared one; ``make test`` runs it alone, last, on its own
test node, which it then lets go on), or one started with
``KC_SERVICES_DIR=var/services-freeze KC_OPENSEARCH_PORT=9460 bash ops/services.sh
start-opensearch`` and named by ``KC_FREEZE_OPENSEARCH_DIR=var/services-freeze`` and
``KC_FREEZE_OPENSEARCH_URL=http://127.0.0.1:9460``.
"""

import os
import signal
import socket
import time
from pathlib import Path

import pytest
from django.test import Client

from kcsite.search import circuit
from kcsite.search.config import build_search_backends
from kcsite.search.services import search, search_ids
from methodbank.models import MethodPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("method")]  # "närvaro"


@pytest.fixture
def hanging_port():
    """A port that accepts connections (the kernel's backlog) and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        yield listener.getsockname()[1]


def _point_search_at(settings, url, timeout=1.0, autocomplete=0.3):
    backends = build_search_backends(elasticsearch_url=url, engine="opensearch2", timeout=timeout)
    settings.WAGTAILSEARCH_BACKENDS = backends
    settings.SEARCH_AUTOCOMPLETE_TIMEOUT_SECONDS = autocomplete
    settings.SEARCH_CIRCUIT_SECONDS = 30


def _timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def _assert_degrades_fast(timeout):
    methods = MethodPage.objects.live()
    assert not circuit.is_open()
    outcome, first = _timed(search, methods, "närvaro")
    assert outcome.backend == "database" and outcome.fell_back and outcome.total > 0
    assert circuit.is_open()
    assert first < 2 * timeout + 1.5  # one timeout, not one per query attempt
    outcome, second = _timed(search, methods, "närvaro")
    assert outcome.backend == "database"
    assert second < timeout  # the open circuit skips the cluster
    (ids, alias), _ = _timed(search_ids, methods, "närvaro")
    assert alias == "database" and ids
    return first, second


def test_a_hanging_cluster_costs_one_timeout_then_none(settings, hanging_port):
    _point_search_at(settings, f"http://127.0.0.1:{hanging_port}")
    _assert_degrades_fast(timeout=1.0)


def test_autocomplete_has_a_shorter_budget_and_opens_the_circuit(settings, hanging_port):
    from kcsite.search.services import autocomplete_backend

    _point_search_at(settings, f"http://127.0.0.1:{hanging_port}", timeout=2.0, autocomplete=1.0)
    assert autocomplete_backend("default").timeout == 1.0  # the search timeout is 2.0
    response, elapsed = _timed(Client().get, "/sok/forslag/", {"q": "närv"})
    assert response.status_code == 200
    assert response.json()["suggestions"]  # answered by the database
    assert 0.9 < elapsed < 1.0 + 1.5  # waited for the autocomplete budget, once
    assert circuit.is_open()
    for _ in range(5):
        response, elapsed = _timed(Client().get, "/sok/forslag/", {"q": "närv"})
        assert response.status_code == 200 and elapsed < 0.9  # the cluster is not asked


def test_a_query_the_cluster_rejects_does_not_open_the_circuit():
    from opensearchpy.exceptions import RequestError

    assert not circuit.is_unreachable(RequestError(400, "parse_exception", {}))
    from opensearchpy.exceptions import ConnectionTimeout

    assert circuit.is_unreachable(ConnectionTimeout("TIMEOUT", "read timed out", None))


def test_every_worker_sees_an_open_circuit_within_a_second():
    """Each worker reads the shared state once per ``RECHECK_SECONDS``, not on every search."""
    from django.core.cache import cache

    assert not circuit.is_open()
    cache.set(circuit.OPEN_KEY, True, 30)  # another worker trips the circuit
    assert not circuit.is_open()  # this worker's reading is still fresh
    time.sleep(circuit.RECHECK_SECONDS + 0.05)
    assert circuit.is_open()
    circuit.reset()  # the worker that resets knows at once
    assert not circuit.is_open() and cache.get(circuit.OPEN_KEY) is None


@pytest.fixture
def frozen_private_node():
    state, url = (os.environ.get(f"KC_FREEZE_OPENSEARCH_{name}") for name in ("DIR", "URL"))
    if not (state and url):
        reason = "set KC_FREEZE_OPENSEARCH_DIR and _URL to a node it may freeze (see the docstring)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{reason} (CI=true: a missing service is a failure)")
        pytest.skip(reason)
    pid = int((Path(state) / "opensearch.pid").read_text().strip())
    assert b"kc.opensearch.Main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    shared = Path("/work/services/state/env")
    if shared.exists():
        assert url not in shared.read_text(), "refusing to freeze the shared node"
    os.kill(pid, signal.SIGSTOP)
    try:
        yield url
    finally:
        os.kill(pid, signal.SIGCONT)


@pytest.mark.opensearch
@pytest.mark.frozen_cluster
def test_a_frozen_opensearch_node(settings, frozen_private_node, capsys):
    _point_search_at(settings, frozen_private_node, timeout=1.0)
    first, second = _assert_degrades_fast(timeout=1.0)
    with capsys.disabled():
        print(f"\n[frozen node] first search {first:.2f} s, with the circuit open {second:.3f} s")

"""A small HTTP load generator for ops/bench.sh and ops/compare_bakerydemo.sh (standard library).

Threads with keep-alive ``http.client`` connections on loopback, bounded by a request count and
a time limit; answers req/s, p50, p95, max, errors and the mean size of an answer.

    python ops/loadgen.py --clients 8 --requests 400 --seconds 30 \\
        NAME=http://127.0.0.1:PORT/path [NAME=…]…

Several targets given together run *interleaved*: in rounds of ``--round`` requests per target,
so that noise from other work on the machine hits every target alike. Prints one JSON list.
"""

import argparse
import http.client
import itertools
import json
import threading
import time
from urllib.parse import urlsplit

HEADERS = {"X-Forwarded-Proto": "https"}


class Target:
    def __init__(self, name, paths, host, port):
        self.name, self.paths, self.host, self.port = name, paths, host, port
        self.latencies, self.errors, self.bytes, self.wall = [], 0, 0, 0.0

    def result(self):
        ordered = sorted(self.latencies) or [float("nan")]

        def pct(p):
            return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000

        count = len(self.latencies)
        return {
            "name": self.name,
            "requests": count,
            "errors": self.errors,
            "rps": count / self.wall if self.wall else 0.0,
            "p50": pct(0.50),
            "p95": pct(0.95),
            "max": ordered[-1] * 1000,
            "bytes": round(self.bytes / count) if count else 0,
        }


def _burst(target, clients, count, deadline):
    """``count`` requests from ``clients`` threads at one target; adds to its figures."""
    lock = threading.Lock()
    issued = [0]

    def worker():
        conn = http.client.HTTPConnection(target.host, target.port, timeout=30)
        while True:
            with lock:
                if issued[0] >= count or time.monotonic() > deadline:
                    break
                issued[0] += 1
                path = next(target.paths)
            started = time.perf_counter()
            size, ok = 0, False
            try:
                conn.request("GET", path, headers=HEADERS | {"Host": target.host})
                response = conn.getresponse()
                size = len(response.read())
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(target.host, target.port, timeout=30)
            elapsed = time.perf_counter() - started
            with lock:
                target.latencies.append(elapsed)
                target.bytes += size
                target.errors += 0 if ok else 1
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    target.wall += time.perf_counter() - began


def warm_up(target, count):
    for _ in range(count):
        conn = http.client.HTTPConnection(target.host, target.port, timeout=30)
        conn.request("GET", next(target.paths), headers=HEADERS | {"Host": target.host})
        conn.getresponse().read()
        conn.close()


def run(targets, clients=8, requests=400, seconds=60.0, round_size=None, warm=None):
    """Measure ``targets`` (interleaved in rounds when there are several); a list of results."""
    round_size = round_size or requests
    for target in targets:
        warm_up(target, clients * 3 if warm is None else warm)
    deadline = time.monotonic() + seconds * len(targets)
    done = {target.name: 0 for target in targets}
    while any(done[t.name] < requests for t in targets) and time.monotonic() < deadline:
        for target in targets:
            left = requests - done[target.name]
            if left > 0:
                _burst(target, clients, min(round_size, left), deadline)
                done[target.name] += min(round_size, left)
    return [target.result() for target in targets]


def repeat(path):
    return itertools.repeat(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="+", help="NAME=URL")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--round", type=int, default=50, help="requests per target per round")
    args = parser.parse_args()
    targets = []
    for spec in args.targets:
        name, url = spec.split("=", 1)
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        targets.append(Target(name, repeat(path), parts.hostname, parts.port or 80))
    print(json.dumps(run(targets, args.clients, args.requests, args.seconds, args.round)))


if __name__ == "__main__":
    main()

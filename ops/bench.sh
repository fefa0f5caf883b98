#!/usr/bin/env bash
# `make bench`: the method bank under load, with 2 000 methods, on the production set-up.
#
# 1. PostgreSQL 15 + OpenSearch 2.19 from ops/services.sh (started if needed, left running);
# 2. a fresh database `kc_bench` and index prefix `kc_bench_`: migrate, demo content, and
#    2 000 methods generated from the demo methods, imported with `import_methods` (timed);
# 3. gunicorn with DJANGO_ENV=production on a loopback port;
# 4. a small load generator (threads + http.client, loopback only, bounded by request count
#    and time) at 8 concurrent clients against the finder (varied queries and filters), a
#    method page, and the finder with every address new (page cache missed) and with every
#    search new; req/s, p50 and p95 are written to docs/benchmarks.md.
# Environment: BENCH_METHODS (2000), BENCH_CLIENTS (8), BENCH_REQUESTS (1600 per target),
# BENCH_SECONDS (60 per target at most), BENCH_WORKERS (gunicorn workers, default 2×nproc),
# KC_SERVICES_DIR (as in ops/services.sh), BENCH_SKIP_SERVICES=1 (use already running services).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=$PWD/.venv/bin/python
METHODS=${BENCH_METHODS:-2000}
CLIENTS=${BENCH_CLIENTS:-8}
REQUESTS=${BENCH_REQUESTS:-1600}
SECONDS_MAX=${BENCH_SECONDS:-60}
WORKERS=${BENCH_WORKERS:-$(( $(nproc) * 2 ))}
WORK=var/bench
mkdir -p "$WORK"

echo "[bench] services"
SERVICES_DIR=${KC_SERVICES_DIR:-var/services}
if [ "${BENCH_SKIP_SERVICES:-}" != 1 ]; then bash ops/services.sh start >/dev/null; fi
set -a
# shellcheck disable=SC1090
source "$SERVICES_DIR/env"
set +a

BENCH_DB_URL=$($PY - "$TEST_DATABASE_URL" <<'PY'
import sys
from urllib.parse import urlsplit, urlunsplit

import psycopg

url = urlsplit(sys.argv[1])
admin = urlunsplit(url._replace(path="/postgres"))
with psycopg.connect(admin, autocommit=True) as conn:
    conn.execute("DROP DATABASE IF EXISTS kc_bench WITH (FORCE)")
    conn.execute("CREATE DATABASE kc_bench")
print(urlunsplit(url._replace(path="/kc_bench")))
PY
)
SECRET=$($PY -c "import secrets; print(secrets.token_urlsafe(60))")
export DJANGO_ENV=production SECRET_KEY=$SECRET DEBUG=0 ALLOWED_HOSTS=127.0.0.1,localhost \
    DATABASE_URL=$BENCH_DB_URL ELASTICSEARCH_URL=$TEST_OPENSEARCH_URL SEARCH_ENGINE=opensearch2 \
    SEARCH_INDEX=kc_bench STATIC_ROOT=$PWD/$WORK/static MEDIA_ROOT=$PWD/$WORK/media \
    EMAIL_FILE_PATH=$PWD/$WORK/mail TASKS_QUEUE=0 CONN_MAX_AGE=60 \
    CACHE_URL=${BENCH_CACHE_URL:-filecache://$PWD/$WORK/cache}
# One cache shared by all gunicorn workers, as production should have (README: CACHE_URL);
# BENCH_CACHE_URL=locmemcache:// measures a per-process cache instead.
rm -rf "$WORK/cache"

echo "[bench] database kc_bench: migrate, demo content, static files"
$PY manage.py migrate --noinput -v 0
$PY manage.py load_demo >/dev/null
$PY manage.py collectstatic --noinput -v 0
$PY manage.py update_index >/dev/null 2>&1

echo "[bench] generating $METHODS methods from the demo methods"
$PY - "$METHODS" "$WORK/methods-bench.json" <<'PY'
import json, sys
count, out = int(sys.argv[1]), sys.argv[2]
demo = json.load(open("methodbank/demo/methods.json", encoding="utf-8"))
items = []
for number in range(count):
    item = dict(demo[number % len(demo)])
    round_ = number // len(demo) + 1
    item["slug"] = f"{item['slug']}-b{round_}"[:80]
    item["title"] = f"{item['title']} ({round_})"[:120]
    item["locale"] = "sv"
    items.append(item)
json.dump(items, open(out, "w", encoding="utf-8"), ensure_ascii=False)
PY
start=$(date +%s.%N)
$PY manage.py import_methods "$WORK/methods-bench.json" | tail -n 1
import_seconds=$($PY -c "print(f'{$(date +%s.%N) - $start:.1f}')")
echo "[bench] import of $METHODS methods: ${import_seconds} s"
start=$(date +%s.%N)
$PY manage.py import_methods "$WORK/methods-bench.json" | tail -n 1
reimport_seconds=$($PY -c "print(f'{$(date +%s.%N) - $start:.1f}')")

PORT=$($PY -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
echo "[bench] gunicorn: $WORKERS workers on 127.0.0.1:$PORT"
$PY -m gunicorn kcsite.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" --timeout 60 \
    --access-logfile /dev/null --error-logfile "$WORK/gunicorn.log" &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    if $PY -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/robots.txt', timeout=2)" 2>/dev/null; then break; fi
    sleep 0.3
done
METHOD_URL=$($PY manage.py shell -c "from methodbank.models import MethodPage; print(MethodPage.objects.live().filter(slug__endswith='-b7').first().url)" 2>/dev/null | tail -n 1)

echo "[bench] load: $CLIENTS clients, up to $REQUESTS requests or ${SECONDS_MAX} s per target"
RESULTS=$($PY - "$PORT" "$CLIENTS" "$REQUESTS" "$SECONDS_MAX" "$METHOD_URL" <<'PY'
import http.client, json, statistics, sys, threading, time
from urllib.parse import urlencode

port, clients, limit, max_seconds, method_url = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
queries = ["", "frånvaro", "kartläggning", "skolk", "samtal med vårdnadshavare", "narvaro", "mentor", "hemmasittare", "åtgärdsplan", "elevhälsoteam"]
filters = [{}, {"tier": "act"}, {"tier": ["prevent", "act"], "kind": "method"}, {"audience": "guardian"}, {"performer": "mentor", "school_form": "years_7_9"}]
def finder_paths(new=""):
    """The finder mix; new="address": an ignored parameter makes every address new (no page
    cache); new="search": every search text is new as well (a number added to the words)."""
    n = 0
    texts = queries if new != "search" else [q for q in queries if q]
    while True:
        q = texts[n % len(texts)]; f = filters[(n // len(texts)) % len(filters)]
        params = dict(f)
        if q: params["q"] = q if new != "search" else f"{q} {n}"
        if n % 7 == 3: params["page"] = 2
        if new: params["v"] = n
        yield "/metodbank/?" + urlencode(params, doseq=True)
        n += 1

def run(name, paths):
    lock = threading.Lock(); latencies = []; errors = [0]; issued = [0]
    deadline = [0.0]
    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                if issued[0] >= limit or time.monotonic() > deadline[0]: break
                issued[0] += 1; path = next(paths)
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers={"X-Forwarded-Proto": "https", "Host": "127.0.0.1"})
                response = conn.getresponse(); response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False; conn.close(); conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if not ok: errors[0] += 1
        conn.close()
    # warm-up (not measured): every worker process builds its caches
    for _ in range(clients * 3):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        c.request("GET", next(paths), headers={"X-Forwarded-Proto": "https", "Host": "127.0.0.1"}); c.getresponse().read(); c.close()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    deadline[0] = time.monotonic() + max_seconds
    began = time.perf_counter()
    for t in threads: t.start()
    for t in threads: t.join()
    wall = time.perf_counter() - began
    ordered = sorted(latencies) or [float("nan")]
    pct = lambda p: ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000
    return {"name": name, "requests": len(latencies), "errors": errors[0], "rps": len(latencies) / wall,
            "p50": pct(0.50), "p95": pct(0.95), "max": ordered[-1] * 1000}

def repeat(path):
    while True: yield path
results = [run("finder", finder_paths()), run("method page", repeat(method_url)),
           run("finder, every address new", finder_paths("address")),
           run("finder, every search new", finder_paths("search"))]
print(json.dumps(results))
PY
)
kill $GUNICORN 2>/dev/null || true
wait $GUNICORN 2>/dev/null || true
trap - EXIT

$PY - "$RESULTS" "$METHODS" "$CLIENTS" "$WORKERS" "$import_seconds" "$reimport_seconds" "$METHOD_URL" <<'PY'
import datetime, json, os, platform, re, sys
results = json.loads(sys.argv[1]); methods, clients, workers = sys.argv[2], sys.argv[3], sys.argv[4]
import_s, reimport_s, method_url = sys.argv[5], sys.argv[6], sys.argv[7]
cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
mem_kb = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1))
load = os.getloadavg()
targets = {"finder": 150, "method page": 50}
page_cache = os.environ.get("PAGE_CACHE_SECONDS", "60")
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
rows = []
for r in results:
    target = targets.get(r["name"])
    met = "—" if target is None else "yes" if r["p95"] < target else "**no**"
    goal = "—" if target is None else f"< {target}"
    rows.append(f"| {r['name']} | {r['requests']} | {r['errors']} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} | {r['max']:.0f} | {goal} | {met} |")
section = f"""## Run of {now}

Machine: {os.cpu_count()} CPUs ({cpu}), {mem_kb / 1024 / 1024:.1f} GiB memory, Python {platform.python_version()};
load average at the end of the run {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1/5/15 min; other work on
the machine inflates the figures).
Set-up: gunicorn ({workers} sync workers, `DJANGO_ENV=production`), PostgreSQL 15, OpenSearch 2.19
(ops/services.sh), cache `{os.environ.get("CACHE_URL", "").split("://")[0]}`, page cache
`PAGE_CACHE_SECONDS={page_cache}`, all on this machine; {methods} methods; {clients} concurrent
clients (threads + http.client over loopback, keep-alive); each target after a short warm-up.

| target | requests | errors | req/s | p50 ms | p95 ms | max ms | p95 target | met |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |
{chr(10).join(rows)}

The finder load mixes 10 queries (empty, single words, phrases, ASCII spelling, synonyms) with
5 filter combinations and some second pages. The method page is `{method_url}`. The last two
rows have no target: "every address new" sends the same mix with an extra, ignored parameter,
so no request is answered from the page cache (the search engine's hits for each of the 9 texts
are reused, as when a visitor ticks filters or pages through one search); "every search new"
also adds a number to each text, so every request is a search nobody has made before.

Import: `import_methods` of {methods} new methods took {import_s} s (target < 60 s); importing
the same file again (all unchanged) took {reimport_s} s.
"""
path = "docs/benchmarks.md"
head = "# Benchmarks\n\n`make bench` (ops/bench.sh) writes the newest run at the top of this file.\n\n"
old = open(path, encoding="utf-8").read() if os.path.exists(path) else head
body = old[len(head):] if old.startswith(head) else old
open(path, "w", encoding="utf-8").write(head + section + "\n" + body)
print(section)
PY

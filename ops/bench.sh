#!/usr/bin/env bash
# `make bench`: the method bank under load, with 2 000 methods, on the production set-up.
#
# 1. PostgreSQL 15 + OpenSearch 2.19 from ops/services.sh (started if needed, left running);
# 2. a fresh database `kc_bench` and index prefix `kc_bench_`: migrate, demo content, and
#    2 000 methods generated from the demo methods, imported with `import_methods` (timed);
# 3. four gunicorns (DJANGO_ENV=production, loopback, each with its own control socket): the
#    site, the site with the page cache off, the site on PostgreSQL search only, a trivial WSGI app;
# 4. ops/loadgen.py (threads + http.client, loopback only, bounded by request count and time)
#    at 8 concurrent clients against the finder (varied queries and filters), the cached method
#    page interleaved with the trivial app (the ceiling), the finder with every address new and
#    with every search new (on OpenSearch and on PostgreSQL only), and every public page type
#    uncached; req/s, p50, p95 and bytes are written to docs/benchmarks.md;
# 5. ops/bench_admin.py (the admin under load), when present.
# Environment: BENCH_METHODS (2000), BENCH_CLIENTS (8), BENCH_REQUESTS (1600 per target),
# BENCH_SECONDS (60 per target at most), BENCH_WORKERS (gunicorn workers, default 2×nproc),
# KC_SERVICES_DIR (as in ops/services.sh), BENCH_SKIP_SERVICES=1 (use already running services),
# BENCH_REUSE_DB=1 (the last run's database, without migrating and importing again).
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
if [ "${BENCH_SKIP_SERVICES:-}" != 1 ]; then bash ops/services.sh start postgres opensearch redis >/dev/null; fi
set -a
# shellcheck disable=SC1090
source "$SERVICES_DIR/env"
set +a

BENCH_DB_URL=$($PY - "$TEST_DATABASE_URL" "${BENCH_REUSE_DB:-}" <<'PY'
import sys
from urllib.parse import urlsplit, urlunsplit

import psycopg

url = urlsplit(sys.argv[1])
admin = urlunsplit(url._replace(path="/postgres"))
with psycopg.connect(admin, autocommit=True) as conn:
    if sys.argv[2] != "1":
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
    CACHE_URL=${BENCH_CACHE_URL:-$TEST_CACHE_URL} CACHE_KEY_PREFIX=kc_bench_$$
# Redis, shared by all gunicorn workers and instances, as in production (README: CACHE_URL);
# BENCH_CACHE_URL=filecache://… or locmemcache:// measures another cache instead.
rm -rf "$WORK/cache"

if [ "${BENCH_REUSE_DB:-}" = 1 ]; then
# BENCH_REUSE_DB=1: the database of the last run as it is (its methods indexed again in chunks,
# with retries: an overloaded search node times out on one bulk request of 2 000 methods).
echo "[bench] database kc_bench reused; indexing its methods"
$PY manage.py shell -v 0 -c "
import time
from wagtail.search.backends import get_search_backends
from methodbank.models import MethodPage
pages = list(MethodPage.objects.all())
for backend in get_search_backends(with_auto_update=True):
    for start in range(0, len(pages), 100):
        for attempt in range(5):
            try:
                backend.add_bulk(MethodPage, pages[start:start + 100]); break
            except Exception:
                time.sleep(3)
print(len(pages), 'methods indexed')
"
import_seconds="(reused)"; reimport_seconds="(reused)"
else
echo "[bench] database kc_bench: migrate, demo content, static files"
$PY manage.py migrate --noinput -v 0
$PY manage.py load_demo >/dev/null
$PY manage.py collectstatic --noinput -v 0
$PY manage.py update_index >/dev/null 2>&1

echo "[bench] generating $METHODS methods from the demo methods"
$PY ops/bench_methods.py "$METHODS" "$WORK/methods-bench.json"
start=$(date +%s.%N)
$PY manage.py import_methods "$WORK/methods-bench.json" | tail -n 1
import_seconds=$($PY -c "print(f'{$(date +%s.%N) - $start:.1f}')")
echo "[bench] import of $METHODS methods: ${import_seconds} s"
start=$(date +%s.%N)
$PY manage.py import_methods "$WORK/methods-bench.json" | tail -n 1
reimport_seconds=$($PY -c "print(f'{$(date +%s.%N) - $start:.1f}')")
fi

free_port() { $PY -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"; }
SERVERS=()
serve() {  # name port app [VAR=value…]: a gunicorn with its own control socket (no collisions
    local name=$1 port=$2 app=$3; shift 3  # between two benches or two instances on a machine)
    env "$@" $PY -m gunicorn "$app" --bind "127.0.0.1:$port" --workers "$WORKERS" --timeout 60 \
        --control-socket "$PWD/$WORK/gunicorn-$name.ctl" --access-logfile /dev/null \
        --error-logfile "$WORK/gunicorn-$name.log" &
    SERVERS+=($!)
}
stop_servers() { kill "${SERVERS[@]}" 2>/dev/null || true; wait "${SERVERS[@]}" 2>/dev/null || true; }
trap stop_servers EXIT
PORT=$(free_port); UNCACHED_PORT=$(free_port); PG_PORT=$(free_port); TRIVIAL_PORT=$(free_port)
echo "[bench] gunicorn, $WORKERS workers each: site :$PORT, page cache off :$UNCACHED_PORT," \
    "PostgreSQL search only :$PG_PORT, trivial WSGI :$TRIVIAL_PORT"
serve cached "$PORT" kcsite.wsgi
serve uncached "$UNCACHED_PORT" kcsite.wsgi PAGE_CACHE_SECONDS=0
serve postgres "$PG_PORT" kcsite.wsgi ELASTICSEARCH_URL= SEARCH_ENGINE= PAGE_CACHE_SECONDS=0
serve trivial "$TRIVIAL_PORT" trivial_wsgi:application PYTHONPATH=$PWD/ops
for port in "$PORT" "$UNCACHED_PORT" "$PG_PORT" "$TRIVIAL_PORT"; do
    for _ in $(seq 1 100); do
        if $PY -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/robots.txt', timeout=2)" 2>/dev/null \
            || $PY -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/', timeout=2)" 2>/dev/null; then break; fi
        sleep 0.3
    done
done
PAGES=$($PY manage.py shell -v 0 -c "
from events.models import EventPage
from methodbank.library.models import FilmPage, ReferenceLibraryPage
from methodbank.models import MethodFinderPage, MethodPage
def url(model):
    return model.objects.live().public().filter(locale__language_code='sv').order_by('pk').first().url
print(MethodPage.objects.live().filter(slug__endswith='-b7').first().url, url(MethodFinderPage), url(EventPage), url(FilmPage), url(ReferenceLibraryPage))
" 2>/dev/null | tail -n 1)
read -r METHOD_URL FINDER_URL EVENT_URL FILM_URL REFERENCES_URL <<<"$PAGES"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

echo "[bench] load: $CLIENTS clients, up to $REQUESTS requests or ${SECONDS_MAX} s per target"
RESULTS=$($PY - "$PORT" "$CLIENTS" "$REQUESTS" "$SECONDS_MAX" "$METHOD_URL" "$UNCACHED_PORT" "$PG_PORT" "$TRIVIAL_PORT" \
    "$FINDER_URL" "$EVENT_URL" "$FILM_URL" "$REFERENCES_URL" <<'PY'
import json, sys
from urllib.parse import urlencode

sys.path.insert(0, "ops")
from loadgen import Target, repeat, run

port, clients, limit, max_seconds, method_url = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
uncached_port, pg_port, trivial_port = int(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8])
finder_url, event_url, film_url, references_url = sys.argv[9:13]
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
        yield finder_url + "?" + urlencode(params, doseq=True)
        n += 1

def target(name, paths, on=port):
    return Target(name, paths, "127.0.0.1", on)

def measure(*targets, warm=None):
    return run(list(targets), clients, limit, max_seconds, round_size=100, warm=warm)

results = measure(target("finder", finder_paths()))
# the cached method page against the trivial-WSGI ceiling, interleaved
results += measure(target("method page", repeat(method_url)), target("trivial WSGI (ceiling)", repeat("/"), trivial_port))
results += measure(target("finder, every address new", finder_paths("address")))
# New searches after 200 unmeasured ones: a search node compiles its query path while it
# serves the first few hundred (a node in service has long done so).
results += measure(target("finder, every search new", finder_paths("search")), warm=200)
# the page cache off: every public page type renders on every request
uncached = [("home", "/"), ("method page", method_url), ("finder", finder_url), ("finder with text", finder_url + "?q=fr%C3%A5nvaro+i+skolan"),
            ("event page", event_url), ("film page", film_url), ("reference list", references_url)]
for name, path in uncached:
    results += measure(target(f"uncached: {name}", repeat(path), uncached_port))
# PostgreSQL only (the database search backend, no search cluster), page cache off
results += measure(target("PostgreSQL only: finder, every search new", finder_paths("search"), pg_port), warm=200)
print(json.dumps(results))
PY
)
stop_servers
trap - EXIT

if [ -f ops/bench_admin.py ]; then  # the admin's pages under load (ops/bench_admin.py, if present)
    echo "[bench] admin pages: ops/bench_admin.py"
    $PY ops/bench_admin.py || echo "[bench] ops/bench_admin.py failed"
fi

$PY - "$RESULTS" "$METHODS" "$CLIENTS" "$WORKERS" "$import_seconds" "$reimport_seconds" "$METHOD_URL" "$LOAD_BEFORE" <<'PY'
import datetime, json, os, platform, re, sys
results = json.loads(sys.argv[1]); methods, clients, workers = sys.argv[2], sys.argv[3], sys.argv[4]
import_s, reimport_s, method_url, load_before = sys.argv[5], sys.argv[6], sys.argv[7], sys.argv[8]
cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
mem_kb = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1))
load = os.getloadavg()
targets = {"finder": 150, "method page": 50, "finder, every search new": 100,
           "PostgreSQL only: finder, every search new": 100}
page_cache = os.environ.get("PAGE_CACHE_SECONDS", "60")
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
by_name = {r["name"]: r for r in results}
ceiling = by_name.get("trivial WSGI (ceiling)")
cached = by_name.get("method page")
ratio = cached["rps"] / ceiling["rps"] if ceiling and cached and ceiling["rps"] else float("nan")
rows = []
for r in results:
    target = targets.get(r["name"])
    met = "—" if target is None else "yes" if r["p95"] < target else "**no**"
    goal = "—" if target is None else f"< {target}"
    rows.append(f"| {r['name']} | {r['requests']} | {r['errors']} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} | {r['max']:.0f} | {r['bytes']} | {goal} | {met} |")
section = f"""## Run of {now}

Machine: {os.cpu_count()} CPUs ({cpu}), {mem_kb / 1024 / 1024:.1f} GiB memory, Python {platform.python_version()};
load average (1/5/15 min) before the load {load_before}, at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}
(other work on the machine inflates the figures; ratios measured interleaved are the steadier guide).
Set-up: four gunicorns ({workers} sync workers each, `DJANGO_ENV=production`, each with its own
control socket): the site (page cache `PAGE_CACHE_SECONDS={page_cache}`), the site with the page
cache off (`uncached:` rows), the site with PostgreSQL's database search instead of the cluster
(page cache off), and a trivial WSGI app (`ops/trivial_wsgi.py`, the ceiling); PostgreSQL 15,
OpenSearch 2.19, cache `{os.environ.get("CACHE_URL", "").split("://")[0]}` (ops/services.sh), all on this machine;
{methods} methods; {clients} concurrent clients (ops/loadgen.py: threads + http.client over
loopback, keep-alive); each target after a short warm-up (200 unmeasured searches before each
"every search new" row); the cached method page and the trivial app interleaved in rounds of
100 requests.

Cached method page / trivial WSGI: **{ratio:.2f}** (target ≥ 0.33).

| target | requests | errors | req/s | p50 ms | p95 ms | max ms | bytes | p95 target | met |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |
{chr(10).join(rows)}

The finder load mixes 10 queries (empty, single words, phrases, ASCII spelling, synonyms) with
5 filter combinations and some second pages. The method page is `{method_url}`. "Every address
new" sends the same mix with an extra, ignored parameter, so no request is answered from the
page cache (the search engine's hits for each of the 9 texts are reused, as when a visitor ticks
filters or pages through one search); "every search new" also adds a number to each text, so
every request is a search nobody has made before.

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

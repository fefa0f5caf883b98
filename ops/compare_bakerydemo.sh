#!/usr/bin/env bash
# Side by side with Wagtail's reference demo (wagtail/bakerydemo), uncached, on this machine.
#
#   bash ops/compare_bakerydemo.sh /path/to/bakerydemo      (a checkout; not run by `make test`)
#
# Installs the demo in its own virtualenv (var/compare/bakerydemo-venv) and database
# (bakerydemo_compare) beside this site (database kc_compare, demo content plus
# COMPARE_METHODS generated methods), both on PostgreSQL from ops/services.sh, both under the
# same gunicorn (COMPARE_WORKERS sync workers, own control sockets) with production settings and
# no page cache (PAGE_CACHE_SECONDS=0; the demo has none). Then, for each pair of comparable
# pages, ops/loadgen.py runs both targets interleaved (rounds of 25 requests each), at 1 and at
# COMPARE_CLIENTS clients, and prints req/s, p50, p95, SQL queries per page and bytes, with the
# ratio of throughputs. Nothing of the demo is copied into this project.
#
# Environment: COMPARE_METHODS (2000), COMPARE_WORKERS (4), COMPARE_CLIENTS (8),
# COMPARE_REQUESTS (200 per target and client count), COMPARE_CACHE_URL (e.g. the Redis of
# ops/services.sh; default a cache per process), KC_SERVICES_DIR, COMPARE_SKIP_SERVICES=1
# (use running services as they are), COMPARE_REUSE=1 (keep both databases and the virtualenv
# from the last run).
set -euo pipefail
[ $# -ge 1 ] && [ -f "$1/manage.py" ] || { echo "usage: $0 /path/to/bakerydemo (a checkout)" >&2; exit 2; }
DEMO=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."
REPO=$PWD
PY=$REPO/.venv/bin/python
WORK=$REPO/var/compare
METHODS=${COMPARE_METHODS:-2000}
WORKERS=${COMPARE_WORKERS:-4}
CLIENTS=${COMPARE_CLIENTS:-8}
REQUESTS=${COMPARE_REQUESTS:-200}
mkdir -p "$WORK"
say() { echo "[compare] $*"; }

say "services (PostgreSQL)"
if [ "${COMPARE_SKIP_SERVICES:-}" != 1 ]; then bash ops/services.sh start postgres >/dev/null; fi
SERVICES_DIR=${KC_SERVICES_DIR:-var/services}
# shellcheck disable=SC1090
source "$SERVICES_DIR/env"
PG_ROOT=${TEST_DATABASE_URL%/*}

fresh_db() {  # name: drop and create (unless COMPARE_REUSE=1 and it exists); prints 1 if new
    $PY - "$TEST_DATABASE_URL" "$1" "${COMPARE_REUSE:-}" <<'PY'
import sys
import psycopg
url, name, reuse = sys.argv[1:4]
with psycopg.connect(url, autocommit=True) as conn:
    exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    if reuse == "1" and exists:
        print(0)
    else:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
        print(1)
PY
}

# --- this site ---------------------------------------------------------------------------------
SECRET=$($PY -c "import secrets; print(secrets.token_urlsafe(60))")
site_env=(DJANGO_ENV=production "SECRET_KEY=$SECRET" DEBUG=0 ALLOWED_HOSTS=127.0.0.1,localhost
    "DATABASE_URL=$PG_ROOT/kc_compare" "STATIC_ROOT=$WORK/site-static" "MEDIA_ROOT=$WORK/site-media"
    "EMAIL_FILE_PATH=$WORK/mail" TASKS_QUEUE=0 CONN_MAX_AGE=60 PAGE_CACHE_SECONDS=0
    SECURE_SSL_REDIRECT=0 "CACHE_URL=${COMPARE_CACHE_URL:-locmemcache://kc-compare}"
    FRAGMENT_CACHE_SECONDS=3600)  # as in production (README): fragments cached, pages not
if [ "$(fresh_db kc_compare)" = 1 ]; then
    say "this site: migrate, demo content, $METHODS methods (database search), static files"
    env "${site_env[@]}" $PY manage.py migrate --noinput -v 0
    env "${site_env[@]}" $PY manage.py load_demo >/dev/null
    env "${site_env[@]}" $PY manage.py collectstatic --noinput -v 0
    $PY ops/bench_methods.py "$METHODS" "$WORK/methods.json"
    env "${site_env[@]}" $PY manage.py import_methods "$WORK/methods.json" | tail -n 1
fi

# --- the demo ----------------------------------------------------------------------------------
DVENV=$WORK/bakerydemo-venv
if [ ! -x "$DVENV/bin/gunicorn" ] || [ "${COMPARE_REUSE:-}" != 1 ]; then
    DPY=""  # the newest Python that runs (pyenv shims exist for versions that are not active)
    for candidate in python3.13 python3.12 "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[23]*/bin/python3 python3.11; do
        if "$candidate" -c 'import venv' >/dev/null 2>&1; then DPY=$candidate; break; fi
    done
    [ -n "$DPY" ] || { echo "[compare] no Python 3.11+ found" >&2; exit 1; }
    say "bakerydemo: virtualenv with $($DPY --version)"
    rm -rf "$DVENV"
    "$DPY" -m venv "$DVENV"
    requirements=$WORK/bakerydemo-requirements.txt
    cp "$DEMO/requirements/base.txt" "$requirements"
    if ! "$DPY" -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then
        # Django 6 needs Python 3.12; Wagtail 7.4 runs on Django 5.2 LTS, the latest this Python has.
        sed -i 's/^Django[<>=].*/Django>=5.2,<5.3/' "$requirements"
        say "  (no Python 3.12 here: the demo runs on Django 5.2 instead of 6.0)"
    fi
    "$DVENV/bin/pip" install -q --disable-pip-version-check -r "$requirements" \
        "psycopg[binary]>=3.2" "whitenoise>=6.7" "gunicorn>=23" >"$WORK/bakerydemo-pip.log" 2>&1 \
        || { tail -20 "$WORK/bakerydemo-pip.log"; exit 1; }
fi
demo_env=(DJANGO_SETTINGS_MODULE=bakerydemo.settings.production "DJANGO_SECRET_KEY=$SECRET"
    DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost "DATABASE_URL=$PG_ROOT/bakerydemo_compare"
    "MEDIA_ROOT=$WORK/demo-media")
if [ "$(fresh_db bakerydemo_compare)" = 1 ]; then
    say "bakerydemo: migrate, load_initial_data, static files"
    (cd "$DEMO" && env "${demo_env[@]}" "$DVENV/bin/python" manage.py migrate --noinput -v 0 \
        && env "${demo_env[@]}" "$DVENV/bin/python" manage.py load_initial_data >/dev/null \
        && env "${demo_env[@]}" "$DVENV/bin/python" manage.py collectstatic --noinput -v 0)
fi

# --- the pages ---------------------------------------------------------------------------------
site_paths=$(env "${site_env[@]}" $PY manage.py shell -v 0 -c "
from events.models import EventPage
from methodbank.library.models import FilmPage, ReferenceLibraryPage
from methodbank.models import MethodFinderPage, MethodPage
def url(model):
    return model.objects.live().public().filter(locale__language_code='sv').order_by('pk').first().url
finder = url(MethodFinderPage)
method = MethodPage.objects.live().filter(slug__endswith='-b7').first() or MethodPage.objects.live().first()
print(method.url, finder, finder + '?q=fr%C3%A5nvaro+i+skolan', '/', url(EventPage), url(FilmPage), url(ReferenceLibraryPage))
" | tail -n 1)
demo_paths=$(cd "$DEMO" && env "${demo_env[@]}" "$DVENV/bin/python" manage.py shell -v 0 -c "
from bakerydemo.breads.models import BreadPage
from bakerydemo.blog.models import BlogPage, BlogIndexPage
from bakerydemo.locations.models import LocationPage
print(BreadPage.objects.live().first().url, '/breads/', '/search/?q=bread', '/',
      LocationPage.objects.live().first().url, BlogPage.objects.live().first().url,
      BlogIndexPage.objects.live().first().url)
" | tail -n 1)
read -r s_method s_finder s_search s_home s_event s_film s_refs <<<"$site_paths"
read -r d_bread d_breads d_search d_home d_location d_blog d_blogs <<<"$demo_paths"
PAIRS=(
    "method page|$s_method|bread page|$d_bread"
    "method page|$s_method|blog post|$d_blog"
    "finder|$s_finder|breads index|$d_breads"
    "finder with search text|$s_search|search|$d_search"
    "home|$s_home|home|$d_home"
    "event page|$s_event|location page|$d_location"
    "film page|$s_film|blog post|$d_blog"
    "reference list|$s_refs|blog index|$d_blogs"
)

count_queries() {  # python, directory, settings env…; reads paths on stdin: "queries bytes" per path
    local python=$1 dir=$2; shift 2
    (cd "$dir" && env "$@" "$python" manage.py shell -v 0 -c "
import sys
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST='127.0.0.1')
for path in sys.stdin.read().split():
    client.get(path, secure=True); client.get(path, secure=True)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, secure=True)
    print(path, len(queries), len(response.content), response.status_code)
")
}
printf '%s\n' "${PAIRS[@]}" | cut -d'|' -f2 | count_queries "$PY" "$REPO" "${site_env[@]}" >"$WORK/site-queries.txt"
printf '%s\n' "${PAIRS[@]}" | cut -d'|' -f4 \
    | count_queries "$DVENV/bin/python" "$DEMO" "${demo_env[@]}" >"$WORK/demo-queries.txt"

free_port() { $PY -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"; }
SITE_PORT=$(free_port); DEMO_PORT=$(free_port)
say "gunicorn: $WORKERS workers each; this site on :$SITE_PORT, bakerydemo on :$DEMO_PORT"
env "${site_env[@]}" $PY -m gunicorn kcsite.wsgi --bind "127.0.0.1:$SITE_PORT" --workers "$WORKERS" \
    --control-socket "$WORK/site-gunicorn.ctl" --access-logfile /dev/null --error-logfile "$WORK/site-gunicorn.log" &
SITE_PID=$!
(cd "$DEMO" && exec env "${demo_env[@]}" "$DVENV/bin/gunicorn" bakerydemo.wsgi --bind "127.0.0.1:$DEMO_PORT" \
    --workers "$WORKERS" --control-socket "$WORK/demo-gunicorn.ctl" --access-logfile /dev/null \
    --error-logfile "$WORK/demo-gunicorn.log") &
DEMO_PID=$!
trap 'kill $SITE_PID $DEMO_PID 2>/dev/null || true' EXIT
for port in "$SITE_PORT" "$DEMO_PORT"; do
    for _ in $(seq 100); do
        curl -s -o /dev/null "http://127.0.0.1:$port/" && break
        sleep 0.3
    done
done

say "load: each pair interleaved, 1 and $CLIENTS clients, $REQUESTS requests per target (load: $(cut -d' ' -f1-3 /proc/loadavg))"
RESULTS=$WORK/results.jsonl
: >"$RESULTS"
for clients in 1 "$CLIENTS"; do
    for pair in "${PAIRS[@]}"; do
        IFS='|' read -r s_name s_path d_name d_path <<<"$pair"
        $PY ops/loadgen.py --clients "$clients" --requests "$REQUESTS" --round 25 \
            "site=http://127.0.0.1:$SITE_PORT$s_path" "demo=http://127.0.0.1:$DEMO_PORT$d_path" \
            | $PY -c "import json,sys; print(json.dumps({'clients': $clients, 'pair': sys.argv[1:], 'load': open('/proc/loadavg').read().split()[:3], 'results': json.load(sys.stdin)}))" \
                "$s_name" "$s_path" "$d_name" "$d_path" >>"$RESULTS"
    done
done
kill "$SITE_PID" "$DEMO_PID" 2>/dev/null || true
wait "$SITE_PID" "$DEMO_PID" 2>/dev/null || true
trap - EXIT

$PY - "$RESULTS" "$WORK/site-queries.txt" "$WORK/demo-queries.txt" "$WORKERS" <<'PY'
import datetime, json, os, platform, sys
results, site_q, demo_q, workers = sys.argv[1:5]
def queries(path):
    return {line.split()[0]: line.split()[1:] for line in open(path) if line.strip()}
site_q, demo_q = queries(site_q), queries(demo_q)
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "")
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
print(f"\n### bakerydemo comparison, {now}\n")
print(f"Machine: {os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}; gunicorn {workers} sync")
print("workers each, PostgreSQL 15, no page cache; targets interleaved in rounds of 25 requests.\n")
print("| clients | this site vs bakerydemo | site req/s (p50 / p95) | demo req/s (p50 / p95) | ratio | SQL queries site / demo | bytes site / demo | load 1/5/15 |")
print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |")
for line in open(results):
    row = json.loads(line)
    s_name, s_path, d_name, d_path = row["pair"]
    site, demo = row["results"]
    print(f"| {row['clients']} | {s_name} vs {d_name} | {site['rps']:.1f} ({site['p50']:.0f} / {site['p95']:.0f} ms) "
          f"| {demo['rps']:.1f} ({demo['p50']:.0f} / {demo['p95']:.0f} ms) | **{site['rps'] / demo['rps']:.2f}×** "
          f"| {site_q.get(s_path, ['?'])[0]} / {demo_q.get(d_path, ['?'])[0]} "
          f"| {site['bytes']} / {demo['bytes']} | {' '.join(row['load'])} |")
PY

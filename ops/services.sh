#!/usr/bin/env bash
# Test services on loopback: PostgreSQL 15, an OpenSearch 2.19 node (ops/opensearch/), Redis
# (Debian's redis-server: page cache, fragment cache, rate limits) and S3Proxy 2.6.0 (an
# S3-compatible object store on the local disk, from Maven Central, for media and documents).
#
#   bash ops/services.sh start    # install/build what is missing, start all four (reuses running ones)
#   bash ops/services.sh status   # exit 0 when all answer
#   bash ops/services.sh stop
#   bash ops/services.sh start-opensearch / stop-opensearch   # the OpenSearch node alone
#
# After start, <state dir>/env holds TEST_DATABASE_URL, TEST_OPENSEARCH_URL, TEST_CACHE_URL and
# TEST_S3_ENDPOINT_URL, TEST_S3_ACCESS_KEY_ID, TEST_S3_SECRET_ACCESS_KEY (for `source`).
# Environment: KC_SERVICES_DIR (default <repo>/var/services), KC_PG_PORT (54329),
# KC_OPENSEARCH_PORT (9250; transport on KC_OPENSEARCH_TRANSPORT_PORT, default +100),
# KC_OPENSEARCH_JAVA_OPTS (default -Xms512m -Xmx768m), KC_REDIS_PORT (6389), KC_S3_PORT (9290),
# KC_S3_JAVA_OPTS (default -Xmx256m), KC_SERVICES_TIMEOUT (120 s per service).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=${KC_SERVICES_DIR:-$REPO/var/services}
PG_PORT=${KC_PG_PORT:-54329}
OS_PORT=${KC_OPENSEARCH_PORT:-9250}
OS_TRANSPORT_PORT=${KC_OPENSEARCH_TRANSPORT_PORT:-$((OS_PORT + 100))}
OS_JAVA_OPTS=${KC_OPENSEARCH_JAVA_OPTS:--Xms512m -Xmx768m}
REDIS_PORT=${KC_REDIS_PORT:-6389}
S3_PORT=${KC_S3_PORT:-9290}
S3_JAVA_OPTS=${KC_S3_JAVA_OPTS:--Xmx256m}
S3_VERSION=2.6.0
PG_BIN=/usr/lib/postgresql/15/bin
OS_DIR=$REPO/ops/opensearch
START_TIMEOUT=${KC_SERVICES_TIMEOUT:-120}  # seconds, per service

say() { echo "[services] $*"; }
die() {  # message [log file]: print the message and the log's last lines, then fail
    echo "[services] ERROR: $1" >&2
    if [ -n "${2:-}" ] && [ -f "$2" ]; then
        if grep -Eq 'ERROR|FATAL|Exception:' "$2"; then
            echo "[services] errors in $2:" >&2
            grep -E 'ERROR|FATAL|Exception:' "$2" | tail -n 6 | cut -c1-300 | sed 's/^/    /' >&2
        fi
        echo "[services] last lines of $2:" >&2
        tail -n 20 "$2" | cut -c1-300 | sed 's/^/    /' >&2
    fi
    exit 1
}
is_root() { [ "$(id -u)" = 0 ]; }
apt_install() {  # packages…
    is_root || die "missing $*: install it (apt-get install $*) or run this as root"
    say "installing $* with apt (first time only, ~1 min)…"
    { [ -n "${APT_UPDATED:-}" ] || apt-get update -qq; } >"$STATE/apt.log" 2>&1 && APT_UPDATED=1 \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >>"$STATE/apt.log" 2>&1 \
        || die "apt-get install $* failed" "$STATE/apt.log"
}
apt_install_stopped() {  # packages…: install a server package without letting Debian start it
    # (a temporary policy-rc.d, the standard switch; removed even if the install fails)
    local blocked=""
    if is_root && [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
        blocked=1; trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    apt_install "$@"
    if [ -n "$blocked" ]; then rm -f /usr/sbin/policy-rc.d; trap - EXIT; fi
}
need_java() { command -v java >/dev/null && command -v mvn >/dev/null || apt_install openjdk-17-jdk-headless maven; }

# --- our own processes: pid files, waiting, stopping -------------------------------------------
pid_from() {  # pid file, pattern: print the pid if that process runs and its command matches
    local pid
    [ -f "$1" ] && pid=$(cat "$1") && [ -n "$pid" ] && grep -qs "$2" "/proc/$pid/cmdline" && echo "$pid"
}
wait_until() {  # name, check command, pid, pid file, log: wait for check; fail if the process dies
    local name=$1 check=$2 pid=$3 pidfile=$4 log=$5 waited=0
    until $check; do
        kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; die "$name exited while starting" "$log"; }
        if [ "$waited" -ge "$START_TIMEOUT" ]; then
            kill -TERM "$pid" 2>/dev/null || true
            rm -f "$pidfile"
            die "$name was not ready within ${START_TIMEOUT}s (stopped it)" "$log"
        fi
        [ "$waited" -gt 0 ] && [ $((waited % 10)) -eq 0 ] && say "  …waiting for $name (${waited}s)"
        sleep 1; waited=$((waited + 1))
    done
}
stop_pid() {  # name, pid (may be empty), pid file: TERM, wait up to 30 s, then KILL
    local name=$1 pid=$2
    if [ -n "$pid" ]; then
        say "stopping $name (pid $pid)…"
        kill -TERM "$pid"
        for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        if kill -0 "$pid" 2>/dev/null; then say "$name did not stop in 30s, killing it"; kill -KILL "$pid" || true; fi
    fi
    rm -f "$3"
    say "$name stopped"
}

# --- PostgreSQL --------------------------------------------------------------------------------
# PostgreSQL refuses to run as root, so as root its binaries run as the system user `postgres`,
# which must own the data directory and be able to reach it. The data lives in <state>/pg when
# `postgres` can traverse every directory down to the state dir (the usual case); otherwise (a
# repo under a private home, a 077 umask) it goes to /tmp/kc-services-<uid>-<hash of state dir>/pg,
# whose parents everyone can traverse. The chosen place is remembered in <state>/pg-home so that
# status and stop find it again. Unix sockets are off (their paths have a ~100 byte limit):
# everything, psql included, goes through TCP on 127.0.0.1 with trust auth.
pg() {  # run a PostgreSQL binary as the right user
    local bin=$1; shift
    # from /, since `postgres` may not reach the caller's directory; without the lock's fd 9
    if is_root; then (cd / && runuser -u postgres -- "$PG_BIN/$bin" "$@" 9>&-); else "$PG_BIN/$bin" "$@" 9>&-; fi
}
pg_home() {
    if [ -f "$STATE/pg-home" ]; then cat "$STATE/pg-home"; return; fi
    if ! is_root || runuser -u postgres -- test -x "$STATE" 2>/dev/null; then
        echo "$STATE/pg"
    else
        echo "/tmp/kc-services-$(id -u)-$(printf %s "$STATE" | sha1sum | cut -c1-10)/pg"
    fi
}
psql_kc() {  # psql as the superuser kc, over TCP
    PGPASSWORD=kc PGOPTIONS='-c client_min_messages=warning' "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U kc -X -q -At -v ON_ERROR_STOP=1 "$@"
}
pg_running() { local home; home=$(pg_home); [ -f "$home/data/PG_VERSION" ] && pg pg_ctl -D "$home/data" status >/dev/null 2>&1; }
pg_answers() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; }

start_postgres() {
    # Debian's package also creates a cluster "main" on 5432; we use our own data directory.
    [ -x "$PG_BIN/initdb" ] || apt_install_stopped postgresql-15 postgresql-client-15
    local home data log
    home=$(pg_home); data=$home/data; log=$home/postgres.log
    echo "$home" >"$STATE/pg-home"
    mkdir -p "$home"
    [ "$home" = "$STATE/pg" ] || chmod 755 "$(dirname "$home")"  # /tmp/kc-services-…, even with umask 077
    if is_root; then chown postgres:postgres "$home"; fi
    chmod 700 "$home"
    ln -sfn "$log" "$STATE/postgres.log"

    if pg_running; then
        say "PostgreSQL already running (data $data), reusing it"
    else
        if [ ! -f "$data/PG_VERSION" ]; then
            say "initialising PostgreSQL data directory $data…"
            pg initdb -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 --auth=trust >"$home/initdb.log" 2>&1 \
                || die "initdb failed" "$home/initdb.log"
            echo "include_if_exists = 'kc.conf'" >>"$data/postgresql.conf"
        fi
        # Rewritten on every start so that a changed KC_PG_PORT takes effect. Test speed over safety.
        cat >"$data/kc.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
shared_buffers = 128MB
EOF
        if is_root; then chown postgres:postgres "$data/kc.conf"; fi
        pg_answers && die "port $PG_PORT already answers, but not for $data (set KC_PG_PORT)"
        say "starting PostgreSQL 15 on 127.0.0.1:$PG_PORT…"
        pg pg_ctl -D "$data" -l "$log" -w -t "$START_TIMEOUT" start >/dev/null \
            || die "PostgreSQL did not start within ${START_TIMEOUT}s" "$log"
    fi
    for _ in $(seq 30); do pg_answers && break; sleep 1; done
    pg_answers || die "PostgreSQL does not answer on 127.0.0.1:$PG_PORT" "$log"

    # The superuser kc (password kc) runs the tests and creates their test_* databases.
    "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q -v ON_ERROR_STOP=1 -d postgres >/dev/null <<'SQL' \
        || die "could not create the role kc" "$log"
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kc') THEN
    CREATE ROLE kc LOGIN SUPERUSER CREATEDB PASSWORD 'kc';
  END IF;
END $$;
SQL
    # unaccent and pg_trgm (contrib) must be creatable: check in a scratch database.
    psql_kc -d postgres -c 'DROP DATABASE IF EXISTS kc_services_check' -c 'CREATE DATABASE kc_services_check' \
        && psql_kc -d kc_services_check -c 'CREATE EXTENSION unaccent' -c 'CREATE EXTENSION pg_trgm' \
            -c "SELECT unaccent('närvaro'), similarity('frånvaro', 'franvaro')" >/dev/null \
        && psql_kc -d postgres -c 'DROP DATABASE kc_services_check' \
        || die "the unaccent/pg_trgm extensions are not available (Debian's postgresql-15 ships them)"
    say "PostgreSQL ready on 127.0.0.1:$PG_PORT (superuser kc/kc; unaccent, pg_trgm available)"
}

stop_postgres() {
    local home; home=$(pg_home)
    if pg_running; then
        say "stopping PostgreSQL…"
        pg pg_ctl -D "$home/data" -m fast -w -t 60 stop >/dev/null || die "PostgreSQL did not stop" "$home/postgres.log"
    fi
    say "PostgreSQL stopped"
}

# --- OpenSearch --------------------------------------------------------------------------------
os_pid() { pid_from "$OS_PID" kc.opensearch.Main; }
os_health() { curl -fsS -m 5 "http://127.0.0.1:$OS_PORT/_cluster/health" 2>/dev/null; }
os_healthy() { os_health | grep -Eq '"cluster_name":"kc-test".*"status":"(green|yellow)"'; }

build_opensearch() {
    need_java
    local jar=$OS_DIR/target/kc-opensearch.jar
    if [ -f "$jar" ] && [ -f "$OS_DIR/target/lib/.complete" ] \
        && [ -z "$(find "$OS_DIR/pom.xml" "$OS_DIR/src" -newer "$jar" -print -quit)" ]; then
        return
    fi
    say "building OpenSearch runner in ops/opensearch (first time ~30 s: ~60 MB from Maven Central)…"
    rm -rf "$OS_DIR/target"
    (cd "$OS_DIR" && mvn -q -B package dependency:copy-dependencies) >"$STATE/opensearch-build.log" 2>&1 \
        || die "the OpenSearch runner did not build" "$STATE/opensearch-build.log"
    touch "$OS_DIR/target/lib/.complete"
}

start_opensearch() {
    command -v curl >/dev/null || apt_install curl
    local pid
    if pid=$(os_pid); then
        say "OpenSearch already running (pid $pid), reusing it"
    else
        os_health >/dev/null && die "port $OS_PORT already answers, but not for our node (set KC_OPENSEARCH_PORT)"
        build_opensearch
        say "starting OpenSearch 2.19 on 127.0.0.1:$OS_PORT (transport $OS_TRANSPORT_PORT)…"
        mkdir -p "$STATE/opensearch/tmp"
        # OpenSearch's own jvm.options, in short. setsid: the node outlives the calling shell.
        # shellcheck disable=SC2086
        setsid java $OS_JAVA_OPTS -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -XX:-OmitStackTraceInFastThrow \
            -Dfile.encoding=UTF-8 -Djava.awt.headless=true -Djna.nosys=true \
            -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true \
            -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true \
            -Dio.netty.recycler.maxCapacityPerThread=0 -Dio.netty.allocator.numDirectArenas=0 \
            -Djava.io.tmpdir="$STATE/opensearch/tmp" \
            -Dkc.home="$STATE/opensearch" -Dkc.http.port="$OS_PORT" -Dkc.transport.port="$OS_TRANSPORT_PORT" \
            -Dkc.cluster.name=kc-test \
            -cp "$OS_DIR/target/kc-opensearch.jar:$OS_DIR/target/lib/*" kc.opensearch.Main \
            >"$OS_LOG" 2>&1 </dev/null 9>&- &
        pid=$!
        echo "$pid" >"$OS_PID"
    fi
    wait_until OpenSearch os_healthy "$pid" "$OS_PID" "$OS_LOG"  # yellow or green
    say "OpenSearch ready on http://127.0.0.1:$OS_PORT (cluster kc-test, pid $pid)"
}

stop_opensearch() { stop_pid OpenSearch "$(os_pid)" "$OS_PID"; }

# --- Redis -------------------------------------------------------------------------------------
# Debian's redis-server, started by hand (not the system service) on loopback with its own port,
# without persistence: a cache. Pid, log and working directory in <state>/redis.
redis_cli() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" "$@"; }
redis_pid() { pid_from "$STATE/redis/redis.pid" redis-server; }
redis_answers() { [ "$(redis_cli ping 2>/dev/null)" = PONG ]; }

start_redis() {
    # Debian's package would also start the system's Redis on 6379: kept stopped.
    command -v redis-server >/dev/null && command -v redis-cli >/dev/null || apt_install_stopped redis-server
    mkdir -p "$STATE/redis"
    local pid
    if pid=$(redis_pid); then
        say "Redis already running (pid $pid), reusing it"
    else
        redis_answers && die "port $REDIS_PORT already answers, but not for our Redis (set KC_REDIS_PORT)"
        say "starting Redis on 127.0.0.1:$REDIS_PORT…"
        redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --protected-mode yes --daemonize yes \
            --pidfile "$STATE/redis/redis.pid" --logfile "$STATE/redis/redis.log" --dir "$STATE/redis" \
            --save "" --appendonly no --maxmemory 256mb --maxmemory-policy allkeys-lru 9>&- \
            || die "redis-server did not start" "$STATE/redis/redis.log"
    fi
    for _ in $(seq "$START_TIMEOUT"); do redis_answers && break; sleep 1; done
    redis_answers || die "Redis does not answer on 127.0.0.1:$REDIS_PORT" "$STATE/redis/redis.log"
    say "Redis ready on 127.0.0.1:$REDIS_PORT"
}

stop_redis() { stop_pid Redis "$(redis_pid)" "$STATE/redis/redis.pid"; }

# --- S3Proxy (S3-compatible object storage) ----------------------------------------------------
# org.gaul:s3proxy from Maven Central (the jar with its dependencies), run on the installed Java
# with jclouds' "filesystem" provider: buckets are folders under <state>/s3/data. Access key kc,
# secret kc-secret-key; path-style addresses (http://127.0.0.1:PORT/bucket/key).
S3_JAR_NAME=s3proxy-$S3_VERSION-jar-with-dependencies.jar
s3_pid() { pid_from "$STATE/s3/s3proxy.pid" org.gaul.s3proxy; }
s3_answers() { curl -s -o /dev/null -m 5 "http://127.0.0.1:$S3_PORT/" 2>/dev/null; }

fetch_s3proxy() {
    need_java
    [ -f "$STATE/s3/lib/$S3_JAR_NAME" ] && return
    say "fetching S3Proxy $S3_VERSION from Maven Central (first time: ~40 MB)…"
    mkdir -p "$STATE/s3/lib"
    mvn -q -B dependency:copy -Dartifact="org.gaul:s3proxy:$S3_VERSION:jar:jar-with-dependencies" \
        -DoutputDirectory="$STATE/s3/lib" >"$STATE/s3proxy-fetch.log" 2>&1 \
        && [ -f "$STATE/s3/lib/$S3_JAR_NAME" ] \
        || die "could not fetch org.gaul:s3proxy:$S3_VERSION" "$STATE/s3proxy-fetch.log"
}

start_s3proxy() {
    command -v curl >/dev/null || apt_install curl
    local pid
    mkdir -p "$STATE/s3/data" "$STATE/s3/tmp"
    if pid=$(s3_pid); then
        say "S3Proxy already running (pid $pid), reusing it"
    else
        s3_answers && die "port $S3_PORT already answers, but not for our S3Proxy (set KC_S3_PORT)"
        fetch_s3proxy
        printf '%s\n' "s3proxy.endpoint=http://127.0.0.1:$S3_PORT" \
            "s3proxy.authorization=aws-v2-or-v4" "s3proxy.identity=kc" \
            "s3proxy.credential=kc-secret-key" "jclouds.provider=filesystem" \
            "jclouds.filesystem.basedir=$STATE/s3/data" >"$STATE/s3/s3proxy.conf"
        say "starting S3Proxy $S3_VERSION on 127.0.0.1:$S3_PORT…"
        # shellcheck disable=SC2086
        setsid java $S3_JAVA_OPTS -Djava.io.tmpdir="$STATE/s3/tmp" \
            -cp "$STATE/s3/lib/$S3_JAR_NAME" org.gaul.s3proxy.Main --properties "$STATE/s3/s3proxy.conf" \
            >"$STATE/s3/s3proxy.log" 2>&1 </dev/null 9>&- &
        pid=$!
        echo "$pid" >"$STATE/s3/s3proxy.pid"
    fi
    wait_until S3Proxy s3_answers "$pid" "$STATE/s3/s3proxy.pid" "$STATE/s3/s3proxy.log"
    say "S3Proxy ready on http://127.0.0.1:$S3_PORT (pid $pid)"
}

stop_s3proxy() { stop_pid S3Proxy "$(s3_pid)" "$STATE/s3/s3proxy.pid"; }

# --- main --------------------------------------------------------------------------------------

mkdir -p "$STATE"
STATE=$(cd "$STATE" && pwd)
OS_PID=$STATE/opensearch.pid
OS_LOG=$STATE/opensearch.log
ENV_FILE=$STATE/env
lock() { exec 9>"$STATE/.lock"; flock 9; }  # one start/stop at a time (children get no fd 9)
set_env() {  # NAME VALUE: set one line of the env file, keeping the others
    { [ -f "$ENV_FILE" ] && grep -v "^$1=" "$ENV_FILE"; echo "$1=$2"; } >"$ENV_FILE.new" || true
    mv "$ENV_FILE.new" "$ENV_FILE"
}

case "${1:-}" in
    start)  # start [postgres|opensearch|redis|s3]…: all four when none is named
        lock
        shift
        [ $# -gt 0 ] || set -- postgres opensearch redis s3
        for service in "$@"; do
            case $service in
                postgres) start_postgres
                    set_env TEST_DATABASE_URL "postgres://kc:kc@127.0.0.1:$PG_PORT/postgres" ;;
                opensearch) start_opensearch; set_env TEST_OPENSEARCH_URL "http://127.0.0.1:$OS_PORT" ;;
                redis) start_redis; set_env TEST_CACHE_URL "redis://127.0.0.1:$REDIS_PORT/0" ;;
                s3) start_s3proxy; set_env TEST_S3_ENDPOINT_URL "http://127.0.0.1:$S3_PORT"
                    set_env TEST_S3_ACCESS_KEY_ID kc; set_env TEST_S3_SECRET_ACCESS_KEY kc-secret-key ;;
                *) die "unknown service $service (postgres, opensearch, redis, s3)" ;;
            esac
        done
        say "ready; settings in $ENV_FILE"
        ;;
    start-opensearch)  # an OpenSearch node alone (e.g. a private one for the frozen-cluster test)
        lock
        start_opensearch
        ;;
    stop-opensearch)
        lock
        stop_opensearch
        ;;
    stop)
        lock
        stop_s3proxy
        stop_redis
        stop_opensearch
        stop_postgres
        rm -f "$ENV_FILE"
        ;;
    status)
        ok=0
        if pg_answers; then say "PostgreSQL: up on 127.0.0.1:$PG_PORT (data $(pg_home)/data)"
        else say "PostgreSQL: down"; ok=1; fi
        if pid=$(os_pid) && os_healthy; then
            say "OpenSearch: up on http://127.0.0.1:$OS_PORT (pid $pid, $(os_health | grep -o '"status":"[a-z]*"'))"
        elif pid=$(os_pid); then say "OpenSearch: process $pid runs but does not answer on $OS_PORT"; ok=1
        else say "OpenSearch: down"; ok=1; fi
        if redis_answers; then say "Redis: up on 127.0.0.1:$REDIS_PORT"
        else say "Redis: down"; ok=1; fi
        if pid=$(s3_pid) && s3_answers; then say "S3Proxy: up on http://127.0.0.1:$S3_PORT (pid $pid)"
        else say "S3Proxy: down"; ok=1; fi
        exit $ok
        ;;
    *)
        echo "usage: bash ops/services.sh start [postgres|opensearch|redis|s3]…|stop|status|start-opensearch|stop-opensearch" >&2
        exit 2
        ;;
esac

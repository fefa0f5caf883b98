#!/usr/bin/env bash
# `make test`: lint, then the whole suite on SQLite, again on PostgreSQL 15 with OpenSearch 2.19
# as the search backend, Redis as the cache and S3Proxy as the object storage (all started here
# and stopped afterwards), then the browser tests.
# Prints how many tests ran against each backend. CI=true turns missing-service skips into failures.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
mkdir -p var/test-reports
rm -f var/test-reports/*
declare -A RESULT
status=0

summary_of() {  # "passed failed skipped total" of one pytest run, read from its JUnit report
    $PY - "$1" <<'PYEOF'
import sys, xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except (OSError, ET.ParseError):
    print("0 0 0 0"); raise SystemExit
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
total = sum(int(s.get("tests", 0)) for s in suites)
failed = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
skipped = sum(int(s.get("skipped", 0)) for s in suites)
print(total - failed - skipped, failed, skipped, total)
PYEOF
}

run_pytest() {  # name, then pytest arguments
    local name=$1; shift
    echo
    echo "==> [$name] pytest $*"
    $PY -m pytest --junitxml="var/test-reports/$name.xml" "$@"
    # any non-zero exit fails the run, including 5 (nothing collected): every run must test something
    [ $? -eq 0 ] || status=1
    RESULT[$name]=$(summary_of "var/test-reports/$name.xml")
}

echo "==> [lint] ruff"
if ! .venv/bin/ruff check . || ! .venv/bin/ruff format --check .; then
    echo "ruff found problems (run 'make format')"; status=1
fi

echo "==> [setup] Debian packages: chromium (browser tests; the demo film's ffmpeg comes from imageio-ffmpeg), nginx (the shipped nginx configuration in front of the app)"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null) \
            || echo "could not install ${missing[*]}"
    else
        echo "missing: ${missing[*]} — install these Debian packages to run the browser and nginx tests"
    fi
fi

run_pytest sqlite -m "not postgres and not opensearch and not redis and not s3 and not browser"

echo
echo "==> [services] starting PostgreSQL 15, OpenSearch 2.19, Redis and S3Proxy"
if bash ops/services.sh start; then
    set -a
    # shellcheck disable=SC1091
    source var/services/env
    set +a
    # The production topology: Redis for the page cache, fragment cache and rate limits, and
    # media and documents in S3-compatible object storage (each run under its own key prefix).
    DATABASE_URL=$TEST_DATABASE_URL ELASTICSEARCH_URL=$TEST_OPENSEARCH_URL SEARCH_ENGINE=opensearch2 \
        CACHE_URL=$TEST_CACHE_URL S3_BUCKET=kc-test S3_ENDPOINT_URL=$TEST_S3_ENDPOINT_URL \
        S3_ACCESS_KEY_ID=$TEST_S3_ACCESS_KEY_ID S3_SECRET_ACCESS_KEY=$TEST_S3_SECRET_ACCESS_KEY \
        run_pytest postgres-opensearch -m "not browser and not frozen_cluster"
    # Last, alone: the test node itself is frozen with SIGSTOP (and let go on) to show that a
    # cluster that hangs costs one short timeout, then the circuit breaker answers.
    DATABASE_URL=$TEST_DATABASE_URL ELASTICSEARCH_URL=$TEST_OPENSEARCH_URL SEARCH_ENGINE=opensearch2 \
        KC_FREEZE_OPENSEARCH_DIR=var/services KC_FREEZE_OPENSEARCH_URL=$TEST_OPENSEARCH_URL \
        run_pytest frozen-cluster -m frozen_cluster
    [ "${KEEP_SERVICES:-}" = 1 ] || bash ops/services.sh stop || true
else
    echo "services did not start"
    status=1
    RESULT[postgres-opensearch]="0 1 0 1"
fi

run_pytest browser -m browser

echo
echo "==> Summary (tests per backend)"
total_p=0; total_f=0; total_s=0
for name in sqlite postgres-opensearch frozen-cluster browser; do
    read -r p f s t <<<"${RESULT[$name]:-0 0 0 0}"
    printf '  %-22s %4d passed, %d failed, %d skipped (of %d)\n' "$name" "$p" "$f" "$s" "$t"
    total_p=$((total_p + p)); total_f=$((total_f + f)); total_s=$((total_s + s))
done
for report in var/test-reports/*.txt; do [ -f "$report" ] && { echo; cat "$report"; }; done
echo
echo "total: $total_p passed, $total_f failed, $total_s skipped"
exit $status

#!/usr/bin/env bash
# The search benchmark of issue 3 (docs/benchmarks.md). One command, from the repository root:
#
#     src/test/bench/search-benchmark.sh [N=100000]
#
# 1. packages the WAR and the test classes (mvn -o, tests skipped),
# 2. in-process: generates N resources over 練馬区's real towns, builds a Lucene index, times the
#    query mixes (org.tsunagu.bench.SearchBenchmark),
# 3. HTTP: starts Payara Micro on 127.0.0.1:$BENCH_PORT with a fresh data dir, imports centers,
#    towns and the N resources, waits for the index, then drives each mix with wrk from a second
#    process (warm-up, then $BENCH_SECONDS s at $BENCH_CONNECTIONS connections and a 1-connection run),
# 4. prints a summary (also written to target/bench/summary.txt) and stops the server.
#
# Needs: JDK 17, Maven (offline repo is enough), curl, wrk (Debian: apt-get install wrk), ../shared.
# Environment: BENCH_PORT (8282), BENCH_SECONDS (30), BENCH_CONNECTIONS (16), BENCH_THREADS (2),
# BENCH_LOW_SECONDS (15), BENCH_QUERIES (3000 per mix), BENCH_HEAP (-Xmx1g), TSUNAGU_SHARED (../shared).
# Both halves run with the result cache off (-Dtsunagu.search.cache=0): the query lists repeat, and the
# numbers are meant to measure the engine, not the cache.
set -euo pipefail

N=${1:-100000}
PORT=${BENCH_PORT:-8282}
SECONDS_PER_RUN=${BENCH_SECONDS:-30}
LOW_SECONDS=${BENCH_LOW_SECONDS:-15}
WARM_SECONDS=${BENCH_WARM_SECONDS:-30}
CONNS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
QUERIES=${BENCH_QUERIES:-3000}
HEAP=${BENCH_HEAP:--Xmx1g}
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
SHARED=$(cd "${TSUNAGU_SHARED:-../shared}" && pwd)
OUT=$ROOT/target/bench
BASE=http://127.0.0.1:$PORT
command -v wrk >/dev/null || { echo "wrk not found (Debian: apt-get install wrk)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl not found" >&2; exit 1; }

echo "== build"
mvn -B -q -o package -DskipTests
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$ROOT/target/bench.cp" -Dmdep.includeScope=test >/dev/null
CP=$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$ROOT/target/bench.cp")
rm -rf "$OUT" && mkdir -p "$OUT"

echo "== in-process (N=$N, $QUERIES queries per mix)"
java $HEAP -Dtsunagu.search.cache=0 -cp "$CP" org.tsunagu.bench.SearchBenchmark "$OUT" "$N" "$QUERIES" "$SHARED" 2>&1 | grep -v '^SLF4J'
# shellcheck disable=SC1091
source "$OUT/inprocess.env"

echo "== HTTP: Payara Micro on $BASE"
DATA=$(mktemp -d /tmp/tsunagu-bench-data.XXXXXX)
PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
SERVER_PID=
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" && wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$DATA"
}
trap stop_server EXIT
TSUNAGU_DATA_DIR=$DATA TSUNAGU_DEMO=false TSUNAGU_ADMIN_PASSWORD=$PASSWORD TSUNAGU_DB_PASSWORD=$PASSWORD \
    java $HEAP -Dtsunagu.search.cache=0 -jar target/payara-micro.jar --nohazelcast --port "$PORT" --contextroot / \
    --prebootcommandfile config/pre-boot-commands.asadmin --postbootcommandfile config/post-boot-commands.asadmin \
    --deploy target/tsunagu.war >"$OUT/payara.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 240); do
    if curl -fs -o /dev/null "$BASE/health"; then break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died, see $OUT/payara.log" >&2; exit 1; }
    sleep 1
done
curl -fs -o /dev/null "$BASE/health" || { echo "server not ready after 240 s" >&2; exit 1; }

elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
post() { # path file → prints the response; fails on non-2xx
    curl -fsS -u "admin:$PASSWORD" -H 'Content-Type: text/csv' --data-binary "@$2" "$BASE$1"
}
post /api/v1/imports/centers "$OUT/centers.csv" >/dev/null
post /api/v1/imports/towns "$OUT/towns.csv" >/dev/null
echo "centers and towns imported; resources in chunks of 2,000 rows (the API refuses bodies over 1 MiB)"
IMPORT_START=$(date +%s.%N)
for f in "$OUT"/chunks/resources-*.csv; do
    r=$(post '/api/v1/imports/resources?format=tsunagu' "$f")
    case "$r" in *'"rejected":0'*) ;; *) echo "import of $f rejected rows: ${r:0:500}" >&2; exit 1;; esac
done
IMPORT_END=$(date +%s.%N)
IMPORT_S=$(elapsed "$IMPORT_START" "$IMPORT_END")
echo "imported $N resources in ${IMPORT_S} s; waiting for the index"
WAIT_START=$(date +%s.%N)
for i in $(seq 1 1800); do
    s=$(curl -fsS -u "admin:$PASSWORD" "$BASE/api/v1/search/index")
    docs=$(echo "$s" | grep -o '"documents":[0-9]*' | cut -d: -f2)
    pub=$(echo "$s" | grep -o '"published":[0-9]*' | cut -d: -f2)
    if [ "$docs" = "$N" ] && [ "$pub" = "$N" ] && echo "$s" | grep -q '"rebuilding":false'; then break; fi
    sleep 1
done
INDEX_WAIT_S=$(elapsed "$WAIT_START" "$(date +%s.%N)")
[ "$docs" = "$N" ] || { echo "index holds $docs of $N after 30 min: $s" >&2; exit 1; }
echo "index ready (${INDEX_WAIT_S} s after the last import answered): $s"

LUA=$ROOT/src/test/bench/rotate.lua
run_wrk() { # mix threads connections seconds → "rps p50 p99 errors requests"
    wrk -t"$2" -c"$3" -d"$4"s --timeout 5s -s "$LUA" "$BASE" -- "$OUT/queries-$1.txt" 2>&1 | tee -a "$OUT/wrk-$1.log" \
        | grep '^RESULT' | sed 's/^RESULT //'
}
declare -A HTTP
for mix in a b c; do
    echo "-- mix $mix: warm-up ${WARM_SECONDS} s (on 2 cores the JIT needs a while: C2 competes with the requests)"
    run_wrk "$mix" "$THREADS" "$CONNS" "$WARM_SECONDS" >/dev/null
    echo "-- mix $mix: ${SECONDS_PER_RUN} s, $THREADS threads, $CONNS connections"
    HTTP[$mix-load]=$(run_wrk "$mix" "$THREADS" "$CONNS" "$SECONDS_PER_RUN")
    echo "   ${HTTP[$mix-load]}"
    echo "-- mix $mix: ${LOW_SECONDS} s, 1 connection"
    HTTP[$mix-low]=$(run_wrk "$mix" 1 1 "$LOW_SECONDS")
    echo "   ${HTTP[$mix-low]}"
done
stop_server
trap - EXIT

field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }
{
    echo "Tsunagu search benchmark — $(date -Iseconds)"
    echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, $(java -version 2>&1 | head -1)"
    echo "corpus: $N resources over $(($(wc -l <"$OUT/towns.csv") - 1)) towns of 練馬区, $((${UNPARSED_SCHEDULES})) schedules kept as text"
    echo "in-process index build: $BUILD_DOCS docs in $BUILD_S s = $BUILD_DOCS_PER_S docs/s (index $INDEX_MB MB; preparing documents $PREPARE_S s)"
    echo "HTTP import: $N resources in $IMPORT_S s; index complete $INDEX_WAIT_S s after the last chunk"
    printf '%-4s | %-22s | %-36s | %-26s\n' mix "in-process p50/p99 ms" "HTTP ${CONNS}c p50/p99 ms, req/s" "HTTP 1c p50/p99 ms, req/s"
    for mix in a b c; do
        M=$(echo "$mix" | tr a-z A-Z)
        p50v=INPROC_${M}_P50_MS; p99v=INPROC_${M}_P99_MS
        L=${HTTP[$mix-load]}; S=${HTTP[$mix-low]}
        printf '%-4s | %-22s | %-36s | %-26s\n' "$mix" "${!p50v} / ${!p99v}" \
            "$(field "$L" p50_ms) / $(field "$L" p99_ms), $(field "$L" rps) (err $(field "$L" errors))" \
            "$(field "$S" p50_ms) / $(field "$S" p99_ms), $(field "$S" rps)"
    done
} | tee "$OUT/summary.txt"

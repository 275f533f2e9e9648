#!/usr/bin/env bash
# Boot to first 200 on an existing data directory (docs/benchmarks.md "Soak, and 100,000 resources").
# From the repository root, after soak.sh (which leaves its data and a copy of the application):
#
#     src/test/bench/boot.sh [data dir=target/bench-soak/data] [app dir=target/bench-soak/app] [runs=3]
#
# Each run starts Payara Micro (embedded default, --nohazelcast, 127.0.0.1:$BENCH_PORT) on the data
# directory, measures the time from the process start to the first 200 of a resident search and to
# the first 200 of /health/ready, the resident memory (RSS) and the heap in use then and after a
# minute of idling, and stops it (SIGTERM). Prints one line per run, with the load average before it.
# Environment: BENCH_PORT (8285), BENCH_HEAP (-Xmx1g).
set -euo pipefail
cd "$(dirname "$0")/../../.."
DATA=$(cd "${1:-target/bench-soak/data}" && pwd)
APP=$(cd "${2:-target/bench-soak/app}" && pwd)
RUNS=${3:-3}
PORT=${BENCH_PORT:-8285}
HEAP=${BENCH_HEAP:--Xmx1g}
BASE=http://127.0.0.1:$PORT
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; true' EXIT

since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$PID/status"; }
heap_mb() { jcmd "$PID" GC.heap_info 2>/dev/null | awk '/garbage-first heap/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); printf "%.0f", v / 1024 } }'; }

for run in $(seq 1 "$RUNS"); do
    LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
    START=$(date +%s.%N)
    TSUNAGU_DATA_DIR=$DATA java $HEAP -jar "$APP/payara-micro.jar" --nohazelcast --port "$PORT" --contextroot / \
        --prebootcommandfile "$APP/config/pre-boot-commands.asadmin" \
        --postbootcommandfile "$APP/config/post-boot-commands.asadmin" \
        --deploy "$APP/tsunagu.war" >"$DATA/../boot-$run.log" 2>&1 &
    PID=$!
    SEARCH_S=
    READY_S=
    for i in $(seq 1 3000); do
        kill -0 "$PID" 2>/dev/null || { echo "server died, see $DATA/../boot-$run.log" >&2; exit 1; }
        if [ -z "$READY_S" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")" = 200 ]; then
            READY_S=$(since "$START")
        fi
        if [ -z "$SEARCH_S" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/resources?q=%E3%82%B5%E3%83%AD%E3%83%B3")" = 200 ]; then
            SEARCH_S=$(since "$START")
        fi
        [ -n "$SEARCH_S" ] && [ -n "$READY_S" ] && break
        sleep 0.1
    done
    DOCS=$(curl -s "$BASE/api/v1/search/index" -u admin:tsunagu-demo-2026 | grep -o '"documents":[0-9]*' | cut -d: -f2)
    RSS=$(rss_mb); HEAPU=$(heap_mb)
    sleep 60
    jcmd "$PID" GC.run >/dev/null 2>&1
    echo "run $run (load before $LOAD): first 200 of a search ${SEARCH_S} s, /health/ready ${READY_S} s," \
        "index ${DOCS} documents; then RSS ${RSS} MB, heap used ${HEAPU} MB; after 60 s idle and a full GC:" \
        "RSS $(rss_mb) MB, live heap $(heap_mb) MB"
    kill "$PID"; wait "$PID" 2>/dev/null || true
    PID=
done

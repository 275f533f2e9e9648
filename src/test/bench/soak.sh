#!/usr/bin/env bash
# Soak and size test of issue 7 (docs/benchmarks.md "Soak, and 100,000 resources"). From the repository root:
#
#     src/test/bench/soak.sh [N=100000]
#
# 1. packages the WAR and the test classes (mvn -o, tests skipped; BENCH_NO_BUILD=1 skips this),
# 2. generates N resources over 練馬区's real towns and the query mixes of the search benchmark
#    (org.tsunagu.bench.SearchBenchmark, with few queries: only its files are used),
# 3. starts Payara Micro (embedded default: H2 file + local index, the demo municipality ひだまり市) on
#    127.0.0.1:$BENCH_PORT with an SMTP sink (org.tsunagu.bench.MailSink), imports 練馬区's centers,
#    towns and the N resources over HTTP, waits for the index, stops it (SIGTERM),
# 4. starts it again on the same data: "boot to first 200" = process start → first 200 of a search;
#    resident memory (RSS) and heap then,
# 5. soak: for $SOAK_MINUTES minutes, residents searching (the three mixes, $SOAK_SEARCH_CONNECTIONS
#    connections, each pausing $SOAK_SEARCH_THINK_MS ms between requests) and partners filing alerts
#    ($SOAK_ALERT_CONNECTIONS connections, $SOAK_ALERT_THINK_MS ms apart) at the same time; every
#    $SOAK_SAMPLE_SECONDS s a sample of RSS, heap used, threads and open files, and every 5 minutes the
#    live heap after a full GC (jcmd GC.run), into $OUT/samples.tsv,
# 6. reports wrk errors and non-2xx, SEVERE lines in the server log, alerts answered 201 and emails
#    received by the sink, and prints the summary (also $OUT/summary.txt).
#
# Needs: JDK 17 (jcmd), Maven (offline repo is enough), curl, wrk (Debian: apt-get install wrk), ../shared.
# Environment: BENCH_PORT (8284), BENCH_SMTP_PORT (3028), BENCH_HEAP (-Xmx1g), SOAK_MINUTES (30),
# SOAK_SEARCH_CONNECTIONS (8), SOAK_SEARCH_THINK_MS (100), SOAK_ALERT_CONNECTIONS (4),
# SOAK_ALERT_THINK_MS (2000), SOAK_SAMPLE_SECONDS (30), TSUNAGU_SHARED (../shared), BENCH_OUT
# (target/bench-soak: results, data and a copy of the WAR, Payara Micro and the classes).
set -euo pipefail

N=${1:-100000}
PORT=${BENCH_PORT:-8284}
SMTP_PORT=${BENCH_SMTP_PORT:-3028}
HEAP=${BENCH_HEAP:--Xmx1g}
MINUTES=${SOAK_MINUTES:-30}
S_CONNS=${SOAK_SEARCH_CONNECTIONS:-8}
S_THINK=${SOAK_SEARCH_THINK_MS:-100}
A_CONNS=${SOAK_ALERT_CONNECTIONS:-4}
A_THINK=${SOAK_ALERT_THINK_MS:-2000}
SAMPLE=${SOAK_SAMPLE_SECONDS:-30}
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
SHARED=$(cd "${TSUNAGU_SHARED:-../shared}" && pwd)
OUT=${BENCH_OUT:-$ROOT/target/bench-soak}
BASE=http://127.0.0.1:$PORT
DEMO=tsunagu-demo-2026
command -v wrk >/dev/null || { echo "wrk not found (Debian: apt-get install wrk)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl not found" >&2; exit 1; }

if [ -z "${BENCH_NO_BUILD:-}" ]; then
    echo "== build"
    mvn -B -q -o package -DskipTests
fi
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$ROOT/target/bench.cp" -Dmdep.includeScope=test >/dev/null
rm -rf "$OUT" && mkdir -p "$OUT/data" "$OUT/app"
# the run uses copies: a build in the working copy meanwhile (mvn clean) does not pull the floor away
cp -r target/payara-micro.jar target/tsunagu.war target/classes target/test-classes config "$OUT/app/"
CP=$OUT/app/test-classes:$OUT/app/classes:$(cat "$ROOT/target/bench.cp")
echo "load before: $(uptime)" | tee "$OUT/load.txt"

echo "== corpus: $N resources over 練馬区's towns"
java -Xmx1g -Dtsunagu.search.cache=0 -cp "$CP" org.tsunagu.bench.SearchBenchmark "$OUT/corpus" "$N" 300 "$SHARED" \
    >"$OUT/corpus.log" 2>&1

SERVER_PID=
SINK_PID=
stop_all() {
    for pid in $SERVER_PID $SINK_PID; do
        if kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
    done
    SERVER_PID=
    SINK_PID=
}
trap stop_all EXIT

java -Xmx256m -cp "$CP" org.tsunagu.bench.MailSink "$SMTP_PORT" "$OUT/mails.txt" >"$OUT/mailsink.log" 2>&1 &
SINK_PID=$!

start_server() { # log file; sets SERVER_PID and STARTED (epoch s.ns)
    STARTED=$(date +%s.%N)
    TSUNAGU_DATA_DIR=$OUT/data TSUNAGU_SMTP_HOST=127.0.0.1 TSUNAGU_SMTP_PORT=$SMTP_PORT \
        java $HEAP -jar "$OUT/app/payara-micro.jar" --nohazelcast --port "$PORT" --contextroot / \
        --prebootcommandfile "$OUT/app/config/pre-boot-commands.asadmin" \
        --postbootcommandfile "$OUT/app/config/post-boot-commands.asadmin" \
        --deploy "$OUT/app/tsunagu.war" >"$1" 2>&1 &
    SERVER_PID=$!
}
until_200() { # url → seconds since STARTED at the first 200
    for i in $(seq 1 2400); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ]; then
            awk -v a="$STARTED" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'
            return
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died" >&2; exit 1; }
        sleep 0.1
    done
    echo "no 200 from $1 within 240 s" >&2
    exit 1
}
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status"; }
heap_mb() { jcmd "$SERVER_PID" GC.heap_info 2>/dev/null | awk '/garbage-first heap/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); printf "%.0f", v / 1024 } }'; }

echo "== first start, import"
start_server "$OUT/payara-import.log"
until_200 "$BASE/health/ready" >/dev/null
post() { curl -fsS -u "admin:$DEMO" -H 'Content-Type: text/csv' --data-binary "@$2" "$BASE$1"; }
post /api/v1/imports/centers "$OUT/corpus/centers.csv" >/dev/null
post /api/v1/imports/towns "$OUT/corpus/towns.csv" >/dev/null
for f in "$OUT"/corpus/chunks/resources-*.csv; do
    r=$(post '/api/v1/imports/resources?format=tsunagu' "$f")
    case "$r" in *'"rejected":0'*) ;; *) echo "import of $f rejected rows: ${r:0:500}" >&2; exit 1;; esac
done
for i in $(seq 1 600); do
    s=$(curl -fsS -u "admin:$DEMO" "$BASE/api/v1/search/index")
    docs=$(echo "$s" | grep -o '"documents":[0-9]*' | cut -d: -f2)
    if [ "$docs" -ge "$N" ] && echo "$s" | grep -q '"rebuilding":false'; then break; fi
    sleep 1
done
echo "index: $s"
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true

echo "== restart on $docs documents: boot to first 200"
start_server "$OUT/payara.log"
BOOT_S=$(until_200 "$BASE/api/v1/resources?q=%E3%82%B5%E3%83%AD%E3%83%B3")
BOOT_RSS=$(rss_mb); BOOT_HEAP=$(heap_mb)
echo "first 200 of a search ${BOOT_S} s after the process started; RSS ${BOOT_RSS} MB, heap used ${BOOT_HEAP} MB"

printf 'Basic %s\n' "$(printf '%s' "partner:$DEMO" | base64 -w0)" >"$OUT/auth.txt"
cat "$OUT"/corpus/queries-a.txt "$OUT"/corpus/queries-b.txt "$OUT"/corpus/queries-c.txt | shuf --random-source=<(yes) >"$OUT/queries.txt"

echo "== soak: $MINUTES min; search ${S_CONNS}c every ${S_THINK} ms, alerts ${A_CONNS}c every ${A_THINK} ms"
SEARCH_THINK_MS=$S_THINK wrk -t2 -c"$S_CONNS" -d"${MINUTES}m" --timeout 10s -s src/test/bench/rotate.lua "$BASE" \
    -- "$OUT/queries.txt" >"$OUT/wrk-search.log" 2>&1 &
W1=$!
ALERT_THINK_MS=$A_THINK ALERT_RECEIPTS=$OUT/receipts.txt wrk -t1 -c"$A_CONNS" -d"${MINUTES}m" --timeout 10s \
    -s src/test/bench/alert-submit.lua "$BASE" -- "$OUT/auth.txt" "soak-$(date +%s)" >"$OUT/wrk-alerts.log" 2>&1 &
W2=$!
printf 'minute\trss_mb\theap_used_mb\tlive_heap_after_full_gc_mb\tthreads\topen_files\n' >"$OUT/samples.tsv"
T0=$(date +%s)
while kill -0 "$W1" 2>/dev/null || kill -0 "$W2" 2>/dev/null; do
    now=$(date +%s)
    minute=$(awk -v a="$T0" -v b="$now" 'BEGIN { printf "%.1f", (b - a) / 60 }')
    live=-
    if [ $(( (now - T0) % 300 )) -lt "$SAMPLE" ]; then
        jcmd "$SERVER_PID" GC.run >/dev/null 2>&1 && live=$(heap_mb)
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$minute" "$(rss_mb)" "$(heap_mb)" "$live" \
        "$(ls "/proc/$SERVER_PID/task" | wc -l)" "$(ls "/proc/$SERVER_PID/fd" | wc -l)" >>"$OUT/samples.tsv"
    sleep "$SAMPLE"
done
wait "$W1" "$W2" || true
jcmd "$SERVER_PID" GC.run >/dev/null 2>&1
END_LIVE=$(heap_mb); END_RSS=$(rss_mb)
sleep 15 # the outbox sends the last alerts' emails
SEARCH=$(grep '^RESULT' "$OUT/wrk-search.log" | sed 's/^RESULT //')
ALERTS=$(grep '^RESULT' "$OUT/wrk-alerts.log" | sed 's/^RESULT //')
SEVERE=$(grep -c 'SEVERE' "$OUT/payara.log" || true)
RECEIPTS=$(sort -u "$OUT/receipts.txt" | wc -l)
stop_all
trap - EXIT
MAILED=$(cat "$OUT/mails.txt")

{
    echo "Tsunagu soak — $(date -Iseconds)"
    echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, $(java -version 2>&1 | head -1); heap $HEAP"
    cat "$OUT/load.txt"
    echo "data: $docs documents in the index ($N generated over 練馬区 + the demo municipality)"
    echo "boot to first 200 (search): ${BOOT_S} s; RSS ${BOOT_RSS} MB, heap used ${BOOT_HEAP} MB"
    echo "soak ${MINUTES} min — search ${S_CONNS}c/${S_THINK} ms: $SEARCH"
    echo "soak ${MINUTES} min — alerts ${A_CONNS}c/${A_THINK} ms: $ALERTS"
    echo "alerts answered 201: $RECEIPTS; emails the sink received (new alerts, plus any escalation of the demo's own alerts): $MAILED; SEVERE log lines: $SEVERE"
    echo "after the soak: live heap after full GC ${END_LIVE} MB, RSS ${END_RSS} MB"
    echo "samples ($OUT/samples.tsv):"
    cat "$OUT/samples.tsv"
} | tee "$OUT/summary.txt"

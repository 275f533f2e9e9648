#!/usr/bin/env bash
# The import benchmark of issue 15 (docs/benchmarks.md "Import benchmark (issue 15)"). One command,
# from the repository root:
#
#     src/test/bench/import-benchmark.sh
#
# 1. packages the WAR and the test classes (mvn -o, tests skipped),
# 2. generates the national 訪問介護 stand-in (org.tsunagu.bench.MhlwCareGenerator: $BENCH_NATIONAL_ROWS
#    rows, ≈ 15 MB, ≈ 1.5 % of them 練馬区's) and $BENCH_N Tsunagu-format resources of 練馬区 as ONE file
#    (org.tsunagu.bench.ResourceGenerator, ≈ 40 MB), with the centers and towns of 練馬区,
# 3. (a)+(c): starts Payara Micro on 127.0.0.1 with a small heap ($BENCH_SMALL_HEAP, GC log on), imports
#    centers and towns, then POSTs the national file with format=mhlw-care&municipality=131202 twice
#    (first import, then the same file again: the half-yearly re-import) and times each from the POST
#    to the job's state done, then until the index holds the created resources; records the heap
#    (GC log, jcmd GC.heap_info) and the peak RSS (VmHWM); stops the server,
# 4. (b): starts a fresh server ($BENCH_HEAP, fresh data dir), imports centers and towns, POSTs the
#    $BENCH_N-row file in one request (format=tsunagu) and times POST → job done → GET /api/v1/search/index
#    reporting documents = published = N and not rebuilding; while the job runs, a thread dump of the
#    server is taken every $BENCH_DUMP_EVERY s until the index is ready (target/bench-import/dumps-b.txt;
#    a line "=== job done" separates the job from the index update) to see where the time goes,
# 5. prints a summary (also target/bench-import/summary.txt). The server is killed on exit.
#
# Needs: JDK 17 (java, jcmd), Maven (offline repo is enough), curl, ../shared.
# Environment: BENCH_PORT (8283), BENCH_SMALL_HEAP (-Xmx256m), BENCH_HEAP (-Xmx1g), BENCH_N (100000),
# BENCH_NATIONAL_ROWS (35000), BENCH_TIMEOUT (900 s per wait), BENCH_DUMP_EVERY (3), TSUNAGU_SHARED (../shared),
# BENCH_PARTS ("ab": both parts; "b" skips (a)+(c) while working on (b)), BENCH_JAVA_OPTS (added to the server's
# JVM options, e.g. "-XX:StartFlightRecording=filename=target/bench-import/b.jfr,settings=profile" for a profile),
# BENCH_WARMUP (0: (b) measures the first import of a fresh JVM; W > 0: W other rows (external ids warm-*)
# are imported first, untimed, so that (b) measures a server that has imported before, JIT-compiled).
set -euo pipefail

N=${BENCH_N:-100000}
NATIONAL_ROWS=${BENCH_NATIONAL_ROWS:-35000}
PORT=${BENCH_PORT:-8283}
SMALL_HEAP=${BENCH_SMALL_HEAP:--Xmx256m}
HEAP=${BENCH_HEAP:--Xmx1g}
TIMEOUT=${BENCH_TIMEOUT:-900}
DUMP_EVERY=${BENCH_DUMP_EVERY:-3}
PARTS=${BENCH_PARTS:-ab}
WARMUP=${BENCH_WARMUP:-0}
case "$WARMUP" in ''|*[!0-9]*) echo "BENCH_WARMUP must be a number of rows, not '$WARMUP'" >&2; exit 2 ;; esac
case "$PARTS" in ab|b) ;; *) echo "BENCH_PARTS must be ab or b, not '$PARTS'" >&2; exit 2 ;; esac
JAVA_OPTS=${BENCH_JAVA_OPTS:-}
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
SHARED=$(cd "${TSUNAGU_SHARED:-../shared}" && pwd)
OUT=$ROOT/target/bench-import
BASE=http://127.0.0.1:$PORT
command -v curl >/dev/null || { echo "curl not found" >&2; exit 1; }
command -v jcmd >/dev/null || { echo "jcmd not found (a JDK, not a JRE, is needed)" >&2; exit 1; }

echo "== build"
mvn -B -q -o package -DskipTests
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$ROOT/target/bench.cp" -Dmdep.includeScope=test >/dev/null
CP=$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$ROOT/target/bench.cp")
rm -rf "$OUT" && mkdir -p "$OUT"

echo "== generate"
TOWNS=$SHARED/data/towns/geolonia_towns_131202.csv
java -cp "$CP" org.tsunagu.bench.MhlwCareGenerator "$TOWNS" "$OUT/jigyosho_110.csv" "$NATIONAL_ROWS" 2>&1 | grep -v '^SLF4J'
# one chunk of N rows is the file itself: drop the copy
java -cp "$CP" org.tsunagu.bench.ResourceGenerator "$TOWNS" "$OUT" "$N" "$N" 2>&1 | grep -v '^SLF4J'
rm -rf "$OUT/chunks"
NATIONAL_MB=$(awk -v b="$(stat -c %s "$OUT/jigyosho_110.csv")" 'BEGIN { printf "%.1f", b / 1048576 }')
RESOURCES_MB=$(awk -v b="$(stat -c %s "$OUT/resources.csv")" 'BEGIN { printf "%.1f", b / 1048576 }')
NERIMA_ROWS=$(grep -c '^131202,' "$OUT/jigyosho_110.csv" || true)

PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
ALERT_KEYS=bench:$(head -c 32 /dev/urandom | base64) # a production start needs a key ring (docs/security.md)
SERVER_PID=
DATA=
DUMPER_PID=
stop_server() {
    if [ -n "$DUMPER_PID" ] && kill -0 "$DUMPER_PID" 2>/dev/null; then
        kill "$DUMPER_PID" 2>/dev/null || true
        wait "$DUMPER_PID" 2>/dev/null || true
    fi
    DUMPER_PID=
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=
    if [ -n "$DATA" ]; then rm -rf "$DATA"; fi
    DATA=
}
trap stop_server EXIT
trap 'exit 143' TERM INT

start_server() { # label heap
    DATA=$(mktemp -d /tmp/tsunagu-bench-import.XXXXXX)
    TSUNAGU_DATA_DIR=$DATA TSUNAGU_DEMO=false TSUNAGU_ADMIN_PASSWORD=$PASSWORD TSUNAGU_DB_PASSWORD=$PASSWORD \
        TSUNAGU_ALERT_KEYS=$ALERT_KEYS java $2 $JAVA_OPTS -Xlog:gc:file="$OUT/gc-$1.log" -jar target/payara-micro.jar --nohazelcast --port "$PORT" --contextroot / \
        --prebootcommandfile config/pre-boot-commands.asadmin --postbootcommandfile config/post-boot-commands.asadmin \
        --deploy target/tsunagu.war >"$OUT/payara-$1.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 240); do
        if curl -fs -o /dev/null "$BASE/health"; then break; fi
        kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died, see $OUT/payara-$1.log" >&2; exit 1; }
        if grep -q 'refusing to start' "$OUT/payara-$1.log"; then
            echo "the application did not deploy: $(grep -o 'refusing to start[^]]*' "$OUT/payara-$1.log" | head -1)" >&2; exit 1
        fi
        sleep 1
    done
    curl -fs -o /dev/null "$BASE/health" || { echo "server not ready after 240 s" >&2; exit 1; }
    post /api/v1/imports/centers "$OUT/centers.csv" >/dev/null
    post /api/v1/imports/towns "$OUT/towns.csv" >/dev/null
    echo "server up ($2), centers and towns of 練馬区 imported"
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
post() { # path file → prints the response; fails on non-2xx
    curl -fsS -u "admin:$PASSWORD" -H 'Content-Type: text/csv' --data-binary "@$2" "$BASE$1"
}
num() { echo "$1" | grep -o "\"$2\":[0-9]*" | head -1 | cut -d: -f2; }

# POST a file; print "job-json" lines to $OUT/job-$label.json; sets POSTED_S, DONE_S, JOB
import_job() { # label path file
    local start r headers location state t
    start=$(now)
    headers=$(mktemp)
    r=$(curl -fsS -D "$headers" -u "admin:$PASSWORD" -H 'Content-Type: text/csv' --data-binary "@$3" "$BASE$2")
    POSTED_S=$(elapsed "$start" "$(now)")
    location=$(tr -d '\r' <"$headers" | awk 'tolower($1) == "location:" { print $2 }')
    rm -f "$headers"
    case "$location" in http*) location=/${location#*://*/};; esac
    if [ -z "$location" ]; then # answered inline (a small body)
        JOB=$r
        DONE_S=$POSTED_S
    else
        for _ in $(seq 1 $((TIMEOUT * 5))); do
            JOB=$(curl -fsS -u "admin:$PASSWORD" "$BASE$location")
            state=$(echo "$JOB" | grep -o '"state":"[a-z]*"' | cut -d'"' -f4)
            t=$(elapsed "$start" "$(now)")
            echo "$t $(num "$JOB" rowsRead)/$(num "$JOB" rowsTotal) $state" >>"$OUT/progress-$1.txt"
            case "$state" in done|failed) break;; esac
            sleep 0.2
        done
        DONE_S=$(elapsed "$start" "$(now)")
        [ "$state" = done ] || { echo "job $location ended $state: ${JOB:0:800}" >&2; exit 1; }
    fi
    echo "$JOB" >"$OUT/job-$1.json"
    SEARCHABLE_FROM=$start
}

# waits until the index holds $1 published documents and is not rebuilding; sets INDEX_S (from the POST)
wait_index() {
    local s docs pub
    for _ in $(seq 1 $((TIMEOUT * 5))); do
        s=$(curl -fsS -u "admin:$PASSWORD" "$BASE/api/v1/search/index")
        docs=$(num "$s" documents); pub=$(num "$s" published)
        if [ "$docs" = "$1" ] && [ "$pub" = "$1" ] && echo "$s" | grep -q '"rebuilding":false'; then break; fi
        sleep 0.2
    done
    INDEX_S=$(elapsed "$SEARCHABLE_FROM" "$(now)")
    [ "$docs" = "$1" ] || { echo "index holds $docs of $1 after $TIMEOUT s: $s" >&2; exit 1; }
    INDEX_JSON=$s
}

memory() { # label → peak RSS, heap now, peak heap before a GC (from the GC log)
    local rss heap peak
    rss=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status")
    heap=$(jcmd "$SERVER_PID" GC.heap_info 2>/dev/null | tee "$OUT/heap-$1.txt" | awk '/garbage-first heap/ {
        for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); printf "%.0f", v / 1024 } }')
    peak=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$OUT/gc-$1.log" | awk -F'[M>(-]+' '$1 > m { m = $1; c = $3 } END { print m "/" c }')
    echo "peak RSS ${rss} MB, heap used now ${heap} MB, largest heap before a GC ${peak} MB (used/committed)"
}

if [ "$PARTS" = b ]; then
    echo "== (a)+(c) skipped (BENCH_PARTS=b)"
else
echo "== (a)+(c) national 訪問介護 file ($NATIONAL_ROWS rows, $NATIONAL_MB MB, $NERIMA_ROWS of 練馬区), heap $SMALL_HEAP"
start_server a "$SMALL_HEAP"
import_job a1 "/api/v1/imports/resources?format=mhlw-care&municipality=131202" "$OUT/jigyosho_110.csv"
A1_POST=$POSTED_S A1_DONE=$DONE_S A1_JOB=$JOB
A1_CREATED=$(num "$A1_JOB" created)
wait_index "$A1_CREATED"
A1_INDEX=$INDEX_S
echo "first import: upload answered ${A1_POST} s, job done ${A1_DONE} s, searchable ${A1_INDEX} s after the POST"
echo "   ${A1_JOB:0:400}"
import_job a2 "/api/v1/imports/resources?format=mhlw-care&municipality=131202" "$OUT/jigyosho_110.csv"
A2_POST=$POSTED_S A2_DONE=$DONE_S A2_JOB=$JOB
echo "re-import of the same file: upload answered ${A2_POST} s, job done ${A2_DONE} s"
echo "   ${A2_JOB:0:400}"
A_MEM=$(memory a)
echo "   $A_MEM"
stop_server
fi

echo "== (b) $N Tsunagu rows of 練馬区 in one request ($RESOURCES_MB MB), heap $HEAP"
start_server b "$HEAP"
if [ "$WARMUP" -gt 0 ]; then
    head -n $((WARMUP + 1)) "$OUT/resources.csv" | sed 's/^bench-/warm-/' >"$OUT/warmup.csv"
    import_job w "/api/v1/imports/resources?format=tsunagu" "$OUT/warmup.csv"
    wait_index "$WARMUP"
    echo "warm-up: $WARMUP other rows imported and searchable in ${INDEX_S} s (not timed below)"
fi
(
    while :; do
        sleep "$DUMP_EVERY"
        { echo "=== $(date +%s.%N)"; jcmd "$SERVER_PID" Thread.print 2>/dev/null; } >>"$OUT/dumps-b.txt" || true
    done
) &
DUMPER_PID=$!
import_job b "/api/v1/imports/resources?format=tsunagu" "$OUT/resources.csv"
echo "=== job done $(date +%s.%N)" >>"$OUT/dumps-b.txt"
B_POST=$POSTED_S B_DONE=$DONE_S B_JOB=$JOB
echo "job done ${B_DONE} s after the POST (upload answered ${B_POST} s): ${B_JOB:0:300}"
wait_index $((N + WARMUP))
B_INDEX=$INDEX_S
kill "$DUMPER_PID" 2>/dev/null || true
wait "$DUMPER_PID" 2>/dev/null || true
DUMPER_PID=
echo "index ready ${B_INDEX} s after the POST: $INDEX_JSON"
B_MEM=$(memory b)
echo "   $B_MEM"
stop_server
trap - EXIT

verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t ? "met" : "NOT met") }'; }
{
    echo "Tsunagu import benchmark — $(date -Iseconds)"
    echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, $(java -version 2>&1 | head -1)"
    if [ "$PARTS" = b ]; then
    echo "(a) national 訪問介護 stand-in and (c) memory: not run (BENCH_PARTS=b)"
    else
    echo "(a) national 訪問介護 stand-in: $NATIONAL_ROWS rows, $NATIONAL_MB MB, $NERIMA_ROWS of 練馬区; heap $SMALL_HEAP"
    echo "    first import:  POST → done ${A1_DONE} s (upload ${A1_POST} s), searchable ${A1_INDEX} s — target ≤ 30 s: $(verdict "$A1_DONE" 30)"
    echo "                   created $(num "$A1_JOB" created), skipped $(num "$A1_JOB" skippedOtherMunicipality),"\
        "rejected $(num "$A1_JOB" rejected), rowsRead $(num "$A1_JOB" rowsRead)"
    echo "    re-import:     POST → done ${A2_DONE} s (upload ${A2_POST} s); unchanged $(num "$A2_JOB" unchanged),"\
        "updated $(num "$A2_JOB" updated), created $(num "$A2_JOB" created)"
    echo "(c) memory, heap $SMALL_HEAP: passed (both jobs done); $A_MEM"
    fi
    echo "(b) $N Tsunagu rows, one request of $RESOURCES_MB MB; heap $HEAP; $([ "$WARMUP" -gt 0 ] && echo "after a warm-up import of $WARMUP other rows" || echo "first import of a fresh JVM")"
    echo "    POST → job done ${B_DONE} s (upload ${B_POST} s), → searchable ${B_INDEX} s — target ≤ 60 s: $(verdict "$B_INDEX" 60)"
    echo "    created $(num "$B_JOB" created), rejected $(num "$B_JOB" rejected); $B_MEM"
} | tee "$OUT/summary.txt"

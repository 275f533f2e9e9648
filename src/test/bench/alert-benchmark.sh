#!/usr/bin/env bash
# The alert submission benchmark of issue 5 (docs/benchmarks.md). One command, from the repository root:
#
#     src/test/bench/alert-benchmark.sh
#
# 1. packages the WAR and the test classes (mvn -o, tests skipped),
# 2. starts an SMTP sink (org.tsunagu.bench.MailSink) on 127.0.0.1:$BENCH_SMTP_PORT and Payara Micro
#    on 127.0.0.1:$BENCH_PORT (--nohazelcast) with a fresh data dir under target/bench-alerts and the
#    demo data (TSUNAGU_DEMO=true: ひだまり市, 24 partner organisations, admin account),
# 3. creates $BENCH_PARTNERS partner accounts spread over the demo organisations and verifies each
#    once (so PBKDF2 runs before the measurement; the portal then remembers the verification 5 min),
# 4. drives POST /api/v1/alerts with wrk ($BENCH_CONNECTIONS connections, every request a new
#    Idempotency-Key, requests rotating over the accounts): warm-up, measured run, 1-connection run,
# 5. stops the server and checks directly in the H2 file that every 201's receipt number is an alert
#    there (the alert is committed before the 201) and that every alert of the benchmark accounts has
#    its notification (outbox) row. The database may hold a few more alerts than 201s: wrk stops with
#    up to one request per connection in flight, which the server completes but nobody counts
#    (at most connections × runs; reported).
#
# Needs: JDK 17, Maven (offline repo is enough), curl, wrk (Debian: apt-get install wrk).
# Environment: BENCH_PORT (8283), BENCH_SMTP_PORT (3026), BENCH_SECONDS (30), BENCH_WARM_SECONDS (15),
# BENCH_LOW_SECONDS (15), BENCH_CONNECTIONS (50), BENCH_THREADS (2), BENCH_PARTNERS (50), BENCH_HEAP (-Xmx1g),
# BENCH_THINK_MS (1000: the "50 partners at their own pace" run, each connection pausing that long between
# its alerts, run before the closed loop so its email backlog does not weigh on it; the measured run after it is a closed loop, every connection sending as fast as answered).
set -euo pipefail

PORT=${BENCH_PORT:-8283}
SMTP_PORT=${BENCH_SMTP_PORT:-3026}
SECONDS_PER_RUN=${BENCH_SECONDS:-30}
WARM_SECONDS=${BENCH_WARM_SECONDS:-15}
LOW_SECONDS=${BENCH_LOW_SECONDS:-15}
CONNS=${BENCH_CONNECTIONS:-50}
THREADS=${BENCH_THREADS:-2}
THINK_MS=${BENCH_THINK_MS:-1000}
PARTNERS=${BENCH_PARTNERS:-50}
HEAP=${BENCH_HEAP:--Xmx1g}
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
OUT=$ROOT/target/bench-alerts
BASE=http://127.0.0.1:$PORT
LUA=$ROOT/src/test/bench/alert-submit.lua
command -v wrk >/dev/null || { echo "wrk not found (Debian: apt-get install wrk)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl not found" >&2; exit 1; }

echo "== build"
mvn -B -q -o package -DskipTests
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$ROOT/target/bench.cp" -Dmdep.includeScope=test >/dev/null
CP=$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$ROOT/target/bench.cp")
rm -rf "$OUT" && mkdir -p "$OUT/data"
echo "load before: $(uptime)" | tee "$OUT/load.txt"

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
echo "== HTTP: Payara Micro on $BASE (demo data, SMTP sink on 127.0.0.1:$SMTP_PORT)"
TSUNAGU_DATA_DIR=$OUT/data TSUNAGU_DEMO=true TSUNAGU_SMTP_HOST=127.0.0.1 TSUNAGU_SMTP_PORT=$SMTP_PORT \
    java $HEAP -jar target/payara-micro.jar --nohazelcast --port "$PORT" --contextroot / \
    --prebootcommandfile config/pre-boot-commands.asadmin --postbootcommandfile config/post-boot-commands.asadmin \
    --deploy target/tsunagu.war >"$OUT/payara.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 240); do
    if curl -fs -o /dev/null "$BASE/health/ready"; then break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died, see $OUT/payara.log" >&2; exit 1; }
    sleep 1
done
curl -fs -o /dev/null "$BASE/health/ready" || { echo "server not ready after 240 s" >&2; exit 1; }

ADMIN=admin:tsunagu-demo-2026
PASSWORD=Bench-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
mapfile -t ORGS < <(curl -fsS "$BASE/api/v1/partners" | grep -o '"id":[0-9]*' | cut -d: -f2)
[ "${#ORGS[@]}" -gt 0 ] || { echo "no partner organisations in the demo data" >&2; exit 1; }
: >"$OUT/auth.txt"
for i in $(seq -w 1 "$PARTNERS"); do
    org=${ORGS[$(( (10#$i - 1) % ${#ORGS[@]} ))]}
    curl -fsS -o /dev/null -u "$ADMIN" -H 'Content-Type: application/json' "$BASE/api/v1/accounts" \
        -d "{\"username\":\"bench-$i\",\"password\":\"$PASSWORD\",\"role\":\"partner\",\"partnerId\":$org}"
    curl -fsS -o /dev/null -u "bench-$i:$PASSWORD" "$BASE/api/v1/alerts/mine"
    echo "Basic $(printf '%s' "bench-$i:$PASSWORD" | base64 -w0)" >>"$OUT/auth.txt"
done
echo "$PARTNERS partner accounts over ${#ORGS[@]} organisations created and verified once"

run_wrk() { # name threads connections seconds [think ms] → RESULT fields
    ALERT_THINK_MS=${5:-0} ALERT_RECEIPTS=$OUT/receipts.txt wrk -t"$2" -c"$3" -d"$4"s --timeout 10s -s "$LUA" "$BASE" -- "$OUT/auth.txt" "$1-$(date +%s)" 2>&1 \
        | tee -a "$OUT/wrk-$1.log" | grep '^RESULT' | sed 's/^RESULT //'
}
echo "-- warm-up ${WARM_SECONDS} s, $CONNS connections"
WARM=$(run_wrk warm "$THREADS" "$CONNS" "$WARM_SECONDS"); echo "   $WARM"
echo "-- paced ${SECONDS_PER_RUN} s, $CONNS connections, each pausing ${THINK_MS} ms between alerts"
PACED=$(run_wrk paced "$THREADS" "$CONNS" "$SECONDS_PER_RUN" "$THINK_MS"); echo "   $PACED"
echo "-- measured ${SECONDS_PER_RUN} s, $THREADS threads, $CONNS connections"
LOAD=$(run_wrk load "$THREADS" "$CONNS" "$SECONDS_PER_RUN"); echo "   $LOAD"
echo "-- ${LOW_SECONDS} s, 1 connection"
LOW=$(run_wrk low 1 1 "$LOW_SECONDS"); echo "   $LOW"
echo "load after: $(uptime)" | tee -a "$OUT/load.txt"
sleep 3 # let the outbox worker drain before the count of sent emails
stop_all
trap - EXIT

field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }
CREATED=$(( $(field "$WARM" created) + $(field "$LOAD" created) + $(field "$PACED" created) + $(field "$LOW" created) ))
sql() {
    java -cp "$CP" org.h2.tools.Shell -url "jdbc:h2:file:$OUT/data/db/tsunagu" -user tsunagu -password tsunagu-embedded \
        -sql "$1" | sed -n 2p | tr -d ' '
}
IN_DB=$(sql "SELECT COUNT(*) FROM alert a JOIN account u ON u.id = a.filed_by_id WHERE u.username LIKE 'bench-%'")
{ echo RECEIPT; cat "$OUT/receipts.txt"; } >"$OUT/receipts.csv"
FOUND=$(sql "SELECT COUNT(*) FROM CSVREAD('$OUT/receipts.csv') r JOIN alert a ON a.receipt_no = r.RECEIPT")
DISTINCT=$(sql "SELECT COUNT(DISTINCT RECEIPT) FROM CSVREAD('$OUT/receipts.csv')")
OUTBOX=$(sql "SELECT COUNT(*) FROM notification n JOIN alert a ON a.id = n.alert_id JOIN account u ON u.id = a.filed_by_id WHERE u.username LIKE 'bench-%' AND n.kind = 'new'")
SENT=$(sql "SELECT COUNT(*) FROM notification WHERE sent_at IS NOT NULL")
CUT=$(( IN_DB - CREATED ))
MAX_CUT=$(( 3 * CONNS + 1 ))
{
    echo "Tsunagu alert submission benchmark — $(date -Iseconds)"
    echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, $(java -version 2>&1 | head -1)"
    cat "$OUT/load.txt"
    echo "$PARTNERS partner accounts, every request a new Idempotency-Key; wrk --timeout 10s"
    echo "warm-up   ${WARM_SECONDS} s ${CONNS}c: $WARM"
    echo "measured  ${SECONDS_PER_RUN} s ${CONNS}c: $LOAD"
    echo "paced     ${SECONDS_PER_RUN} s ${CONNS}c, ${THINK_MS} ms between alerts: $PACED"
    echo "1 conn    ${LOW_SECONDS} s:  $LOW"
    echo "201 responses (all runs): $CREATED, distinct receipts $DISTINCT, found in the database: $FOUND"
    echo "alerts of the benchmark accounts in the database: $IN_DB ($CUT completed after wrk stopped waiting, ≤ $MAX_CUT allowed);" \
        "their new-alert notifications: $OUTBOX; notifications sent: $SENT; emails received by the sink: $(cat "$OUT/mails.txt" 2>/dev/null || echo '?')"
    if [ "$FOUND" = "$CREATED" ] && [ "$DISTINCT" = "$CREATED" ] && [ "$IN_DB" = "$OUTBOX" ] && [ "$CUT" -ge 0 ] && [ "$CUT" -le "$MAX_CUT" ]; then
        echo "CHECK OK: every 201 is a committed alert, each alert has its notification"
    else
        echo "CHECK FAILED: 201s $CREATED, distinct $DISTINCT, found $FOUND, alerts $IN_DB, notifications $OUTBOX"
    fi
} | tee "$OUT/summary.txt"
grep -q '^CHECK OK' "$OUT/summary.txt"

#!/usr/bin/env bash
# Server render time of the resident search page on the demo data (issue 4: p50 ≤ 100 ms).
# One command from the repository root:  src/test/bench/page-benchmark.sh
# Boots the portal (demo profile, fresh data dir) on 127.0.0.1:$BENCH_PORT, warms up, then drives a
# rotating list of realistic search-page URLs with wrk from a second process: 1 connection (latency)
# and 4 connections (throughput). The search result cache is off, so every page searches.
# Needs JDK 17, Maven, curl, wrk. Bounded in time.
set -euo pipefail
PORT=${BENCH_PORT:-8282}
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
OUT=$ROOT/target/bench-pages
BASE=http://127.0.0.1:$PORT
mkdir -p "$OUT"
mvn -B -q -o package -DskipTests
DATA=$(mktemp -d /tmp/tsunagu-pages.XXXXXX)
TSUNAGU_DATA_DIR=$DATA java -Xmx768m -Dtsunagu.search.cache=0 -jar target/payara-micro.jar --nohazelcast --port "$PORT" --contextroot / \
    --prebootcommandfile config/pre-boot-commands.asadmin --postbootcommandfile config/post-boot-commands.asadmin \
    --deploy target/tsunagu.war >"$OUT/payara.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for i in $(seq 1 180); do curl -fs -o /dev/null "$BASE/health" && break; sleep 1; done
enc() { python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1]))' "$1"; }
{
    echo "/"
    echo "/?q=$(enc 'さろん')"
    echo "/?q=$(enc 'みどりがおか さろん')&weekday=wed"
    echo "/?category=salon&category=dementia_cafe"
    echo "/?q=$(enc '歯医者')&homeVisit=true"
    echo "/?category=pharmacy&near=$(enc '若葉2-3-5')&radius=1&sort=distance"
    echo "/?date=2026-12-12"
    echo "/?q=$(enc '体操')&free=true&page=1"
    echo "/?q=$(enc 'ｵﾚﾝｼﾞｶﾌｪ')"
    echo "/?sort=name&category=clinic"
} >"$OUT/pages.txt"
LUA=$ROOT/src/test/bench/rotate.lua
wrk -t2 -c4 -d20s -s "$LUA" "$BASE" -- "$OUT/pages.txt" >/dev/null 2>&1
echo "1 connection, 15 s:";  wrk -t1 -c1 -d15s -s "$LUA" "$BASE" -- "$OUT/pages.txt" 2>&1 | grep '^RESULT' | tee "$OUT/low.txt"
echo "4 connections, 20 s:"; wrk -t2 -c4 -d20s -s "$LUA" "$BASE" -- "$OUT/pages.txt" 2>&1 | grep '^RESULT' | tee "$OUT/load.txt"

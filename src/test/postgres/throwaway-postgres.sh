#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the PostgreSQL run of the ITs (failsafe execution "postgres").
# `mvn verify` calls "start" before the ITs and "stop" after them. Every build gets a new cluster
# (initdb into a fresh directory under /tmp), listening on 127.0.0.1 only, with the role "tsunagu" and
# the databases "tsunagu" (the ITs), "tsunagu_production" (ProductionStartIT), "tsunagu_cluster"
# (ClusterIT) and "tsunagu_privacy" (AlertPrivacyIT). Uses Debian's PostgreSQL (apt-get install postgresql; .ci/run installs it).
# PostgreSQL refuses to run as root: as root the cluster runs as the system user "postgres"
# (or "nobody" when that does not exist).
#
#   throwaway-postgres.sh start  <state-dir> <port> <password>
#   throwaway-postgres.sh stop   <state-dir>
#   throwaway-postgres.sh pause  <state-dir>   # stop the server, keep the cluster (DatabaseOutageIT)
#   throwaway-postgres.sh resume <state-dir>   # start it again on the same port
#
# No PostgreSQL found is an error: the build fails. Skip the PostgreSQL run explicitly with
# -Dtsunagu.pg.skip=true (local runs only; CI never sets it).
set -euo pipefail

command=${1:?start or stop}
state=${2:?state directory}

pg_bin() {
    local dir
    if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"
        return
    fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return
        fi
    done
    return 1
}

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$(cat "$state/owner")" -- "$@"
    else
        "$@"
    fi
}

serve() {
    as_owner "$1/pg_ctl" -D "$2/data" -l "$2/postgres.log" -w -t 60 \
        -o "-k $2 -h 127.0.0.1 -p $3 -c fsync=off -c full_page_writes=off -c synchronous_commit=off" start
}

case "$command" in
start)
    port=${3:?port}
    password=${4:?password}
    if ! bin=$(pg_bin); then
        echo "[postgres] ERROR: PostgreSQL not found (no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin)." >&2
        echo "[postgres] Install it (apt-get install postgresql) or skip the PostgreSQL ITs locally with -Dtsunagu.pg.skip=true." >&2
        exit 1
    fi
    # a cluster left over by an interrupted build
    if [ -f "$state/cluster" ]; then
        "$0" stop "$state" || true
    fi
    rm -rf "$state"
    mkdir -p "$state"
    owner=$(id -un)
    if [ "$(id -u)" -eq 0 ]; then
        owner=postgres
        getent passwd postgres >/dev/null || owner=nobody
    fi
    echo "$owner" > "$state/owner"
    echo "$port" > "$state/port"
    cluster=$(mktemp -d /tmp/tsunagu-pg.XXXXXX)
    echo "$cluster" > "$state/cluster"
    chown "$owner" "$cluster"
    chmod 700 "$cluster"
    echo "[postgres] $("$bin/postgres" --version) as $owner: cluster $cluster, 127.0.0.1:$port"
    as_owner "$bin/initdb" -D "$cluster/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >"$state/initdb.log" 2>&1 \
        || { cat "$state/initdb.log" >&2; exit 1; }
    if ! serve "$bin" "$cluster" "$port"; then
        echo "[postgres] ERROR: the cluster did not start (port $port taken? -Dtsunagu.pg.port=…):" >&2
        cat "$cluster/postgres.log" >&2 || true
        exit 1
    fi
    as_owner "$bin/psql" -h "$cluster" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE ROLE tsunagu LOGIN PASSWORD '$password'" \
        -c "CREATE DATABASE tsunagu OWNER tsunagu" \
        -c "CREATE DATABASE tsunagu_production OWNER tsunagu" \
        -c "CREATE DATABASE tsunagu_cluster OWNER tsunagu" \
        -c "CREATE DATABASE tsunagu_privacy OWNER tsunagu"
    echo "[postgres] database tsunagu ready on jdbc:postgresql://127.0.0.1:$port/tsunagu"
    ;;
stop)
    if [ ! -f "$state/cluster" ]; then
        exit 0
    fi
    cluster=$(cat "$state/cluster")
    bin=$(pg_bin)
    if [ -d "$cluster/data" ]; then
        as_owner "$bin/pg_ctl" -D "$cluster/data" -m fast -w stop || true
        cp "$cluster/postgres.log" "$state/postgres.log" 2>/dev/null || true
    fi
    rm -rf "$cluster" "$state/cluster"
    echo "[postgres] stopped and removed $cluster"
    ;;
pause)
    cluster=$(cat "$state/cluster")
    as_owner "$(pg_bin)/pg_ctl" -D "$cluster/data" -m fast -w stop
    ;;
resume)
    cluster=$(cat "$state/cluster")
    serve "$(pg_bin)" "$cluster" "$(cat "$state/port")"
    ;;
*)
    echo "usage: $0 start <state-dir> <port> <password> | stop <state-dir> | pause <state-dir> | resume <state-dir>" >&2
    exit 2
    ;;
esac

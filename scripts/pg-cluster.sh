#!/usr/bin/env bash
# A throwaway PostgreSQL server for the head office's tests and benchmark: a fresh cluster in a
# temporary directory, on its own port and socket, owned by a non-root user (PostgreSQL refuses to
# run as root). Source this file, then `pg_cluster_start`; it exports BROKERDESK_TEST_PG_URL (a
# superuser URL; tests create one database each) and stops the server when the shell exits.

pg_cluster_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "pg-cluster: PostgreSQL server binaries not found; run scripts/setup.sh" >&2
    return 1
  fi
  echo "$bin"
}

# Runs a command as the cluster's owner: ourselves, or the `postgres` user when we are root.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_cluster_start() {
  local bin port
  bin=$(pg_cluster_bin) || return 1
  PG_CLUSTER_DIR=$(mktemp -d /tmp/brokerdesk-pg.XXXXXX)
  chmod 755 "$PG_CLUSTER_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_CLUSTER_DIR"
  port=$(( 20000 + RANDOM % 20000 ))
  pg_as_owner "$bin/initdb" -D "$PG_CLUSTER_DIR/data" -U brokerdesk --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$PG_CLUSTER_DIR/initdb.log" 2>&1 \
    || { cat "$PG_CLUSTER_DIR/initdb.log" >&2; return 1; }
  # Sized for a load test of a few hundred desks on a small machine; durability is not the point.
  pg_as_owner "$bin/pg_ctl" -D "$PG_CLUSTER_DIR/data" -l "$PG_CLUSTER_DIR/server.log" -w -t 60 \
    -o "-k $PG_CLUSTER_DIR -p $port -c listen_addresses=127.0.0.1 -c max_connections=300 \
        -c shared_buffers=256MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$PG_CLUSTER_DIR/server.log" >&2; return 1; }
  PG_CLUSTER_BIN=$bin
  export BROKERDESK_TEST_PG_URL="postgres://brokerdesk@127.0.0.1:$port/postgres"
  trap pg_cluster_stop EXIT
  echo "pg-cluster: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port ($PG_CLUSTER_DIR)"
}

pg_cluster_stop() {
  if [ -n "${PG_CLUSTER_DIR:-}" ] && [ -d "$PG_CLUSTER_DIR/data" ]; then
    pg_as_owner "$PG_CLUSTER_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    rm -rf "$PG_CLUSTER_DIR"
  fi
}

#!/usr/bin/env bash
# The private PostgreSQL 15 cluster that `make run` and `make test` use when
# DATABASE_URL is not set. It lives in .pgdata under the checkout, listens on
# 127.0.0.1 only, on a port derived from the checkout path (two clones never
# collide, and neither collides with a system PostgreSQL on 5432), and has no
# Unix socket (socket paths are limited to ~100 bytes; checkouts can be deep).
#
#   pgcluster.sh start   initdb if needed, start, create database "ok"; print URL
#   pgcluster.sh stop    stop it if running
#   pgcluster.sh restart fast|immediate   restart it (immediate: as after a crash)
#   pgcluster.sh url     print the superuser URL (database "ok")
#   pgcluster.sh port    print the port
#
# initdb and postgres refuse to run as root, so as root the cluster runs as the
# unprivileged system user "okv3pg" (created on first use). When okv3pg cannot enter the
# checkout (root's home, a `mktemp -d` folder), the cluster lives in
# /var/lib/okv3pg/<checksum of the checkout path> instead, owned by okv3pg.
#
# OK_PG_DATA and OK_PG_PORT make another cluster of the same kind (the fault test restarts
# one of its own: tests/py/test_faults.py); as root, OK_PG_DATA must be a folder okv3pg can
# enter.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
data="${OK_PG_DATA:-$root/.pgdata}"
bindir="${PG_BINDIR:-/usr/lib/postgresql/15/bin}"
port="${OK_PG_PORT:-$(( 20000 + $(printf '%s' "$root" | cksum | cut -d' ' -f1) % 20000 ))}"
url="postgresql://postgres@127.0.0.1:$port/ok"

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    (cd / && runuser -u okv3pg -- "$@")
  else
    "$@"
  fi
}

ensure_os_user() {
  [ "$(id -u)" = 0 ] || return 0
  id okv3pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin okv3pg
}

# As root, a checkout okv3pg cannot enter keeps its cluster outside it.
if [ "$(id -u)" = 0 ] && [ -z "${OK_PG_DATA:-}" ]; then
  ensure_os_user
  if ! (cd / && runuser -u okv3pg -- test -x "$root"); then
    data="/var/lib/okv3pg/$(printf '%s' "$root" | cksum | cut -d' ' -f1)"
    mkdir -p /var/lib/okv3pg
    chown okv3pg /var/lib/okv3pg
    chmod 700 /var/lib/okv3pg
  fi
fi

running() { [ -f "$data/postmaster.pid" ] && as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; }

cmd_start() {
  [ -x "$bindir/initdb" ] || { echo "pgcluster: PostgreSQL 15 binaries not found in $bindir (run scripts/system-deps.sh)" >&2; exit 1; }
  ensure_os_user
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown okv3pg "$data"
    chmod 700 "$data"
    as_owner "$bindir/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$data/postgresql.conf" <<CONF
# OK v3 private development cluster
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = ''
max_connections = 200
shared_buffers = 512MB
work_mem = 16MB
maintenance_work_mem = 256MB
timezone = 'UTC'
log_min_messages = warning
CONF
  fi
  # Statement statistics (pg_stat_statements; the extension is created by migrations), added
  # to clusters made before it was: they take it at their next start.
  if ! grep -q "^shared_preload_libraries = 'pg_stat_statements'" "$data/postgresql.conf"; then
    printf "%s\n" "shared_preload_libraries = 'pg_stat_statements'" "pg_stat_statements.track = top" \
      | as_owner tee -a "$data/postgresql.conf" >/dev/null
  fi
  # a socket folder the configuration names (scripts/pgbackrest.sh adds one under /tmp, which
  # a reboot empties) must exist before the server starts
  sockets="$(sed -n "s/^unix_socket_directories = '\(.\+\)'$/\1/p" "$data/postgresql.conf" | tail -1)"
  if [ -n "$sockets" ] && [ ! -d "$sockets" ]; then
    mkdir -p "$sockets"
    [ "$(id -u)" = 0 ] && chown okv3pg "$sockets"
  fi
  if ! running; then
    as_owner "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 -o "-p $port" start >/dev/null
  fi
  if ! "$bindir/psql" -qtAX "postgresql://postgres@127.0.0.1:$port/postgres" \
        -c "select 1 from pg_database where datname = 'ok'" | grep -q 1; then
    "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres ok
  fi
  echo "$url"
}

cmd_stop() {
  if running; then as_owner "$bindir/pg_ctl" -D "$data" -w -m fast stop >/dev/null; echo "pgcluster: stopped"; fi
}

# restart fast|immediate: what an operator's restart (fast: clients disconnected, work
# rolled back) or a crash (immediate: no shutdown checkpoint, recovery from WAL) does.
cmd_restart() {
  as_owner "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 -m "$1" -o "-p $port" restart >/dev/null
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  restart) cmd_restart "${2:-fast}" ;;
  url) echo "$url" ;;
  port) echo "$port" ;;
  *) echo "usage: $0 start|stop|restart [fast|immediate]|url|port" >&2; exit 2 ;;
esac

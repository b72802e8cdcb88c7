#!/usr/bin/env bash
# pgBackRest for the private cluster (scripts/pgcluster.sh), the same shape as production's
# (deploy/pgbackrest.conf; docs/operations.md):
#
#   pgbackrest.sh setup    archive the cluster's WAL (restarts it once), create the stanza
#   pgbackrest.sh full     a full backup          (make backup: incremental once one exists)
#   pgbackrest.sh incr     an incremental backup
#   pgbackrest.sh info     what is kept
#   pgbackrest.sh check    archiving works (switches the WAL and waits for it)
#   pgbackrest.sh conf     print the configuration file's path
#
# The repository is .run/pgbackrest/repo (as root, beside the cluster under /var/lib, where
# its user okv3pg can write); retention keeps two full backups. pgBackRest talks to
# PostgreSQL over a Unix socket, which setup adds in a short folder under /tmp.
# A schedule, with cron:  0 3 * * 0  .../scripts/pgbackrest.sh full
#                         0 3 * * 1-6 .../scripts/pgbackrest.sh incr
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cluster="$root/scripts/pgcluster.sh"
port="$("$cluster" port)"
url="$("$cluster" url)"
data="$(psql -qtAX "$url" -c 'show data_directory')"
socket="/tmp/okv3pg-$port"
if [ "$(id -u)" = 0 ]; then
  base="$(dirname "$data")/pgbackrest-$port"
  run() { (cd / && runuser -u okv3pg -- "$@"); }
else
  base="$root/.run/pgbackrest"
  run() { "$@"; }
fi
conf="$base/pgbackrest.conf"

write_conf() {
  mkdir -p "$base/repo" "$base/log" "$base/lock" "$base/spool" "$socket"
  cat > "$conf" <<CONF
[global]
repo1-path=$base/repo
repo1-retention-full=2
repo1-retention-full-type=count
log-path=$base/log
lock-path=$base/lock
spool-path=$base/spool
compress-type=lz4
start-fast=y
log-level-console=warn

[ok]
pg1-path=$data
pg1-port=$port
pg1-socket-path=$socket
pg1-user=postgres
CONF
  [ "$(id -u)" = 0 ] && chown -R okv3pg "$base" "$socket"
  return 0
}

pgbackrest_() { run pgbackrest "--config=$conf" --stanza=ok "$@"; }

case "${1:-}" in
  setup)
    write_conf
    if ! grep -q "^archive_mode = on" "$data/postgresql.conf"; then
      printf "%s\n" "# pgBackRest (scripts/pgbackrest.sh)" "unix_socket_directories = '$socket'" "archive_mode = on" \
        "archive_command = 'pgbackrest --config=$conf --stanza=ok archive-push %p'" | run tee -a "$data/postgresql.conf" >/dev/null
      "$cluster" restart fast
    fi
    pgbackrest_ stanza-create
    pgbackrest_ check
    echo "pgbackrest: archiving the cluster's WAL to $base/repo; take a backup with: $0 full"
    ;;
  full|incr) pgbackrest_ "--type=$1" backup && pgbackrest_ info ;;
  info|check) pgbackrest_ "$1" ;;
  conf) echo "$conf" ;;
  *) echo "usage: $0 setup|full|incr|info|check|conf" >&2; exit 2 ;;
esac

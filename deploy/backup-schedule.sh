#!/bin/sh
# The backup schedule of docker-compose's backup service (docs/operations.md): a full backup
# on Sunday at 03:00 UTC, an incremental one every other day at 03:00, pgBackRest's
# retention (deploy/pgbackrest.conf) expiring what is older. It creates the stanza on its
# first start and takes a full backup at once if there is none.
set -eu
export PGBACKREST_CONFIG=/etc/pgbackrest/pgbackrest.conf
until pg_isready -h /var/run/postgresql -U postgres -q; do sleep 5; done
pgbackrest --stanza=ok stanza-create
pgbackrest --stanza=ok info | grep -q "full backup" || pgbackrest --stanza=ok --type=full backup
while true; do
  now=$(date -u +%s)
  next=$(date -u -d "tomorrow 03:00" +%s)
  sleep $((next - now))
  if [ "$(date -u +%u)" = 7 ]; then
    pgbackrest --stanza=ok --type=full backup
  else
    pgbackrest --stanza=ok --type=incr backup
  fi
done

#!/bin/sh
# First start of the postgres container: Metabase's own application database and login,
# and no temporary objects in OK's database for anyone but superusers (a pg_temp type or
# table can shadow pg_catalog's; sql/02_schemas.sql repeats this on every migration).
# OK's roles are created by the migrate service (sql/01_roles.sql).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v mbpass="$METABASE_DB_PASSWORD" -v okdb="$POSTGRES_DB" <<'SQL'
create role metabase_app login password :'mbpass';
create database metabase owner metabase_app;
revoke temporary on database :"okdb" from public;
SQL

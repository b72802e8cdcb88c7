#!/bin/sh
# First start of the postgres container: Metabase's own application database and login.
# OK's roles are created by the migrate service (sql/01_roles.sql).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v mbpass="$METABASE_DB_PASSWORD" <<'SQL'
create role metabase_app login password :'mbpass';
create database metabase owner metabase_app;
SQL

#!/bin/bash
# Runs once, when the PostgreSQL container starts on an empty volume (the official image runs
# /docker-entrypoint-initdb.d/*.sh). Two roles (docs/decisions/0029-database-roles-audit-anchor-backups.md):
#   msc_owner  owns the database and its tables; only migrations use it (MIGRATION_DATABASE_URL)
#   msc_app    serves the app (DATABASE_URL); `npm start` and `npm run db:migrate` grant it row
#              rights on the tables, and only SELECT and INSERT on the audit trail
# POSTGRES_USER stays the superuser for administration; neither the app nor its migrations use it.
set -euo pipefail
: "${MSC_OWNER_PASSWORD:?set MSC_OWNER_PASSWORD}" "${MSC_APP_PASSWORD:?set MSC_APP_PASSWORD}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$MSC_OWNER_PASSWORD" -v app_password="$MSC_APP_PASSWORD" <<'SQL'
CREATE ROLE msc_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE msc_app LOGIN PASSWORD :'app_password';
CREATE DATABASE msc OWNER msc_owner;
REVOKE ALL ON DATABASE msc FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE msc TO msc_app;
SQL

# The public schema belongs to the database's owner (PostgreSQL 15 and later); nobody else creates in it.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname msc <<'SQL'
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL

#!/usr/bin/env bash
# Real components the tests use: Debian Chromium (for scrapy-playwright) and PostgreSQL 15 with a
# test role. Idempotent; needs root (CI runs as root) or passwordless sudo.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

if ! command -v chromium >/dev/null 2>&1; then
  $SUDO apt-get install -y chromium >/dev/null 2>&1 || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y chromium >/dev/null; }
fi
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  $SUDO apt-get install -y postgresql >/dev/null 2>&1 || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y postgresql >/dev/null; }
fi
$SUDO service postgresql start >/dev/null
for _ in $(seq 1 30); do
  $SUDO runuser -u postgres -- pg_isready -q -h 127.0.0.1 && break
  sleep 1
done
$SUDO runuser -u postgres -- pg_isready -h 127.0.0.1 || { echo "PostgreSQL did not start" >&2; exit 1; }
psql_admin() { $SUDO runuser -u postgres -- psql -qtAX "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname='aeroscrap'")" != "1" ]; then
  psql_admin -c "CREATE ROLE aeroscrap LOGIN PASSWORD 'aeroscrap' CREATEDB"
fi
# Tests drop their databases WITH (FORCE); an autovacuum worker still connected to one can be
# ended only by a member of pg_signal_backend.
psql_admin -c "GRANT pg_signal_backend TO aeroscrap"
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname='aeroscrap_test'")" != "1" ]; then
  psql_admin -c "CREATE DATABASE aeroscrap_test OWNER aeroscrap"
fi
echo "services ready: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), postgresql on 127.0.0.1:5432"

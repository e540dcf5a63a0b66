#!/usr/bin/env bash
# Installs (if missing) and starts a local PostgreSQL server on a Debian machine, creates a role and
# database for the ledger tests, and prints the Npgsql connection string.
# Run as root.  Use:   eval "$(.ci/postgres.sh)"   to get REMIC_TEST_PG exported in the calling shell.
# Progress goes to stderr; the only stdout line is the export.
set -euo pipefail

DB="${REMIC_PG_DATABASE:-remic_test}"
ROLE="${REMIC_PG_ROLE:-remic}"
PASS="${REMIC_PG_PASSWORD:-remic}"

log() { echo "postgres.sh: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  log "must run as root (installs a package and starts a server)"; exit 1
fi

if ! dpkg -s postgresql >/dev/null 2>&1; then
  log "installing the postgresql package"
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
fi

VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if [ -z "$VERSION" ]; then log "no PostgreSQL server binaries under /usr/lib/postgresql"; exit 1; fi

if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION main"; then
  log "creating cluster $VERSION/main"
  pg_createcluster "$VERSION" main >&2
fi

STATUS="$(pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $4}')"
if [ "$STATUS" != "online" ]; then
  log "starting cluster $VERSION/main"
  pg_ctlcluster "$VERSION" main start >&2
fi
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $3}')"

for _ in $(seq 1 30); do
  pg_isready -h localhost -p "$PORT" -q && break
  sleep 1
done
pg_isready -h localhost -p "$PORT" -q || { log "server did not become ready on port $PORT"; exit 1; }

psql_admin() { runuser -u postgres -- psql -p "$PORT" -v ON_ERROR_STOP=1 -qtA "$@"; }

if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]; then
  log "creating role $ROLE"
  psql_admin -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASS' CREATEDB"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != "1" ]; then
  log "creating database $DB"
  psql_admin -c "CREATE DATABASE $DB OWNER $ROLE"
fi

echo "export REMIC_TEST_PG='Host=localhost;Port=$PORT;Database=$DB;Username=$ROLE;Password=$PASS'"

#!/usr/bin/env bash
# Scenarios/s of `remic grid` on this machine's cores against a 2-silo cluster on loopback, on the same grid, in the
# same minutes (runs alternate), with the load average beside each run. Needs a PostgreSQL server for the cluster's
# membership: REMIC_TEST_PG (e.g. from `eval "$(.ci/postgres.sh)"`). Builds the CLI in Release first.
# Usage: bench/grid-cluster.sh [rounds=2]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${REMIC_TEST_PG:?set REMIC_TEST_PG to a PostgreSQL connection string (eval \"\$(.ci/postgres.sh)\")}"
ROUNDS="${1:-2}"
dotnet build src/Remic.Cli -c Release -v q >/dev/null
REMIC=(dotnet src/Remic.Cli/bin/Release/net10.0/remic.dll)
SCHEMA="bench_$$"
CLUSTER="${REMIC_TEST_PG%;};Search Path=$SCHEMA"
pgval() { sed -n "s/.*$1=\([^;]*\).*/\1/p" <<<"$REMIC_TEST_PG"; }
pg() { # a statement through psql (the schema the silos' tables go in)
  PGOPTIONS="-c client_min_messages=warning" PGPASSWORD="$(pgval Password)" psql -q -h "$(pgval Host)" -p "$(p=$(pgval Port); echo "${p:-5432}")" -U "$(pgval Username)" -d "$(pgval Database)" -c "$1"
}
pg "CREATE SCHEMA $SCHEMA"
TMP="$(mktemp -d)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; pg "DROP SCHEMA $SCHEMA CASCADE" || true; rm -rf "$TMP"; }
trap cleanup EXIT
for i in 1 2; do
  "${REMIC[@]}" silo --cluster "$CLUSTER" --address 127.0.0.1 >"$TMP/silo$i.log" 2>&1 &
  PIDS+=($!)
done
for i in 1 2; do
  for _ in $(seq 1 120); do grep -q "joined cluster" "$TMP/silo$i.log" && break; sleep 1; done
  grep -q "joined cluster" "$TMP/silo$i.log" || { echo "silo $i did not start:"; cat "$TMP/silo$i.log"; exit 1; }
done
GRID=(grid examples/cwalt-2004-j4/deal.yaml --prepay "0..450 PPC step 50" --default "0..9 CDR step 1" --severity "10..100 step 10" --lag 6 --price 100-00 --threads 2)
run() { # name, extra args...
  local name="$1"; shift
  local load; load="$(cut -d' ' -f1-3 /proc/loadavg)"
  local line; line="$("${REMIC[@]}" "${GRID[@]}" --out "$TMP/$name.parquet" "$@" 2>&1 >/dev/null | grep '^grid:')"
  echo "$name | load $load | $line"
}
for r in $(seq 1 "$ROUNDS"); do
  run "local-$r"
  run "cluster-$r" --cluster "$CLUSTER"
  cmp -s "$TMP/local-$r.parquet" "$TMP/cluster-$r.parquet" && echo "round $r: identical files" || { echo "round $r: FILES DIFFER"; exit 1; }
done

#!/usr/bin/env bash
# Alternates two builds of Remic.Bench process by process (wftime: the benchmark deal's waterfall on a reused WaterfallRun,
# the fastest of 6 batches of 250 scenarios after 150 warm-up runs, process CPU time) and prints each pair's ratio B/A, the
# fastest against the fastest, and the median pair. On a shared machine a neighbour's burst lands in one process of a pair;
# read the fastest and the median, never one pair (docs/benchmarks.md, "The waterfall's time", session 7).
#   bench/wftime-ab.sh A/Remic.Bench.dll B/Remic.Bench.dll [pairs=10] [months=360] [batches=6] [runs per batch=250]
# More, shorter batches (session 9: 16 × 120) give each process more chances of a quiet stretch when a neighbour works in bursts.
set -euo pipefail
a=$1; b=$2; pairs=${3:-10}; months=${4:-360}; batches=${5:-6}; runs=${6:-250}
fastest() { dotnet "$1" wftime "$batches" "$runs" --months "$months" | tail -1 | awk '{print $4}'; }
for _ in $(seq "$pairs"); do echo "$(fastest "$a") $(fastest "$b")"; done | python3 -c '
import statistics, sys
rows = [tuple(map(float, line.split())) for line in sys.stdin]
for a, b in rows: print(f"A {a:.4f}  B {b:.4f}  B/A {b / a:.3f}")
fa, fb = min(a for a, _ in rows), min(b for _, b in rows)
print(f"fastest A {fa:.4f}  B {fb:.4f}  B/A {fb / fa:.3f}; median pair B/A {statistics.median(b / a for a, b in rows):.3f} ({len(rows)} pairs)")'

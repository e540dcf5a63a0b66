#!/usr/bin/env bash
# Remic's speed beside its peers, measured in the same run on this machine (machines here are shared
# and noisy, so the ratio says more than either absolute figure):
#   1. builds bench/Remic.Bench in Release and runs, with BenchmarkDotNet's short job (7 iterations: the
#      machine is shared) in process, every benchmark class that has a figure to report: CollateralBenchmarks,
#      YieldBenchmarks, WaterfallBenchmarks, and any class named *Trustee* or *PriceTable* the assembly has;
#   2. runs the peers (../shared/peers/run.sh: the C collateral loop, the C yield loop, QuantLib's yield);
#   3. prints Remic's figure beside each peer's with the ratio (collateral: also Remic one core / collateral_best.c one
#      core and Remic all cores / Remic one core, the kernel's goals), and the waterfall's ms per scenario beside
#      its goals (0.3 ms and 0 B per scenario; 0.6 ms for a rep-line deal's collateral + waterfall); other classes'
#      medians are printed as they are.
# Usage: bench/run.sh [extra BenchmarkDotNet arguments]     Takes about 4-6 minutes on 2 cores.
# Set REMIC_BENCH_NO_APT=1 to skip installing libquantlib0-dev when it is missing.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
top=$(git -C "$repo" rev-parse --show-toplevel 2>/dev/null || echo "$repo")
shared="$top/../shared"                                 # the repo is cloned with ../shared beside it
[ -x "$shared/peers/run.sh" ] || shared=/work/shared    # a worktree elsewhere: the machine's copy
peers="$shared/peers/run.sh"
out=$(mktemp -d "${TMPDIR:-/tmp}/remic-bench.XXXXXX")
started=$(date +%s)
# The machine is shared: say how busy it was, so a reader can weigh the figures.
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?"; }
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, load average $(load)"

# QuantLib is a peer only (never a dependency): install it for the comparison when we may.
if [ ! -f /usr/include/ql/quantlib.hpp ] && [ "$(id -u)" = 0 ] && [ -z "${REMIC_BENCH_NO_APT:-}" ] && command -v apt-get >/dev/null; then
  echo "== installing libquantlib0-dev for the QuantLib peer"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libquantlib0-dev) >"$out/apt.log" 2>&1 \
    || echo "   (install failed, QuantLib will be skipped; see $out/apt.log)"
fi

echo "== building Remic.Bench (Release)"
dotnet build -c Release "$repo/bench/Remic.Bench" -nologo -v q -clp:ErrorsOnly >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
dll="$repo/bench/Remic.Bench/bin/Release/net10.0/Remic.Bench.dll"

echo "== Remic benchmarks (BenchmarkDotNet, short job, in process)"
# Classes are picked by name; a pattern that matches no class (e.g. no Trustee benchmarks yet) is harmless.
(cd "$out" && dotnet "$dll" --filter '*CollateralBenchmarks*' '*YieldBenchmarks*' '*WaterfallBenchmarks*' '*Trustee*' '*PriceTable*' '*GridBenchmarks*' \
   --job short --iterationCount 7 --inProcess \
   --artifacts "$out/artifacts" "$@") >"$out/bench.log" 2>&1 || { tail -40 "$out/bench.log"; exit 1; }
sed -n '/^| Method/,/^$/p' "$out/bench.log"

# Vector<double> is 256-bit by default even on AVX-512 machines; show what 8 lanes give (an environment knob).
if grep -qw avx512f /proc/cpuinfo 2>/dev/null; then
  echo "== again with 8-lane Vector<double> (DOTNET_MaxVectorTBitWidth=512)"
  (cd "$out" && DOTNET_MaxVectorTBitWidth=512 dotnet "$dll" --filter '*CollateralBenchmarks.SingleCore*' '*CollateralBenchmarks.AllCores*' \
     --job short --iterationCount 7 --inProcess --artifacts "$out/artifacts512" "$@") >"$out/bench512.log" 2>&1 || { tail -40 "$out/bench512.log"; exit 1; }
  sed -n '/^| Method/,/^$/p' "$out/bench512.log"
  sed 's/^remic-bench CollateralBenchmarks\.\([A-Za-z]*\) /remic-bench CollateralBenchmarks.\1_512bit /' "$out/bench512.log" | grep '^remic-bench' >>"$out/bench.log" || true
fi

# The two-core scaling again, one thread and all cores alternated projection by projection (a neighbour's burst then hits
# both sides alike; BenchmarkDotNet runs one after the other).
echo "== collateral one thread against all cores, alternated (coltime), load average $(load)"
dotnet "$dll" coltime 40 | tee "$out/coltime.log"

echo "== peers ($peers), load average $(load)"
"$peers" | tee "$out/peers.log"

echo
echo "== Remic beside the peers (same machine, same run; collateral ratio = throughput, higher is faster; yield ratio = time per solve, lower is faster)"
# Medians: the machine is shared, and a neighbour's build can land in a few of the iterations.
median_ns() { grep -m1 "^remic-bench $1 " "$out/bench.log" | sed 's/.*median_ns=\([^ ]*\).*/\1/' || true; }
field() { grep -m1 "^$1" "$out/peers.log" | tr ' ' '\n' | sed -n "s/^$2=//p;/^$2\$/{n;p}" | head -1 || true; }

c_lms=$(field "C collateral loop" loan_months_per_s)
cores=$(nproc)
for method in SingleCore AllCores ReferenceLoop SingleCore_512bit AllCores_512bit; do
  ns=$(median_ns "CollateralBenchmarks.$method")
  [ -n "$ns" ] || continue
  awk -v ns="$ns" -v c="$c_lms" -v m="$method"  -v k="$(case $method in AllCores*) echo "$cores";; *) echo 1;; esac)" 'BEGIN {
    lms = 100000 * 360 / (ns * 1e-9);
    printf "collateral %-17s Remic %.3e loan-months/s (%d core%s, %.3e per core)   C loop (one core) %.3e   ratio Remic/C %.2f\n",
      m, lms, k, (k > 1 ? "s" : ""), lms / k, c, (c > 0 ? lms / c : 0) }'
done
# The collateral kernel's goals (issue 14), against collateral_best.c (Remic's own arithmetic as well as C allows)
# run minutes apart on the same machine: one core >= 1.0 x C's one core; all (two) cores >= 1.8 x Remic's one core.
cb1=$(field "C collateral best (1 core)" loan_months_per_s)
cb2=$(field "C collateral best (2 cores)" loan_months_per_s)
r1=$(median_ns CollateralBenchmarks.SingleCore)
r2=$(median_ns CollateralBenchmarks.AllCores)
if [ -n "$r1" ] && [ -n "$r2" ] && [ -n "$cb1" ]; then
  awk -v r1="$r1" -v r2="$r2" -v c1="$cb1" -v c2="${cb2:-0}" -v k="$cores" 'BEGIN {
    one = 100000 * 360 / (r1 * 1e-9); all = 100000 * 360 / (r2 * 1e-9);
    printf "collateral vs C best   Remic one core %.3e / C best one core %.3e = %.2f (goal >= 1.0)\n", one, c1, one / c1;
    printf "collateral scaling     Remic %d cores %.3e / Remic one core = %.2f (goal >= 1.8)   Remic %d cores / C best 2 threads %s\n",
      k, all, all / one, k, (c2 > 0 ? sprintf("%.3e = %.2f", c2, all / c2) : "n/a") }'
else
  echo "collateral vs C best   n/a (collateral_best did not run or a Remic figure is missing)"
fi
# coltime's line: "... fastest ÷ fastest R, median of paired ratios P (N rounds)".
sed -n 's/.*fastest ÷ fastest \([0-9.]*\), median of paired ratios \([0-9.]*\).*/collateral scaling     alternated: speed-up all cores ÷ one thread \1 (fastest against fastest), \2 (median of paired runs) (goal >= 1.8)/p' "$out/coltime.log" || true
grep -m1 '^// Remic totals' "$out/bench.log" | sed 's#^// #           #' || true
grep -m1 '^C collateral best (1 core)' "$out/peers.log" | sed 's/.*conservation=/           C best conservation=/' || true
grep -m1 '^C collateral loop' "$out/peers.log" | sed 's/.*totals/           C loop totals/' || true

c_us=$(field "C yield loop" us_per_solve)
ql_us=$(field "QuantLib yield" us_per_solve)
if grep -q '^remic-bench YieldBenchmarks\.' "$out/bench.log"; then
  grep '^remic-bench YieldBenchmarks\.' "$out/bench.log" | while read -r _ name median _; do
    awk -v ns="${median#median_ns=}" -v c="${c_us:-0}" -v q="${ql_us:-0}" -v n="${name#YieldBenchmarks.}" 'BEGIN {
      us = ns / 1000;
      printf "yield %-24s Remic %.3f us/solve   C %s us (Remic/C %s)   QuantLib %s us (Remic/QuantLib %s)\n", n, us,
        (c > 0 ? sprintf("%.3f", c) : "n/a"), (c > 0 ? sprintf("%.2f", us / c) : "n/a"),
        (q > 0 ? sprintf("%.1f", q) : "n/a"), (q > 0 ? sprintf("%.4f", us / q) : "n/a") }'
  done
else
  echo "yield: no YieldBenchmarks in Remic.Bench yet (nothing to set beside the yield peers)"
fi

# The waterfall's goals (issue 14): one scenario of the 4-group, 40-class deal over 360 months in at most 0.3 ms with
# 0 B allocated (a reused WaterfallRun); collateral + waterfall of a rep-line deal (J4) in at most 0.6 ms.
alloc_mb() { awk -v b="$1" 'BEGIN { if (b >= 0) printf "%.2f MB allocated", b / 1048576; else printf "allocation not measured" }'; }
if grep -q '^remic-bench WaterfallBenchmarks\.' "$out/bench.log"; then
  # The median, and the fastest iteration: on a busy machine a neighbour's job inflates the median.
  grep '^remic-bench WaterfallBenchmarks\.' "$out/bench.log" | while read -r _ name median _ alloc min _; do
    n=${name#WaterfallBenchmarks.}
    ms=$(awk -v ns="${median#median_ns=}" 'BEGIN { printf "%.3f", ns / 1e6 }')
    best=$(awk -v ns="${min#min_ns=}" 'BEGIN { printf "%.3f", ns / 1e6 }')
    case $n in
      WaterfallOnly) goal=$(awk -v ms="$ms" -v b="${alloc#alloc_bytes=}" 'BEGIN { printf (ms <= 0.3 ? "goal <= 0.3 ms: met (%.2f x the goal)" : "goal <= 0.3 ms: NOT met (%.2f x the goal)"), ms / 0.3; printf (b == 0 ? "; 0 B: met" : "; 0 B: NOT met") }');;
      J4CollateralAndWaterfall) goal=$(awk -v ms="$ms" 'BEGIN { printf (ms <= 0.6 ? "goal <= 0.6 ms: met (%.2f x the goal)" : "goal <= 0.6 ms: NOT met (%.2f x the goal)"), ms / 0.6 }');;
      *) goal="(no goal; for scale)";;
    esac
    printf "waterfall %-30s Remic %s ms/scenario (median; fastest iteration %s)   %s   %s\n" "$n" "$ms" "$best" "$goal" "$(alloc_mb "${alloc#alloc_bytes=}")"
  done
else
  echo "waterfall: no WaterfallBenchmarks in Remic.Bench"
fi

# Anything else that ran (Trustee, PriceTable, ... classes added later): no peer, the median as measured.
grep '^remic-bench ' "$out/bench.log" | grep -v '^remic-bench \(CollateralBenchmarks\|YieldBenchmarks\|WaterfallBenchmarks\)\.' \
  | while read -r _ name median _ alloc _; do
    awk -v ns="${median#median_ns=}" -v n="$name" -v a="${alloc#alloc_bytes=}" 'BEGIN {
      t = (ns >= 1e6 ? sprintf("%.3f ms", ns / 1e6) : sprintf("%.3f us", ns / 1e3));
      printf "other %-40s Remic %s per operation%s\n", n, t, (a >= 0 ? sprintf("   %.2f MB allocated", a / 1048576) : "") }'
  done || true

echo "== done in $(( $(date +%s) - started )) s, load average now $(load)"
echo "(full logs in $out)"

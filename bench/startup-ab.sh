#!/usr/bin/env bash
# Alternates two publishes of the CLI command by command — e.g. without and with ReadyToRun:
#   dotnet publish src/Remic.Cli -c Release -r linux-x64 -p:PublishReadyToRun=false -o /tmp/jit
#   dotnet publish src/Remic.Cli -c Release -r linux-x64 -o /tmp/r2r
#   bench/startup-ab.sh /tmp/jit /tmp/r2r [pairs=4]
# and prints, per command (a `remic run`, a 6,363-scenario grid, a 1,000-path OAS on the J4 deal), the wall and CPU
# (user + sys, /usr/bin/time) of each and the median pair's ratio B/A (docs/benchmarks.md, "Start-up: ReadyToRun").
set -euo pipefail
a=$1; b=$2; pairs=${3:-4}
repo="$(cd "$(dirname "$0")/.." && pwd)"
j4="$repo/examples/cwalt-2004-j4/deal.yaml"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cd "$work"
for name in run grid oas; do
  case $name in
    run) args=(run "$j4" --prepay "300 PPC");;
    grid) args=(grid "$j4" --prepay "0..500 PPC step 5" --default "0..20 CDR step 1" --severity "25,40,55" --lag 12 --price 100-00 --out g.parquet);;
    oas) args=(oas "$j4" --class 1-A-4 --price 99-16 --curve "6MO 2.634, 2YR 3.142, 3YR 3.295, 5YR 3.637, 10YR 4.140, 30YR 4.645" --vol 100 --paths 1000);;
  esac
  for _ in $(seq "$pairs"); do
    for side in A B; do
      dir=$a; [ $side = B ] && dir=$b
      rm -f g.parquet .g.parquet*
      /usr/bin/time -o t.txt -f "$name $side %e %U %S" "$dir/remic" "${args[@]}" >/dev/null 2>err.txt || { echo "$name failed on $side:"; cat err.txt; exit 1; }
      cat t.txt
    done
  done
done | python3 -c '
import collections, statistics, sys
d = collections.defaultdict(list)
for line in sys.stdin:
    name, side, wall, user, sys_ = line.split()
    d[name, side].append((float(wall), float(user) + float(sys_)))
for name in ("run", "grid", "oas"):
    a, b = d[name, "A"], d[name, "B"]
    fmt = lambda xs: " ".join(f"{w:.2f}/{c:.2f}" for w, c in xs)
    print(f"{name}: A wall/cpu {fmt(a)}")
    print(f"{name}: B wall/cpu {fmt(b)}")
    print(f"{name}: median pair B/A wall {statistics.median(y[0] / x[0] for x, y in zip(a, b)):.3f}, cpu {statistics.median(y[1] / x[1] for x, y in zip(a, b)):.3f} ({len(a)} pairs)")'

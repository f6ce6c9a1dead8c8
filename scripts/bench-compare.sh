#!/usr/bin/env bash
# Prints each figure of two `make bench` runs side by side with its change, e.g.
#   scripts/bench-compare.sh bench-main.json target/bench.json
# A figure that moved the wrong way by more than 20% is marked "!!": look before you merge.
set -euo pipefail
if [ $# -ne 2 ] || [ ! -f "$1" ] || [ ! -f "$2" ]; then
  echo "usage: $0 old.json new.json   (files written by make bench to target/bench.json)" >&2
  exit 2
fi
awk '
  # bench.json holds one "name": value pair per line.
  match($0, /"[a-z][a-z0-9_]*": *-?[0-9.]+/) {
    pair = substr($0, RSTART, RLENGTH)
    split(pair, kv, /": */)
    name = substr(kv[1], 2)
    if (FILENAME == ARGV[1]) { old[name] = kv[2] } else { new[name] = kv[2]; order[++n] = name }
  }
  # Throughput and ratios are better higher; times, memory and errors better lower.
  function higher_is_better(name) { return name ~ /per_second|_vs_|_brokers$/ }
  END {
    printf "%-34s %12s %12s %9s\n", "figure", "old", "new", "change"
    for (i = 1; i <= n; i++) {
      name = order[i]
      if (!(name in old)) { printf "%-34s %12s %12s %9s\n", name, "-", new[name], "new"; continue }
      o = old[name] + 0; v = new[name] + 0
      if (o == 0) { change = (v == 0) ? "0%" : "n/a"; pct = 0 }
      else { pct = (v - o) * 100 / o; change = sprintf("%+.1f%%", pct) }
      worse = higher_is_better(name) ? -pct : pct
      printf "%-34s %12s %12s %9s%s\n", name, old[name], new[name], change, (worse > 20 ? "  !!" : "")
    }
    for (name in old) if (!(name in new)) printf "%-34s %12s %12s %9s\n", name, old[name], "-", "gone"
  }
' "$1" "$2"

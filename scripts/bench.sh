#!/usr/bin/env bash
# `make bench`: the figures of DESIGN.md's budgets, the load test on both head-office backends,
# and the real app's start, memory and panel times. Every `bench: <name> <value>` line also lands
# in target/bench.json, for scripts/bench-compare.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# shellcheck source=scripts/pg-cluster.sh
source scripts/pg-cluster.sh
mkdir -p target
log=target/bench.txt
: > "$log"
pg_cluster_start
# The bench binary and hq-replica, the head-office replica the open-loop figures start twice.
cargo build --release -p system-tests --bins
target/release/bench | tee -a "$log"
pg_cluster_stop

# The app itself, built as a broker gets it (release, the UI embedded), under a virtual display.
scripts/ui-build.sh
cargo build --release -p brokerdesk -p head-office
xvfb-run -a -s "-screen 0 1440x900x24" cargo run --release -p e2e --bin app-bench | tee -a "$log"

awk '
  BEGIN { print "{"; sep = "" }
  /^bench: [a-z][a-z0-9_]* -?[0-9.]+$/ { printf "%s  \"%s\": %s", sep, $2, $3; sep = ",\n" }
  END { print "\n}" }
' "$log" > target/bench.json
echo "bench: figures written to target/bench.json (compare two runs with scripts/bench-compare.sh)"

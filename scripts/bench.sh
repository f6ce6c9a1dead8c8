#!/usr/bin/env bash
# `make bench`: the figures of DESIGN.md's budgets, the load test on both head-office backends.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# shellcheck source=scripts/pg-cluster.sh
source scripts/pg-cluster.sh
pg_cluster_start
cargo run --release -p system-tests --bin bench

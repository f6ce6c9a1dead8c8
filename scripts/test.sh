#!/usr/bin/env bash
# Every test suite, in the order that fails fastest. Called by `make test` after setup.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# Each step says when it began (minutes:seconds into the run), so a slow CI run shows where.
step() { printf '\n== [%d:%02d] %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }

step "UI build (the app embeds it)"
scripts/ui-build.sh

step "cargo fmt --check"
cargo fmt --all -- --check

step "No cycles between the files of a crate"
python3 scripts/file-cycles.py

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

step "Rust tests (also regenerates the TypeScript bindings in ui/src/bindings)"
# Four at a time: the whole-system tests on SQLite mostly wait on sockets and timers, so twice
# the cores cuts their wall time by half or more (the PostgreSQL run below is bound by the
# database's CPU and keeps the default).
RUST_TEST_THREADS=4 cargo test

# The suites below are picked by target, with every library's unit tests (--lib) rather than by
# package (-p): the dependencies' features are then resolved exactly as for the plain
# `cargo test` above, which built these binaries already, and nothing is compiled again.
step "An outside client (Schemathesis) fuzzes head office from its OpenAPI document"
cargo test --lib --test system -- --ignored schemathesis

step "Head office and whole-system suites again, on PostgreSQL (a throwaway server)"
# shellcheck source=scripts/pg-cluster.sh
source scripts/pg-cluster.sh
pg_cluster_start
BROKERDESK_TEST_BACKEND=postgres cargo test --lib --test head-office --test storage --test system
BROKERDESK_TEST_BACKEND=postgres cargo test --lib --test system -- --ignored schemathesis
pg_cluster_stop

step "TypeScript bindings are current"
if ! git diff --quiet -- ui/src/bindings || [ -n "$(git ls-files --others --exclude-standard ui/src/bindings)" ]; then
  git status --short ui/src/bindings
  echo "ui/src/bindings changed when the Rust types were exported: commit the regenerated files." >&2
  exit 1
fi

step "UI type-check, lint and tests"
(cd ui && npm run typecheck && npm run lint && npm test)

step "End to end: the real app under Xvfb through WebDriver (installed from its .deb, and updating its AppImage)"
cargo build --all-targets
PACKAGE_PROFILE=debug PACKAGE_APPIMAGE=0 scripts/package.sh
scripts/e2e-update-bundles.sh
rm -rf target/e2e
# Each file of tests/e2e/tests is a suite. They are named, with --workspace, rather than picked by
# `-p e2e`, so the dependencies' features resolve as for `cargo test` and nothing compiles again.
e2e_suites=()
for suite in tests/e2e/tests/*.rs; do e2e_suites+=(--test "$(basename "$suite" .rs)"); done
xvfb-run -a -s "-screen 0 1440x900x24" \
  cargo test --workspace "${e2e_suites[@]}" -- --nocapture --test-threads=1
echo
echo "screenshots: $(ls target/e2e | tr '\n' ' ')"
step "All suites passed"

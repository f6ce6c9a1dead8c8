#!/usr/bin/env bash
# The Rust suites (domain, clock, store, head office, whole system; not the e2e) run again with
# the machine's clock moved by libfaketime to the days date code breaks on. Every test pins its
# own clock, so each date must pass exactly as today does; a failure means something still reads
# the wall clock to decide a value. Not part of `make test` (it runs the suites five times).
#
#   scripts/test-dates.sh            all five dates
#   scripts/test-dates.sh 2027-02-15T09:30:00+08:00   one instant of your choosing
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

command -v faketime >/dev/null 2>&1 || scripts/setup.sh

suites=(-p domain -p clock -p protocol -p store -p sync -p head-office-storage -p demo-firm -p head-office -p system-tests)
logs=target/test-dates
mkdir -p "$logs"

# `--tests`: every unit and integration test, but no doctests; rustdoc hangs under libfaketime,
# and no doctest here touches a date. Each run is bounded so that a hang fails instead of waiting.
# Build once on the real clock, so that cargo never sees a source older than its own future.
cargo test "${suites[@]}" --tests --no-run --quiet

# Instants in ISO 8601 with their zone, and what makes each one hard.
if [ $# -gt 0 ]; then
  dates=("$1|an instant of your choosing")
else
  dates=(
    "2027-04-30T23:30:00+08:00|the last day of a month at 23:30 in Shanghai (15:30 UTC, the same day)"
    "2027-05-01T00:30:00+08:00|00:30 on the 1st in Shanghai: still 30 April in UTC, May in Shanghai"
    "2027-12-31T23:30:00+08:00|31 December at 23:30 in Shanghai, the year's last half hour"
    "2027-02-15T09:30:00+08:00|the first trading day after the Spring Festival holiday of 2027"
    "2028-02-29T10:00:00+08:00|29 February 2028, a leap day"
    "$(date -u -d '+400 days' +%Y-%m-%dT%H:%M:%S+00:00)|today + 400 days"
  )
fi

failed=0
results=()
for entry in "${dates[@]}"; do
  at="${entry%%|*}"
  why="${entry#*|}"
  utc="$(date -u -d "$at" '+%Y-%m-%d %H:%M:%S')"
  log="$logs/$(date -u -d "$at" +%Y%m%dT%H%M%SZ).log"
  echo "== $at ($why): running, log in $log"
  # "@" starts the fake clock there and lets it run; monotonic time stays real so that timeouts
  # and tokio's timers behave. TZ=UTC makes the instant above exact, whatever the machine's zone.
  if TZ=UTC FAKETIME_DONT_FAKE_MONOTONIC=1 timeout 1200 faketime -f "@$utc" \
       cargo test "${suites[@]}" --tests --quiet >"$log" 2>&1; then
    results+=("pass  $at  $why")
  else
    results+=("FAIL  $at  $why  (see $log)")
    failed=1
  fi
done

echo
echo "test-dates: the Rust suites with the machine's clock at"
printf '  %s\n' "${results[@]}"
exit $failed

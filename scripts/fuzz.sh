#!/usr/bin/env bash
# `make fuzz`: runs every cargo-fuzz target of fuzz/ for FUZZ_SECONDS (60 by default) each, from the
# hand-picked seeds of fuzz/seeds/<target>/, and prints the CPU time and executions of each and a
# line of the crashes found. Exits non-zero if any target crashed; the crashing input is kept in
# fuzz/artifacts/<target>/ (replay it with `cargo +nightly fuzz run <target> <file>`).
#
#   scripts/fuzz.sh                        # every target, 60 s each
#   FUZZ_SECONDS=600 scripts/fuzz.sh apply_page
#
# libFuzzer needs nightly Rust: installed here if missing, for fuzzing only (the product builds on
# stable). Not part of `make test`. Grown corpora stay in fuzz/corpus/ between runs (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

seconds="${FUZZ_SECONDS:-60}"
all_targets=(pull_page_decode push_request_decode apply_page domain_parsers)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all_targets[@]}"); fi

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzz: installing the nightly toolchain (for fuzzing only)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz"
  cargo +nightly install cargo-fuzz --locked
fi
[ -x /usr/bin/time ] || { echo "fuzz: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

# Built once up front, so that each target's figures below are fuzzing, not compiling.
echo "fuzz: building the targets (release, debug assertions, AddressSanitizer)"
cargo +nightly fuzz build

dict_of() {
  case "$1" in
    domain_parsers) echo fuzz/dict/domain.dict ;;
    *) echo fuzz/dict/protocol.dict ;;
  esac
}

summary=()
crashed=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  log="fuzz/artifacts/$t.log"
  times_file="fuzz/artifacts/$t.time"
  before=$(find "fuzz/artifacts/$t" -type f | wc -l)
  echo "fuzz: $t for ${seconds} s"
  status=0
  # The grown corpus first (new inputs are written there), then the committed seeds.
  /usr/bin/time -f '%U %S %e' -o "$times_file" \
    cargo +nightly fuzz run "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
      -max_total_time="$seconds" -timeout=25 -dict="$(dict_of "$t")" -print_final_stats=1 \
      >"$log" 2>&1 || status=$?
  read -r user sys wall < <(tail -n 1 "$times_file")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n 1 || true)
  after=$(find "fuzz/artifacts/$t" -type f | wc -l)
  new=$((after - before))
  if [ "$status" -ne 0 ] || [ "$new" -gt 0 ]; then
    crashed+=("$t")
    echo "fuzz: $t CRASHED (exit $status); the end of $log:"
    tail -n 40 "$log"
  fi
  found=0
  if [ "$status" -ne 0 ] || [ "$new" -gt 0 ]; then found=1; fi
  line=$(printf '%-20s cpu %7s s  wall %6s s  execs %10s  crashes %s' \
    "$t" "$cpu" "$wall" "${execs:-?}" "$found")
  summary+=("$line")
  echo "fuzz: $line"
done

echo
echo "fuzz: per target (CPU = user + system of the run, build excluded):"
printf '  %s\n' "${summary[@]}"
if [ ${#crashed[@]} -gt 0 ]; then
  echo "fuzz: crashes found: ${#crashed[@]} (${crashed[*]}); inputs in fuzz/artifacts/<target>/, logs in fuzz/artifacts/<target>.log"
  exit 1
fi
echo "fuzz: crashes found: 0"

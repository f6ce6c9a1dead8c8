#!/usr/bin/env bash
# `make run`: a local head office with the demo firm on 127.0.0.1, and the app ready to sign in.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .run
addr="${BROKERDESK_HEAD_OFFICE_ADDR:-127.0.0.1:8787}"

./target/debug/head-office serve --demo --db .run/head-office.db --addr "$addr" 2>&1 | tee .run/head-office.log &
head_office=$!
trap 'kill $head_office 2>/dev/null || true; wait 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 240); do
  curl -fs "http://$addr/api/v1/health" >/dev/null 2>&1 && break
  kill -0 $head_office 2>/dev/null || { echo "head office did not start: see .run/head-office.log" >&2; exit 1; }
  sleep 1
done
# The console's 数据备份 writes here (IT sets the directory on the server, never from a browser).
./target/debug/head-office backup-dir --db .run/head-office.db "$PWD/.run/backups" >/dev/null
echo
echo "BrokerDesk: head office ready at http://$addr. Sign in as broker01 / demo1234."
echo

export BROKERDESK_SERVER_URL="http://$addr"
export BROKERDESK_DATA_DIR="${BROKERDESK_DATA_DIR:-$PWD/.run/desk}"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: opening the app on a virtual X display (xvfb-run)."
  xvfb-run -a -s "-screen 0 1440x900x24" ./target/debug/brokerdesk
else
  ./target/debug/brokerdesk
fi

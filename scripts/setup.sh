#!/usr/bin/env bash
# Installs what BrokerDesk needs to build, run and test, and nothing that is already there.
# Called by `make run` and `make test`; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

need_pkgs=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libsoup-3.0-dev librsvg2-dev libayatana-appindicator3-dev libssl-dev
  libxdo-dev
  xvfb xauth webkit2gtk-driver fonts-noto-cjk keyutils
  postgresql postgresql-client haproxy
  faketime
  python3-venv
  squashfs-tools
  chromium chromium-driver
)
missing=()
for p in "${need_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: Rust is missing; installing the stable toolchain with rustup"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c clippy,rustfmt
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
rustup component list --installed 2>/dev/null | grep -q clippy || rustup component add clippy rustfmt

if ! command -v node >/dev/null 2>&1; then
  echo "setup: installing Node.js and npm"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq nodejs npm
fi

if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --locked
fi

if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "setup: installing the UI's node modules"
  (cd ui && npm ci --no-audit --no-fund)
fi

# Python tools the tests run, in the project's own virtualenv so nothing touches the system's
# Python: the local SMTP sink the email channel's test sends to (aiosmtpd), and Schemathesis, the
# outside client that fuzzes head office from its OpenAPI document.
SCHEMATHESIS_VERSION=4.32.5
if [ ! -x .venv/bin/aiosmtpd ] || [ "$(.venv/bin/schemathesis --version 2>/dev/null)" != "schemathesis, version $SCHEMATHESIS_VERSION" ]; then
  echo "setup: preparing .venv (aiosmtpd, schemathesis $SCHEMATHESIS_VERSION)"
  [ -x .venv/bin/pip ] || /usr/bin/python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check aiosmtpd "schemathesis==$SCHEMATHESIS_VERSION"
fi

#!/usr/bin/env bash
# The desks the update tests move between, from the debug build: the AppImage of the version in
# tauri.conf.json (tests/e2e/tests/update.rs), and the next patch's AppImage and .deb
# (install.rs updates the installed .deb to it), signed with the demo firm's key
# (packaging/updater/demo-firm.key, whose public half the app carries). All land in
# target/e2e-update/; the debug build is left at tauri.conf.json's version for the other tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
out=target/e2e-update
current=$(python3 -c 'import json; print(json.load(open("tauri.conf.json"))["version"])')
next=$(python3 -c 'import sys; a, b, c = sys.argv[1].split("."); print(f"{a}.{b}.{int(c) + 1}")' "$current")
rm -rf "$out"
mkdir -p "$out"

PACKAGE_PROFILE=debug PACKAGE_VERSION="$next" scripts/package.sh
mv "target/debug/bundle/appimage/BrokerDesk_${next}_amd64.AppImage" \
  "target/debug/bundle/deb/BrokerDesk_${next}_amd64.deb" "$out/"
for bundle in "$out"/BrokerDesk_"${next}"_amd64.*; do
  ui/node_modules/.bin/tauri signer sign --private-key-path packaging/updater/demo-firm.key \
    --password "" --app-version "$next" "$bundle"
done
PACKAGE_PROFILE=debug PACKAGE_DEB=0 scripts/package.sh
cp "target/debug/bundle/appimage/BrokerDesk_${current}_amd64.AppImage" "$out/"
ls -l "$out"

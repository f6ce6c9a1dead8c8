#!/usr/bin/env bash
# `make package`: the installers a branch IT person runs, for this platform (Linux x86-64):
#   target/release/bundle/deb/BrokerDesk_<version>_amd64.deb       (Tauri's bundler)
#   target/release/bundle/appimage/BrokerDesk_<version>_amd64.AppImage
# The same tauri.conf.json builds .msi and .dmg on Windows and macOS; they are not built or
# tested here.
#
# PACKAGE_PROFILE=debug packages the debug build instead (the install test does, to reuse what
# `make test` already compiled); the default is release, as brokers get it. PACKAGE_APPIMAGE=0
# builds the .deb alone, PACKAGE_DEB=0 the AppImage alone. PACKAGE_VERSION=X.Y.Z builds that
# version instead of tauri.conf.json's (the update test builds the next one).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
profile="${PACKAGE_PROFILE:-release}"
version=${PACKAGE_VERSION:-$(python3 -c 'import json; print(json.load(open("tauri.conf.json"))["version"])')}
if [ -n "${PACKAGE_VERSION:-}" ]; then
  # Merged over tauri.conf.json by Tauri's build step and CLI alike.
  export TAURI_CONFIG="{\"version\":\"$version\"}"
  config_flags=(--config "$TAURI_CONFIG")
else
  config_flags=()
fi
tauri=ui/node_modules/.bin/tauri
built=()

scripts/ui-build.sh
if [ "$profile" = release ]; then
  cargo build --release -p brokerdesk
  bundle=target/release/bundle
  bin=target/release/brokerdesk
  bundle_flags=()
else
  # Every target, as `make test` builds them: cargo then resolves each dependency's features as
  # `cargo test` did and only links the app; built alone, it would compile them all again.
  cargo build --all-targets
  bundle=target/debug/bundle
  bin=target/debug/brokerdesk
  bundle_flags=(--debug)
fi
if [ "${PACKAGE_DEB:-1}" != 0 ]; then
  "$tauri" bundle "${bundle_flags[@]}" "${config_flags[@]}" --bundles deb --ci
  built+=("$bundle/deb/BrokerDesk_${version}_amd64.deb")
fi
if [ "${PACKAGE_APPIMAGE:-1}" = 0 ]; then
  echo
  for f in "${built[@]}"; do printf 'package: %s %s\n' "$(du -h "$f" | cut -f1)" "$f"; done
  exit 0
fi

# The AppImage: the app over the system's WebKitGTK (as the .deb), so it suits the firm's
# Debian/Ubuntu desks rather than any Linux. Tauri's AppImage step would download linuxdeploy;
# this one needs only mksquashfs and the runtime pinned below.
runtime_sha256=328e0d745c5c6817048c27bc3e8314871703f8f47ffa81a37cb06cd95a94b323
cargo fetch --locked --manifest-path packaging/appimage-runtime/Cargo.toml -q
crate=$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/appimage-0.4.0.crate | head -n1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$crate" -C "$work" appimage-0.4.0/assets/runtime-x86_64
runtime="$work/appimage-0.4.0/assets/runtime-x86_64"
echo "$runtime_sha256  $runtime" | sha256sum --check --quiet

appdir="$work/BrokerDesk.AppDir"
mkdir -p "$appdir/usr/bin" "$appdir/usr/share/icons/hicolor/128x128/apps" "$appdir/usr/share/brokerdesk"
# The updater tells an AppImage from a .deb by a marker the bundler patches into the binary.
python3 - "$bin" "$appdir/usr/bin/brokerdesk" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
marker = b"__TAURI_BUNDLE_TYPE_VAR_UNK"
assert marker in data, "the bundle-type marker is missing from the binary"
open(sys.argv[2], "wb").write(data.replace(marker, b"__TAURI_BUNDLE_TYPE_VAR_APP"))
PY
chmod 755 "$appdir/usr/bin/brokerdesk"
cp assets/icons/128x128.png "$appdir/usr/share/icons/hicolor/128x128/apps/brokerdesk.png"
cp assets/icons/128x128.png "$appdir/brokerdesk.png"
cp assets/icons/128x128.png "$appdir/.DirIcon"
cp packaging/linux/desk.toml.example "$appdir/usr/share/brokerdesk/"
sed -e 's/{{exec}}/brokerdesk/g' -e 's/{{icon}}/brokerdesk/g' -e 's/{{categories}}/Office;Finance;/' \
  packaging/linux/brokerdesk.desktop > "$appdir/brokerdesk.desktop"
cat > "$appdir/AppRun" <<'SH'
#!/bin/sh
here="$(dirname "$(readlink -f "$0")")"
exec "$here/usr/bin/brokerdesk" "$@"
SH
chmod 755 "$appdir/AppRun"
mkdir -p "$bundle/appimage"
appimage="$bundle/appimage/BrokerDesk_${version}_amd64.AppImage"
mksquashfs "$appdir" "$work/app.squashfs" -root-owned -noappend -quiet -no-progress -comp gzip
cat "$runtime" "$work/app.squashfs" > "$appimage"
chmod 755 "$appimage"

built+=("$appimage")
echo
for f in "${built[@]}"; do
  printf 'package: %s %s\n' "$(du -h "$f" | cut -f1)" "$f"
done

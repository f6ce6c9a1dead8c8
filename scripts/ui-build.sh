#!/usr/bin/env bash
# Builds the UI (the desk's ui/dist and the console's ui/dist-console) unless they were built from
# exactly the sources there now. `make test` builds it first and then packages the app three times;
# each packaging built it again (about 28 s), and the new files made head office, the desk and
# the app compile again (about 18 s). A hash of the contents, not file times: the Rust tests
# rewrite ui/src/bindings with the same text.
set -euo pipefail
cd "$(dirname "$0")/../ui"
stamp=dist/.built-from
sources=$(find . \( -path ./node_modules -o -path ./dist -o -path ./dist-console \) -prune \
  -o -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ -f dist-console/index.html ] && [ "$(cat "$stamp")" = "$sources" ]; then
  echo "ui-build: ui/dist and ui/dist-console are built from these sources already"
  exit 0
fi
npm run build
echo "$sources" >"$stamp"

#!/bin/sh
# Builds the engines in release (as the runner does) and checks that engine failures on the
# caller's data still print their message there (Swift drops `precondition` messages under -O;
# the engines use `engineFailure`, which keeps them). Prints each case's first line of output.
#
#     scripts/release-failure-messages/check.sh
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/scripts/release-failure-messages"
release="$root/.build/release"
swift build -c release --product PrimerCells --package-path "$root" >/dev/null
out=$(mktemp -d)
swiftc -O "$here/main.swift" -I "$release/Modules" \
    -Xcc -fmodule-map-file="$root/Sources/COpenBLAS/module.modulemap" \
    -Xcc -fmodule-map-file="$root/Sources/CSpinWait/module.modulemap" \
    -Xcc -fmodule-map-file="$root/Sources/CZlib/module.modulemap" \
    $(pkg-config --cflags-only-I openblas | sed 's/-I/-Xcc -I/g') \
    -L "$release" -lPrimerCells -Xlinker -rpath -Xlinker "$release" -o "$out/check"
status=0
for case in matrix accuracy split nan-label label-range logloss linear; do
    line=$("$out/check" "$case" 2>&1 | grep "Fatal error: " || true)
    if [ -n "$line" ]; then echo "$case: $line"; else echo "$case: NO MESSAGE"; status=1; fi
done
rm -rf "$out"
exit $status

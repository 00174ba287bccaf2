#!/usr/bin/env bash
# Fuzzes the parsers that read untrusted text (see FuzzTarget in
# Sources/PrimerKit/Support/FuzzTarget.swift) with libFuzzer and AddressSanitizer.
#
#   scripts/fuzz.sh TARGET RUNS [libFuzzer flags…]   # e.g. scripts/fuzz.sh math 1000000
#   scripts/fuzz.sh all RUNS                          # every target in turn
#
# Targets: chapter options math mermaid wire comparison. Builds PrimerKit instrumented into
# .build-fuzz (once; later runs rebuild what changed), links Fuzz/Harness.swift against it and
# runs the target for RUNS inputs, starting from the committed seeds in Fuzz/corpus/TARGET
# (new inputs go to .build-fuzz/corpus/TARGET). A crash, hang (10 s) or sanitizer report stops
# the run and leaves the input in .build-fuzz/artifacts/; fix it, then add the input to
# Tests/PrimerKitTests/Fixtures/fuzz/TARGET/ so that `swift test` (FuzzRegressionTests) keeps it.
# Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(chapter options math mermaid wire comparison)
if (($# < 2)); then
  echo "usage: scripts/fuzz.sh TARGET|all RUNS [libFuzzer flags…]; targets: ${targets[*]}" >&2
  exit 2
fi
target=$1 runs=$2
shift 2
scratch=.build-fuzz
sanitizers=fuzzer,address

nice -n 5 swift build --target PrimerKit --scratch-path "$scratch" \
  -Xswiftc -sanitize=$sanitizers -Xcc -fsanitize=fuzzer-no-link,address >&2
debug="$scratch/debug"
objects=()
for module in PrimerKit PrimerMath PrimerMarkup PrimerFigures PrimerWire CPrimerSystem; do
  objects+=("$debug/$module.build"/*.o)
done
harness="$scratch/primer-fuzz"
if [[ ! -x "$harness" || -n "$(find Fuzz/Harness.swift "${objects[@]}" -newer "$harness" 2>/dev/null | head -1)" ]]; then
  nice -n 5 swiftc -sanitize=$sanitizers -parse-as-library -g -module-name PrimerFuzz \
    -I "$debug/Modules" -Xcc -fmodule-map-file=Sources/CCmark/module.modulemap \
    -Xcc -fmodule-map-file="$debug/CPrimerSystem.build/module.modulemap" -Xcc -I -Xcc Sources/CPrimerSystem/include \
    Fuzz/Harness.swift "${objects[@]}" -lcmark -o "$harness" 2>&1 | grep -v "Cannot export local symbol" >&2 || true
  [[ -x "$harness" ]] || { echo "error: could not link $harness" >&2; exit 1; }
fi

run_one() {
  local name=$1 corpus="$scratch/corpus/$1"
  shift
  mkdir -p "$corpus" "$scratch/artifacts"
  echo "== $name: $runs inputs" >&2
  PRIMER_FUZZ_TARGET=$name nice -n 5 "$harness" "$corpus" "Fuzz/corpus/$name" \
    -runs="$runs" -timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
    -artifact_prefix="$scratch/artifacts/$name-" "$@"
}

if [[ $target == all ]]; then
  for name in "${targets[@]}"; do run_one "$name" "$@"; done
elif [[ " ${targets[*]} " == *" $target "* ]]; then
  run_one "$target" "$@"
else
  echo "unknown target $target; targets: ${targets[*]}" >&2
  exit 2
fi

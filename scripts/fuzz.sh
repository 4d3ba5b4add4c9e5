#!/usr/bin/env bash
# Fuzzes Kiln's readers and the import → plan → run path with libFuzzer + AddressSanitizer.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]      (default: 60 s; all targets)
#
# KILN_FUZZ_NO_BUILD=1 reuses an existing build (no wait for the build lock).
# Targets: onnx json npy npz pb lite run (see Fuzz/KilnFuzz/Harness.swift). Each run starts from
# seeds in fixtures/ and ../shared/conformance plus the corpus kept in .build/fuzz/corpus/,
# and any crash, leak, timeout or OOM input is saved to fixtures/fuzz-crashes/<target>/, where
# HardeningTests replays every file through the normal test suite (commit them after fixing).
# Prints one line per target: executions, coverage (cov/ft from libFuzzer) and new findings.
# Exits 1 when a target found something new, 0 otherwise; prints "skipped: ..." and exits 0
# when the toolchain has no libFuzzer runtime.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-60}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(onnx json npy npz pb lite run)
BUILD=.build/fuzz
LOCK=/tmp/kiln-build.lock

probe_dir=$(mktemp -d)
cat > "$probe_dir/p.swift" <<'SWIFT'
@_cdecl("LLVMFuzzerTestOneInput")
public func f(_ d: UnsafePointer<UInt8>, _ n: Int) -> CInt { 0 }
SWIFT
if ! swiftc -sanitize=fuzzer,address -parse-as-library "$probe_dir/p.swift" -o "$probe_dir/p" >/dev/null 2>&1; then
  echo "skipped: fuzz: this Swift toolchain has no libFuzzer runtime (-sanitize=fuzzer failed)"
  rm -rf "$probe_dir"
  exit 0
fi
rm -rf "$probe_dir"

BIN="$BUILD/release/kiln-fuzz"
if [ -n "${KILN_FUZZ_NO_BUILD:-}" ] && [ -x "$BIN" ]; then
  echo "== using the existing $BIN (KILN_FUZZ_NO_BUILD)"
else
echo "== build (release, -sanitize=fuzzer,address)"
lock=()
command -v flock >/dev/null && lock=(flock "$LOCK")
KILN_FUZZ=1 "${lock[@]}" swift build -c release --product kiln-fuzz --build-path "$BUILD" \
  -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address 2>&1 \
  | grep -E "error|Build complete" | tail -n 5
fi
BIN="$BUILD/release/kiln-fuzz"
[ -x "$BIN" ] || { echo "fuzz: build failed"; exit 1; }

lite_seeds() {  # fixture and conformance models converted to .klite by a built kiln ($KILN)
  local k out="$BUILD/lite-seeds" m dst
  for k in "${KILN:-}" .build/release/kiln .build/debug/kiln; do [ -x "$k" ] && break; done
  [ -x "$k" ] || return 0
  mkdir -p "$out"
  { find fixtures/models -name '*.onnx'; find fixtures/passes -name 'input.json' | sort
    [ -d ../shared/conformance ] && find ../shared/conformance -name 'model.onnx' | sort | head -n 200
  } | while read -r m; do
    dst="$out/$(echo "$m" | tr '/' '_').klite"
    [ -f "$dst" ] || "$k" convert "$m" -o "$dst" >/dev/null 2>&1 || : >"$dst"
  done
  find "$out" -name '*.klite' ! -empty -size -64k
}

seeds() {  # seed files for a target, one path per line
  local conf=../shared/conformance
  case "$1" in
    onnx|run) find fixtures -name '*.onnx'; [ -d $conf ] && find $conf -name 'model.onnx' | sort | head -n 400 ;;
    json) find fixtures -name '*.json' ;;
    npy) find fixtures -name '*.npy' ;;
    npz) find fixtures -name '*.npz' ;;
    pb) [ -d $conf ] && find $conf -name '*.pb' | sort | head -n 400 ;;
    lite) find fixtures -name '*.klite'; lite_seeds ;;
  esac
  [ -d "fixtures/fuzz-crashes/$1" ] && find "fixtures/fuzz-crashes/$1" -type f
}

mkdir -p "$BUILD/logs"
found=0
for t in "${TARGETS[@]}"; do
  corpus="$BUILD/corpus/$t"
  seeddir="$BUILD/seeds/$t"
  crashes="fixtures/fuzz-crashes/$t"
  mkdir -p "$corpus" "$seeddir" "$crashes"
  rm -f "$seeddir"/*
  seeds "$t" | while read -r f; do
    cp "$f" "$seeddir/$(echo "$f" | tr '/' '_')" 2>/dev/null
  done
  before=$(ls "$crashes" | wc -l)
  log="$BUILD/logs/$t.log"
  KILN_FUZZ_TARGET=$t ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 "$BIN" \
    -seed="${KILN_FUZZ_SEED:-1}" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" "$seeddir" >"$log" 2>&1
  status=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  after=$(ls "$crashes" | wc -l)
  found=$((found + after - before))
  echo "fuzz: $t: ${execs:-?} executions in ${SECONDS_PER_TARGET} s, ${cov:-cov ?}, corpus $(ls "$corpus" | wc -l), new findings $((after - before)) (exit $status; log $log)"
done
if [ "$found" -gt 0 ]; then
  echo "fuzz: $found new finding(s) saved under fixtures/fuzz-crashes/: reproduce with KILN_FUZZ_TARGET=<target> $BIN FILE"
  exit 1
fi

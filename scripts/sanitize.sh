#!/usr/bin/env bash
# Runs Kiln's tests under sanitizers.
#
#   scripts/sanitize.sh asan [FILTER]   the test suite under AddressSanitizer (default: all
#                                       suites; FILTER is passed to `swift test --filter`)
#   scripts/sanitize.sh tsan            the multithreaded runtime under ThreadSanitizer: the GEMM
#                                       and convolution kernel tests (1 and 3 threads) and
#                                       `kiln bench --threads 4` on the bundled CNN
#
# Builds go to .build/asan and .build/tsan so they do not disturb the normal build; on the
# shared 2-core machine they take the build lock (/tmp/kiln-build.lock). A clean run prints no
# "ERROR: AddressSanitizer" / "WARNING: ThreadSanitizer" report and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-asan}"
filter="${2:-}"
lock() { if command -v flock >/dev/null; then flock /tmp/kiln-build.lock "$@"; else "$@"; fi; }

case "$mode" in
  asan)
    export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1}"
    lock swift build --build-tests --build-path .build/asan -Xswiftc -sanitize=address \
      -Xcc -fsanitize=address 2>&1 | grep -E "error|Build complete" || true
    args=(--skip-build --build-path .build/asan)
    [ -n "$filter" ] && args+=(--filter "$filter")
    export KILN_BINARY="$PWD/.build/asan/debug/kiln"
    lock swift test "${args[@]}" 2>&1 | grep -v " started\.$" | tee .build/asan/test-output.txt
    status=${PIPESTATUS[0]}
    if grep -q "ERROR: AddressSanitizer" .build/asan/test-output.txt; then status=1; fi
    exit "$status"
    ;;
  tsan)
    export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1}"
    lock swift build --build-tests --build-path .build/tsan -Xswiftc -sanitize=thread \
      -Xcc -fsanitize=thread 2>&1 | grep -E "error|Build complete" || true
    lock swift test --skip-build --build-path .build/tsan --filter "NNFastKernelTests" 2>&1 \
      | grep -v " started\.$" | tee .build/tsan/test-output.txt
    status=${PIPESTATUS[0]}
    K=.build/tsan/debug/kiln
    "$K" bench fixtures/models/tiny_cnn.onnx --threads 4 --runs 3 --warmup 1 2>&1 \
      | tee -a .build/tsan/test-output.txt >/dev/null || status=1
    if grep -q "WARNING: ThreadSanitizer" .build/tsan/test-output.txt; then status=1; fi
    exit "$status"
    ;;
  *)
    echo "usage: scripts/sanitize.sh asan [FILTER] | tsan" >&2
    exit 2
    ;;
esac

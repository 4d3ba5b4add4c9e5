#!/usr/bin/env bash
# Runs Kiln's tests under sanitizers.
#
#   scripts/sanitize.sh asan [FILTER]   the test suite under AddressSanitizer (default: all
#                                       suites; FILTER is passed to `swift test --filter`)
#   scripts/sanitize.sh tsan            the multithreaded runtime under ThreadSanitizer: the GEMM
#                                       kernel tests (1 and 3 threads), ThreadedRunTests (MatMul,
#                                       Gemm, Conv with 2 and 3 threads), ThreadCountDeterminismTests, `kiln run`/`bench
#                                       --threads 2|3` on the bundled CNN and SqueezeNet
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
    out=.build/tsan/test-output.txt
    lock swift test --skip-build --build-path .build/tsan \
      --filter "NNFastKernelTests|ThreadedRunTests|ThreadCountDeterminismTests" 2>&1 | grep -v " started\.$" | tee "$out"
    status=${PIPESTATUS[0]}
    K=.build/tsan/debug/kiln
    # The CLI end to end: a model whose convolutions split across threads.
    for t in 2 3; do
      echo "== kiln run --threads $t / bench --threads $t (fixtures/models/tiny_cnn.onnx)" | tee -a "$out"
      "$K" run fixtures/models/tiny_cnn.onnx --threads "$t" --dim N=1 --seed 1 >>"$out" 2>&1 || status=1
      "$K" bench fixtures/models/tiny_cnn.onnx --threads "$t" --runs 3 --warmup 1 >>"$out" 2>&1 || status=1
    done
    sq=../shared/conformance/onnx-models/light_squeezenet
    if [ -f "$sq/model.onnx" ]; then
      echo "== kiln run --threads 2 light_squeezenet" | tee -a "$out"
      "$K" run "$sq/model.onnx" --threads 2 --seed 1 >>"$out" 2>&1 || status=1
    else
      echo "skipped: tsan: light_squeezenet: ../shared/conformance/onnx-models is absent" | tee -a "$out"
    fi
    if grep -q "WARNING: ThreadSanitizer" "$out"; then status=1; fi
    echo "tsan: reports: $(grep -c "WARNING: ThreadSanitizer" "$out" || true)"
    exit "$status"
    ;;
  *)
    echo "usage: scripts/sanitize.sh asan [FILTER] | tsan" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Regenerates Sources/KilnONNX/Generated/onnx.pb.swift from schemas/onnx.proto.
#
# Needs `protoc` (Debian: apt-get install protobuf-compiler) and `protoc-gen-swift` built from
# swift-protobuf at the version Package.swift names:
#   git clone https://github.com/apple/swift-protobuf && cd swift-protobuf && git checkout 1.39.0
#   swift build -c release --product protoc-gen-swift
# then run:  PROTOC_GEN_SWIFT=/path/to/.build/release/protoc-gen-swift scripts/gen-onnx-swift.sh
set -euo pipefail
cd "$(dirname "$0")/.."
plugin="${PROTOC_GEN_SWIFT:-$(command -v protoc-gen-swift || true)}"
[ -x "$plugin" ] || { echo "protoc-gen-swift not found; set PROTOC_GEN_SWIFT" >&2; exit 2; }
out=Sources/KilnONNX/Generated
mkdir -p "$out"
protoc --plugin=protoc-gen-swift="$plugin" --swift_opt=Visibility=Package \
  --swift_opt=FileNaming=DropPath -I schemas --swift_out="$out" schemas/onnx.proto
echo "wrote $out/onnx.pb.swift"

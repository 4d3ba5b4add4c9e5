// swift-tools-version:6.0
import PackageDescription

// Module graph (see ../shared/STYLE.md §1):
//
//                    KilnIR              data model only
//                      │
//                    KilnOps             op catalog: schemas, shape rules, reference kernels
//          ┌───────────┼──────────────┬─────────────┬────────────┐
//     KilnCheck    KilnPasses ← KilnRuntime    KilnONNX · KilnJSON · KilnLite  (formats: KilnIR only)
//          └───────────┼──────────────┘      (the runtime plans with the -O3 passes)
//                      KilnQuantize        calibration (runs models) + quantization passes
//                           kiln           the CLI
let package = Package(
    name: "Kiln",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kiln", targets: ["kiln"]),
        .library(name: "KilnIR", targets: ["KilnIR"]),
        .library(name: "KilnOps", targets: ["KilnOps"]),
        .library(name: "KilnONNX", targets: ["KilnONNX"]),
        .library(name: "KilnJSON", targets: ["KilnJSON"]),
        .library(name: "KilnCheck", targets: ["KilnCheck"]),
        .library(name: "KilnRuntime", targets: ["KilnRuntime"]),
        .library(name: "KilnLite", targets: ["KilnLite"]),
        .library(name: "KilnTensorFiles", targets: ["KilnTensorFiles"]),
        .library(name: "KilnBench", targets: ["KilnBench"]),
        .library(name: "KilnPasses", targets: ["KilnPasses"]),
        .library(name: "KilnQuantize", targets: ["KilnQuantize"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "KilnIR"),
        .target(name: "KilnOps", dependencies: ["KilnIR"]),
        .target(
            name: "KilnONNX",
            dependencies: ["KilnIR", .product(name: "SwiftProtobuf", package: "swift-protobuf")]
        ),
        .target(name: "KilnJSON", dependencies: ["KilnIR"]),
        // Kiln Lite (.klite): spec in schemas/kiln-lite.md. SHA-256 from swift-crypto; the
        // system zlib compresses the structural tables (never the weights, which stay mappable).
        .systemLibrary(name: "CKilnZlib", path: "Sources/CKilnZlib"),
        .target(
            name: "KilnLite",
            dependencies: ["KilnIR", "CKilnZlib", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "KilnCheck", dependencies: ["KilnIR", "KilnOps"]),
        .target(name: "CKilnKernels"),
        // The runtime plans a model by running the -O3 pass pipeline (PlanOptimization).
        .target(
            name: "KilnRuntime", dependencies: ["KilnIR", "KilnOps", "KilnPasses", "CKilnKernels"]),
        .target(name: "KilnPasses", dependencies: ["KilnIR", "KilnOps"]),
        // Tensor files for run/diff/bench and the benchmark stubs: .npy, .npz (ZIPFoundation,
        // compressed too), ONNX .pb, seeded random inputs.
        .target(
            name: "KilnTensorFiles",
            dependencies: ["KilnIR", "KilnOps", "KilnONNX", "KilnRuntime", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Quantization (int8 QDQ, fp16): calibration runs the model, so it sits above the
        // runtime and hands ranges to its passes as data (STYLE.md §1).
        .target(
            name: "KilnQuantize",
            dependencies: ["KilnIR", "KilnOps", "KilnPasses", "KilnRuntime", "KilnTensorFiles"]
        ),
        // The benchmark loop and report shared by `kiln bench` and generated stubs (`kiln stub`).
        .target(name: "KilnBench", dependencies: ["KilnIR", "KilnRuntime"]),
        .executableTarget(
            name: "kiln",
            dependencies: [
                "KilnIR", "KilnOps", "KilnONNX", "KilnJSON", "KilnCheck", "KilnRuntime", "KilnLite",
                "KilnTensorFiles", "KilnBench", "KilnPasses", "KilnQuantize",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "KilnTestSupport", dependencies: ["KilnIR"], path: "Tests/KilnTestSupport"),
        .testTarget(name: "KilnIRTests", dependencies: ["KilnIR", "KilnTestSupport"]),
        .testTarget(name: "KilnOpsTests", dependencies: ["KilnOps", "KilnTestSupport"]),
        .testTarget(name: "KilnONNXTests", dependencies: ["KilnONNX", "KilnJSON", "KilnTestSupport"]),
        .testTarget(name: "KilnJSONTests", dependencies: ["KilnJSON", "KilnONNX", "KilnTestSupport"]),
        .testTarget(name: "KilnCheckTests", dependencies: ["KilnCheck", "KilnONNX", "KilnTestSupport"]),
        .testTarget(
            name: "KilnRuntimeTests",
            dependencies: ["KilnRuntime", "KilnONNX", "KilnTestSupport"]
        ),
        .testTarget(
            name: "KilnLiteTests",
            dependencies: ["KilnLite", "KilnONNX", "KilnRuntime", "KilnTestSupport"]
        ),
        .testTarget(
            name: "KilnTensorFilesTests",
            dependencies: ["KilnTensorFiles", .product(name: "ZIPFoundation", package: "ZIPFoundation"), "KilnTestSupport"]
        ),
        .testTarget(
            name: "KilnPassesTests",
            dependencies: ["KilnPasses", "KilnRuntime", "KilnJSON", "KilnONNX", "KilnTestSupport"]
        ),
        .testTarget(
            name: "KilnQuantizeTests",
            dependencies: [
                "KilnQuantize", "KilnONNX", "KilnRuntime", "KilnTensorFiles", "KilnPasses",
                "KilnTestSupport",
            ]
        ),
        .testTarget(name: "CLITests", dependencies: ["KilnTestSupport"]),
        // Whole-pipeline robustness: corruption (read → check → plan → run) and scale.
        .testTarget(
            name: "HardeningTests",
            dependencies: [
                "KilnIR", "KilnONNX", "KilnJSON", "KilnCheck", "KilnRuntime", "KilnTensorFiles",
                "KilnTestSupport",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer harnesses (scripts/fuzz.sh): only with KILN_FUZZ=1, because the executable has no
// `main` of its own (libFuzzer's -sanitize=fuzzer link supplies it).
if Context.environment["KILN_FUZZ"] != nil {
    package.targets.append(
        .executableTarget(
            name: "KilnFuzz",
            dependencies: [
                "KilnIR", "KilnONNX", "KilnJSON", "KilnLite", "KilnRuntime", "KilnTensorFiles",
            ],
            path: "Fuzz/KilnFuzz",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ))
    package.products.append(.executable(name: "kiln-fuzz", targets: ["KilnFuzz"]))
}

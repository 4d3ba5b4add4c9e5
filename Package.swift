// swift-tools-version:6.0
import PackageDescription

// Module graph (see ../shared/STYLE.md §1):
//
//                    KilnIR              data model only
//                      │
//                    KilnOps             op catalog: schemas, shape rules, reference kernels
//          ┌───────────┼──────────────┬─────────────┬────────────┐
//     KilnCheck    KilnRuntime    KilnPasses   KilnONNX · KilnJSON   (formats: KilnIR only)
//          └───────────┴──────┬───────┘
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
        .library(name: "KilnPasses", targets: ["KilnPasses"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "KilnIR"),
        .target(name: "KilnOps", dependencies: ["KilnIR"]),
        .target(
            name: "KilnONNX",
            dependencies: ["KilnIR", .product(name: "SwiftProtobuf", package: "swift-protobuf")]
        ),
        .target(name: "KilnJSON", dependencies: ["KilnIR"]),
        .target(name: "KilnCheck", dependencies: ["KilnIR", "KilnOps"]),
        .target(name: "CKilnKernels"),
        .target(name: "KilnRuntime", dependencies: ["KilnIR", "KilnOps", "CKilnKernels"]),
        .target(name: "KilnPasses", dependencies: ["KilnIR", "KilnOps"]),
        .executableTarget(
            name: "kiln",
            dependencies: [
                "KilnIR", "KilnOps", "KilnONNX", "KilnJSON", "KilnCheck", "KilnRuntime",
                "KilnPasses", .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
            name: "KilnPassesTests",
            dependencies: ["KilnPasses", "KilnRuntime", "KilnJSON", "KilnONNX", "KilnTestSupport"]
        ),
        .testTarget(name: "CLITests", dependencies: ["KilnTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

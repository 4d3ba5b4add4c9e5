import Foundation
import KilnIR
@testable import KilnONNX
import KilnOps
import KilnRuntime
import KilnTestSupport
import SwiftProtobuf
import Testing

/// Runs the ONNX conformance cases of the NN ops (Conv, pooling, normalization, Gemm, ...) with
/// both the reference and the fast kernels, and requires every case in
/// `nn-conformance-passing.txt` to pass. `KILN_NN_VERBOSE=1` prints each failure.
@Suite struct NNConformanceTests {
    static let listURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("nn-conformance-passing.txt")

    /// Case-name prefixes owned by the NN ops.
    static let prefixes = [
        "test_conv", "test_maxpool", "test_averagepool", "test_globalaveragepool",
        "test_globalmaxpool", "test_lppool", "test_batchnorm", "test_instancenorm",
        "test_layer_normalization", "test_group_normalization", "test_rms_normalization",
        "test_lrn", "test_gemm", "test_matmul", "test_resize", "test_upsample", "test_rnn",
        "test_simple_rnn", "test_gru", "test_lstm", "test_quantizelinear",
        "test_dequantizelinear", "test_dynamicquantizelinear", "test_qlinear",
        "test_convinteger", "test_matmulinteger", "test_nonmaxsuppression", "test_roialign",
        "test_maxunpool", "test_basic_conv", "test_convtranspose", "test_basic_deform",
    ]

    static func run(registry: OpRegistry) throws -> [Conformance.CaseResult]? {
        guard let root = Fixtures.conformance else { return nil }
        let folder = root.appendingPathComponent("onnx-node")
        guard FileManager.default.fileExists(atPath: folder.path) else { return nil }
        let filter = ProcessInfo.processInfo.environment["KILN_NN_FILTER"]
        return try Conformance.runAll(
            folder: folder,
            loadModel: { try ONNXReader().read(contentsOf: $0) },
            loadValue: { try ONNXValueFile.read(contentsOf: $0, declared: $1) },
            options: .init(registry: registry),
            include: { name in
                prefixes.contains { name.hasPrefix($0) }
                    && !name.contains("_expanded") && (filter.map { name.contains($0) } ?? true)
            })
    }

    @Test(arguments: ["reference", "fast"])
    func nnCases(kernels: String) throws {
        let registry = kernels == "fast" ? FastOps.registry : StandardOps.registry
        guard let results = try Self.run(registry: registry) else {
            Fixtures.skip("nnCases", "../shared/conformance/onnx-node is absent")
            return
        }
        let passing = Set(results.filter { $0.outcome == .pass }.map(\.name))
        print("nn conformance (\(kernels)): \(passing.count) of \(results.count) cases pass")
        if ProcessInfo.processInfo.environment["KILN_NN_VERBOSE"] != nil {
            for r in results where r.outcome != .pass {
                print("  \(r.outcome.rawValue) \(r.name): \(r.reason.prefix(240))")
            }
        }
        if ProcessInfo.processInfo.environment["RECORD_NN_CONFORMANCE"] == "1" {
            try (passing.sorted().joined(separator: "\n") + "\n")
                .write(to: Self.listURL, atomically: true, encoding: .utf8)
            return
        }
        let listed = (try? String(contentsOf: Self.listURL, encoding: .utf8))?
            .split(separator: "\n").map(String.init) ?? []
        let byName = Dictionary(results.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for name in listed {
            guard let r = byName[name] else { continue }
            #expect(r.outcome == .pass, "\(name) (\(kernels)): \(r.reason)")
        }
    }
}

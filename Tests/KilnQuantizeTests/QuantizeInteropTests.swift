import Foundation
import KilnIR
import KilnONNX
import KilnOps
import KilnQuantize
import KilnRuntime
import KilnTensorFiles
import KilnTestSupport
import Testing

/// Every mode's `.onnx` output runs in onnxruntime (scripts/ort_run.py) and agrees with Kiln's
/// run of the same quantized model; skipped with a notice without Python and onnxruntime.
@Suite(.tags(.interop))
struct QuantizeInteropTests {
    static let models = ["small_cnn", "const_weights", "mlp_opset11", "prequantized"]

    @Test(arguments: models, QuantizationMode.allCases)
    func onnxruntimeAgreesWithKiln(_ name: String, _ mode: QuantizationMode) throws {
        guard let python = Fixtures.python(with: ["onnxruntime", "numpy"]) else {
            Fixtures.skip("onnxruntimeAgreesWithKiln", "no Python with onnxruntime and numpy")
            return
        }
        let m = try QuantFixtures.model(name)
        let cal = try CalibrationSet.random(graph: m.graph, count: 4, seed: 1)
        var options = QuantizeOptions(mode: mode)
        options.method = .entropy
        let (q, _) = try Quantizer(model: m, options: options, calibration: cal).quantize()
        let dir = try Fixtures.temporaryDirectory("quant-interop")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("q.onnx")
        try ONNXWriter().write(q, to: path)
        let feed = try CalibrationSet.random(graph: m.graph, count: 1, seed: 42).samples[0]
        let inputs = dir.appendingPathComponent("in.npz")
        try NumPyFiles.writeArchive(
            feed.sorted { $0.key < $1.key }.compactMap { k, v in
                v.tensor.map { (k, $0) }
            }
        ).write(to: inputs)
        let kiln = try InferencePlan(model: try ONNXReader().read(contentsOf: path)).run(feed)
        let script = Fixtures.root.appendingPathComponent("scripts/ort_run.py").path
        for optimized in [false, true] {
            let out = dir.appendingPathComponent("out\(optimized).npz")
            let r = try Fixtures.run(
                python,
                [script, path.path, inputs.path, out.path]
                    + (optimized ? [] : ["--no-optimizations"]))
            try #require(r.status == 0, "\(name) \(mode): \(r.stderr)")
            let ort = Dictionary(
                try NumPyFiles.readArchive(try Data(contentsOf: out)),
                uniquingKeysWith: { a, _ in a })
            for o in q.graph.outputs {
                let a = try #require(kiln[o.name]?.tensor)
                let b = try #require(ort[o.name])
                let c = try TensorComparison(actual: a, expected: b, rtol: 0, atol: 0)
                // Node by node (no optimizations) the QDQ graph is the same arithmetic; with
                // onnxruntime's QLinear fusions integer requantization may round differently.
                let (minCos, maxRel) = optimized ? (0.999, 0.05) : (0.99999, 1e-3)
                let scale = max(1e-6, try b.doubles().map(abs).max() ?? 0)
                #expect(
                    c.cosineSimilarity >= minCos && c.maxAbsoluteError <= maxRel * scale,
                    "\(name) \(mode) optimized=\(optimized) \(o.name): cosine \(c.cosineSimilarity), max abs \(c.maxAbsoluteError) (scale \(scale))"
                )
            }
        }
    }
}

import Foundation
import KilnIR
import KilnONNX
import KilnPasses
import KilnTestSupport
import Testing

/// The optimized ONNX of every fixture model and conformance CNN passes
/// `onnx.checker.check_model(full_check=True)` and computes, in onnxruntime, what the original
/// computes (scripts/check-optimized.py). Skipped with a notice without Python or ../shared.
@Suite(.tags(.interop))
struct OptimizerInteropTests {
    static var models: [String] {
        let fixtures = (try? FileManager.default.contentsOfDirectory(
            atPath: Fixtures.directory.appendingPathComponent("models").path)) ?? []
        var out = fixtures.filter { $0.hasSuffix(".onnx") }.sorted().map { "fixtures/models/" + $0 }
        if let conf = Fixtures.conformance {
            let dir = conf.appendingPathComponent("onnx-models")
            for n in ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() {
                out.append("conformance/" + n)
            }
        }
        return out
    }

    static func url(_ name: String) -> URL? {
        if name.hasPrefix("fixtures/") { return Fixtures.root.appendingPathComponent(name) }
        return Fixtures.conformance?.appendingPathComponent(
            "onnx-models/" + name.dropFirst("conformance/".count) + "/model.onnx")
    }

    @Test(arguments: models, [2, 3])
    func optimizedModelRunsInOnnxruntime(_ name: String, _ level: Int) throws {
        guard let python = Fixtures.python(with: ["onnx", "onnxruntime", "numpy"]) else {
            Fixtures.skip("optimizedModelRunsInOnnxruntime", "no Python with onnx, onnxruntime and numpy")
            return
        }
        let source = try #require(Self.url(name))
        var model = try ONNXReader().read(contentsOf: source)
        try PassPipeline.level(level).run(on: &model, context: PassContext(), verifyEach: true)
        let dir = try Fixtures.temporaryDirectory("opt-interop")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("optimized.onnx")
        try ONNXWriter().write(model, to: out)
        let script = Fixtures.root.appendingPathComponent("scripts/check-optimized.py").path
        let r = try Fixtures.run(python, [script, source.path, out.path])
        #expect(r.status == 0, "\(name) -O\(level): \(r.stdout) \(r.stderr.suffix(400))")
    }
}

import Foundation
import KilnTestSupport
import Testing

/// `kiln check` reports shape-inference findings, `kiln inspect` prints inferred shapes and
/// costs, `kiln convert --infer-shapes` writes value_info (and nothing changes without it).

private let gemmMismatch = """
    {
      "format": "kiln-json", "version": 1, "irVersion": 8,
      "opsetImports": [{"domain": "", "version": 17}],
      "graph": {
        "name": "g",
        "inputs": [
          {"name": "a", "type": {"tensor": {"elementType": "float32", "shape": ["N", 3]}}},
          {"name": "b", "type": {"tensor": {"elementType": "float32", "shape": [4, 5]}}}
        ],
        "outputs": [{"name": "y", "type": {"tensor": {"elementType": "float32", "shape": ["N", 5]}}}],
        "nodes": [{"name": "fc", "opType": "Gemm", "inputs": ["a", "b"], "outputs": ["y"]}]
      }
    }
    """

@Test func checkReportsInferenceFindings() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let dir = try Fixtures.temporaryDirectory("cli-infer")
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("gemm.json")
    try gemmMismatch.write(to: file, atomically: true, encoding: .utf8)
    let r = try Fixtures.run(kiln.path, ["check", file.path, "--format", "json"])
    #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.contains("\"K0501\""))
    #expect(r.stdout.contains("inner dims (K) of A and B disagree: 3 vs 4"))
    let ok = try Fixtures.run(
        kiln.path, ["check", Fixtures.directory.appendingPathComponent("models/tiny_cnn.onnx").path])
    #expect(ok.status == 0, "\(ok.stdout)")
}

@Test func inspectShowsInferredShapesAndCosts() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let model = Fixtures.directory.appendingPathComponent("models/tiny_cnn.onnx").path
    let text = try Fixtures.run(kiln.path, ["inspect", model, "--dim", "N=1"])
    #expect(text.status == 0)
    #expect(text.stdout.contains("Conv conv1 -> c1: float32[1,8,16,16]  [MACs 55.3K, FLOPs 112.6K"))
    #expect(text.stdout.contains("peak activation memory: 16.0 KiB (N=1)"))
    let sym = try Fixtures.run(kiln.path, ["inspect", model])
    #expect(sym.stdout.contains("Gemm fc -> logits: float32[N,10]"))
    #expect(sym.stdout.contains("peak activation memory: unknown"))
    let json = try Fixtures.run(kiln.path, ["inspect", model, "--format", "json", "--dim", "N=2"])
    let obj = try #require(
        try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let inference = try #require(obj["inference"] as? [String: Any])
    #expect(inference["totalMACs"] as? Int == 2 * 129_184)
    #expect(inference["peakActivationBytes"] as? Int == 2 * 16_384)
    #expect(obj["parameters"] as? Int == 1594, "the summary keys stay at the top level")
    let bad = try Fixtures.run(kiln.path, ["inspect", model, "--dim", "N"])
    #expect(bad.status == 2)
}

@Test func convertInferShapesIsOptIn() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let dir = try Fixtures.temporaryDirectory("cli-infer")
    defer { try? FileManager.default.removeItem(at: dir) }
    let model = Fixtures.directory.appendingPathComponent("models/tiny_cnn.onnx").path
    // Same file name in three folders: Kiln JSON names its sidecar after the file.
    for sub in ["a", "b", "c"] {
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
    }
    let base = dir.appendingPathComponent("a/m.json")
    let plain = dir.appendingPathComponent("b/m.json")
    let inferred = dir.appendingPathComponent("c/m.json")
    #expect(try Fixtures.run(kiln.path, ["convert", model, "-o", base.path]).status == 0)
    #expect(try Fixtures.run(kiln.path, ["convert", model, "-o", plain.path]).status == 0)
    #expect(
        try Fixtures.run(kiln.path, ["convert", model, "-o", inferred.path, "--infer-shapes"])
            .status == 0)
    let a = try String(contentsOf: plain, encoding: .utf8)
    let b = try String(contentsOf: inferred, encoding: .utf8)
    #expect(a == (try String(contentsOf: base, encoding: .utf8)))
    #expect(!a.contains("\"valueInfo\""))
    #expect(b.contains("\"valueInfo\""))
    #expect(b.contains("\"name\": \"flat\""))
}

import Foundation
import KilnIR
import KilnTestSupport
import Testing

@testable import KilnONNX


/// Import → export → import gives the same IR for every model of the conformance suite.
@Test(.tags(.conformance)) func everyConformanceModelRoundTripsInIR() throws {
    let models = Fixtures.conformanceModels()
    guard !models.isEmpty else {
        Fixtures.skip(#function, "../shared/conformance is not present")
        return
    }
    var failures: [String] = []
    for url in models {
        let model = try ONNXReader().read(contentsOf: url)
        let bytes = try ONNXWriter().serialize(model)
        let again = try ONNXReader().read(bytes)
        if again != model { failures.append(url.deletingLastPathComponent().lastPathComponent) }
        // Deterministic: writing twice gives the same bytes.
        if try ONNXWriter().serialize(again) != bytes {
            failures.append("nondeterministic: \(url.path)")
        }
    }
    #expect(failures.isEmpty, "IR round trip differs for: \(failures.prefix(20))")
    print("IR round trip: \(models.count - failures.count) of \(models.count) models identical")
}

/// The interop test: onnx.checker and onnxruntime agree that Kiln's export is the same model.
@Test(.tags(.interop, .conformance)) func exportedModelsPassCheckerAndRunIdentically() throws {
    let models = Fixtures.conformanceModels()
    guard !models.isEmpty else {
        Fixtures.skip(#function, "../shared/conformance is not present")
        return
    }
    guard let python = Fixtures.python(with: ["onnx", "onnxruntime", "numpy"]) else {
        Fixtures.skip(#function, "Python with onnx, onnxruntime and numpy not found (run .ci/run)")
        return
    }
    let dir = try Fixtures.temporaryDirectory("interop")
    defer { try? FileManager.default.removeItem(at: dir) }
    var manifest = ""
    for (i, url) in models.enumerated() {
        let model = try ONNXReader().read(contentsOf: url)
        let out = dir.appendingPathComponent("\(i).onnx")
        try ONNXWriter().write(model, to: out)
        let data = url.deletingLastPathComponent().appendingPathComponent("test_data_set_0")
        manifest += "\(url.path)\t\(out.path)\t\(data.path)\n"
    }
    let manifestURL = dir.appendingPathComponent("manifest.tsv")
    try manifest.write(to: manifestURL, atomically: true, encoding: .utf8)
    let script = Fixtures.root.appendingPathComponent("scripts/onnx_interop.py").path
    let r = try Fixtures.run(python, [script, manifestURL.path])
    print(r.stdout.split(separator: "\n").suffix(2).joined(separator: "\n"))
    #expect(r.status == 0, "\(r.stdout.prefix(4000))\(r.stderr.prefix(2000))")
}

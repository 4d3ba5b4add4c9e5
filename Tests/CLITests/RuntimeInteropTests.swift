import Foundation
import KilnTestSupport
import Testing


/// The `kiln` binary for heavy runs: `$KILN_BINARY` (CI points it at a release build), else the
/// debug binary beside the tests.
var heavyKiln: URL? {
    if let p = ProcessInfo.processInfo.environment["KILN_BINARY"] { return URL(fileURLWithPath: p) }
    return Fixtures.kilnBinary
}

/// Whole models through `kiln run` vs onnxruntime on the same inputs: the fixture models
/// (LSTM, If, attention, Resize, dynamic Shape→Reshape, a small CNN) and the nine CNNs of the
/// conformance suite. Also proves numpy reads Kiln's .npz output.
@Test(.tags(.interop)) func wholeModelsAgreeWithOnnxruntime() throws {
    guard let python = Fixtures.python(with: ["onnx", "onnxruntime", "numpy"]) else {
        Fixtures.skip(#function, "Python with onnx, onnxruntime and numpy not found (run .ci/run)")
        return
    }
    let kiln = try #require(heavyKiln, "kiln binary not built")
    var models = try FileManager.default.contentsOfDirectory(
        at: Fixtures.directory.appendingPathComponent("models"), includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "onnx" }.map(\.path).sorted()
    if let shared = Fixtures.conformance {
        let dir = shared.appendingPathComponent("onnx-models")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        models += names.map { dir.appendingPathComponent($0).appendingPathComponent("model.onnx").path }
    } else {
        Fixtures.skip("\(#function) (nine CNNs)", "../shared/conformance is not present")
    }
    let script = Fixtures.root.appendingPathComponent("scripts/ort_compare.py").path
    let r = try Fixtures.run(python, [script, kiln.path, "--intermediates"] + models)
    print(r.stdout.split(separator: "\n").filter { !$0.contains("onnxruntime:") }.joined(separator: "\n"))
    #expect(r.status == 0, "\(r.stdout.suffix(3000))\(r.stderr.suffix(2000))")
}

/// Float32 Sigmoid, Tanh and Erf in Kiln's runtime are bit-identical to onnxruntime's (MLAS's
/// approximations) over 400,000 points, NaN and infinities.
@Test(.tags(.interop)) func activationsBitIdenticalToOnnxruntime() throws {
    guard let python = Fixtures.python(with: ["onnx", "onnxruntime", "numpy"]) else {
        Fixtures.skip(#function, "Python with onnx, onnxruntime and numpy not found (run .ci/run)")
        return
    }
    let kiln = try #require(heavyKiln, "kiln binary not built")
    let script = Fixtures.root.appendingPathComponent("scripts/mlas_activation_check.py").path
    let r = try Fixtures.run(python, [script, kiln.path])
    print(r.stdout)
    #expect(r.status == 0, "\(r.stdout.suffix(2000))\(r.stderr.suffix(2000))")
}

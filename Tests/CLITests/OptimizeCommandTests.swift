import Foundation
import KilnTestSupport
import Testing

/// `kiln optimize` end to end on the bundled model.
@Test func optimizeCommandWritesVerifiesAndReports() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let dir = try Fixtures.temporaryDirectory("optimize")
    defer { try? FileManager.default.removeItem(at: dir) }
    let model = Fixtures.directory.appendingPathComponent("models/tiny_cnn.onnx").path
    let list = try Fixtures.run(kiln.path, ["optimize", "--list-passes"])
    #expect(list.status == 0)
    #expect(list.stdout.contains("fold-constants") && list.stdout.contains("fuse-contrib"))
    let out = dir.appendingPathComponent("o.onnx").path
    let report = dir.appendingPathComponent("r.json").path
    let r = try Fixtures.run(
        kiln.path, ["optimize", model, "-o", out, "-O3", "--verify", "--verify-each", "--report", report])
    #expect(r.status == 0, "\(r.stdout) \(r.stderr)")
    #expect(r.stdout.contains(" ok"), "verify prints a line per output: \(r.stdout)")
    let json = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
    #expect((json["passes"] as? [[String: Any]])?.isEmpty == false)
    let again = dir.appendingPathComponent("o2.onnx").path
    _ = try Fixtures.run(kiln.path, ["optimize", model, "-o", again, "-O3"])
    #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: again)),
            "output must be deterministic")
    let bad = try Fixtures.run(kiln.path, ["optimize", model, "-o", out, "--passes", "no-such-pass"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("unknown pass"))
}

/// `--verify` bisects a wrong pipeline: a deliberately wrong pass injected through the hidden
/// `--inject-fault-after` hook must be named, with the first value it changed.
@Test func optimizeVerifyBisectsToTheWrongPass() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let dir = try Fixtures.temporaryDirectory("optimize-bisect")
    defer { try? FileManager.default.removeItem(at: dir) }
    let model = Fixtures.directory.appendingPathComponent("models/tiny_cnn.onnx").path
    let out = dir.appendingPathComponent("o.onnx").path
    for after in ["fold-constants", "fuse-standard"] {
        let r = try Fixtures.run(
            kiln.path, ["optimize", model, "-o", out, "-O3", "--verify", "--inject-fault-after", after])
        #expect(r.status == 1, "a wrong pass must fail verification: \(r.stdout) \(r.stderr)")
        #expect(r.stdout.contains("MISMATCH"), "\(r.stdout)")
        #expect(
            r.stderr.contains("the first pass that changed the result is 'inject-fault'"),
            "bisection must name the injected pass: \(r.stderr)")
        #expect(r.stderr.contains("computed by node"), "and the first value it changed: \(r.stderr)")
    }
    let ok = try Fixtures.run(kiln.path, ["optimize", model, "-o", out, "-O3", "--verify"])
    #expect(ok.status == 0, "without the fault the same pipeline verifies: \(ok.stderr)")
}

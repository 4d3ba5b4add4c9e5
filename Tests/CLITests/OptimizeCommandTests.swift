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

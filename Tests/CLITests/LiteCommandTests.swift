import Foundation
import KilnTestSupport
import Testing

/// `.klite` end to end through the CLI: convert (with --verify), inspect, check, run, diff,
/// bench, convert back; and a corrupt file is refused with exit 2.
@Test func kliteEndToEnd() throws {
    let f = try RunFixture()
    defer { try? FileManager.default.removeItem(at: f.dir) }
    let c = try f.run(["convert", f.model, "-o", "m.klite", "-O2", "--verify"])
    #expect(c.status == 0, "\(c.stderr)")
    #expect(c.stdout.contains("verify: max error 0 "), "export without optimization is exact: \(c.stdout)")
    let i = try f.run(["inspect", "m.klite", "--verify"])
    #expect(i.status == 0, "\(i.stderr)")
    #expect(i.stdout.contains("Kiln Lite 1.0"))
    #expect(i.stdout.contains("source_sha256: "))
    #expect(try f.run(["check", "m.klite"]).status == 0)
    let a = try f.run(["run", f.model, "--input", "input=x.npy", "-o", "a.npz"])
    let b = try f.run(["run", "m.klite", "--input", "input=x.npy", "-o", "b.npz"])
    #expect(a.status == 0 && b.status == 0, "\(b.stderr)")
    #expect(
        try Data(contentsOf: f.dir.appendingPathComponent("a.npz"))
            == Data(contentsOf: f.dir.appendingPathComponent("b.npz")),
        "running the .klite gives exactly the outputs of the .onnx")
    #expect(try f.run(["diff", f.model, "m.klite", "--dim", "N=2"]).status == 0)
    let bench = try f.run(["bench", "m.klite", "--runs", "2", "--warmup", "0", "--format", "json"])
    #expect(bench.status == 0, "\(bench.stderr)")
    #expect(bench.stdout.contains("loadMilliseconds"))
    for back in ["back.onnx", "back.json"] {
        #expect(try f.run(["convert", "m.klite", "-o", back]).status == 0)
        #expect(try f.run(["diff", f.model, back, "--dim", "N=2"]).status == 0)
    }
    // Same input, same bytes.
    #expect(try f.run(["convert", f.model, "-o", "m2.klite"]).status == 0)
    #expect(
        try Data(contentsOf: f.dir.appendingPathComponent("m.klite"))
            == Data(contentsOf: f.dir.appendingPathComponent("m2.klite")))
    // A flipped weight byte passes a plain load but not `check` / `inspect --verify`.
    var bytes = [UInt8](try Data(contentsOf: f.dir.appendingPathComponent("m.klite")))
    bytes[200] ^= 0x01
    try Data(bytes).write(to: f.dir.appendingPathComponent("bad.klite"))
    let bad = try f.run(["check", "bad.klite"])
    #expect(bad.status != 0, "check hashes the weights")
    #expect(try f.run(["inspect", "bad.klite", "--verify"]).status == 2)
    // Truncated: unusable input, exit 2 with one error line.
    try Data(bytes.prefix(500)).write(to: f.dir.appendingPathComponent("short.klite"))
    let short = try f.run(["inspect", "short.klite"])
    #expect(short.status == 2)
    #expect(short.stderr.hasPrefix("error: "), "\(short.stderr)")
}

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
    #expect(i.stdout.contains("Kiln Lite 1.1"), "tables compressed by default")
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

/// `kiln bench`: the JSON report follows schemas/kiln-bench.schema.json, `--shape` sets random
/// input shapes, and `--baseline` exits 1 when the median is slower than the tolerance allows.
@Test func benchReportAndBaseline() throws {
    let f = try RunFixture()
    defer { try? FileManager.default.removeItem(at: f.dir) }
    #expect(try f.run(["convert", f.model, "-o", "m.klite"]).status == 0)
    let r = try f.run([
        "bench", "m.klite", "--shape", "input=3x3x16x16", "--runs", "5", "--warmup", "1",
        "--profile", "--top", "2", "--format", "json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.isEmpty, "no progress bar when stderr is not a terminal")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(report["schema"] as? String == "kiln-bench/1")
    #expect(report["runs"] as? Int == 5)
    let inputs = try #require(report["inputs"] as? [[String: Any]])
    #expect(inputs.first?["shape"] as? [Int] == [3, 3, 16, 16])
    #expect((report["topNodes"] as? [Any])?.count == 2)
    let p50 = try #require(report["medianMilliseconds"] as? Double)
    let p99 = try #require(report["p99Milliseconds"] as? Double)
    let minimum = try #require(report["minMilliseconds"] as? Double)
    #expect(minimum <= p50 && p50 <= p99)
    try Data(r.stdout.utf8).write(to: f.dir.appendingPathComponent("base.json"))
    if let python = Fixtures.python(with: ["jsonschema"]) {
        let schema = Fixtures.root.appendingPathComponent("schemas/kiln-bench.schema.json").path
        let v = try Fixtures.run(
            python,
            ["-c", "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))",
             f.dir.appendingPathComponent("base.json").path, schema])
        #expect(v.status == 0, "report does not validate: \(v.stderr)")
    } else {
        Fixtures.skip("benchReportAndBaseline (schema validation)", "Python with jsonschema not found")
    }
    // A baseline 1000× faster than anything possible: a regression, exit 1.
    var fast = report
    fast["medianMilliseconds"] = p50 / 1000
    try JSONSerialization.data(withJSONObject: fast).write(to: f.dir.appendingPathComponent("fast.json"))
    let slow = try f.run(["bench", "m.klite", "--runs", "3", "--baseline", "fast.json", "--tolerance", "10%"])
    #expect(slow.status == 1, "\(slow.stdout)\(slow.stderr)")
    #expect(slow.stdout.contains("REGRESSION"))
    // A slow baseline: no regression.
    fast["medianMilliseconds"] = p50 * 1000
    try JSONSerialization.data(withJSONObject: fast).write(to: f.dir.appendingPathComponent("slowbase.json"))
    #expect(try f.run(["bench", "m.klite", "--runs", "3", "--baseline", "slowbase.json"]).status == 0)
    #expect(try f.run(["bench", "m.klite", "--baseline", "m.klite"]).status == 2, "not a report")
}

/// `kiln stub` writes a package preset to the model's inputs; with `KILN_STUB_BUILD=1` the test
/// also builds it (`swift build -c release`, minutes: it compiles Kiln's runtime and
/// swift-crypto) and runs it, checking that it prints a kiln-bench/1 report.
@Test func stubIsGeneratedBuiltAndRun() throws {
    let f = try RunFixture()
    defer { try? FileManager.default.removeItem(at: f.dir) }
    let r = try f.run(["stub", f.model, "stub", "--dim", "N=2", "--kiln-package", Fixtures.root.path])
    #expect(r.status == 0, "\(r.stderr)")
    let dir = f.dir.appendingPathComponent("stub")
    for file in ["Package.swift", "Sources/bench/main.swift", "model.klite", "bench.json", "README.md"] {
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(file).path), "\(file)")
    }
    let manifest = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("bench.json"))) as? [String: Any])
    #expect(manifest["schema"] as? String == "kiln-stub/1")
    let inputs = try #require(manifest["inputs"] as? [[String: Any]])
    #expect(inputs.first?["name"] as? String == "input")
    #expect(inputs.first?["shape"] as? [Int] == [2, 3, 16, 16], "--dim N=2 fixed the symbolic batch")
    let main = try String(contentsOf: dir.appendingPathComponent("Sources/bench/main.swift"), encoding: .utf8)
    #expect(main.contains("shape: [2, 3, 16, 16]"))
    // The stub's model is the same model.
    #expect(try f.run(["diff", f.model, "stub/model.klite", "--dim", "N=2"]).status == 0)
    // convert --bench-stub writes the same kind of package.
    #expect(try f.run(["convert", f.model, "-o", "m.klite", "--bench-stub", "stub2"]).status == 0)
    #expect(FileManager.default.fileExists(atPath: f.dir.appendingPathComponent("stub2/Sources/bench/main.swift").path))
    guard ProcessInfo.processInfo.environment["KILN_STUB_BUILD"] == "1" else {
        return Fixtures.skip(#function + " (build and run)", "set KILN_STUB_BUILD=1 to build the stub (minutes)")
    }
    let build = try Fixtures.run("swift", ["build", "-c", "release"], cwd: dir)
    #expect(build.status == 0, "\(build.stderr)\(build.stdout.suffix(2000))")
    let run = try Fixtures.run(dir.appendingPathComponent(".build/release/bench").path, ["--runs", "3", "--format", "json"], cwd: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(report["schema"] as? String == "kiln-bench/1")
    #expect(report["runs"] as? Int == 3)
}

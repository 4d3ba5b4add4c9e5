import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import KilnTestSupport
import Testing

/// One expected outcome from fixtures/malformed/expected.json.
struct MalformedCase: Decodable, Sendable, CustomTestStringConvertible {
    var file: String
    var convert: Int32
    var check: Int32
    var mention: String
    var testDescription: String { file }

    static func all() -> [MalformedCase] {
        let url = Fixtures.directory.appendingPathComponent("malformed/expected.json")
        struct Entry: Decodable {
            var convert: Int32
            var check: Int32
            var mention: String
        }
        guard let data = try? Data(contentsOf: url),
            let map = try? JSONDecoder().decode([String: Entry].self, from: data)
        else { return [] }
        return map.keys.sorted().compactMap { k in
            map[k].map { MalformedCase(file: k, convert: $0.convert, check: $0.check, mention: $0.mention) }
        }
    }
}

/// Copies fixtures/malformed into a fresh folder beside a model-less parent, adding the
/// symlink and hard-link cases that git cannot carry.
func malformedWorkspace() throws -> URL {
    let root = try Fixtures.temporaryDirectory("malformed")
    let dir = root.appendingPathComponent("models")
    try FileManager.default.copyItem(at: Fixtures.directory.appendingPathComponent("malformed"), to: dir)
    try Data(count: 64).write(to: root.appendingPathComponent("secret.bin"))
    return dir
}

@Test(arguments: MalformedCase.all())
func convertRejectsMalformedInputCleanly(_ c: MalformedCase) throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let dir = try malformedWorkspace()
    defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
    let before = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    let r = try Fixtures.run(kiln.path, ["convert", c.file, "-o", "out.onnx"], cwd: dir)
    #expect(r.status == c.convert, "exit \(r.status): \(r.stderr)")
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 1, "expected one error line, got: \(r.stderr)")
    #expect(r.stderr.hasPrefix("error: \(c.file):"), "error must name the file first: \(r.stderr)")
    if !c.mention.isEmpty {
        #expect(r.stderr.contains(c.mention), "error should mention '\(c.mention)': \(r.stderr)")
    }
    // Nothing is left behind: no output, no temporary file.
    let after = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    #expect(after == before)
}

@Test(arguments: ["symlink", "hardlink"])
func externalDataLinksAreRefused(kind: String) throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let dir = try malformedWorkspace()
    defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
    // Reuse the `external_missing` model: it points at does_not_exist.bin; make that a link.
    let target = dir.deletingLastPathComponent().appendingPathComponent("secret.bin")
    let link = dir.appendingPathComponent("does_not_exist.bin")
    if kind == "symlink" {
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
    } else {
        try FileManager.default.linkItem(at: target, to: link)
    }
    let r = try Fixtures.run(kiln.path, ["convert", "external_missing.onnx", "-o", "out.onnx"], cwd: dir)
    #expect(r.status == 2)
    #expect(r.stderr.contains(kind == "symlink" ? "symbolic link" : "hard link"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.onnx").path))
}

@Test func inspectAndConvertWorkOnTheBundledModel() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let dir = try Fixtures.temporaryDirectory("cli")
    defer { try? FileManager.default.removeItem(at: dir) }
    let model = Fixtures.directory.appendingPathComponent("models/tiny_cnn.onnx").path
    let out = dir.appendingPathComponent("copy.onnx").path
    let conv = try Fixtures.run(kiln.path, ["convert", model, "-o", out])
    #expect(conv.status == 0, "\(conv.stderr)")
    let a = try Data(contentsOf: URL(fileURLWithPath: out))
    _ = try Fixtures.run(kiln.path, ["convert", model, "-o", out])
    #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == a, "output must be deterministic")
    let insp = try Fixtures.run(kiln.path, ["inspect", out, "--format", "json"])
    #expect(insp.status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(insp.stdout.utf8)) as? [String: Any])
    #expect(json["parameters"] as? Int == 1594)
    #expect((json["inputs"] as? [[String: Any]])?.first?["type"] as? String == "float32[N,3,16,16]")
    let dot = try Fixtures.run(kiln.path, ["inspect", out, "--format", "dot"])
    #expect(dot.stdout.hasPrefix("digraph"))
    #expect(dot.stdout.components(separatedBy: "shape=box").count - 1 == 10)
}

@Test func usageErrorsExitTwo() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let r = try Fixtures.run(kiln.path, ["convert", "model.xyz", "-o", "out.onnx"])
    #expect(r.status == 2)
    let r2 = try Fixtures.run(kiln.path, ["no-such-command"])
    #expect(r2.status == 2)
}

@Test(arguments: MalformedCase.all())
func checkReportsMalformedInputWithTheRightExitCode(_ c: MalformedCase) throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let dir = try malformedWorkspace()
    defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
    let r = try Fixtures.run(kiln.path, ["check", c.file, "--format", "json"], cwd: dir)
    #expect(r.status == c.check, "exit \(r.status): \(r.stdout.prefix(500)) \(r.stderr)")
    // The JSON report is always produced and names the file.
    let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    #expect(json != nil)
    #expect(r.stdout.contains(c.file))
}

@Test func checkFormatsAreWellFormed() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let models = ["models/tiny_cnn.onnx", "malformed/cycle.onnx", "malformed/truncated.onnx"]
    let args = models.map { Fixtures.directory.appendingPathComponent($0).path }
    let sarif = try Fixtures.run(kiln.path, ["check", "--format", "sarif"] + args)
    #expect(sarif.status == 2)
    let s = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
    #expect(s["version"] as? String == "2.1.0")
    let junit = try Fixtures.run(kiln.path, ["check", "--format", "junit"] + args)
    #expect(XMLParser(data: Data(junit.stdout.utf8)).parse())
    #expect(junit.stdout.components(separatedBy: "<testcase").count - 1 == 3)
    let gh = try Fixtures.run(kiln.path, ["check", "--format", "github"] + args)
    #expect(gh.stdout.contains("::error file="))
    let clean = try Fixtures.run(kiln.path, ["check", args[0]])
    #expect(clean.status == 0, "\(clean.stdout)")
}

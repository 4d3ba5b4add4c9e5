import Foundation
import KilnTestSupport
import Testing

/// Every unusable fixture (malformed, hostile, hardening) through every command that reads it:
/// the README's exit code (2), exactly one `error: FILE: ...` line, no raw control characters.
struct UnusableFile: Sendable, CustomTestStringConvertible {
    var folder: String
    var file: String
    var command: String
    var testDescription: String { "\(command) \(folder)/\(file)" }

    static func all() -> [UnusableFile] {
        var out: [UnusableFile] = []
        for c in MalformedCase.all() where c.convert == 2 {
            for command in ["inspect", "convert", "run"] {
                out.append(UnusableFile(folder: "malformed", file: c.file, command: command))
            }
        }
        let hostile = (try? FileManager.default.contentsOfDirectory(
            atPath: Fixtures.directory.appendingPathComponent("hostile").path)) ?? []
        for f in hostile.sorted() where f.hasSuffix(".onnx") {
            out.append(UnusableFile(folder: "hostile", file: f, command: "run"))
        }
        return out
    }
}

@Test(arguments: UnusableFile.all())
func everyUnusableFileGetsOneEscapedLineAndExitTwo(_ c: UnusableFile) throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let dir = try malformedWorkspace()
    defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
    if c.folder != "malformed" {
        try FileManager.default.copyItem(
            at: Fixtures.directory.appendingPathComponent("\(c.folder)/\(c.file)"),
            to: dir.appendingPathComponent("\(c.folder)-\(c.file)"))
    }
    let file = c.folder == "malformed" ? c.file : "\(c.folder)-\(c.file)"
    var args = [c.command, file]
    if c.command == "convert" { args += ["-o", "out.onnx"] }
    let r = try Fixtures.run(kiln.path, args, cwd: dir, timeout: 60)
    #expect(!r.timedOut)
    #expect(r.status == 2, "exit \(r.status): \(r.stderr)")
    expectOneErrorLine(r.stderr, file: file)
    #expect(r.stderr.hasPrefix("error: \(file): "), "the file comes first: \(r.stderr)")
}

/// The same conversion in different working directories, locales and time zones gives the
/// same bytes.
@Test func conversionsAreByteIdenticalAcrossDirectoriesAndEnvironments() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let root = try Fixtures.temporaryDirectory("determinism")
    defer { try? FileManager.default.removeItem(at: root) }
    let model = Fixtures.directory.appendingPathComponent("models/tiny_cnn.onnx")
    let mlp = Fixtures.directory.appendingPathComponent("json/small-mlp.json")
    let environments: [[String: String]] = [
        ["LC_ALL": "C", "LANG": "C", "TZ": "UTC"],
        ["LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8", "TZ": "Asia/Tokyo"],
        ["LC_ALL": "tr_TR.UTF-8", "LC_NUMERIC": "fr_FR.UTF-8", "TZ": "America/St_Johns"],
    ]
    var results: [[String: Data]] = []
    for (k, env) in environments.enumerated() {
        var environment = ProcessInfo.processInfo.environment
        for (key, v) in env { environment[key] = v }
        // A different working directory each time, with relative paths from it.
        let cwd = root.appendingPathComponent("run\(k)/nested")
        try FileManager.default.createDirectory(at: cwd, withIntermediateDirectories: true)
        var outputs: [String: Data] = [:]
        for (input, out) in [(model, "cnn.json"), (model, "cnn.onnx"), (mlp, "mlp.onnx"), (mlp, "mlp.json")] {
            let r = try Fixtures.run(
                kiln.path, ["convert", input.path, "-o", out], cwd: cwd, timeout: 60,
                environment: environment)
            #expect(r.status == 0, "\(env): \(r.stderr)")
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: cwd.path).sorted() {
            outputs[name] = try Data(contentsOf: cwd.appendingPathComponent(name))
        }
        results.append(outputs)
    }
    #expect(results[0].keys.sorted() == ["cnn.bin", "cnn.json", "cnn.onnx", "mlp.bin", "mlp.json", "mlp.onnx"])
    for r in results.dropFirst() {
        #expect(r.keys.sorted() == results[0].keys.sorted())
        for (name, data) in results[0] {
            #expect(r[name] == data, "\(name) differs between environments")
        }
    }
}

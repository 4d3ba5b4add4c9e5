import Foundation
import KilnTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

// Regression tests for issue 9 (hardening): every defect it lists, through the built binary.

/// One case of fixtures/hardening/expected.json (made by scripts/make-hardening-fixtures.py).
struct HardeningCase: Sendable, CustomTestStringConvertible {
    var file: String
    var args: [String]
    var exit: Int32
    var mention: String
    var testDescription: String { "\(file) \(args.first ?? "")" }

    static func all() -> [HardeningCase] {
        let url = Fixtures.directory.appendingPathComponent("hardening/expected.json")
        struct Spec: Decodable {
            var args: [String]
            var exit: Int32
            var mention: String
        }
        struct Entry: Decodable {
            var args: [String]
            var exit: Int32
            var mention: String
            var run: Spec?
        }
        guard let data = try? Data(contentsOf: url),
            let map = try? JSONDecoder().decode([String: Entry].self, from: data)
        else { return [] }
        var out: [HardeningCase] = []
        for k in map.keys.sorted() {
            guard let e = map[k] else { continue }
            out.append(HardeningCase(file: k, args: e.args, exit: e.exit, mention: e.mention))
            if let r = e.run {
                out.append(HardeningCase(file: k, args: r.args, exit: r.exit, mention: r.mention))
            }
        }
        return out
    }
}

/// A private copy of fixtures/hardening, so tests can add pipes and links beside the models.
func hardeningWorkspace() throws -> URL {
    let root = try Fixtures.temporaryDirectory("hardening")
    let dir = root.appendingPathComponent("models")
    try FileManager.default.copyItem(
        at: Fixtures.directory.appendingPathComponent("hardening"), to: dir)
    return dir
}

/// Asserts the README's error contract: exactly one line, `error: FILE: ...`, no raw control
/// characters.
func expectOneErrorLine(_ stderr: String, file: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
    #expect(lines.count == 1, "expected one error line, got: \(stderr)", sourceLocation: sourceLocation)
    #expect(stderr.hasPrefix("error: "), "\(stderr)", sourceLocation: sourceLocation)
    #expect(stderr.contains(file), "the error must name \(file): \(stderr)", sourceLocation: sourceLocation)
    let controls = stderr.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }
    #expect(controls.isEmpty, "raw control characters in: \(stderr.debugDescription)", sourceLocation: sourceLocation)
}

@Test(arguments: HardeningCase.all())
func hostileModelsEndWithTheDocumentedExitCode(_ c: HardeningCase) throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let dir = try hardeningWorkspace()
    defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
    let args = c.args.map {
        $0.replacingOccurrences(of: "{file}", with: c.file).replacingOccurrences(of: "{dir}", with: dir.path)
    }
    let r = try Fixtures.run(kiln.path, args, cwd: dir, timeout: 60)
    #expect(!r.timedOut, "\(args) hung (killed after 60 s)")
    #expect(r.status == c.exit, "exit \(r.status): \(r.stderr) \(r.stdout.prefix(400))")
    switch c.exit {
    case 2:
        // The error names the file at fault: the model, or an input file given on the command line.
        let named = ([c.file] + args.map { URL(fileURLWithPath: $0).lastPathComponent })
            .first { r.stderr.contains($0) } ?? c.file
        expectOneErrorLine(r.stderr, file: named)
        #expect(r.stderr.contains(c.mention), "should mention '\(c.mention)': \(r.stderr)")
    default:
        #expect((r.stdout + r.stderr).contains(c.mention), "should mention '\(c.mention)': \(r.stdout)")
    }
}

// MARK: - Files that are not regular files

@Test(arguments: ["check", "inspect", "convert"])
func namedPipeAsExternalDataDoesNotBlock(command: String) throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let dir = try malformedWorkspace()
    defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
    // external_missing.onnx points at does_not_exist.bin: make that a FIFO nobody writes to.
    #expect(mkfifo(dir.appendingPathComponent("does_not_exist.bin").path, 0o644) == 0)
    var args = [command, "external_missing.onnx"]
    if command == "convert" { args += ["-o", "out.onnx"] }
    let r = try Fixtures.run(kiln.path, args, cwd: dir, timeout: 30)
    #expect(!r.timedOut, "kiln \(command) blocked on a named pipe")
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stderr.contains("named pipe"), "\(r.stderr)")
    if command != "check" { expectOneErrorLine(r.stderr, file: "external_missing.onnx") }
}

@Test func namedPipeAsRunInputDoesNotBlock() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let dir = try hardeningWorkspace()
    defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
    #expect(mkfifo(dir.appendingPathComponent("pipe.npy").path, 0o644) == 0)
    let r = try Fixtures.run(kiln.path, ["run", "relu.onnx", "--input", "x=pipe.npy"], cwd: dir, timeout: 30)
    #expect(!r.timedOut, "kiln run blocked on a named pipe")
    #expect(r.status == 2)
    #expect(r.stderr.contains("named pipe"), "\(r.stderr)")
    expectOneErrorLine(r.stderr, file: "pipe.npy")
}

@Test func directoryAsExternalDataIsNamedADirectory() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let dir = try malformedWorkspace()
    defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
    try FileManager.default.createDirectory(
        at: dir.appendingPathComponent("does_not_exist.bin"), withIntermediateDirectories: false)
    let r = try Fixtures.run(kiln.path, ["convert", "external_missing.onnx", "-o", "o.onnx"], cwd: dir, timeout: 30)
    #expect(r.status == 2)
    #expect(r.stderr.contains("a directory"), "\(r.stderr)")
    #expect(!r.stderr.contains("hard link"), "\(r.stderr)")
}

@Test func jsonSidecarHardLinkIsRefused() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let root = try Fixtures.temporaryDirectory("sidecar")
    defer { try? FileManager.default.removeItem(at: root) }
    let dir = root.appendingPathComponent("models")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for f in ["small-mlp.json", "small-mlp.bin"] {
        try FileManager.default.copyItem(
            at: Fixtures.directory.appendingPathComponent("json/\(f)"), to: dir.appendingPathComponent(f))
    }
    let ok = try Fixtures.run(kiln.path, ["inspect", "small-mlp.json"], cwd: dir, timeout: 30)
    #expect(ok.status == 0, "\(ok.stderr)")
    // Replace the sidecar with a hard link to a file outside the model's folder.
    let outside = root.appendingPathComponent("secret.bin")
    try FileManager.default.moveItem(at: dir.appendingPathComponent("small-mlp.bin"), to: outside)
    try FileManager.default.linkItem(at: outside, to: dir.appendingPathComponent("small-mlp.bin"))
    let r = try Fixtures.run(kiln.path, ["inspect", "small-mlp.json"], cwd: dir, timeout: 30)
    #expect(r.status == 2)
    #expect(r.stderr.contains("hard link"), "\(r.stderr)")
    expectOneErrorLine(r.stderr, file: "small-mlp.json")
}

// MARK: - Messages and inputs

@Test func checkPrintsWhyAFileIsUnreadable() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let dir = try malformedWorkspace()
    defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
    let r = try Fixtures.run(kiln.path, ["check", "truncated.onnx", "no_such_file.onnx"], cwd: dir, timeout: 30)
    #expect(r.status == 2)
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 2, "\(r.stderr)")
    #expect(lines.first?.hasPrefix("error: truncated.onnx:") == true, "\(r.stderr)")
    #expect(lines.last?.hasPrefix("error: no_such_file.onnx:") == true, "\(r.stderr)")
}

@Test func repeatedInputIsRefused() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let dir = try hardeningWorkspace()
    defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
    let x = dir.appendingPathComponent("x2.npy")
    try npy(float32s: [1, -2], shape: [2]).write(to: x)
    let r = try Fixtures.run(
        kiln.path, ["run", "relu.onnx", "--input", "x=x2.npy", "--input", "x=x2.npy"], cwd: dir, timeout: 30)
    #expect(r.status == 2)
    #expect(r.stderr.contains("more than once"), "\(r.stderr)")
    let once = try Fixtures.run(kiln.path, ["run", "relu.onnx", "--input", "x=x2.npy"], cwd: dir, timeout: 30)
    #expect(once.status == 0, "\(once.stderr)")
}

/// A little-endian float32 `.npy` file.
func npy(float32s: [Float], shape: [Int]) -> Data {
    let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    var header = "{'descr': '<f4', 'fortran_order': False, 'shape': \(shapeText), }"
    while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
    header += "\n"
    var d = Data([0x93]) + Data("NUMPY".utf8) + Data([1, 0])
    d.append(UInt8(header.utf8.count & 0xff))
    d.append(UInt8(header.utf8.count >> 8))
    d.append(Data(header.utf8))
    for f in float32s { withUnsafeBytes(of: f.bitPattern.littleEndian) { d.append(contentsOf: $0) } }
    return d
}

// MARK: - No data lost

@Test func commandsRefuseToWriteOverTheirInputs() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let dir = try hardeningWorkspace()
    defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
    let model = dir.appendingPathComponent("relu.onnx")
    let before = try Data(contentsOf: model)
    let x = dir.appendingPathComponent("in.npz")
    // Make an .npz input with kiln itself.
    try npy(float32s: [1, -2], shape: [2]).write(to: dir.appendingPathComponent("x2.npy"))
    let made = try Fixtures.run(
        kiln.path, ["run", "relu.onnx", "--input", "x=x2.npy", "-o", "in.npz"], cwd: dir, timeout: 30)
    #expect(made.status == 0, "\(made.stderr)")
    let npzBefore = try Data(contentsOf: x)
    let attempts: [[String]] = [
        ["check", "relu.onnx", "-o", "relu.onnx"],
        ["check", "control_chars.onnx", "relu.onnx", "--output", "./relu.onnx"],
        ["run", "relu.onnx", "--input", "in.npz", "-o", "relu.onnx"],
        ["run", "relu.onnx", "--input", "in.npz", "-o", "in.npz"],
        ["convert", "relu.onnx", "-o", "relu.onnx"],
        ["convert", "relu.onnx", "-o", "\(dir.path)/../models/relu.onnx"],
    ]
    for args in attempts {
        let r = try Fixtures.run(kiln.path, args, cwd: dir, timeout: 30)
        #expect(r.status == 2, "\(args): exit \(r.status)")
        #expect(r.stderr.contains("refusing to write over"), "\(args): \(r.stderr)")
        #expect(try Data(contentsOf: model) == before, "\(args) changed the model")
        #expect(try Data(contentsOf: x) == npzBefore, "\(args) changed the input")
    }
    // A hard link to the input is the same file.
    try FileManager.default.linkItem(at: model, to: dir.appendingPathComponent("alias.onnx"))
    let alias = try Fixtures.run(kiln.path, ["convert", "relu.onnx", "-o", "alias.onnx"], cwd: dir, timeout: 30)
    #expect(alias.status == 2, "\(alias.stderr)")
    // --force writes (through a rename, so the input was never half-written).
    let forced = try Fixtures.run(kiln.path, ["convert", "relu.onnx", "-o", "relu.onnx", "--force"], cwd: dir, timeout: 30)
    #expect(forced.status == 0, "\(forced.stderr)")
    let checked = try Fixtures.run(kiln.path, ["check", "relu.onnx", "-o", "relu.onnx", "--force"], cwd: dir, timeout: 30)
    #expect(checked.status != 2, "\(checked.stderr)")
    #expect(try String(contentsOf: model, encoding: .utf8).contains("relu.onnx"))
}

/// A Kiln JSON output's `.bin` sidecar is a file the user never named: it must not replace a file
/// the command reads (here the ONNX input's external data, `external_data.bin`), even with
/// `--force`, which only lets `-o` name an input.
@Test func sidecarNeverOverwritesAnInput() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let dir = try hardeningWorkspace()
    defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
    let weights = dir.appendingPathComponent("external_data.bin")
    let before = try Data(contentsOf: weights)
    for command in ["convert", "optimize"] {
        for force in [false, true] {
            let args =
                [command, "external_data.onnx", "-o", "external_data.json"]
                + (force ? ["--force"] : [])
            let r = try Fixtures.run(kiln.path, args, cwd: dir, timeout: 30)
            #expect(r.status == 2, "\(args): exit \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("external_data.bin"), "\(args): \(r.stderr)")
            #expect(r.stderr.contains("--force does not allow that"), "\(args): \(r.stderr)")
            #expect(try Data(contentsOf: weights) == before, "\(args) replaced the external data")
            let json = dir.appendingPathComponent("external_data.json")
            #expect(!FileManager.default.fileExists(atPath: json.path), "\(args) wrote the JSON")
        }
    }
    // Another name is fine, and the model still reads its weights afterwards.
    let ok = try Fixtures.run(
        kiln.path, ["convert", "external_data.onnx", "-o", "other.json"], cwd: dir, timeout: 30)
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(try Data(contentsOf: weights) == before)
    let run = try Fixtures.run(kiln.path, ["check", "external_data.onnx"], cwd: dir, timeout: 30)
    #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
    // A forced in-place rewrite of a JSON model replaces its own sidecar, as asked.
    let inPlace = try Fixtures.run(
        kiln.path, ["convert", "other.json", "-o", "other.json", "--force"], cwd: dir, timeout: 30)
    #expect(inPlace.status == 0, "\(inPlace.stderr)")
    let reread = try Fixtures.run(kiln.path, ["check", "other.json"], cwd: dir, timeout: 30)
    #expect(reread.status == 0, "\(reread.stdout) \(reread.stderr)")
    // optimize now refuses to write over its input too, unless --force.
    let model = dir.appendingPathComponent("relu.onnx")
    let reluBefore = try Data(contentsOf: model)
    let same = try Fixtures.run(
        kiln.path, ["optimize", "relu.onnx", "-o", "relu.onnx"], cwd: dir, timeout: 30)
    #expect(same.status == 2 && same.stderr.contains("refusing to write over"), "\(same.stderr)")
    #expect(try Data(contentsOf: model) == reluBefore)
    let forced = try Fixtures.run(
        kiln.path, ["optimize", "relu.onnx", "-o", "relu.onnx", "--force"], cwd: dir, timeout: 30)
    #expect(forced.status == 0, "\(forced.stderr)")
}

/// A Kiln JSON chain of `n` Relu nodes, as text (no library needed).
func chainJSON(_ n: Int, wide: Bool = false) -> String {
    var s = """
        {"format": "kiln-json", "version": 1, "irVersion": 9, "opsetImports": [{"version": 17}],
         "graph": {"inputs": [{"name": "x", "type": {"tensor": {"elementType": "float32", "shape": [4]}}}],
        """
    var outputs: [String] = []
    var nodes: [String] = []
    nodes.reserveCapacity(n)
    for i in 0..<n {
        let input = wide || i == 0 ? "x" : "v\(i - 1)"
        nodes.append("{\"opType\": \"Relu\", \"name\": \"n\(i)\", \"inputs\": [\"\(input)\"], \"outputs\": [\"v\(i)\"]}")
        if wide { outputs.append("{\"name\": \"v\(i)\"}") }
    }
    if !wide { outputs = ["{\"name\": \"v\(n - 1)\"}"] }
    s += "\"outputs\": [\(outputs.joined(separator: ","))],\n\"nodes\": [\n"
    s += nodes.joined(separator: ",\n")
    s += "]}}\n"
    return s
}

@Test func killedWriteLeavesTheOldFileOrTheNewOne() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let dir = try Fixtures.temporaryDirectory("killed-write")
    defer { try? FileManager.default.removeItem(at: dir) }
    try chainJSON(60_000).write(to: dir.appendingPathComponent("big.json"), atomically: true, encoding: .utf8)
    try chainJSON(3).write(to: dir.appendingPathComponent("small.json"), atomically: true, encoding: .utf8)
    // The old output, then what a complete write produces.
    #expect(try Fixtures.run(kiln.path, ["convert", "small.json", "-o", "out.onnx"], cwd: dir, timeout: 60).status == 0)
    let old = try Data(contentsOf: dir.appendingPathComponent("out.onnx"))
    #expect(try Fixtures.run(kiln.path, ["convert", "big.json", "-o", "new.onnx"], cwd: dir, timeout: 120).status == 0)
    let new = try Data(contentsOf: dir.appendingPathComponent("new.onnx"))
    var sawOld = false
    var sawNew = false
    // Kill the writer at spread-out moments; whatever happens, out.onnx is whole.
    for (k, delay) in [0.05, 0.15, 0.3, 0.5, 0.8, 1.2, 2.0, 3.0, 5.0].enumerated() {
        let p = Process()
        p.executableURL = kiln
        p.arguments = ["convert", "big.json", "-o", "out.onnx"]
        p.currentDirectoryURL = dir
        p.standardError = FileHandle.nullDevice
        try p.run()
        Thread.sleep(forTimeInterval: delay)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let now = try Data(contentsOf: dir.appendingPathComponent("out.onnx"))
        #expect(now == old || now == new, "kill #\(k) after \(delay) s left a partial file (\(now.count) bytes)")
        if now == old { sawOld = true } else if now == new { sawNew = true }
        if now == new {
            // Restore the old file for the next round.
            try old.write(to: dir.appendingPathComponent("out.onnx"))
        }
    }
    #expect(sawOld, "no kill landed before the rename; the test did not exercise a partial write")
    _ = sawNew
}

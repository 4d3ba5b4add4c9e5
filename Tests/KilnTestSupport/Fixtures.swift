import Foundation

/// Locates repository fixtures and the optional `../shared` folder for tests.
public enum Fixtures {
    /// The repository root (found from this file's path).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `fixtures/` at the repository root.
    public static var directory: URL { root.appendingPathComponent("fixtures") }

    /// `../shared/conformance` beside the repository (or `$KILN_CONFORMANCE`), if present.
    public static var conformance: URL? {
        if let env = ProcessInfo.processInfo.environment["KILN_CONFORMANCE"] {
            return URL(fileURLWithPath: env)
        }
        let url = root.deletingLastPathComponent().appendingPathComponent("shared/conformance")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Prints a visible skip notice (Swift Testing has no runtime skip with a reason).
    public static func skip(_ test: String, _ why: String) {
        print("◇ skipped: \(test): \(why)")
    }
}

// MARK: - External tools

extension Fixtures {
    /// A Python interpreter that can `import` every module in `modules`, or `nil`.
    ///
    /// Looks at `$KILN_PYTHON`, then `.venv/bin/python` in the repository (made by `.ci/run`),
    /// then `python3` on the PATH.
    public static func python(with modules: [String]) -> String? {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["KILN_PYTHON"] { candidates.append(env) }
        candidates.append(root.appendingPathComponent(".venv/bin/python").path)
        candidates.append("/usr/bin/env")
        for c in candidates {
            let args = (c == "/usr/bin/env" ? ["python3"] : []) + ["-c", "import " + modules.joined(separator: ", ")]
            if let r = try? run(c, args), r.status == 0 {
                return c == "/usr/bin/env" ? "python3" : c
            }
        }
        return nil
    }

    /// Result of running a subprocess.
    public struct ProcessResult: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `executable` (a path, or a name looked up with /usr/bin/env) with `arguments`.
    public static func run(_ executable: String, _ arguments: [String], cwd: URL? = nil) throws
        -> ProcessResult
    {
        let p = Process()
        if executable.contains("/") {
            p.executableURL = URL(fileURLWithPath: executable)
            p.arguments = arguments
        } else {
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = [executable] + arguments
        }
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Read both pipes concurrently so a chatty child cannot block on a full pipe.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return ProcessResult(
            status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The `kiln` executable built beside the test bundle.
    public static var kilnBinary: URL? {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("kiln")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return nil
    }

    /// A fresh temporary directory.
    public static func temporaryDirectory(_ label: String = "kiln") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every `model.onnx` under the conformance folder's `onnx-node` and `onnx-models`.
    public static func conformanceModels() -> [URL] {
        guard let root = conformance else { return [] }
        var out: [URL] = []
        for sub in ["onnx-node", "onnx-models"] {
            let dir = root.appendingPathComponent(sub)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for n in names.sorted() {
                let m = dir.appendingPathComponent(n).appendingPathComponent("model.onnx")
                if FileManager.default.fileExists(atPath: m.path) { out.append(m) }
            }
        }
        return out
    }
}

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

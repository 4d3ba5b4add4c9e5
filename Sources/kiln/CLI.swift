import ArgumentParser
import Foundation
import KilnIR

/// Shared CLI plumbing: error printing and exit codes.
enum CLI {
    /// Runs `body`, turning a `KilnError` into one line on stderr and its exit code.
    static func guarded(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let e as KilnError {
            printError("error: \(e.description)")
            throw ExitCode(e.exitCode)
        }
    }

    /// Runs `body`, attributing any `KilnError` without a file to `path`.
    static func inFile<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var e as KilnError {
            if e.location.file == nil { e.location.file = path }
            throw e
        }
    }

    /// Pretty, key-sorted JSON for machine-readable output.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(value), as: UTF8.self)
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

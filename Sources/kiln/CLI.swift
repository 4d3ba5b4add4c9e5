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

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

import Foundation
import Synchronization

extension Fixtures {
    /// The result of `run(_:_:cwd:timeout:)`: the process's outcome and whether it was killed
    /// for running past the timeout.
    public struct TimedResult: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var timedOut: Bool
        public var seconds: Double
    }

    /// Runs `executable` with `arguments`, killing it (SIGKILL) after `timeout` seconds, so a
    /// hang is a test failure instead of a stuck test run.
    public static func run(
        _ executable: String, _ arguments: [String], cwd: URL? = nil, timeout: Double,
        environment: [String: String]? = nil
    ) throws -> TimedResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        if let cwd { p.currentDirectoryURL = cwd }
        if let environment { p.environment = environment }
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        let start = Date()
        try p.run()
        let pid = p.processIdentifier
        let killed = KillFlag()
        let timer = DispatchWorkItem {
            if kill(pid, 0) == 0 {
                killed.set()
                kill(pid, SIGKILL)
            }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
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
        timer.cancel()
        return TimedResult(
            status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), timedOut: killed.value,
            seconds: Date().timeIntervalSince(start))
    }
}

/// A flag set from the timer queue and read after the process ended.
private final class KillFlag: Sendable {
    private let storage = Mutex(false)
    func set() { storage.withLock { $0 = true } }
    var value: Bool { storage.withLock { $0 } }
}

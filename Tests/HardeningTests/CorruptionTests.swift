import Foundation
import KilnIR
import KilnTestSupport
import Testing

/// Systematic corruption: every truncation and a seeded set of byte flips of small ONNX and
/// Kiln JSON files, each through read → verify → check → plan → run. Each must end in a
/// `KilnError` or a valid result; a crash fails the whole test process, a hang is bounded by the
/// runtime's wall-clock budget, and allocations by the reader and runtime limits.
@Suite struct CorruptionTests {
    static let flipsPerFile = 1500

    /// Counts of how far the corrupted inputs got, printed for the record.
    struct Tally: CustomStringConvertible {
        var counts: [Pipeline.Stage: Int] = [:]
        var foreign: [String] = []
        mutating func add(_ o: Pipeline.Outcome, _ what: String) {
            counts[o.stage, default: 0] += 1
            if o.foreignError { foreign.append("\(what): \(String(describing: o.error))") }
        }
        var total: Int { counts.values.reduce(0, +) }
        var description: String {
            Pipeline.Stage.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", ")
        }
    }

    static func fixture(_ path: String) throws -> Data {
        try Data(contentsOf: Fixtures.directory.appendingPathComponent(path))
    }

    /// `data` with one byte XOR-ed by a non-zero mask, position and mask from `rng`.
    static func flip(_ data: Data, _ rng: inout SeededGenerator) -> (Data, String) {
        var d = data
        let i = Int(rng.next() % UInt64(d.count))
        let mask = UInt8(truncatingIfNeeded: rng.next() % 255 + 1)
        d[d.startIndex + i] ^= mask
        return (d, "byte \(i) ^ 0x\(String(mask, radix: 16))")
    }

    @Test(arguments: ["models/tiny_cnn.onnx", "models/if_branch.onnx", "models/lstm.onnx"])
    func everyTruncationOfAnONNXFileFailsCleanly(_ path: String) throws {
        let data = try Self.fixture(path)
        var tally = Tally()
        for n in 0..<data.count {
            tally.add(Pipeline.exerciseONNX(data.prefix(n)), "\(path) truncated to \(n)")
        }
        #expect(tally.foreign.isEmpty, "\(tally.foreign.prefix(5))")
        // A protobuf prefix can be a valid smaller message, but most lengths must fail to read.
        #expect((tally.counts[.read] ?? 0) > data.count / 2, "\(tally)")
        print("corruption: \(path): \(data.count) truncations: \(tally)")
    }

    @Test(arguments: ["models/tiny_cnn.onnx", "models/if_branch.onnx", "models/lstm.onnx"])
    func seededByteFlipsOfAnONNXFileFailCleanlyOrRun(_ path: String) throws {
        let data = try Self.fixture(path)
        var rng = SeededGenerator(seed: 0x6b69_6c6e)
        var tally = Tally()
        for k in 0..<Self.flipsPerFile {
            let (d, what) = Self.flip(data, &rng)
            tally.add(Pipeline.exerciseONNX(d, seed: UInt64(k)), "\(path) \(what)")
        }
        #expect(tally.foreign.isEmpty, "\(tally.foreign.prefix(5))")
        #expect(tally.total == Self.flipsPerFile)
        print("corruption: \(path): \(Self.flipsPerFile) byte flips: \(tally)")
    }

    @Test(arguments: ["json/small-mlp.json", "json/hand-written.json"])
    func everyTruncationAndSeededFlipOfAJSONFileFailsCleanlyOrRuns(_ path: String) throws {
        let data = try Self.fixture(path)
        let sidecar = path.contains("small-mlp") ? try Self.fixture("json/small-mlp.bin") : nil
        var tally = Tally()
        for n in 0..<data.count {
            tally.add(Pipeline.exerciseJSON(data.prefix(n), sidecar: sidecar), "\(path) truncated to \(n)")
        }
        // Every proper prefix of a JSON document (up to its trailing whitespace) is invalid JSON.
        let trailing = data.reversed().prefix { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }.count
        #expect(tally.counts[.read] == data.count - trailing, "\(tally)")
        var rng = SeededGenerator(seed: 0x6a73_6f6e)
        for k in 0..<Self.flipsPerFile {
            let (d, what) = Self.flip(data, &rng)
            tally.add(Pipeline.exerciseJSON(d, sidecar: sidecar, seed: UInt64(k)), "\(path) \(what)")
        }
        // Flips in the sidecar reach tensors, not structure: they must still run or fail cleanly.
        if let sidecar {
            for k in 0..<300 {
                let (s, what) = Self.flip(sidecar, &rng)
                tally.add(Pipeline.exerciseJSON(data, sidecar: s, seed: UInt64(k)), "sidecar \(what)")
            }
        }
        #expect(tally.foreign.isEmpty, "\(tally.foreign.prefix(5))")
        print("corruption: \(path): \(data.count) truncations + \(Self.flipsPerFile) flips: \(tally)")
    }

    @Test func theUncorruptedFilesRunToTheEnd() throws {
        let cnn = Pipeline.exerciseONNX(try Self.fixture("models/tiny_cnn.onnx"))
        #expect(cnn.stage == .ran, "\(String(describing: cnn.error))")
        let mlp = Pipeline.exerciseJSON(
            try Self.fixture("json/small-mlp.json"), sidecar: try Self.fixture("json/small-mlp.bin"))
        #expect(mlp.stage == .ran, "\(String(describing: mlp.error))")
    }
}

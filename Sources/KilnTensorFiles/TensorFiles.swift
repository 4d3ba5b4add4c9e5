import Foundation
import KilnIR
import KilnONNX
import KilnOps
import KilnRuntime

/// Input feeding for `run`, `diff` and `bench`: `NAME=FILE` pairs or a whole `.npz`.
public enum TensorFiles {
    /// Reads one input value from `.npy` or an ONNX `.pb` data file. A `.pb` is read as the
    /// message of the input's declared type (`TensorProto`, `SequenceProto`, `OptionalProto`).
    public static func readValue(_ path: String, name: String, declared: ValueType?) throws -> Value {
        let url = URL(fileURLWithPath: path)
        do {
            switch url.pathExtension.lowercased() {
            case "npy":
                var t = try NumPyFiles.decode(try MappedFile.map(url), name: name)
                t.name = name
                return .tensor(t)
            case "pb":
                let data = try ONNXValueFile.read(contentsOf: url, declared: declared)
                if case .tensor(var t) = data {
                    t.name = name
                    return .tensor(t)
                }
                return try Value(data)
            default:
                throw KilnError(.usage, "unknown tensor file type; use .npy, .npz or .pb")
            }
        } catch var e as KilnError {
            e.location.file = path
            if e.location.value == nil { e.location.value = name }
            throw e
        }
    }

    /// The files named by `--input` specs (`NAME=FILE` or a bare file).
    public static func paths(_ specs: [String]) -> [String] {
        specs.map { spec in
            spec.firstIndex(of: "=").map { String(spec[spec.index(after: $0)...]) } ?? spec
        }
    }

    /// Parses `--input` specs into feeds. `NAME=FILE` feeds one input; a bare `.npz` feeds one
    /// input per member; a bare `.npy`/`.pb` feeds the model's only input.
    public static func feeds(_ specs: [String], graph: Graph) throws -> [String: Value] {
        var feeds: [String: Value] = [:]
        let expected = graph.runtimeInputs.map(\.name)
        let declared = Dictionary(
            graph.runtimeInputs.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        for spec in specs {
            if let eq = spec.firstIndex(of: "=") {
                let name = String(spec[..<eq])
                let file = String(spec[spec.index(after: eq)...])
                guard !name.isEmpty, !file.isEmpty else {
                    throw KilnError(.usage, "--input '\(spec)' must be NAME=FILE or FILE.npz")
                }
                guard feeds[name] == nil else { throw repeated(name, spec) }
                feeds[name] = try readValue(file, name: name, declared: declared[name] ?? nil)
            } else if spec.lowercased().hasSuffix(".npz") {
                let url = URL(fileURLWithPath: spec)
                do {
                    for (k, t) in try NumPyFiles.readArchive(try MappedFile.map(url)) {
                        guard feeds[k] == nil else { throw repeated(k, spec) }
                        feeds[k] = .tensor(t)
                    }
                } catch var e as KilnError {
                    e.location.file = spec
                    throw e
                }
            } else {
                guard expected.count == 1, let only = expected.first else {
                    throw KilnError(
                        .usage,
                        "--input '\(spec)' has no NAME= but the model has \(expected.count) inputs (\(expected.joined(separator: ", ")))")
                }
                guard feeds[only] == nil else { throw repeated(only, spec) }
                feeds[only] = try readValue(spec, name: only, declared: declared[only] ?? nil)
            }
        }
        return feeds
    }

    /// A second `--input` for the same name is refused rather than silently winning.
    private static func repeated(_ name: String, _ spec: String) -> KilnError {
        KilnError(
            .usage, "input '\(name)' is given more than once (again by --input '\(spec)')",
            at: .init(value: name))
    }

    /// Random inputs fitting each runtime input's type and shape, from a seeded generator.
    /// Symbolic or unknown dims take `dims[symbol]` or 1.
    public static func randomFeeds(graph: Graph, seed: UInt64, dims: [String: Int64]) throws -> [String: Value] {
        var rng = SplitMix64(seed: seed)
        var feeds: [String: Value] = [:]
        for info in graph.runtimeInputs {
            guard case .tensor(let tt)? = info.type else {
                throw KilnError(
                    .usage, "input '\(info.name)' is not a tensor; give it with --input",
                    at: .init(value: info.name))
            }
            let shape: [Int64] = (tt.shape ?? []).map { d in
                switch d {
                case .known(let v): return v >= 0 ? v : 1  // -1 means any size
                case .symbol(let s): return dims[s] ?? 1
                case .unknown: return 1
                }
            }
            guard let n = Tensor.elementCount(shape), n <= 1 << 28 else {
                throw KilnError(.usage, "input '\(info.name)' shape \(shape) is too large for random data")
            }
            var t = Tensor(name: info.name, elementType: tt.elementType, shape: shape)
            switch tt.elementType {
            case .float32: t.data = Float.pack((0..<n).map { _ in Float(rng.unit() * 2 - 1) })
            case .float64: t.data = Double.pack((0..<n).map { _ in rng.unit() * 2 - 1 })
            case .float16: t.data = Float16.pack((0..<n).map { _ in Float16(rng.unit() * 2 - 1) })
            case .int64: t.data = Int64.pack((0..<n).map { _ in Int64(rng.next() % 10) })
            case .int32: t.data = Int32.pack((0..<n).map { _ in Int32(rng.next() % 10) })
            case .int8: t.data = Int8.pack((0..<n).map { _ in Int8(Int(rng.next() % 21) - 10) })
            case .uint8: t.data = UInt8.pack((0..<n).map { _ in UInt8(rng.next() % 256) })
            case .bool: t.data = Bool.pack((0..<n).map { _ in rng.next() & 1 == 1 })
            default:
                throw KilnError(
                    .usage,
                    "cannot make random \(tt.elementType.name) data for input '\(info.name)'; give it with --input")
            }
            feeds[info.name] = .tensor(t)
        }
        return feeds
    }
}

/// A small, fast, seedable generator (SplitMix64) so `--seed` gives the same inputs everywhere.
public struct SplitMix64: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}

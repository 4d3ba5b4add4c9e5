import Foundation
import KilnIR
import KilnOps
import KilnRuntime
import KilnTensorFiles

/// The input samples calibration runs the model on: one feed dictionary per sample.
///
/// Every sample is checked against the graph's runtime inputs before it is used (names, element
/// types, ranks and static dims, finite float values), so a bad file fails with one line that
/// names it instead of producing a silently broken model.
public struct CalibrationSet: Sendable {
    /// One feed per sample, by graph input name.
    public var samples: [[String: Value]]
    /// Where each sample came from (file name or `random #i`), for messages and the report.
    public var labels: [String]

    public init(samples: [[String: Value]], labels: [String]) {
        self.samples = samples
        self.labels = labels
    }

    /// Reads a folder of samples.
    ///
    /// - Each `.npz` file is one sample whose members are named like the graph inputs.
    /// - A `.npy` file is one input of one sample: `INPUT.npy`, or `INPUT.K.npy` for sample `K`
    ///   (files with the same `K` form one sample). A model with a single input accepts any
    ///   stem, one sample per file.
    /// Files are taken in name order; other files are ignored. Throws `usage` for an empty
    /// folder and `malformedInput`/`typeMismatch`/`shapeMismatch` for a sample that does not
    /// fit the model, naming the file and input.
    public static func load(directory: String, graph: Graph) throws -> CalibrationSet {
        let url = URL(fileURLWithPath: directory)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir),
            isDir.boolValue
        else {
            throw KilnError(
                .usage, "the calibration path is not a folder (give a folder of .npy/.npz samples)",
                at: .init(file: directory))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
        let inputs = graph.runtimeInputs.map(\.name)
        var samples: [[String: Value]] = []
        var labels: [String] = []
        var npyGroups: [String: [String: Value]] = [:]
        var npyOrder: [String] = []
        for name in names {
            let path = url.appendingPathComponent(name).path
            let lower = name.lowercased()
            if lower.hasSuffix(".npz") {
                let feeds = try TensorFiles.feeds([path], graph: graph)
                samples.append(feeds)
                labels.append(name)
            } else if lower.hasSuffix(".npy") {
                let stem = String(name.dropLast(4))
                let (input, key) = npyKey(stem: stem, inputs: inputs)
                guard let input else {
                    throw KilnError(
                        .malformedInput,
                        "'\(stem)' names no graph input (inputs: \(inputs.joined(separator: ", "))); "
                            + "name .npy samples INPUT.npy or INPUT.K.npy",
                        at: .init(file: path))
                }
                let declared = graph.runtimeInputs.first { $0.name == input }?.type
                let v = try TensorFiles.readValue(path, name: input, declared: declared)
                if npyGroups[key] == nil { npyOrder.append(key) }
                guard npyGroups[key, default: [:]][input] == nil else {
                    throw KilnError(
                        .malformedInput, "sample '\(key)' gives input '\(input)' twice",
                        at: .init(file: path))
                }
                npyGroups[key, default: [:]][input] = v
            }
        }
        for key in npyOrder {
            samples.append(npyGroups[key] ?? [:])
            labels.append(key)
        }
        guard !samples.isEmpty else {
            throw KilnError(
                .usage, "the calibration folder holds no .npy or .npz samples",
                at: .init(file: directory))
        }
        let set = CalibrationSet(samples: samples, labels: labels.map { "\(directory)/\($0)" })
        try set.validate(graph: graph)
        return set
    }

    /// `INPUT`, `INPUT.K` (sample K) or, for a single-input model, any stem (its own sample).
    private static func npyKey(stem: String, inputs: [String]) -> (String?, String) {
        if inputs.contains(stem) { return (stem, "0") }
        if let dot = stem.lastIndex(of: "."), inputs.contains(String(stem[..<dot])) {
            return (String(stem[..<dot]), String(stem[stem.index(after: dot)...]))
        }
        if inputs.count == 1 { return (inputs[0], stem) }
        return (nil, stem)
    }

    /// `count` seeded random samples (the same generator as `kiln run --seed`): float inputs
    /// uniform in [-1, 1), integer inputs in [0, 10). Symbolic dims take `dims[symbol]` or 1.
    public static func random(graph: Graph, count: Int, seed: UInt64, dims: [String: Int64] = [:])
        throws -> CalibrationSet
    {
        guard count > 0 else {
            throw KilnError(.usage, "--calibration-random needs at least 1 sample")
        }
        var samples: [[String: Value]] = []
        for i in 0..<count {
            samples.append(
                try TensorFiles.randomFeeds(graph: graph, seed: seed &+ UInt64(i), dims: dims))
        }
        return CalibrationSet(samples: samples, labels: (0..<count).map { "random #\($0)" })
    }

    /// Checks each sample against the graph's runtime inputs: every input present, nothing
    /// extra, element type and static dims as declared, floats finite.
    public func validate(graph: Graph) throws {
        let inputs = graph.runtimeInputs
        let known = Set(inputs.map(\.name))
        for (sample, label) in zip(samples, labels) {
            for name in sample.keys.sorted() where !known.contains(name) {
                throw KilnError(
                    .malformedInput,
                    "'\(name)' is not a graph input (inputs: \(inputs.map(\.name).joined(separator: ", ")))",
                    at: .init(file: label, value: name))
            }
            for info in inputs {
                guard let v = sample[info.name] else {
                    throw KilnError(
                        .malformedInput, "the sample lacks input '\(info.name)'",
                        at: .init(file: label, value: info.name))
                }
                guard case .tensor(let t) = v else { continue }
                try check(t, against: info, label: label)
            }
        }
    }

    private func check(_ t: Tensor, against info: ValueInfo, label: String) throws {
        let at = KilnError.Location(file: label, value: info.name)
        try t.validate(location: at)
        if case .tensor(let tt)? = info.type {
            if tt.elementType != .undefined && tt.elementType != t.elementType {
                throw KilnError(
                    .typeMismatch,
                    "the sample is \(t.elementType.name)\(t.shape) but the input is \(ValueType.tensor(tt))",
                    at: at)
            }
            if let dims = tt.shape {
                guard dims.count == t.shape.count else {
                    throw KilnError(
                        .shapeMismatch,
                        "the sample has shape \(t.shape) but the input is \(ValueType.tensor(tt))",
                        at: at)
                }
                for (d, g) in zip(dims, t.shape) {
                    if case .known(let k) = d, k >= 0, k != g {
                        throw KilnError(
                            .shapeMismatch,
                            "the sample has shape \(t.shape) but the input is \(ValueType.tensor(tt))",
                            at: at)
                    }
                }
            }
        }
        if t.elementType.isFloatingPoint {
            let values = try t.doubles()
            if let i = values.firstIndex(where: { !$0.isFinite }) {
                throw KilnError(
                    .malformedInput,
                    "element \(i) is \(values[i]); calibration data must be finite (NaN/Inf would "
                        + "make every range meaningless)",
                    at: at)
            }
        }
    }
}

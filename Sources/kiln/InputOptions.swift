import ArgumentParser
import Foundation
import KilnIR
import KilnOps
import KilnRuntime
import KilnTensorFiles

/// The input options `run`, `diff` and `bench` share: files, or seeded random data shaped by
/// `--shape` / `--dim`.
struct InputOptions: ParsableArguments {
    @Option(
        name: .customLong("input"),
        help: "NAME=FILE (.npy or ONNX .pb) or FILE.npz (every member by name); repeat for more.")
    var files: [String] = []

    @Option(help: "Seed for random inputs (inputs not given with --input). Default 0.")
    var seed: UInt64?

    @Option(
        name: .customLong("shape"),
        help: "NAME=1x3x224x224: the shape of a random input (overrides its declared shape).")
    var shapes: [String] = []

    @Option(name: .customLong("dim"), help: "SYMBOL=SIZE for symbolic dims of random inputs (default 1).")
    var dims: [String] = []

    /// Whether any option asked for random data.
    var asksForRandom: Bool { seed != nil || !shapes.isEmpty || !dims.isEmpty }

    /// Feeds for `graph`: every `--input` file, then seeded random data for the remaining runtime
    /// inputs when `random` is true (otherwise they are left out, and the runtime names them).
    func feeds(for graph: Graph, random: Bool) throws -> [String: Value] {
        var feeds = try TensorFiles.feeds(files, graph: graph)
        guard random else { return feeds }
        var symbols: [String: Int64] = [:]
        for d in dims {
            let parts = d.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, !parts[0].isEmpty, let v = Int64(parts[1]), v >= 0 else {
                throw KilnError(.usage, "--dim '\(d)' must be SYMBOL=SIZE")
            }
            symbols[String(parts[0])] = v
        }
        var shapeOf: [String: [Int64]] = [:]
        let names = Set(graph.runtimeInputs.map(\.name))
        for s in shapes {
            guard let eq = s.lastIndex(of: "=") else {
                throw KilnError(.usage, "--shape '\(s)' must be NAME=1x3x224x224")
            }
            let name = String(s[..<eq])
            let text = s[s.index(after: eq)...]
            let dims = text.isEmpty ? [] : text.split(separator: "x", omittingEmptySubsequences: false).map { Int64($0) }
            guard names.contains(name) else {
                throw KilnError(
                    .usage, "--shape names '\(name)', which is not an input (\(graph.runtimeInputs.map(\.name).joined(separator: ", ")))")
            }
            var parsed: [Int64] = []
            for d in dims {
                guard let v = d, v >= 0 else {
                    throw KilnError(.usage, "--shape '\(s)': dims must be non-negative integers separated by x")
                }
                parsed.append(v)
            }
            shapeOf[name] = parsed
        }
        var rest = graph
        rest.inputs = graph.inputs.filter { feeds[$0.name] == nil }.map { info in
            guard let shape = shapeOf[info.name], case .tensor(let tt)? = info.type else { return info }
            var i = info
            i.type = .tensor(TensorType(tt.elementType, shape))
            return i
        }
        for (k, v) in try TensorFiles.randomFeeds(graph: rest, seed: seed ?? 0, dims: symbols) {
            feeds[k] = v
        }
        return feeds
    }
}

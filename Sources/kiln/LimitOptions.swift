import ArgumentParser
import Foundation
import KilnIR
import KilnJSON
import KilnONNX
import KilnRuntime

/// Reader limits every model-reading command accepts. Defaults are the readers' own
/// (`ONNXReader.Options`, `KilnJSONReader.Options`, `ModelLimits`); an option given here
/// overrides the limit for both formats.
struct ReaderLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Largest model file in bytes (default: ONNX 64 GiB, JSON 2 GiB).", visibility: .hidden))
    var maxFileBytes: Int?

    @Option(help: ArgumentHelp("Largest single tensor in bytes (default: ONNX 16 GiB, JSON 4 GiB).", visibility: .hidden))
    var maxTensorBytes: Int?

    @Option(help: ArgumentHelp("Largest sum of all tensors in bytes (default 64 GiB).", visibility: .hidden))
    var maxTotalBytes: Int?

    @Option(help: ArgumentHelp("Most nodes in all graphs together (default 10,000,000).", visibility: .hidden))
    var maxNodes: Int?

    @Option(help: ArgumentHelp("Deepest subgraph / JSON nesting (default: ONNX 100, JSON 128).", visibility: .hidden))
    var maxDepth: Int?

    @Option(help: ArgumentHelp("Highest tensor rank (default 64).", visibility: .hidden))
    var maxRank: Int?

    @Option(help: ArgumentHelp("Longest name or string in bytes (default 16 MiB).", visibility: .hidden))
    var maxStringBytes: Int?

    func validate() throws {
        for (flag, v) in [
            ("--max-file-bytes", maxFileBytes), ("--max-tensor-bytes", maxTensorBytes),
            ("--max-total-bytes", maxTotalBytes), ("--max-nodes", maxNodes),
            ("--max-depth", maxDepth), ("--max-rank", maxRank),
            ("--max-string-bytes", maxStringBytes),
        ] {
            if let v, v < 0 { throw ValidationError("\(flag) must not be negative") }
        }
    }

    var limits: ReaderLimits {
        var l = ReaderLimits()
        var model = ModelLimits()
        if let v = maxTotalBytes { model.maxTotalTensorBytes = v }
        if let v = maxNodes { model.maxTotalNodes = v }
        if let v = maxRank { model.maxRank = v }
        if let v = maxStringBytes { model.maxStringBytes = v }
        l.onnx.modelLimits = model
        l.json.modelLimits = model
        if let v = maxFileBytes {
            l.onnx.maxFileBytes = v
            l.json.maxDocumentBytes = v
        }
        if let v = maxTensorBytes {
            l.onnx.maxTensorBytes = v
            l.json.maxTensorBytes = v
        }
        if let v = maxNodes {
            l.onnx.maxNodes = v
            l.json.maxNodes = v
        }
        if let v = maxDepth {
            l.onnx.messageDepthLimit = v
            l.json.maxNestingDepth = v
        }
        return l
    }
}

/// The options of both readers, as the CLI passes them to `ModelFiles.load`.
struct ReaderLimits {
    var onnx = ONNXReader.Options()
    var json = KilnJSONReader.Options()
}

/// Runtime limits of `run`, `diff` and `bench` (see `RuntimeLimits`).
struct RuntimeLimitOptions: ParsableArguments {
    @Option(help: "Most iterations of one Loop or Scan node.")
    var maxLoopIterations: Int64 = RuntimeLimits().maxLoopIterations

    @Option(help: "Wall-clock budget of each model run in seconds (0: none).")
    var timeLimit: Double = 600

    func validate() throws {
        guard maxLoopIterations >= 0 else { throw ValidationError("--max-loop-iterations must not be negative") }
        guard timeLimit.isFinite, timeLimit >= 0, timeLimit <= 1e9 else {
            throw ValidationError("--time-limit must be between 0 and 1e9 seconds")
        }
    }

    var limits: RuntimeLimits {
        RuntimeLimits(
            maxLoopIterations: maxLoopIterations,
            timeBudget: timeLimit == 0 ? nil : .milliseconds(Int64((timeLimit * 1000).rounded(.up))))
    }
}

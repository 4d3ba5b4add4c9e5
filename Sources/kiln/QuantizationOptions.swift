import ArgumentParser
import Foundation
import KilnIR
import KilnQuantize

extension QuantizationMode: ExpressibleByArgument {}
extension CalibrationMethod: ExpressibleByArgument {}
extension ActivationType: ExpressibleByArgument {}

/// The quantization flags `kiln quantize` and `kiln convert --quantize` share (the mode and
/// the random seed are each command's own: `convert` already has `--seed`).
struct QuantizationOptions: ParsableArguments {
    @Flag(help: "One scale per weight tensor instead of per output channel.")
    var perTensor = false

    @Option(help: "int8-static: activation type, uint8 (asymmetric, default) or int8.")
    var activationType: ActivationType = .uint8

    @Option(
        help:
            "Folder of calibration samples: one .npz per sample (members named like the inputs), or INPUT.npy / INPUT.K.npy."
    )
    var calibration: String?

    @Option(help: "Calibrate on N seeded random samples (floats in [-1, 1), integers in [0, 10)).")
    var calibrationRandom: Int?

    @Option(
        name: .customLong("dim"),
        help: "SYMBOL=SIZE for symbolic dims of random calibration samples (default 1).")
    var dims: [String] = []

    @Option(help: "int8-static calibration method: minmax, percentile, entropy (KL) or mse.")
    var calibrate: CalibrationMethod = .minmax

    @Option(help: "Percentile kept by --calibrate percentile (default 99.999).")
    var percentile: Double = 99.999

    @Option(help: "Keep this node (by name or first output) or op type in float; repeatable.")
    var exclude: [String] = []

    @Option(help: "Write a per-layer report (JSON) to FILE, and an SVG chart beside it (FILE.svg).")
    var report: String?

    @Option(
        help: "Keep in float the smallest set of layers that gives this output cosine similarity.")
    var targetCosine: Double?

    @Option(
        help:
            "Keep in float the smallest set of layers that keeps the max abs output error below this."
    )
    var maxError: Double?

    func validate() throws {
        if let n = calibrationRandom, n < 1 {
            throw ValidationError("--calibration-random needs N ≥ 1")
        }
        if calibration != nil && calibrationRandom != nil {
            throw ValidationError("give --calibration or --calibration-random, not both")
        }
        if !(0 < percentile && percentile <= 100) {
            throw ValidationError("--percentile must be in (0, 100]")
        }
        if let c = targetCosine, !(c > -1 && c <= 1) {
            throw ValidationError("--target-cosine must be in (-1, 1]")
        }
        if let e = maxError, !(e >= 0) { throw ValidationError("--max-error must be ≥ 0") }
    }

    /// The library options for `mode`.
    func options(mode: QuantizationMode) -> QuantizeOptions {
        var o = QuantizeOptions(mode: mode)
        o.perChannel = !perTensor
        o.activationType = activationType
        o.method = calibrate
        o.percentile = percentile
        o.exclude = exclude
        return o
    }

    /// The calibration samples: the folder, N random samples, or (for fp16, a report or a
    /// search, which need data) 8 random samples from `seed`.
    func calibrationSet(for model: Model, mode: QuantizationMode, seed: UInt64) throws
        -> CalibrationSet?
    {
        if let calibration {
            return try CalibrationSet.load(directory: calibration, graph: model.graph)
        }
        var symbols: [String: Int64] = [:]
        for d in dims {
            let parts = d.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, !parts[0].isEmpty, let v = Int64(parts[1]), v >= 0 else {
                throw KilnError(.usage, "--dim '\(d)' must be SYMBOL=SIZE")
            }
            symbols[String(parts[0])] = v
        }
        let needsData = mode == .fp16 || report != nil || targetCosine != nil || maxError != nil
        guard let n = calibrationRandom ?? (needsData ? 8 : nil) else { return nil }
        return try CalibrationSet.random(graph: model.graph, count: n, seed: seed, dims: symbols)
    }

    /// Quantizes `model`: search (when asked), report (when asked); returns the model and summary.
    func run(_ model: Model, mode: QuantizationMode, seed: UInt64, input: String) throws
        -> (Model, QuantizationSummary)
    {
        if (targetCosine != nil || maxError != nil) && mode == .fp16 {
            throw KilnError(.usage, "--target-cosine and --max-error apply to the int8 modes")
        }
        let samples = try calibrationSet(for: model, mode: mode, seed: seed)
        let quantizer = try CLI.inFile(input) {
            try Quantizer(model: model, options: options(mode: mode), calibration: samples)
        }
        var kept = Set<String>()
        var outcome: QuantizationSummary.SearchOutcome?
        if targetCosine != nil || maxError != nil {
            let s = try quantizer.searchFloatLayers(targetCosine: targetCosine, maxError: maxError)
            kept = s.keys
            outcome = s.outcome
        }
        var (quantized, summary) = try quantizer.quantize(excludedKeys: kept)
        summary.search = outcome
        if let report {
            let r = try quantizer.report(for: quantized, excludedKeys: kept)
            try r.write(to: report)
        }
        return (quantized, summary)
    }
}

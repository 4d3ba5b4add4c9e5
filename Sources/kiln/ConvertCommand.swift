import ArgumentParser
import Foundation
import KilnIR
import KilnLite
import KilnOps
import KilnRuntime
import KilnTensorFiles
import KilnPasses
import KilnQuantize

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a model between formats (.onnx, .json, .klite).",
        discussion: """
            The output format comes from the extension of OUT unless --to is given. Outputs are \
            written to a temporary file and renamed into place, so a failure never leaves a \
            partial file. Writing .klite streams the weights from the input's memory mapping. \
            The model is optimized on the way: -O1 (exact cleanup) by default for .onnx and \
            .json, -O2 (adds standard-ONNX fusions) for .klite; -O0 converts it as it is (see \
            `kiln optimize`). --verify runs the input and the written file on seeded random \
            inputs and reports the largest difference. Exit 0 on success, 1 when --verify finds \
            outputs outside tolerance, 2 when the input cannot be used.
            """)

    @Argument(help: "The model to read (.onnx, .json or .klite).")
    var input: String

    @Option(name: .shortAndLong, help: "Where to write the converted model.")
    var output: String

    @Option(help: "Output format: \(ModelFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var to: ModelFormat?

    @Option(help: "Input format, when the extension does not tell.")
    var from: ModelFormat?

    @Option(
        name: .customShort("O", allowingJoined: true),
        help: "Optimization level 0-3 (-O0 … -O3); default -O1, or -O2 for .klite.")
    var level: Int?

    @Flag(help: "Run the input and the written model on random inputs and report the max error.")
    var verify = false

    @Option(help: "Seed for --verify's random inputs.")
    var seed: UInt64 = 0

    @Option(help: "Quantize on the way: int8-dynamic, int8-static, int8-weights or fp16 (see `kiln quantize`).")
    var quantize: QuantizationMode?

    @OptionGroup(title: "Quantization (with --quantize)") var quantization: QuantizationOptions

    @Flag(help: "Drop doc strings from a .klite output.")
    var stripDocs = false

    @Flag(help: "Store a .klite's tables uncompressed (Kiln Lite 1.0, readable by 1.0 readers).")
    var uncompressedTables = false

    @Option(help: "Also write a standalone SwiftPM benchmark package for the result to DIR (see `kiln stub`).")
    var benchStub: String?

    @Flag(help: "Print the time spent reading and writing to stderr.")
    var timing = false

    @Flag(
        help: """
            Allow OUT to be the input file (still written via a temporary file and rename); \
            never lets the JSON sidecar written beside OUT replace a file the input reads.
            """)
    var force = false

    @OptionGroup var readerLimits: ReaderLimitOptions

    @Flag(
        help: """
            Write every inferred value type into value_info (and complete graph outputs) so \
            downstream tools see the shapes; inference problems are printed as warnings.
            """)
    var inferShapes = false

    func validate() throws {
        if let level, !(0...3).contains(level) {
            throw ValidationError("-O takes 0, 1, 2 or 3")
        }
    }

    func run() throws {
        var failed = false
        try CLI.guarded {
            try OutputSafety.checkModelWrite(
                output: output, format: to, input: input, inputFormat: from, force: force,
                onnxOptions: readerLimits.limits.onnx)
            let t0 = ContinuousClock.now
            var source = try ModelFiles.load(input, format: from, limits: readerLimits.limits)
            if inferShapes {
                let result = ShapeInference.infer(source)
                source = result.model
                for issue in result.issues {
                    CLI.printError("warning: \(input): \(issue.graphPath): \(issue.error)")
                }
            }
            let t1 = ContinuousClock.now
            let toLite = try ModelFiles.format(of: output, override: to) == .klite
            let level = self.level ?? (toLite ? 2 : 1)
            let model: Model
            if let quantize {
                // The quantizer runs -O2 first; its QDQ output is optimized again only at the
                // .klite's level (the QDQ fusions make integer ops; fold-constants keeps 8-bit
                // weights quantized).
                let quantized = try quantization.run(
                    source, mode: quantize, seed: seed, input: input
                ).0
                model = try CLI.inFile(input) {
                    try Optimizer.run(
                        quantized, level: toLite || self.level != nil ? level : 0, kilnOps: toLite)
                }
            } else {
                model = try CLI.inFile(input) {
                    try Optimizer.run(source, level: level, kilnOps: toLite)
                }
            }
            let t2 = ContinuousClock.now
            var lite = LiteWriter.Options(stripDocStrings: stripDocs, compressTables: !uncompressedTables)
            if try ModelFiles.format(of: output, override: to) == .klite {
                var options = quantize.map { "--quantize \($0.rawValue)" } ?? "-O\(level)"
                if stripDocs { options += " --strip-docs" }
                if uncompressedTables { options += " --uncompressed-tables" }
                lite.metadata = [
                    MetadataEntry(
                        key: "source_sha256",
                        value: try LiteWriter.sha256Hex(of: URL(fileURLWithPath: input))),
                    MetadataEntry(key: "convert_options", value: options),
                ]
            }
            try ModelFiles.save(model, to: output, format: to, lite: lite)
            let t3 = ContinuousClock.now
            if timing {
                CLI.printError(
                    String(
                        format: "timing: read %.2f ms, optimize %.2f ms, write %.2f ms, total %.2f ms",
                        (t1 - t0).milliseconds, (t2 - t1).milliseconds, (t3 - t2).milliseconds,
                        (t3 - t0).milliseconds))
            }
            if verify { failed = try verifyOutput(source) }
            if let benchStub {
                try StubWriter.write(model: model, source: input, to: benchStub, kilnPackage: nil, dims: [])
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// Runs `source` and the written file on the same random inputs; true when any output is
    /// outside the default tolerance of its element type.
    func verifyOutput(_ source: Model) throws -> Bool {
        let written = try ModelFiles.load(output, format: to)
        let feeds = try TensorFiles.randomFeeds(graph: source.graph, seed: seed, dims: [:])
        let a = try CLI.inFile(input) { try InferencePlan(model: source).run(feeds) }
        let b = try CLI.inFile(output) { try InferencePlan(model: written).run(feeds) }
        var failed = false
        var worst = 0.0
        for name in source.graph.outputs.map(\.name) {
            guard let ta = a[name]?.tensor, let tb = b[name]?.tensor else {
                throw KilnError(.unsupportedFeature, "output '\(name)' is missing or not a tensor in one of the models")
            }
            let tol = TensorComparison.defaultTolerance(for: ta.elementType)
            let c = try TensorComparison(actual: tb, expected: ta, rtol: tol.rtol, atol: tol.atol)
            worst = max(worst, c.maxAbsoluteError)
            if !c.allClose { failed = true }
            print(
                String(
                    format: "verify %@: max abs error %.3g, max rel %.3g, %@", name,
                    c.maxAbsoluteError, c.maxRelativeError,
                    c.allClose ? "ok" : "MISMATCH (\(c.mismatches) of \(c.count))"))
        }
        print(String(format: "verify: max error %.3g over %d outputs (seed %llu)", worst, source.graph.outputs.count, seed))
        return failed
    }
}

/// The optimizer pipeline behind `convert -O` (the same `KilnPasses` levels as `kiln optimize`).
enum Optimizer {
    /// `kilnOps`: the output runs Kiln's `ai.kiln` fused ops (`.klite`; used from -O3).
    static func run(_ model: Model, level: Int, kilnOps: Bool = false) throws -> Model {
        guard level > 0 else { return model }
        var m = model
        let context = PassContext()
        context.options.kilnOps = kilnOps
        _ = try PassPipeline.level(level).run(on: &m, context: context)
        return m
    }
}

extension ModelFormat: ExpressibleByArgument {}

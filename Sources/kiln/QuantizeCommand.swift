import ArgumentParser
import Foundation
import KilnIR
import KilnQuantize

struct QuantizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quantize",
        abstract: "Quantize a model to int8 (dynamic, static, weight-only) or float16.",
        discussion: """
            Modes: int8-weights stores Conv/ConvTranspose/Gemm/MatMul/Gather/GRU/LSTM/RNN weights \
            as symmetric int8 (per output channel unless --per-tensor) with DequantizeLinear; \
            int8-dynamic also quantizes their activation inputs at run time \
            (DynamicQuantizeLinear → DequantizeLinear); int8-static quantizes them with \
            calibrated scales and zero points (QuantizeLinear → DequantizeLinear); fp16 computes \
            in float16 with Casts at the graph boundary, keeping in float32 the ops whose \
            calibrated ranges exceed float16 or that turn NaN/Inf in float16. The output is \
            standard ONNX (QDQ) that onnxruntime runs. Calibration: --calibration DIR or \
            --calibration-random N --seed S (fp16, --report and --target-cosine use 8 random \
            samples when neither is given). Exit 0 ok, 1 when --target-cosine/--max-error \
            cannot be met, 2 unusable input or usage.
            """)

    @Argument(help: "The float model (.onnx, .json or .klite).")
    var input: String

    @Option(name: .shortAndLong, help: "Where to write the quantized model.")
    var output: String

    @Option(help: "int8-dynamic, int8-static, int8-weights or fp16.")
    var mode: QuantizationMode

    @Option(help: "Seed for --calibration-random samples.")
    var seed: UInt64 = 0

    @OptionGroup var quantization: QuantizationOptions

    @Option(help: "Summary format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Output format, when the extension does not tell.")
    var to: ModelFormat?

    @Flag(help: "Allow OUT to be the input file (still written via a temporary file and rename).")
    var force = false

    @OptionGroup var readerLimits: ReaderLimitOptions

    func run() throws {
        var unmet = false
        try CLI.guarded {
            try OutputSafety.check(output: output, inputs: [input], force: force)
            let model = try ModelFiles.load(input, limits: readerLimits.limits)
            var (quantized, summary) = try quantization.run(
                model, mode: mode, seed: seed, input: input)
            if try ModelFiles.format(of: output, override: to) == .klite {
                // The runtime runs what the file holds: QDQ Conv/MatMul become the integer ops.
                quantized = try CLI.inFile(input) { try Optimizer.run(quantized, level: 2) }
            }
            try ModelFiles.save(quantized, to: output, format: to)
            unmet = summary.search.map { !$0.reached } ?? false
            switch format {
            case .json: print(try CLI.json(summary))
            case .text: print(QuantizeCommand.text(summary, input: input, output: output))
            }
            for e in summary.unmatchedExcludes {
                CLI.printError("warning: --exclude '\(e)' matches no node name or op type")
            }
        }
        if unmet { throw ExitCode(1) }
    }

    static func text(_ s: QuantizationSummary, input: String, output: String) -> String {
        var lines: [String] = []
        let ratio = s.bytesBefore > 0 ? Double(s.bytesAfter) / Double(s.bytesBefore) : 1
        lines.append(
            "quantized \(input) → \(output) (\(s.mode.rawValue)): initializers "
                + "\(s.bytesBefore) → \(s.bytesAfter) bytes (\(String(format: "%.1f", ratio * 100))%)"
        )
        if s.mode == .fp16 {
            lines.append(
                "  \(s.float16Nodes) nodes in float16, \(s.float32Nodes.count) kept in float32")
            for (k, why) in s.float32Nodes.sorted(by: { $0.key < $1.key }).prefix(20) {
                lines.append("    \(k): \(why)")
            }
        } else {
            lines.append(
                "  \(s.quantizedNodes.count) nodes quantized (\(s.weightsQuantized) weights, "
                    + "\(s.activationsQuantized) activations), \(s.excludedNodes.count) excluded")
            for (k, why) in s.activationsLeftFloat.sorted(by: { $0.key < $1.key }) {
                lines.append("    activation '\(k)' left float: \(why)")
            }
        }
        if let r = s.search {
            lines.append(
                "  search: \(r.keptFloat.count) layers kept in float → cosine "
                    + String(format: "%.6f, max abs error %.4g", r.cosine, r.maxAbsError)
                    + (r.reached ? "" : " (target NOT reached)"))
            for k in r.keptFloat { lines.append("    float: \(k)") }
        }
        return lines.joined(separator: "\n")
    }
}

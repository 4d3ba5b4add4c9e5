import ArgumentParser
import Foundation
import KilnIR
import KilnOps

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a model between formats (.onnx, .json).",
        discussion: """
            The output format comes from the extension of OUT unless --to is given. Outputs are \
            written to a temporary file and renamed into place, so a failure never leaves a \
            partial file. Exit 0 on success, 2 when the input cannot be used.
            """)

    @Argument(help: "The model to read (.onnx or .json).")
    var input: String

    @Option(name: .shortAndLong, help: "Where to write the converted model.")
    var output: String

    @Option(help: "Output format: \(ModelFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var to: ModelFormat?

    @Option(help: "Input format, when the extension does not tell.")
    var from: ModelFormat?

    @Flag(help: "Print the time spent reading and writing to stderr.")
    var timing = false

    @Flag(help: "Allow OUT to be the input file (still written via a temporary file and rename).")
    var force = false

    @OptionGroup var readerLimits: ReaderLimitOptions

    @Flag(
        help: """
            Write every inferred value type into value_info (and complete graph outputs) so \
            downstream tools see the shapes; inference problems are printed as warnings.
            """)
    var inferShapes = false

    func run() throws {
        try CLI.guarded {
            var outputs = [output]
            if (try? ModelFiles.format(of: output, override: to)) == .json {
                outputs.append(JSONModelFile.sidecarPath(for: output))
            }
            var inputs = [input]
            if (try? ModelFiles.format(of: input, override: from)) == .json {
                inputs.append(JSONModelFile.sidecarPath(for: input))
            }
            for o in outputs { try OutputSafety.check(output: o, inputs: inputs, force: force) }
            let t0 = ContinuousClock.now
            var model = try ModelFiles.load(input, format: from, limits: readerLimits.limits)
            if inferShapes {
                let result = ShapeInference.infer(model)
                model = result.model
                for issue in result.issues {
                    CLI.printError("warning: \(input): \(issue.graphPath): \(issue.error)")
                }
            }
            let t1 = ContinuousClock.now
            try ModelFiles.save(model, to: output, format: to)
            let t2 = ContinuousClock.now
            if timing {
                CLI.printError(
                    String(
                        format: "timing: read %.2f ms, write %.2f ms, total %.2f ms",
                        (t1 - t0).milliseconds, (t2 - t1).milliseconds, (t2 - t0).milliseconds))
            }
        }
    }
}

extension ModelFormat: ExpressibleByArgument {}

import ArgumentParser
import Foundation
import KilnIR
import KilnPasses

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a model between formats (.onnx, .json).",
        discussion: """
            The output format comes from the extension of OUT unless --to is given. Outputs are \
            written to a temporary file and renamed into place, so a failure never leaves a \
            partial file. The model is cleaned up with the exact -O1 pipeline on the way \
            (see `kiln optimize`); -O0 converts it as it is. Exit 0 on success, 2 when the input \
            cannot be used.
            """)

    @Argument(help: "The model to read (.onnx or .json).")
    var input: String

    @Option(name: .shortAndLong, help: "Where to write the converted model.")
    var output: String

    @Option(help: "Output format: \(ModelFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var to: ModelFormat?

    @Option(help: "Input format, when the extension does not tell.")
    var from: ModelFormat?

    @Option(
        name: .customShort("O", allowingJoined: true),
        help: "Optimization level 0-3 applied while converting (default 1: exact cleanup).")
    var level: Int = 1

    @Flag(help: "Print the time spent reading and writing to stderr.")
    var timing = false

    func run() throws {
        try CLI.guarded {
            let t0 = ContinuousClock.now
            var model = try ModelFiles.load(input, format: from)
            guard (0...3).contains(level) else { throw KilnError(.usage, "-O must be 0, 1, 2 or 3") }
            if level > 0 {
                try CLI.inFile(input) {
                    try PassPipeline.level(level).run(on: &model, context: PassContext())
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

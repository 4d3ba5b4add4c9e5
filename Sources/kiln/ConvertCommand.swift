import ArgumentParser
import Foundation
import KilnIR

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

    func run() throws {
        try CLI.guarded {
            let model = try ModelFiles.load(input, format: from)
            try ModelFiles.save(model, to: output, format: to)
        }
    }
}

extension ModelFormat: ExpressibleByArgument {}

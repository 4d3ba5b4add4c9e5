import ArgumentParser
import Foundation
import KilnIR

/// The `kiln` command-line tool: a thin layer that parses arguments, calls the libraries, prints.
@main
struct Kiln: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiln",
        abstract: "Convert, optimize, check and run neural-network models.",
        discussion: """
            Exit codes: 0 success, 1 findings or tolerance exceeded, 2 unusable input or usage.
            """,
        version: "0.1.0",
        subcommands: [
            ConvertCommand.self, OptimizeCommand.self, CheckCommand.self, InspectCommand.self,
            RunCommand.self, DiffCommand.self, BenchCommand.self, ConformanceCommand.self,
            StubCommand.self, QuantizeCommand.self,
        ]
    )

    /// Runs the command, mapping argument errors to exit code 2 (ArgumentParser uses 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                CLI.printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

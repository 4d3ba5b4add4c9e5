import ArgumentParser
import Foundation
import KilnCheck
import KilnIR

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate models for CI (everything onnx.checker checks, and more).",
        discussion: """
            Each finding has a severity, a stable code (Kxxxx) and rule name, the node or value it \
            is about, and a message saying what to do. Formats: text (default), json (schema in \
            schemas/kiln-check-report.md), sarif (code-scanning dashboards), junit (one test case \
            per model), github (workflow annotations). Exit 0 when clean, 1 when any model has an \
            error-level finding (or a warning with --warnings-as-errors), 2 when a file cannot be \
            read.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, junit, github
    }

    @Argument(
        help: """
            Models to check (.onnx, .klite or Kiln .json), or folders: searched recursively for \
            .onnx, .klite and Kiln JSON files (other .json files and hidden folders are skipped).
            """)
    var models: [String] = []

    @Option(help: "Output format: text, json, sarif, junit or github.")
    var format: Format = .text

    @Option(name: .customLong("disable"), help: "Rule code or name to turn off; repeatable.")
    var disabled: [String] = []

    @Option(name: .customLong("only"), help: "Run only these rules (code or name); repeatable.")
    var only: [String] = []

    @Option(help: "Lowest severity to report: info, warning or error.")
    var minSeverity: String = "info"

    @Flag(help: "Treat warnings as errors (for the exit code and the reports).")
    var warningsAsErrors = false

    @Flag(help: "Report ops in custom domains as errors instead of 'cannot verify' warnings.")
    var strictCustomDomains = false

    @Flag(help: "List every rule with its code, severity and summary, then exit.")
    var listRules = false

    @Option(name: .shortAndLong, help: "Write the report to this file instead of stdout.")
    var output: String?

    @Flag(help: "Allow --output to name one of the models (still written via rename).")
    var force = false

    @OptionGroup var readerLimits: ReaderLimitOptions

    func run() throws {
        if listRules {
            for r in CheckRules.all {
                print("\(r.code)  \(r.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(r.rule): \(r.summary)")
            }
            return
        }
        var status: Int32 = 0
        try CLI.guarded {
            guard !models.isEmpty else { throw KilnError(.usage, "give at least one model to check") }
            guard let severity = Finding.Severity(rawValue: minSeverity) else {
                throw KilnError(.usage, "--min-severity must be info, warning or error")
            }
            let options = CheckOptions(
                enabledRules: only.isEmpty ? nil : Set(only), disabledRules: Set(disabled),
                warningsAsErrors: warningsAsErrors, minimumSeverity: severity,
                strictCustomDomains: strictCustomDomains)
            let (models, skipped) = try ModelDiscovery.expand(self.models)
            if skipped > 0 {
                CLI.printError("note: skipped \(skipped) .json file(s) that are not Kiln JSON models")
            }
            if let output { try OutputSafety.check(output: output, inputs: models, force: force) }
            let checker = ModelChecker(options: options)
            var reports: [FileReport] = []
            for path in models {
                do {
                    let model = try ModelFiles.load(
                        path, verify: false, verifyWeights: true, limits: readerLimits.limits)
                    reports.append(FileReport(file: path, findings: checker.check(model)))
                } catch let e as KilnError {
                    // The report carries the error; stderr gets the usual one line too, so a
                    // CI log shows why the exit code is 2 without opening the report.
                    CLI.printError("error: \(e.inFile(path).description)")
                    var shown = e
                    shown.location.file = nil
                    reports.append(FileReport(file: path, loadError: shown.description))
                    status = 2
                }
            }
            if status == 0, reports.contains(where: \.failed) { status = 1 }
            let text = ReportRenderer.render(reports, format: ReportFormat(rawValue: format.rawValue) ?? .text)
            if let output {
                try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: output))
            } else {
                print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}

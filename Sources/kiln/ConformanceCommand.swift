import ArgumentParser
import Foundation
import KilnIR
import KilnONNX
import KilnRuntime

struct ConformanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Run the ONNX operator conformance suite and print pass/fail/unsupported counts.",
        discussion: """
            DIR is a folder of cases (model.onnx + test_data_set_0/), such as \
            ../shared/conformance/onnx-node, or the conformance folder itself (then onnx-node and \
            onnx-models are both run). With onnxruntime-passes.txt beside the cases, also reports \
            how many of onnxruntime's passing cases Kiln passes. Exit 0; 1 with --require-list \
            when a case on that list fails.
            """)

    @Argument(help: "Folder of conformance cases.")
    var directory: String
    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text
    @Option(help: "Only cases whose name contains this text.")
    var filter: String?
    @Option(help: "Write the names of passing cases to this file.")
    var writePassing: String?
    @Option(help: "Fail (exit 1) if any case named in this file does not pass.")
    var requireList: String?
    @Flag(help: "Print every failing case with its reason.")
    var verbose = false

    struct Counts: Encodable {
        var pass = 0
        var fail = 0
        var unsupported = 0
    }

    func run() throws {
        var exitCode: Int32 = 0
        try CLI.guarded {
            let root = URL(fileURLWithPath: directory)
            var folders = [root]
            let node = root.appendingPathComponent("onnx-node")
            if FileManager.default.fileExists(atPath: node.path) {
                folders = [node, root.appendingPathComponent("onnx-models")]
                    .filter { FileManager.default.fileExists(atPath: $0.path) }
            }
            var results: [Conformance.CaseResult] = []
            for f in folders {
                results += try Conformance.runAll(
                    folder: f, loadModel: { try ONNXReader().read(contentsOf: $0) },
                    loadValue: { try ONNXValueFile.read(contentsOf: $0, declared: $1) },
                    include: { name in filter.map { name.contains($0) } ?? true })
            }
            var total = Counts()
            var byOp: [String: Counts] = [:]
            for r in results {
                let op = Self.opName(r.name)
                switch r.outcome {
                case .pass: total.pass += 1; byOp[op, default: Counts()].pass += 1
                case .fail: total.fail += 1; byOp[op, default: Counts()].fail += 1
                case .unsupported: total.unsupported += 1; byOp[op, default: Counts()].unsupported += 1
                }
            }
            let passing = Set(results.filter { $0.outcome == .pass }.map(\.name))
            var ortLine: String?
            let ortFile = [root, root.deletingLastPathComponent()].map {
                $0.appendingPathComponent("onnxruntime-passes.txt")
            }.first { FileManager.default.fileExists(atPath: $0.path) }
            if let ortFile, let text = try? String(contentsOf: ortFile, encoding: .utf8) {
                let ort = Set(text.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty && !$0.hasPrefix("#") })
                let ran = Set(results.map(\.name))
                let relevant = ort.intersection(ran)
                ortLine = "of onnxruntime's \(relevant.count) passing cases here, Kiln passes \(relevant.intersection(passing).count)"
                    + "; Kiln passes \(passing.subtracting(ort).count) that onnxruntime does not"
            }
            if let writePassing {
                try OutputSafety.check(
                    output: writePassing, inputs: requireList.map { [$0] } ?? [], force: false)
                let list = passing.sorted().joined(separator: "\n") + "\n"
                try AtomicFile.write(Data(list.utf8), to: URL(fileURLWithPath: writePassing))
            }
            if let requireList {
                let text = try String(contentsOf: URL(fileURLWithPath: requireList), encoding: .utf8)
                let required = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
                let missing = required.filter { !passing.contains($0) }
                if !missing.isEmpty {
                    CLI.printError("\(missing.count) required cases do not pass: \(missing.prefix(20).joined(separator: ", "))")
                    exitCode = 1
                }
            }
            switch format {
            case .json:
                struct Report: Encodable {
                    var total: Counts
                    var byOp: [String: Counts]
                    var onnxruntime: String?
                    var failures: [String: String]
                }
                let failures = Dictionary(
                    results.filter { $0.outcome != .pass }.map { ($0.name, $0.reason) },
                    uniquingKeysWith: { a, _ in a })
                print(try CLI.json(Report(total: total, byOp: byOp, onnxruntime: ortLine, failures: failures)))
            case .text:
                for (op, c) in byOp.sorted(by: { $0.key < $1.key }) where c.fail + c.unsupported > 0 {
                    print("  \(op): \(c.pass) pass, \(c.fail) fail, \(c.unsupported) unsupported")
                }
                if verbose {
                    for r in results where r.outcome != .pass {
                        print("\(r.outcome.rawValue.uppercased()) \(r.name): \(r.reason)")
                    }
                }
                print("cases: \(results.count); pass \(total.pass), fail \(total.fail), unsupported \(total.unsupported)")
                if let ortLine { print(ortLine) }
            }
        }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }

    /// `test_conv_with_strides_padding` → `conv`; model folders keep their name.
    static func opName(_ caseName: String) -> String {
        guard caseName.hasPrefix("test_") else { return caseName }
        let rest = caseName.dropFirst(5)
        return String(rest.split(separator: "_").first ?? Substring(rest))
    }
}

import ArgumentParser
import Foundation
import KilnIR
import KilnPasses
import KilnRuntime

struct OptimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Optimize a model with Kiln's pass pipeline (.onnx, .json).",
        discussion: """
            Levels: -O0 nothing; -O1 exact cleanup (constant and shape folding, dead code, \
            identity and no-op removal, CSE, duplicate initializers, function inlining); -O2 \
            (default) adds fusions whose result is standard ONNX; -O3 adds onnxruntime's \
            com.microsoft fused ops. --verify runs the model before and after on seeded random \
            inputs (or --input) and, when an output moves outside tolerance, bisects the passes \
            to name the first one (and node) that changed the result. Exit 0 ok, 1 tolerance \
            exceeded, 2 unusable input or usage.
            """)

    @Argument(help: "The model to read (.onnx or .json).")
    var input: String?

    @Option(name: .shortAndLong, help: "Where to write the optimized model.")
    var output: String?

    @Option(name: .customShort("O", allowingJoined: true), help: "Optimization level 0-3 (default 2).")
    var level: Int = 2

    @Option(help: "Run exactly these passes (comma-separated), instead of a level's pipeline.")
    var passes: String?

    @Option(help: "Leave out this pass (repeatable).")
    var disable: [String] = []

    @Flag(help: "List the passes with their summaries and levels, then exit.")
    var listPasses = false

    @Flag(help: "Check graph invariants and the editor's use-def index after every pass.")
    var verifyEach = false

    @Option(help: "Print the IR to stdout after every run of this pass that changed it ('all' for every pass).")
    var printIrAfter: String?

    @Flag(help: "Print per-pass counters (what each pass and rewrite rule did) to stderr.")
    var passStatistics = false

    @Flag(help: "Run the model before and after on the same inputs; exit 1 outside tolerance.")
    var verify = false

    @Option(name: .customLong("input"), help: "For --verify: NAME=FILE or FILE.npz instead of random inputs.")
    var inputs: [String] = []

    @Option(help: "For --verify: random input seed.")
    var seed: UInt64 = 0

    @Option(help: "For --verify: relative tolerance for float outputs (default by element type).")
    var rtol: Double?

    @Option(help: "For --verify: absolute tolerance for float outputs (default by element type).")
    var atol: Double?

    @Option(help: "Write a JSON report: per pass nodes removed/added, bytes saved, time.")
    var report: String?

    @Option(help: "Output format, when the extension does not tell.")
    var to: ModelFormat?

    @Flag(help: "Allow OUT to be the input file (still written via a temporary file and rename).")
    var force = false

    @Flag(help: "Write every inferred value type into value_info (as onnx-simplifier does).")
    var inferShapes = false

    @Option(help: .hidden)  // tests of --verify's bisection: run a wrong pass after this one
    var injectFaultAfter: String?

    func run() throws {
        try CLI.guarded {
            if listPasses {
                for p in PassPipeline.allPasses {
                    let lv = (1...3).first { PassPipeline.passNames(level: $0).contains(p.name) }
                    let tag = lv.map { "-O\($0)" } ?? "opt-in"
                    print("\(p.name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(tag.padding(toLength: 7, withPad: " ", startingAt: 0)) \(p.summary)")
                }
                return
            }
            guard let input else { throw KilnError(.usage, "missing the model to optimize") }
            guard let output else { throw KilnError(.usage, "missing -o OUT") }
            guard (0...3).contains(level) else { throw KilnError(.usage, "-O must be 0, 1, 2 or 3") }
            try OutputSafety.checkModelWrite(
                output: output, format: to, input: input, inputFormat: nil, force: force)
            if let report { try OutputSafety.check(output: report, inputs: [input], force: force) }
            var pipeline = try passes.map {
                try PassPipeline.named($0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) })
            } ?? PassPipeline.level(level)
            for d in disable {
                guard PassPipeline.pass(named: d) != nil else {
                    throw KilnError(.usage, "unknown pass '\(d)' in --disable")
                }
            }
            pipeline.passes.removeAll { disable.contains($0.name) }
            if let after = injectFaultAfter {
                guard let i = pipeline.passes.firstIndex(where: { $0.name == after }) else {
                    throw KilnError(.usage, "pass '\(after)' is not in the pipeline")
                }
                pipeline.passes.insert(InjectFault(), at: i + 1)
            }
            if let p = printIrAfter, p != "all", PassPipeline.pass(named: p) == nil {
                throw KilnError(.usage, "unknown pass '\(p)' in --print-ir-after")
            }
            let original = try ModelFiles.load(input)
            var model = original
            let context = PassContext()
            context.options.writeValueInfo = inferShapes
            context.options.kilnOps = try ModelFiles.format(of: output, override: to) == .klite
            var snapshots: [(pass: String, iteration: Int, model: Model)] = []
            let t0 = ContinuousClock.now
            let records = try CLI.inFile(input) {
                try pipeline.run(on: &model, context: context, verifyEach: verifyEach) { pass, it, m in
                    if let p = printIrAfter, p == "all" || p == pass {
                        print("// after \(pass) (iteration \(it))")
                        print(IRPrinter.print(m), terminator: "")
                    }
                    if verify { snapshots.append((pass, it, m)) }
                }
            }
            let elapsed = (ContinuousClock.now - t0).milliseconds
            try Verifier().verify(model)
            try ModelFiles.save(model, to: output, format: to)
            CLI.printError(
                "optimized \(input): \(original.nodeCount) → \(model.nodeCount) nodes, "
                    + "\(original.initializerBytes) → \(model.initializerBytes) initializer bytes, "
                    + String(format: "%.1f ms", elapsed))
            if passStatistics {
                for (pass, counters) in context.statistics.sorted(by: { $0.key < $1.key }) {
                    for (name, n) in counters.sorted(by: { $0.key < $1.key }) {
                        CLI.printError("  \(pass.padding(toLength: 34, withPad: " ", startingAt: 0)) \(name): \(n)")
                    }
                }
            }
            if let report {
                try writeReport(records, context: context, original: original, model: model, to: report)
            }
            if verify {
                let ok = try OptimizeVerification(
                    inputs: inputs, seed: seed, rtol: rtol, atol: atol
                ).check(original: original, optimized: model, snapshots: snapshots)
                if !ok { throw ExitCode(1) }
            }
        }
    }

    private struct PassSummary: Encodable {
        var pass: String
        var runs: Int
        var changedRuns: Int
        var nodesRemoved: Int
        var nodesAdded: Int
        var bytesSaved: Int
        var milliseconds: Double
        var counters: [String: Int]
    }

    private struct Report: Encodable {
        var input: String
        var nodesBefore: Int
        var nodesAfter: Int
        var bytesBefore: Int
        var bytesAfter: Int
        var milliseconds: Double
        var passes: [PassSummary]
        var runs: [PassRecord]
    }

    private func writeReport(
        _ records: [PassRecord], context: PassContext, original: Model, model: Model, to path: String
    ) throws {
        var order: [String] = []
        var by: [String: PassSummary] = [:]
        for r in records {
            if by[r.pass] == nil {
                order.append(r.pass)
                by[r.pass] = PassSummary(
                    pass: r.pass, runs: 0, changedRuns: 0, nodesRemoved: 0, nodesAdded: 0,
                    bytesSaved: 0, milliseconds: 0, counters: context.statistics[r.pass] ?? [:])
            }
            by[r.pass]!.runs += 1
            by[r.pass]!.changedRuns += r.changed ? 1 : 0
            by[r.pass]!.nodesRemoved += max(0, r.nodesBefore - r.nodesAfter)
            by[r.pass]!.nodesAdded += max(0, r.nodesAfter - r.nodesBefore)
            by[r.pass]!.bytesSaved += r.bytesBefore - r.bytesAfter
            by[r.pass]!.milliseconds += r.seconds * 1000
        }
        let rep = Report(
            input: input ?? "", nodesBefore: original.nodeCount, nodesAfter: model.nodeCount,
            bytesBefore: original.initializerBytes, bytesAfter: model.initializerBytes,
            milliseconds: records.reduce(0) { $0 + $1.seconds * 1000 },
            passes: order.compactMap { by[$0] }, runs: records)
        try AtomicFile.write(Data((try CLI.json(rep) + "\n").utf8), to: URL(fileURLWithPath: path))
    }
}

import ArgumentParser
import Foundation
import KilnIR
import KilnOps
import KilnRuntime

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Run two models on the same inputs and compare their outputs.",
        discussion: """
            Use it to check that a converted or optimized model still computes the same thing. \
            Inputs are given with --input (as for `kiln run`) or drawn at random with --seed to \
            fit each input's type and shape (symbolic dims: --dim N=4, default 1). Outputs are \
            matched by name, or by position when the names differ. Per output it reports the max \
            absolute and relative error, cosine similarity and SQNR. Default tolerances by type: \
            float32 rtol 1e-5 atol 1e-6, float16/bfloat16 1e-2/1e-3, integers exact. Exit 0 when \
            every output is within tolerance, 1 when one is not, 2 when a model cannot be used.
            """)

    @Argument(help: "The reference model.")
    var a: String
    @Argument(help: "The model to compare against the reference.")
    var b: String

    @OptionGroup var inputOptions: InputOptions
    @Option(help: "Relative tolerance (default by element type).")
    var rtol: Double?
    @Option(help: "Absolute tolerance (default by element type).")
    var atol: Double?
    @OptionGroup var readerLimits: ReaderLimitOptions
    @OptionGroup var runtimeLimits: RuntimeLimitOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    struct Row: Encodable {
        var output: String
        var elementType: String
        var shape: [Int64]
        var rtol: Double
        var atol: Double
        var maxAbsoluteError: Double
        var maxRelativeError: Double
        var cosineSimilarity: Double
        var sqnrDB: Double?
        var mismatches: Int
        var count: Int
        var withinTolerance: Bool
    }

    func run() throws {
        var failed = false
        try CLI.guarded {
            let ma = try ModelFiles.load(a, limits: readerLimits.limits)
            let mb = try ModelFiles.load(b, limits: readerLimits.limits)
            let feeds = try inputOptions.feeds(for: ma.graph, random: true)
            var options = InferenceOptions()
            options.limits = runtimeLimits.limits
            let outA = try CLI.inFile(a) { try InferencePlan(model: ma, options: options).run(feeds) }
            let outB = try CLI.inFile(b) { try InferencePlan(model: mb, options: options).run(feeds) }
            let namesA = ma.graph.outputs.map(\.name)
            let namesB = mb.graph.outputs.map(\.name)
            guard namesA.count == namesB.count else {
                throw KilnError(
                    .shapeMismatch,
                    "\(a) has \(namesA.count) outputs but \(b) has \(namesB.count)")
            }
            let sameNames = Set(namesA) == Set(namesB)
            var rows: [Row] = []
            for (i, name) in namesA.enumerated() {
                let other = sameNames ? name : namesB[i]
                guard let ta = outA[name]?.tensor, let tb = outB[other]?.tensor else {
                    throw KilnError(.unsupportedFeature, "output '\(name)' is not a tensor; diff compares tensors")
                }
                let tol = TensorComparison.defaultTolerance(for: ta.elementType)
                let r = rtol ?? tol.rtol
                let t = atol ?? tol.atol
                let c: TensorComparison
                do {
                    c = try TensorComparison(actual: tb, expected: ta, rtol: r, atol: t)
                } catch var e as KilnError {
                    e.message = "output '\(name)': \(e.message)"
                    throw e
                }
                rows.append(
                    Row(
                        output: name, elementType: ta.elementType.name, shape: ta.shape, rtol: r,
                        atol: t, maxAbsoluteError: c.maxAbsoluteError,
                        maxRelativeError: c.maxRelativeError, cosineSimilarity: c.cosineSimilarity,
                        sqnrDB: c.sqnr.isFinite ? c.sqnr : nil, mismatches: c.mismatches,
                        count: c.count, withinTolerance: c.allClose))
                if !c.allClose { failed = true }
            }
            switch format {
            case .json:
                print(try CLI.json(["outputs": rows]))
            case .text:
                for r in rows {
                    let verdict = r.withinTolerance ? "ok" : "MISMATCH (\(r.mismatches) of \(r.count))"
                    print(
                        String(
                            format: "%@: max abs %.3g  max rel %.3g  cosine %.9f  sqnr %@  [rtol %g atol %g] %@",
                            r.output, r.maxAbsoluteError, r.maxRelativeError, r.cosineSimilarity,
                            r.sqnrDB.map { String(format: "%.1f dB", $0) } ?? "inf", r.rtol, r.atol,
                            verdict))
                }
            }
        }
        if failed { throw ExitCode(1) }
    }
}

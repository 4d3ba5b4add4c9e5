import ArgumentParser
import Foundation
import KilnBench
import KilnIR
import KilnRuntime

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark a model in Kiln's runtime (any format; .klite loads fastest).",
        discussion: """
            Loads and plans the model once, runs it once (first-run time), then --warmup untimed \
            and --runs timed iterations (or as many as fit in --duration seconds) on the same \
            inputs: files (--input) or seeded random data (--seed, --shape NAME=1x3x224x224, \
            --dim N=4). Reports load, plan and first-run time, latency min/mean/p50/p90/p99/max/ \
            stddev, throughput and peak memory. One thread by default for reproducible numbers. \
            --format json follows schemas/kiln-bench.md (schema "kiln-bench/1"). --baseline \
            PREV.json compares the median with an earlier run and exits 1 when it is slower by \
            more than --tolerance (default 10%). A progress bar shows on a terminal's stderr for \
            runs longer than a second. The timing loop lives in KilnBench, shared with the \
            benchmark stubs of `kiln stub`.
            """)

    @Argument(help: "The model to time (.klite, .onnx or .json).")
    var model: String
    @OptionGroup var inputOptions: InputOptions
    @Option(help: "Timed runs (default 20; ignored with --duration).")
    var runs: Int = 20
    @Option(help: "Time budget in seconds for the timed runs, instead of --runs.")
    var duration: Double?
    @Option(help: "Untimed warm-up runs after the first run.")
    var warmup: Int = 3
    @Option(help: "Threads.")
    var threads: Int = 1
    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text
    @OptionGroup var readerLimits: ReaderLimitOptions
    @OptionGroup var runtimeLimits: RuntimeLimitOptions

    @Flag(help: "Also time each op type and each node (one extra profiled pass; slower).")
    var profile = false
    @Option(help: "With --profile: how many of the slowest nodes to list.")
    var top: Int = 10
    @Option(help: "An earlier `kiln bench --format json` report to compare with.")
    var baseline: String?
    @Option(help: "Allowed slowdown of the median against --baseline, e.g. 10% or 0.1.")
    var tolerance: String = "10%"

    func run() throws {
        var regressed = false
        try CLI.guarded {
            guard runs > 0, warmup >= 0, threads > 0, top >= 0 else {
                throw KilnError(.usage, "--runs and --threads must be positive, --warmup and --top not negative")
            }
            if let duration, !(duration > 0 && duration.isFinite) {
                throw KilnError(.usage, "--duration must be a positive number of seconds")
            }
            let tol = try Bench.parseTolerance(tolerance)
            var previous: Bench.Report?
            if let baseline {
                let data = try CLI.inFile(baseline) { try MappedFile.map(URL(fileURLWithPath: baseline)) }
                do {
                    previous = try JSONDecoder().decode(Bench.Report.self, from: data)
                } catch {
                    throw KilnError(
                        .malformedInput, "not a kiln bench JSON report (schema kiln-bench/1): \(error)",
                        at: .init(file: baseline))
                }
            }
            let loadStart = ContinuousClock.now
            let m = try ModelFiles.load(model, limits: readerLimits.limits)
            let loadTime = ContinuousClock.now - loadStart
            let feeds = try inputOptions.feeds(for: m.graph, random: true)
            var options = BenchOptions()
            options.runs = runs
            options.duration = duration
            options.warmup = warmup
            options.threads = threads
            options.profile = profile
            options.top = top
            options.limits = runtimeLimits.limits
            var report = try CLI.inFile(model) {
                try Bench.run(
                    model: m, path: model,
                    format: (try? ModelFiles.format(of: model).rawValue) ?? "?",
                    kilnVersion: Kiln.configuration.version, loadMilliseconds: loadTime.milliseconds,
                    feeds: feeds, options: options)
            }
            if let previous, let baseline {
                regressed = Bench.compare(&report, with: previous, file: baseline, tolerance: tol)
            }
            switch format {
            case .json: print(try Bench.json(report))
            case .text: print(Bench.text(report), terminator: "")
            }
        }
        if regressed { throw ExitCode(1) }
    }
}

extension Duration {
    var milliseconds: Double {
        let c = components
        return Double(c.seconds) * 1e3 + Double(c.attoseconds) * 1e-15
    }
}

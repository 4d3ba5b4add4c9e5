import ArgumentParser
import Foundation
import KilnIR
import KilnOps
import KilnRuntime
import Synchronization

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time a model in Kiln's runtime (median of repeated runs).",
        discussion: """
            Plans the model once, runs --warmup untimed iterations, then --runs timed ones on the \
            same inputs (given with --input, or random with --seed). Reports median, mean, min, \
            p90 and max latency. One thread by default for reproducible numbers.
            """)

    @Argument(help: "The model to time.")
    var model: String
    @Option(name: .customLong("input"), help: "NAME=FILE or FILE.npz; default random inputs.")
    var inputs: [String] = []
    @Option(help: "Seed for random inputs.")
    var seed: UInt64 = 0
    @Option(help: "Timed runs.")
    var runs: Int = 20
    @Option(help: "Untimed warm-up runs.")
    var warmup: Int = 3
    @Option(help: "Threads.")
    var threads: Int = 1
    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text
    @OptionGroup var readerLimits: ReaderLimitOptions
    @OptionGroup var runtimeLimits: RuntimeLimitOptions

    @Flag(help: "Also time each op type (one extra profiled run per timed run; slower).")
    var profile = false

    struct OpTime: Encodable {
        var opType: String
        var count: Int
        var milliseconds: Double
        var share: Double
    }

    struct Report: Encodable {
        var model: String
        var runs: Int
        var threads: Int
        var planMilliseconds: Double
        var medianMilliseconds: Double
        var meanMilliseconds: Double
        var minMilliseconds: Double
        var p90Milliseconds: Double
        var maxMilliseconds: Double
        var profile: [OpTime]?
    }

    /// Per-op-type wall time, attributed between consecutive node completions.
    final class Profiler: Sendable {
        struct State {
            var last = ContinuousClock.now
            var totals: [String: (count: Int, time: Duration)] = [:]
        }
        let state = Mutex(State())

        func start() { state.withLock { $0.last = .now } }

        func record(_ node: Node) {
            let now = ContinuousClock.now
            state.withLock { s in
                let d = now - s.last
                let key = node.domain.isEmpty ? node.opType : "\(node.domain)::\(node.opType)"
                let old = s.totals[key] ?? (0, .zero)
                s.totals[key] = (old.count + 1, old.time + d)
                s.last = now
            }
        }

        func report(runs: Int) -> [OpTime] {
            let totals = state.withLock { $0.totals }
            let all = totals.values.reduce(Duration.zero) { $0 + $1.time }.milliseconds
            return totals.map { k, v in
                OpTime(
                    opType: k, count: v.count / max(runs, 1),
                    milliseconds: v.time.milliseconds / Double(max(runs, 1)),
                    share: all > 0 ? v.time.milliseconds / all : 0)
            }.sorted { $0.milliseconds > $1.milliseconds }
        }
    }

    func run() throws {
        try CLI.guarded {
            guard runs > 0, warmup >= 0, threads > 0 else {
                throw KilnError(.usage, "--runs and --threads must be positive, --warmup not negative")
            }
            let m = try ModelFiles.load(model, limits: readerLimits.limits)
            let start = ContinuousClock.now
            var options = InferenceOptions(threads: threads)
            options.limits = runtimeLimits.limits
            let plan = try CLI.inFile(model) { try InferencePlan(model: m, options: options) }
            let planTime = ContinuousClock.now - start
            let feeds = inputs.isEmpty
                ? try TensorFiles.randomFeeds(graph: m.graph, seed: seed, dims: [:])
                : try TensorFiles.feeds(inputs, graph: m.graph)
            for _ in 0..<warmup { _ = try CLI.inFile(model) { try plan.run(feeds) } }
            var times: [Double] = []
            for _ in 0..<runs {
                let t0 = ContinuousClock.now
                _ = try plan.run(feeds)
                times.append((ContinuousClock.now - t0).milliseconds)
            }
            var profileRows: [OpTime]?
            if profile {
                let profiler = Profiler()
                var profiledOptions = InferenceOptions(
                    threads: threads, observer: { node, _ in profiler.record(node) })
                profiledOptions.limits = runtimeLimits.limits
                let profiled = try InferencePlan(model: m, options: profiledOptions)
                for _ in 0..<runs {
                    profiler.start()
                    _ = try profiled.run(feeds)
                }
                profileRows = profiler.report(runs: runs)
            }
            times.sort()
            let report = Report(
                model: model, runs: runs, threads: threads, planMilliseconds: planTime.milliseconds,
                medianMilliseconds: times.count % 2 == 1
                    ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2,
                meanMilliseconds: times.reduce(0, +) / Double(times.count),
                minMilliseconds: times[0],
                p90Milliseconds: times[min(times.count - 1, Int(Double(times.count) * 0.9))],
                maxMilliseconds: times[times.count - 1], profile: profileRows)
            switch format {
            case .json: print(try CLI.json(report))
            case .text:
                print(
                    String(
                        format: "%@: median %.3f ms  mean %.3f  min %.3f  p90 %.3f  max %.3f  (%d runs, %d thread%@, plan %.1f ms)",
                        model, report.medianMilliseconds, report.meanMilliseconds, report.minMilliseconds,
                        report.p90Milliseconds, report.maxMilliseconds, runs, threads, threads == 1 ? "" : "s",
                        report.planMilliseconds))
                for row in profileRows ?? [] {
                    print(
                        String(
                            format: "  %@ %5d nodes  %9.3f ms  %5.1f%%",
                            row.opType.padding(toLength: 28, withPad: " ", startingAt: 0),
                            row.count, row.milliseconds, row.share * 100))
                }
            }
        }
    }
}

extension Duration {
    var milliseconds: Double {
        let c = components
        return Double(c.seconds) * 1e3 + Double(c.attoseconds) * 1e-15
    }
}

import ArgumentParser
import Foundation
import KilnIR
import KilnOps
import KilnRuntime
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
            more than --tolerance (default 10%).
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
    @Flag(help: "Also time each op type and each node (one extra profiled pass; slower).")
    var profile = false
    @Option(help: "With --profile: how many of the slowest nodes to list.")
    var top: Int = 10
    @Option(help: "An earlier `kiln bench --format json` report to compare with.")
    var baseline: String?
    @Option(help: "Allowed slowdown of the median against --baseline, e.g. 10% or 0.1.")
    var tolerance: String = "10%"

    struct OpTime: Codable {
        var opType: String
        var count: Int
        var milliseconds: Double
        var share: Double
    }

    struct NodeTime: Codable {
        var node: String
        var opType: String
        var milliseconds: Double
        var share: Double
    }

    struct InputInfo: Codable {
        var name: String
        var elementType: String
        var shape: [Int64]
    }

    struct BaselineComparison: Codable {
        var file: String
        var tolerance: Double
        var baselineMedianMilliseconds: Double
        /// (current − baseline) / baseline of the median.
        var change: Double
        var regressed: Bool
    }

    /// The JSON report; `schemas/kiln-bench.md` documents every field.
    struct Report: Codable {
        var schema = "kiln-bench/1"
        var model: String
        var modelFormat: String
        var kilnVersion: String
        var threads: Int
        var warmup: Int
        var runs: Int
        var durationSeconds: Double?
        var inputs: [InputInfo]
        var loadMilliseconds: Double
        var planMilliseconds: Double
        var firstRunMilliseconds: Double
        var minMilliseconds: Double
        var meanMilliseconds: Double
        var medianMilliseconds: Double
        var p90Milliseconds: Double
        var p99Milliseconds: Double
        var maxMilliseconds: Double
        var stddevMilliseconds: Double
        var throughputPerSecond: Double
        var peakRSSBytes: Int
        var weightBytes: Int
        var activationBytes: Int
        var profile: [OpTime]?
        var topNodes: [NodeTime]?
        var baseline: BaselineComparison?
    }

    /// Per-op-type and per-node wall time, attributed between consecutive node completions.
    final class Profiler: Sendable {
        struct State {
            var last = ContinuousClock.now
            var totals: [String: (count: Int, time: Duration)] = [:]
            var nodes: [String: (opType: String, time: Duration)] = [:]
            var outputBytes = 0
        }
        let state = Mutex(State())

        func start() { state.withLock { $0.last = .now } }

        func record(_ node: Node, _ outputs: [Value]) {
            let now = ContinuousClock.now
            let bytes = outputs.reduce(0) { $0 + ($1.tensor?.byteCount ?? 0) }
            state.withLock { s in
                let d = now - s.last
                let key = node.domain.isEmpty ? node.opType : "\(node.domain)::\(node.opType)"
                let old = s.totals[key] ?? (0, .zero)
                s.totals[key] = (old.count + 1, old.time + d)
                let label = node.name.isEmpty ? (node.outputs.first ?? key) : node.name
                s.nodes[label] = (key, (s.nodes[label]?.time ?? .zero) + d)
                s.outputBytes += bytes
                s.last = now
            }
        }

        var outputBytes: Int { state.withLock { $0.outputBytes } }

        func report(runs: Int, top: Int) -> ([OpTime], [NodeTime]) {
            let (totals, nodes) = state.withLock { ($0.totals, $0.nodes) }
            let all = totals.values.reduce(Duration.zero) { $0 + $1.time }.milliseconds
            let r = Double(max(runs, 1))
            let ops = totals.map { k, v in
                OpTime(
                    opType: k, count: v.count / max(runs, 1), milliseconds: v.time.milliseconds / r,
                    share: all > 0 ? v.time.milliseconds / all : 0)
            }.sorted { ($0.milliseconds, $1.opType) > ($1.milliseconds, $0.opType) }
            let nodeRows = nodes.map { k, v in
                NodeTime(
                    node: k, opType: v.opType, milliseconds: v.time.milliseconds / r,
                    share: all > 0 ? v.time.milliseconds / all : 0)
            }.sorted { ($0.milliseconds, $1.node) > ($1.milliseconds, $0.node) }
            return (ops, Array(nodeRows.prefix(max(0, top))))
        }
    }

    /// A one-line progress bar on a terminal's stderr; silent when stderr is not a terminal.
    struct ProgressBar {
        let enabled: Bool
        var lastDraw = ContinuousClock.now

        init(expectedSeconds: Double) {
            enabled = isatty(2) == 1 && expectedSeconds > 1
        }

        mutating func update(_ fraction: Double, _ label: String) {
            guard enabled, ContinuousClock.now - lastDraw > .milliseconds(100) else { return }
            lastDraw = .now
            let width = 30
            let filled = Int((min(max(fraction, 0), 1) * Double(width)).rounded(.down))
            let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(label)  ".utf8))
        }

        func finish() {
            guard enabled else { return }
            FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 60) + "\r").utf8))
        }
    }

    static func parseTolerance(_ s: String) throws -> Double {
        let t = s.trimmingCharacters(in: .whitespaces)
        let v = t.hasSuffix("%") ? Double(t.dropLast()).map { $0 / 100 } : Double(t)
        guard let v, v >= 0, v.isFinite else {
            throw KilnError(.usage, "--tolerance '\(s)' must be a percentage like 10% or a fraction like 0.1")
        }
        return v
    }

    static func peakRSSBytes() -> Int {
        var u = rusage()
        #if os(Linux)
            guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u) == 0 else { return 0 }
            return Int(u.ru_maxrss) * 1024  // kilobytes on Linux
        #else
            guard getrusage(RUSAGE_SELF, &u) == 0 else { return 0 }
            return Int(u.ru_maxrss)  // bytes on Darwin
        #endif
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = p * Double(sorted.count - 1)
        let lo = Int(rank.rounded(.down))
        let hi = min(sorted.count - 1, lo + 1)
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - Double(lo))
    }

    func run() throws {
        var regressed = false
        try CLI.guarded {
            guard runs > 0, warmup >= 0, threads > 0, top >= 0 else {
                throw KilnError(.usage, "--runs and --threads must be positive, --warmup and --top not negative")
            }
            if let duration, !(duration > 0 && duration.isFinite) {
                throw KilnError(.usage, "--duration must be a positive number of seconds")
            }
            let tol = try Self.parseTolerance(tolerance)
            var previous: Report?
            if let baseline {
                let data = try CLI.inFile(baseline) { try MappedFile.map(URL(fileURLWithPath: baseline)) }
                do {
                    previous = try JSONDecoder().decode(Report.self, from: data)
                } catch {
                    throw KilnError(
                        .malformedInput, "not a kiln bench JSON report (schema kiln-bench/1): \(error)",
                        at: .init(file: baseline))
                }
            }
            let loadStart = ContinuousClock.now
            let m = try ModelFiles.load(model)
            let loadTime = ContinuousClock.now - loadStart
            let start = ContinuousClock.now
            let plan = try CLI.inFile(model) {
                try InferencePlan(model: m, options: InferenceOptions(threads: threads))
            }
            let planTime = ContinuousClock.now - start
            let feeds = try inputOptions.feeds(for: m.graph, random: true)
            let f0 = ContinuousClock.now
            _ = try CLI.inFile(model) { try plan.run(feeds) }
            let firstRun = (ContinuousClock.now - f0).milliseconds
            let expected = duration ?? Double(runs + warmup) * firstRun / 1000
            var bar = ProgressBar(expectedSeconds: expected)
            for i in 0..<warmup {
                _ = try CLI.inFile(model) { try plan.run(feeds) }
                bar.update(0, "warm-up \(i + 1)/\(warmup)")
            }
            var times: [Double] = []
            let benchStart = ContinuousClock.now
            while true {
                if let duration {
                    let elapsed = (ContinuousClock.now - benchStart).milliseconds / 1000
                    if elapsed >= duration && !times.isEmpty { break }
                    bar.update(elapsed / duration, "\(times.count) runs")
                } else {
                    if times.count >= runs { break }
                    bar.update(Double(times.count) / Double(runs), "\(times.count)/\(runs) runs")
                }
                let t0 = ContinuousClock.now
                _ = try plan.run(feeds)
                times.append((ContinuousClock.now - t0).milliseconds)
            }
            let wall = (ContinuousClock.now - benchStart).milliseconds
            bar.finish()
            let profiler = Profiler()
            var profileRows: [OpTime]?
            var nodeRows: [NodeTime]?
            if profile {
                let profiled = try InferencePlan(
                    model: m,
                    options: InferenceOptions(threads: threads, observer: { node, out in profiler.record(node, out) }))
                let n = min(times.count, 20)
                for _ in 0..<n {
                    profiler.start()
                    _ = try profiled.run(feeds)
                }
                (profileRows, nodeRows) = profiler.report(runs: n, top: top)
            }
            let sorted = times.sorted()
            let mean = times.reduce(0, +) / Double(times.count)
            let variance = times.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(times.count)
            let weightBytes = m.graph.initializers.reduce(0) { $0 + $1.byteCount }
            var report = Report(
                model: model, modelFormat: (try? ModelFiles.format(of: model).rawValue) ?? "?",
                kilnVersion: Kiln.configuration.version, threads: threads, warmup: warmup,
                runs: times.count, durationSeconds: duration,
                inputs: m.graph.runtimeInputs.compactMap { info in
                    guard let t = feeds[info.name]?.tensor else { return nil }
                    return InputInfo(name: info.name, elementType: t.elementType.name, shape: t.shape)
                },
                loadMilliseconds: loadTime.milliseconds, planMilliseconds: planTime.milliseconds,
                firstRunMilliseconds: firstRun, minMilliseconds: sorted[0], meanMilliseconds: mean,
                medianMilliseconds: Self.percentile(sorted, 0.5),
                p90Milliseconds: Self.percentile(sorted, 0.9),
                p99Milliseconds: Self.percentile(sorted, 0.99),
                maxMilliseconds: sorted[sorted.count - 1], stddevMilliseconds: variance.squareRoot(),
                throughputPerSecond: wall > 0 ? Double(times.count) / (wall / 1000) : 0,
                peakRSSBytes: Self.peakRSSBytes(), weightBytes: weightBytes,
                activationBytes: profile ? profiler.outputBytes / max(1, min(times.count, 20)) : 0,
                profile: profileRows, topNodes: nodeRows)
            if let previous, let baseline {
                let change = previous.medianMilliseconds > 0
                    ? (report.medianMilliseconds - previous.medianMilliseconds) / previous.medianMilliseconds : 0
                regressed = change > tol
                report.baseline = BaselineComparison(
                    file: baseline, tolerance: tol,
                    baselineMedianMilliseconds: previous.medianMilliseconds, change: change,
                    regressed: regressed)
            }
            switch format {
            case .json: print(try CLI.json(report))
            case .text: print(Self.text(report), terminator: "")
            }
        }
        if regressed { throw ExitCode(1) }
    }

    static func text(_ r: Report) -> String {
        var out = "\(r.model) (\(r.modelFormat)): \(r.runs) runs, \(r.threads) thread\(r.threads == 1 ? "" : "s")"
        out += r.inputs.isEmpty ? "\n" : ", inputs " + r.inputs.map { "\($0.name) \($0.elementType)\($0.shape)" }.joined(separator: ", ") + "\n"
        out += String(
            format: "  load %.3f ms  plan %.2f ms  first run %.3f ms\n", r.loadMilliseconds,
            r.planMilliseconds, r.firstRunMilliseconds)
        out += String(
            format: "  latency ms: min %.3f  mean %.3f  p50 %.3f  p90 %.3f  p99 %.3f  max %.3f  stddev %.3f\n",
            r.minMilliseconds, r.meanMilliseconds, r.medianMilliseconds, r.p90Milliseconds,
            r.p99Milliseconds, r.maxMilliseconds, r.stddevMilliseconds)
        out += String(
            format: "  throughput %.1f runs/s  peak RSS %@  weights %@", r.throughputPerSecond,
            InspectCommand.human(r.peakRSSBytes), InspectCommand.human(r.weightBytes))
        out += r.profile != nil ? "  activations/run \(InspectCommand.human(r.activationBytes))\n" : "\n"
        for row in r.profile ?? [] {
            out += String(
                format: "  %@ %5d nodes  %9.3f ms  %5.1f%%\n",
                row.opType.padding(toLength: 28, withPad: " ", startingAt: 0), row.count,
                row.milliseconds, row.share * 100)
        }
        if let nodes = r.topNodes, !nodes.isEmpty {
            out += "  slowest nodes:\n"
            for n in nodes {
                out += String(
                    format: "    %@ %@ %9.3f ms  %5.1f%%\n",
                    n.node.padding(toLength: 30, withPad: " ", startingAt: 0),
                    n.opType.padding(toLength: 18, withPad: " ", startingAt: 0), n.milliseconds,
                    n.share * 100)
            }
        }
        if let b = r.baseline {
            out += String(
                format: "  baseline %@: median %.3f ms -> %.3f ms (%+.1f%%, tolerance %.1f%%) %@\n",
                b.file, b.baselineMedianMilliseconds, r.medianMilliseconds, b.change * 100,
                b.tolerance * 100, b.regressed ? "REGRESSION" : "ok")
        }
        return out
    }
}

extension Duration {
    var milliseconds: Double {
        let c = components
        return Double(c.seconds) * 1e3 + Double(c.attoseconds) * 1e-15
    }
}

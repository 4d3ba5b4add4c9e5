import Foundation
import KilnIR
import KilnRuntime
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Settings of one benchmark: how many runs (or how long), threads, profiling.
public struct BenchOptions: Sendable {
    public var runs: Int = 20
    /// Time budget for the timed runs in seconds; replaces `runs` when set.
    public var duration: Double?
    public var warmup: Int = 3
    public var threads: Int = 1
    public var profile: Bool = false
    public var top: Int = 10
    /// Loop/Scan iteration and wall-clock limits for each run.
    public var limits = RuntimeLimits()
    public init() {}
}

/// The timing loop and report shared by `kiln bench` and generated benchmark stubs
/// (`kiln stub`), so both measure and print exactly the same way (`schemas/kiln-bench.md`).
public enum Bench {
    public struct OpTime: Codable, Sendable {
        public var opType: String
        public var count: Int
        public var milliseconds: Double
        public var share: Double
    }

    public struct NodeTime: Codable, Sendable {
        public var node: String
        public var opType: String
        public var milliseconds: Double
        public var share: Double
    }

    public struct InputInfo: Codable, Sendable {
        public var name: String
        public var elementType: String
        public var shape: [Int64]
    }

    public struct BaselineComparison: Codable, Sendable {
        public var file: String
        public var tolerance: Double
        public var baselineMedianMilliseconds: Double
        /// (current − baseline) / baseline of the median.
        public var change: Double
        public var regressed: Bool
    }

    /// The JSON report; `schemas/kiln-bench.md` documents every field.
    public struct Report: Codable, Sendable {
        public var schema = "kiln-bench/1"
        public var model: String
        public var modelFormat: String
        public var kilnVersion: String
        public var threads: Int
        public var warmup: Int
        public var runs: Int
        public var durationSeconds: Double?
        public var inputs: [InputInfo]
        public var loadMilliseconds: Double
        public var planMilliseconds: Double
        public var firstRunMilliseconds: Double
        public var minMilliseconds: Double
        public var meanMilliseconds: Double
        public var medianMilliseconds: Double
        public var p90Milliseconds: Double
        public var p99Milliseconds: Double
        public var maxMilliseconds: Double
        public var stddevMilliseconds: Double
        public var throughputPerSecond: Double
        public var peakRSSBytes: Int
        public var weightBytes: Int
        public var activationBytes: Int
        public var profile: [OpTime]?
        public var topNodes: [NodeTime]?
        public var baseline: BaselineComparison?
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
            let all = totals.values.reduce(Duration.zero) { $0 + $1.time }.ms
            let r = Double(max(runs, 1))
            let ops = totals.map { k, v in
                OpTime(
                    opType: k, count: v.count / max(runs, 1), milliseconds: v.time.ms / r,
                    share: all > 0 ? v.time.ms / all : 0)
            }.sorted { ($0.milliseconds, $1.opType) > ($1.milliseconds, $0.opType) }
            let nodeRows = nodes.map { k, v in
                NodeTime(
                    node: k, opType: v.opType, milliseconds: v.time.ms / r,
                    share: all > 0 ? v.time.ms / all : 0)
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

    public static func parseTolerance(_ s: String) throws -> Double {
        let t = s.trimmingCharacters(in: .whitespaces)
        let v = t.hasSuffix("%") ? Double(t.dropLast()).map { $0 / 100 } : Double(t)
        guard let v, v >= 0, v.isFinite else {
            throw KilnError(.usage, "--tolerance '\(s)' must be a percentage like 10% or a fraction like 0.1")
        }
        return v
    }

    public static func peakRSSBytes() -> Int {
        var u = rusage()
        #if os(Linux)
            guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u) == 0 else { return 0 }
            return Int(u.ru_maxrss) * 1024  // kilobytes on Linux
        #else
            guard getrusage(RUSAGE_SELF, &u) == 0 else { return 0 }
            return Int(u.ru_maxrss)  // bytes on Darwin
        #endif
    }

    public static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = p * Double(sorted.count - 1)
        let lo = Int(rank.rounded(.down))
        let hi = min(sorted.count - 1, lo + 1)
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - Double(lo))
    }

    public static func text(_ r: Report) -> String {
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
            human(r.peakRSSBytes), human(r.weightBytes))
        out += r.profile != nil ? "  activations/run \(human(r.activationBytes))\n" : "\n"
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

    public static func human(_ bytes: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var v = Double(bytes)
        var u = 0
        while v >= 1024 && u < units.count - 1 {
            v /= 1024
            u += 1
        }
        return u == 0 ? "\(bytes) B" : String(format: "%.1f %@", v, units[u])
    }

    /// Pretty, key-sorted JSON of a report.
    public static func json(_ r: Report) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(r), as: UTF8.self)
    }

    /// Plans `model`, runs it once (first run), `warmup` times, then the timed runs, and
    /// profiles when asked. `loadMilliseconds` is measured by the caller (it owns the reader).
    public static func run(
        model m: Model, path: String, format: String, kilnVersion: String,
        loadMilliseconds: Double, feeds: [String: Value], options o: BenchOptions
    ) throws -> Report {
        let start = ContinuousClock.now
        var planOptions = InferenceOptions(threads: o.threads)
        planOptions.limits = o.limits
        let plan = try InferencePlan(model: m, options: planOptions)
        let planTime = ContinuousClock.now - start
        let f0 = ContinuousClock.now
        _ = try plan.run(feeds)
        let firstRun = (ContinuousClock.now - f0).ms
        let expected = o.duration ?? Double(o.runs + o.warmup) * firstRun / 1000
        var bar = ProgressBar(expectedSeconds: expected)
        for i in 0..<o.warmup {
            _ = try plan.run(feeds)
            bar.update(0, "warm-up \(i + 1)/\(o.warmup)")
        }
        var times: [Double] = []
        let benchStart = ContinuousClock.now
        while true {
            if let duration = o.duration {
                let elapsed = (ContinuousClock.now - benchStart).ms / 1000
                if elapsed >= duration && !times.isEmpty { break }
                bar.update(elapsed / duration, "\(times.count) runs")
            } else {
                if times.count >= o.runs { break }
                bar.update(Double(times.count) / Double(o.runs), "\(times.count)/\(o.runs) runs")
            }
            let t0 = ContinuousClock.now
            _ = try plan.run(feeds)
            times.append((ContinuousClock.now - t0).ms)
        }
        let wall = (ContinuousClock.now - benchStart).ms
        bar.finish()
        let profiler = Profiler()
        var profileRows: [OpTime]?
        var nodeRows: [NodeTime]?
        let profiledRuns = min(times.count, 20)
        if o.profile {
            var profiledOptions = InferenceOptions(
                threads: o.threads, observer: { node, out in profiler.record(node, out) })
            profiledOptions.limits = o.limits
            let profiled = try InferencePlan(model: m, options: profiledOptions)
            for _ in 0..<profiledRuns {
                profiler.start()
                _ = try profiled.run(feeds)
            }
            (profileRows, nodeRows) = profiler.report(runs: profiledRuns, top: o.top)
        }
        let sorted = times.sorted()
        let mean = times.reduce(0, +) / Double(times.count)
        let variance = times.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(times.count)
        return Report(
            model: path, modelFormat: format, kilnVersion: kilnVersion, threads: o.threads,
            warmup: o.warmup, runs: times.count, durationSeconds: o.duration,
            inputs: m.graph.runtimeInputs.compactMap { info in
                guard let t = feeds[info.name]?.tensor else { return nil }
                return InputInfo(name: info.name, elementType: t.elementType.name, shape: t.shape)
            },
            loadMilliseconds: loadMilliseconds, planMilliseconds: planTime.ms,
            firstRunMilliseconds: firstRun, minMilliseconds: sorted[0], meanMilliseconds: mean,
            medianMilliseconds: percentile(sorted, 0.5), p90Milliseconds: percentile(sorted, 0.9),
            p99Milliseconds: percentile(sorted, 0.99), maxMilliseconds: sorted[sorted.count - 1],
            stddevMilliseconds: variance.squareRoot(),
            throughputPerSecond: wall > 0 ? Double(times.count) / (wall / 1000) : 0,
            peakRSSBytes: peakRSSBytes(),
            weightBytes: m.graph.initializers.reduce(0) { $0 + $1.byteCount },
            activationBytes: o.profile ? profiler.outputBytes / max(1, profiledRuns) : 0,
            profile: profileRows, topNodes: nodeRows)
    }

    /// Adds the comparison with an earlier report; true when the median regressed beyond
    /// `tolerance` (a fraction).
    public static func compare(
        _ r: inout Report, with previous: Report, file: String, tolerance: Double
    ) -> Bool {
        let change = previous.medianMilliseconds > 0
            ? (r.medianMilliseconds - previous.medianMilliseconds) / previous.medianMilliseconds : 0
        let regressed = change > tolerance
        r.baseline = BaselineComparison(
            file: file, tolerance: tolerance, baselineMedianMilliseconds: previous.medianMilliseconds,
            change: change, regressed: regressed)
        return regressed
    }
}

extension Duration {
    var ms: Double {
        let c = components
        return Double(c.seconds) * 1e3 + Double(c.attoseconds) * 1e-15
    }
}

// MARK: - Random inputs for stubs

extension Bench {
    /// One runtime input of a benchmark: name, element type and static shape.
    public struct InputSignature: Codable, Sendable, Equatable {
        public var name: String
        public var elementType: String
        public var shape: [Int64]
        public init(name: String, elementType: String, shape: [Int64]) {
            self.name = name
            self.elementType = elementType
            self.shape = shape
        }
    }

    /// Seeded random tensors for `inputs` (SplitMix64; floats in [-1, 1), integers in [0, 10)).
    /// Throws for element types it cannot fill.
    public static func randomFeeds(_ inputs: [InputSignature], seed: UInt64) throws -> [String: Value] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        func unit() -> Float { Float(Double(next() >> 11) * 0x1.0p-53 * 2 - 1) }
        var feeds: [String: Value] = [:]
        for s in inputs {
            guard let n = Tensor.elementCount(s.shape), n <= 1 << 28 else {
                throw KilnError(.usage, "input '\(s.name)' shape \(s.shape) is invalid or too large")
            }
            let t: Tensor
            switch ElementType(name: s.elementType) {
            case .float32: t = Tensor(name: s.name, shape: s.shape, values: (0..<n).map { _ in unit() })
            case .float64: t = Tensor(name: s.name, shape: s.shape, values: (0..<n).map { _ in Double(unit()) })
            case .int64: t = Tensor(name: s.name, shape: s.shape, values: (0..<n).map { _ in Int64(next() % 10) })
            case .int32: t = Tensor(name: s.name, shape: s.shape, values: (0..<n).map { _ in Int32(next() % 10) })
            case .int8: t = Tensor(name: s.name, shape: s.shape, values: (0..<n).map { _ in Int8(next() % 10) })
            case .uint8: t = Tensor(name: s.name, shape: s.shape, values: (0..<n).map { _ in UInt8(next() % 10) })
            case .bool: t = Tensor(name: s.name, shape: s.shape, values: (0..<n).map { _ in next() & 1 == 1 })
            default:
                throw KilnError(.usage, "cannot make random \(s.elementType) data for input '\(s.name)'")
            }
            feeds[s.name] = .tensor(t)
        }
        return feeds
    }
}

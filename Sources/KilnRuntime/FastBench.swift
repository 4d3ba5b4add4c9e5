import Foundation
import KilnIR
import KilnOps

/// Latency measurement of whole-model inference, for `kiln bench` and `Benchmarks/`.
///
/// The plan is built once, one untimed warm-up run follows, then `runs` timed runs; the median
/// is the headline number (robust to a noisy shared machine).
public enum Bench {
    /// Timings of one benchmark, in milliseconds.
    public struct Result: Sendable {
        /// Every timed run, in order.
        public var runsMs: [Double]
        /// Median of `runsMs`.
        public var medianMs: Double {
            let s = runsMs.sorted()
            guard !s.isEmpty else { return .nan }
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        /// Fastest run.
        public var minMs: Double { runsMs.min() ?? .nan }

        /// One-line JSON (`{"runs":N,"median_ms":..,"min_ms":..}`) for scripts.
        public var json: String {
            String(
                format: "{\"runs\":%d,\"median_ms\":%.4f,\"min_ms\":%.4f}", runsMs.count,
                medianMs, minMs)
        }
    }

    /// Times `runs` inferences of `model` on `inputs` with the fast kernels on `threads`.
    public static func time(
        model: Model, inputs: [String: Value], runs: Int, threads: Int = 1,
        registry: OpRegistry = FastOps.registry
    ) throws -> Result {
        let plan = try InferencePlan(
            model: model, options: InferenceOptions(threads: threads, registry: registry))
        _ = try plan.run(inputs)
        var times: [Double] = []
        for _ in 0..<max(runs, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try plan.run(inputs)
            let end = DispatchTime.now().uptimeNanoseconds
            times.append(Double(end - start) / 1e6)
        }
        return Result(runsMs: times)
    }

    /// The conformance-suite input for every runtime input of `model`: `arange(n) / n` reshaped
    /// to the declared static shape (floating types; integer types get `arange(n)`).
    public static func arangeInputs(for model: Model) throws -> [String: Value] {
        var feeds: [String: Value] = [:]
        for info in model.graph.runtimeInputs {
            guard let tt = info.type?.tensorType, let shape = tt.staticShape,
                let n = Tensor.elementCount(shape)
            else {
                throw KilnError(
                    .unsupportedFeature,
                    "input '\(info.name)' has no static tensor shape; pass inputs explicitly")
            }
            let values = (0..<n).map { Double($0) / (tt.elementType.isFloatingPoint ? Double(n) : 1) }
            feeds[info.name] = .tensor(
                try Tensor.fromDoubles(values, shape: shape, as: tt.elementType))
        }
        return feeds
    }
}

import Foundation
import KilnIR
import KilnOps
import KilnRuntime

/// Runs a model over calibration samples with the reference runtime and hands every watched
/// value (graph inputs and node outputs, by name) to a closure as it is computed.
///
/// Plans are built without operator fusion so every node output the quantizer names exists.
/// The plan is built once and reused for every sample.
final class ModelProbe {
    private let plan: InferencePlan
    private let sink: Sink

    /// Plans `model` (without fusion) to report the values in `watch` to `visit`.
    init(_ model: Model, watch: Set<String>, _ visit: @escaping (Int, String, Tensor) -> Void)
        throws
    {
        let sink = Sink(watch: watch, visit: visit)
        let observer: @Sendable (Node, [Value]) -> Void = { node, outputs in
            sink.observe(node, outputs)
        }
        self.sink = sink
        var options = InferenceOptions(observer: observer, fuseOperators: false)
        // fp16 mode probes what float16 arithmetic does (NaN/Inf), not a widened run.
        options.widenFloat16 = false
        plan = try InferencePlan(model: model, options: options)
    }

    /// Runs one sample (`index` is handed to `visit`); errors name `label`.
    func run(_ feed: [String: Value], index: Int, label: String) throws -> [String: Value] {
        sink.sample = index
        for (name, v) in feed.sorted(by: { $0.key < $1.key }) where sink.watch.contains(name) {
            if let t = v.tensor { sink.visit(index, name, t) }
        }
        do {
            return try plan.run(feed)
        } catch var e as KilnError {
            if e.location.file == nil { e.location.file = label }
            throw e
        }
    }

    /// Runs `model` on each sample; calls `visit(sample, name, tensor)` for watched values and
    /// returns each sample's graph outputs. Errors name the sample.
    @discardableResult
    static func run(
        _ model: Model, samples: CalibrationSet, watch: Set<String>,
        _ visit: @escaping (Int, String, Tensor) -> Void
    ) throws -> [[String: Value]] {
        let probe = try ModelProbe(model, watch: watch, visit)
        return try samples.samples.indices.map { i in
            try probe.run(samples.samples[i], index: i, label: samples.labels[i])
        }
    }

    /// Observer state. The runtime calls the observer synchronously on the thread running the
    /// plan (one thread), and the lock guards `sample` and the closure anyway; hence the
    /// justified `@unchecked Sendable`.
    private final class Sink: @unchecked Sendable {
        let watch: Set<String>
        let visit: (Int, String, Tensor) -> Void
        let lock = NSLock()
        var sample = 0

        init(watch: Set<String>, visit: @escaping (Int, String, Tensor) -> Void) {
            self.watch = watch
            self.visit = visit
        }

        func observe(_ node: Node, _ outputs: [Value]) {
            lock.lock()
            defer { lock.unlock() }
            for (name, v) in zip(node.outputs, outputs) where watch.contains(name) {
                if let t = v.tensor { visit(sample, name, t) }
            }
        }
    }
}

extension Tensor {
    /// Float elements as `Float` (float16/float64 converted); `nil` for non-float tensors.
    func floatValues() -> [Float]? {
        switch elementType {
        case .float32: return values(as: Float.self)
        case .float16, .float64, .bfloat16: return (try? doubles())?.map { Float($0) }
        default: return nil
        }
    }
}

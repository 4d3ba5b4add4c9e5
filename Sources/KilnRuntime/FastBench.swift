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
    /// With `precompute` (the default) constant subgraphs are evaluated before timing, like
    /// onnxruntime's session initialization (see `precomputeConstants`).
    public static func time(
        model: Model, inputs: [String: Value], runs: Int, threads: Int = 1,
        registry: OpRegistry = FastOps.registry, precompute: Bool = true
    ) throws -> Result {
        let model = precompute ? try precomputeConstants(model, registry: registry) : model
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

    /// Evaluates every node whose inputs are all constant (initializers or outputs of such
    /// nodes) once and turns its outputs into initializers, as onnxruntime does when it creates
    /// a session. A stand-in until a `fold-constants` pass runs before benchmarking; nodes with
    /// subgraphs or non-tensor outputs are left alone.
    public static func precomputeConstants(
        _ model: Model, registry: OpRegistry = FastOps.registry
    ) throws -> Model {
        var m = model
        var known: [String: Tensor] = [:]
        for t in m.graph.initializers { known[t.name] = t }
        let runtimeInputs = Set(m.graph.runtimeInputs.map(\.name))
        for name in runtimeInputs { known[name] = nil }
        // From IR version 4 on, an initializer that is also a graph input is only a default the
        // caller may override; before that every initializer had to be listed as an input.
        if m.irVersion >= 4 {
            for input in m.graph.inputs { known[input.name] = nil }
        }
        var kept: [Node] = []
        for node in m.graph.nodes {
            let inputsKnown = node.inputs.allSatisfy { $0.isEmpty || known[$0] != nil }
            guard inputsKnown, node.subgraphs.isEmpty, !Bench.nondeterministic.contains(node.opType),
                let op = registry.lookup(domain: node.domain, opType: node.opType),
                let version = m.opsetVersion(for: node.normalizedDomain)
            else {
                kept.append(node)
                continue
            }
            let ctx = KernelContext(
                node: node, opsetVersion: version,
                inputs: node.inputs.map { $0.isEmpty ? nil : known[$0].map(Value.tensor) })
            let outputs: [Value]
            do {
                outputs = try op.run(ctx)
            } catch var e as KilnError {
                if e.location.node == nil { e.location.node = node.name.isEmpty ? node.opType : node.name }
                throw e
            }
            var tensors: [Tensor] = []
            for v in outputs {
                guard let t = v.tensor else { break }
                tensors.append(t)
            }
            guard tensors.count == outputs.count else {
                kept.append(node)
                continue
            }
            for (name, t) in zip(node.outputs, tensors) where !name.isEmpty {
                var named = t
                named.name = name
                known[name] = named
                m.graph.initializers.append(named)
            }
        }
        m.graph.nodes = kept
        return m
    }

    /// Ops whose outputs differ from run to run: never folded.
    static let nondeterministic: Set<String> = [
        "RandomNormal", "RandomNormalLike", "RandomUniform", "RandomUniformLike", "Multinomial",
        "Bernoulli", "Dropout",
    ]

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

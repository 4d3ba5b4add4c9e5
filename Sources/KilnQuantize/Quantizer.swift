import Foundation
import KilnIR
import KilnOps
import KilnPasses
import KilnRuntime

/// Quantizes a float model: prepares it with the optimizer, calibrates on samples with the
/// reference runtime, and rewrites it with the quantization passes (STYLE.md §1: ranges are
/// handed to the passes as data).
///
///     let q = try Quantizer(model: m, options: .init(mode: .int8Static), calibration: samples)
///     let (model, summary) = try q.quantize()
///
/// Pipeline: `-O2` cleanup and fusions (Conv+BatchNormalization folded before its weights are
/// quantized) → (int8 modes) weights computed by constant subgraphs (Constant, ConstantOfShape,
/// Cast/Mul dequantization) folded into initializers → calibration → `insert-qdq` or
/// `convert-float16` → dead code. Ops that are already quantized (DynamicQuantizeLSTM,
/// MatMulInteger, QLinear*) are not targets and pass through as they are.
public struct Quantizer: Sendable {
    public let options: QuantizeOptions
    /// The float model after preparation: the reference every result is compared with.
    public let prepared: Model
    public let calibration: CalibrationSet?
    /// Calibration statistics by value name.
    public private(set) var statistics: [String: ActivationStatistics] = [:]
    /// Element types of every computed value, from the calibration run.
    public private(set) var types: [String: ElementType] = [:]
    /// The float model's outputs on each calibration sample.
    var floatOutputs: [[String: Value]] = []
    /// Initializer bytes of the model as given (before weight subgraphs were folded).
    let inputBytes: Int
    /// The model before weight subgraphs were folded (nil when nothing was folded): a folded
    /// weight that stays float gets its subgraph back (`restoreFoldedWeights`).
    let unfolded: Model?

    public init(model: Model, options: QuantizeOptions, calibration: CalibrationSet?) throws {
        self.options = options
        self.calibration = calibration
        inputBytes = Self.constantBytes(model)
        let opset = model.opsetVersion(for: "") ?? 1
        switch options.mode {
        case .int8Dynamic where opset < 11:
            throw KilnError(
                .usage,
                "int8-dynamic needs opset 11 or later (DynamicQuantizeLinear); the model imports "
                    + "opset \(opset): use --mode int8-weights")
        case .int8Static where opset < 10:
            throw KilnError(
                .usage,
                "int8-static needs opset 10 or later (QuantizeLinear); the model imports opset "
                    + "\(opset): use --mode int8-weights")
        case .int8Static where calibration == nil:
            throw KilnError(
                .usage,
                "int8-static needs calibration data: --calibration DIR or --calibration-random N")
        default: break
        }
        (prepared, unfolded) = try Self.prepare(model, options: options)
        if let calibration {
            try calibration.validate(graph: prepared.graph)
            try collectStatistics(calibration)
        }
    }

    // MARK: - Preparation

    static func prepare(_ model: Model, options: QuantizeOptions) throws -> (Model, Model?) {
        var m = model
        try PassPipeline.level(2).run(on: &m, context: PassContext())
        // fp16 keeps weights that are already int8 (Cast/Mul or DequantizeLinear chains) as
        // they are: folding them to float would double their size.
        guard options.mode != .fp16 else { return (m, nil) }
        let unfolded = m
        // Weights computed by constant subgraphs: fold them with a large budget on a copy and
        // take only the tensors that feed a weight input.
        var folded = m
        let context = PassContext()
        context.options.maxFoldedBytes = options.maxFoldedWeightBytes
        context.options.foldsDequantization = true
        try PassPipeline.named(["fold-constants"]).run(on: &folded, context: context)
        let weights = Set(
            QuantizationTargets.find(
                in: folded.graph, perChannel: false, exclude: [], excludedKeys: [],
                otherConstants: false
            ).targets.flatMap { $0.weights.map(\.name) })
        let foldedConstants = Dictionary(
            folded.graph.initializers.filter { weights.contains($0.name) }.map { ($0.name, $0) },
            uniquingKeysWith: { a, _ in a })
        guard !foldedConstants.isEmpty else { return (m, nil) }
        let replaced = try m.edit(PassContext()) { g in
            for name in foldedConstants.keys.sorted() where g.constant(name) == nil {
                guard let p = g.producer(of: name) else { continue }
                let outputs = g[p].outputs.filter { !$0.isEmpty }
                guard outputs.allSatisfy({ foldedConstants[$0] != nil }) else { continue }
                g.remove(p)
                for o in outputs { if let t = foldedConstants[o] { g.addInitializer(t) } }
            }
        }
        if replaced == .changed {
            try PassPipeline.level(1).run(on: &m, context: PassContext())
        }
        return (m, replaced == .changed ? unfolded : nil)
    }

    /// Folded weights that stay float (excluded layers, `--target-cosine`'s float layers)
    /// computed again by their subgraph from `unfolded`: a model given with int8 weights
    /// (Cast·Mul) would otherwise grow past its own size. A weight whose subgraph's names
    /// are taken in `model` stays folded.
    static func restoreFoldedWeights(_ model: inout Model, from unfolded: Model) throws {
        let source = unfolded.graph
        var producer: [String: Int] = [:]
        for (i, n) in source.nodes.enumerated() { for o in n.outputs { producer[o] = i } }
        let sourceConstants = Dictionary(
            source.initializers.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        _ = try model.edit(PassContext()) { g in
            let order = Dictionary(
                g.orderedNodes().enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            for t in g.initializers.map(\.name) {
                guard let root = producer[t], g.constant(t)?.elementType == .float32,
                    !g.isUnused(t)
                else { continue }
                // The subgraph computing t, in source order, and the constants it reads.
                var slice = Set<Int>()
                var stack = [root]
                var reads = Set<String>()
                while let i = stack.popLast() {
                    guard slice.insert(i).inserted else { continue }
                    for x in source.nodes[i].inputs where !x.isEmpty {
                        if let p = producer[x] { stack.append(p) } else { reads.insert(x) }
                    }
                }
                let nodes = slice.sorted().map { source.nodes[$0] }
                let defined = nodes.flatMap(\.outputs).filter { !$0.isEmpty && $0 != t }
                func fits(_ r: String) -> Bool {
                    guard let c = sourceConstants[r] else { return false }
                    return g.initializer(r).map { $0 == c } ?? true
                }
                guard reads.allSatisfy(fits),
                    defined.allSatisfy({ g.producer(of: $0) == nil && g.initializer($0) == nil }),
                    let anchor = g.uses(of: t).min(by: { (order[$0] ?? 0) < (order[$1] ?? 0) })
                else { continue }
                g.removeInitializer(t)
                for r in reads.sorted() where g.initializer(r) == nil {
                    if let c = sourceConstants[r] { g.addInitializer(c) }
                }
                for n in nodes { g.insert(n, before: anchor) }
                g.count("weights-restored")
            }
        }
    }

    // MARK: - Calibration

    /// Values whose statistics the mode needs.
    private func watchedValues() -> Set<String> {
        var watch = Set<String>()
        let g = prepared.graph
        for n in g.nodes { for o in n.outputs where !o.isEmpty { watch.insert(o) } }
        for i in g.inputs { watch.insert(i.name) }
        return watch
    }

    private mutating func collectStatistics(_ samples: CalibrationSet) throws {
        var stats: [String: ActivationStatistics] = [:]
        var types: [String: ElementType] = [:]
        for t in prepared.graph.initializers { types[t.name] = t.elementType }
        let watch = watchedValues()
        floatOutputs = try ModelProbe.run(prepared, samples: samples, watch: watch) { _, name, t in
            if types[name] == nil { types[name] = t.elementType }
            guard let v = t.floatValues() else { return }
            stats[name, default: ActivationStatistics()].observe(range: v)
        }
        if options.mode == .int8Static && options.method != .minmax {
            let wanted = Set(activationInputs().filter { (stats[$0]?.count ?? 0) > 0 })
            let bins = max(8, options.histogramBins / 2 * 2)
            try ModelProbe.run(prepared, samples: samples, watch: wanted) { _, name, t in
                guard let v = t.floatValues() else { return }
                stats[name]?.observe(histogram: v, bins: bins)
            }
        }
        self.statistics = stats
        self.types = types
    }

    /// Activation inputs of every int8 target (before exclusions).
    private func activationInputs() -> [String] {
        let targets = QuantizationTargets.find(
            in: prepared.graph, perChannel: options.perChannel, exclude: [], excludedKeys: []
        ).targets
        var out: [String] = []
        var seen = Set<String>()
        let nodes = Dictionary(
            prepared.graph.nodes.compactMap { n in n.outputs.first.map { ($0, n) } },
            uniquingKeysWith: { a, _ in a })
        for t in targets {
            guard let n = nodes[t.key] else { continue }
            for i in t.activations where i < n.inputs.count && seen.insert(n.inputs[i]).inserted {
                out.append(n.inputs[i])
            }
        }
        return out
    }

    /// Calibrated parameters of activation `x`, or why it stays float.
    func activationParameters(_ x: String) -> Result<ActivationParameters, LeftFloat> {
        guard let s = statistics[x], s.count > 0 else {
            return .failure(LeftFloat("never computed on the calibration data"))
        }
        if s.nonFinite > 0 {
            return .failure(LeftFloat("\(s.nonFinite) NaN/Inf values on the calibration data"))
        }
        let r = RangeCalibration.range(
            s, method: options.method, percentile: options.percentile, type: options.activationType)
        return .success(ActivationParameters(lo: r.lo, hi: r.hi, type: options.activationType))
    }

    struct LeftFloat: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    // MARK: - Quantization

    /// The quantized model and what was done; `excludedKeys` (node first outputs) stay float
    /// on top of `--exclude`.
    public func quantize(excludedKeys: Set<String> = []) throws -> (Model, QuantizationSummary) {
        var summary = QuantizationSummary(
            mode: options.mode, perChannel: options.perChannel,
            activationType: options.mode == .int8Static ? options.activationType : nil,
            calibrationMethod: options.mode == .int8Static ? options.method : nil,
            calibrationSamples: calibration?.samples.count ?? 0, quantizedNodes: [],
            excludedNodes: [], unmatchedExcludes: unmatchedExcludes(), weightsQuantized: 0,
            activationsQuantized: 0, activationsLeftFloat: [:], float16Nodes: 0,
            float32Nodes: [:], bytesBefore: inputBytes, bytesAfter: 0, search: nil)
        var model: Model
        if options.mode == .fp16 {
            (model, summary.float16Nodes, summary.float32Nodes) = try convertToFloat16()
        } else {
            let plan = int8Plan(excludedKeys: excludedKeys)
            model = prepared
            let context = PassContext()
            try PassPipeline(
                [InsertQDQ(mode: options.mode, targets: plan.targets, activations: plan.parameters)]
                    + (PassPipeline.pass(named: "eliminate-dead-code").map { [$0] } ?? []),
                maxIterations: 1
            ).run(on: &model, context: context)
            if let unfolded { try Self.restoreFoldedWeights(&model, from: unfolded) }
            summary.quantizedNodes = plan.targets.map(\.label)
            summary.excludedNodes = plan.excluded
            summary.activationsLeftFloat = plan.leftFloat
            summary.weightsQuantized = context.statistics["insert-qdq"]?["weights-quantized"] ?? 0
            summary.activationsQuantized =
                context.statistics["insert-qdq"]?["activations-quantized"] ?? 0
        }
        try Verifier().verify(model)
        summary.bytesAfter = Self.constantBytes(model)
        return (model, summary)
    }

    struct Int8Plan {
        var targets: [QuantizationTarget]
        var excluded: [String]
        var parameters: [String: ActivationParameters]
        var leftFloat: [String: String]
    }

    func int8Plan(excludedKeys: Set<String>) -> Int8Plan {
        let (targets, excluded) = QuantizationTargets.find(
            in: prepared.graph, perChannel: options.perChannel, exclude: Set(options.exclude),
            excludedKeys: excludedKeys)
        var parameters: [String: ActivationParameters] = [:]
        var leftFloat: [String: String] = [:]
        if options.mode == .int8Static {
            let nodes = Dictionary(
                prepared.graph.nodes.compactMap { n in n.outputs.first.map { ($0, n) } },
                uniquingKeysWith: { a, _ in a })
            for t in targets {
                guard let n = nodes[t.key] else { continue }
                for i in t.activations where i < n.inputs.count {
                    let x = n.inputs[i]
                    switch activationParameters(x) {
                    case .success(let p): parameters[x] = p
                    case .failure(let why): leftFloat[x] = why.reason
                    }
                }
            }
        }
        return Int8Plan(
            targets: targets, excluded: excluded, parameters: parameters, leftFloat: leftFloat)
    }

    /// Payload bytes of the main graph's initializers and Constant-node tensors.
    static func constantBytes(_ model: Model) -> Int {
        model.initializerBytes
            + model.graph.nodes.reduce(0) { acc, n in
                acc
                    + (n.opType == "Constant"
                        ? n.attributes.compactMap(\.tensor).reduce(0) { $0 + $1.byteCount } : 0)
            }
    }

    private func unmatchedExcludes() -> [String] {
        var known = Set<String>()
        for n in prepared.graph.nodes {
            known.insert(n.opType)
            if !n.name.isEmpty { known.insert(n.name) }
            if let k = n.outputs.first { known.insert(k) }
        }
        return options.exclude.filter { !known.contains($0) }
    }
}

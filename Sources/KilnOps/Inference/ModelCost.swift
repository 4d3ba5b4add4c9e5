import KilnIR

/// Per-node compute and memory estimates from inferred shapes, for `kiln inspect`.
///
/// MACs count multiply-accumulates of the contractions (Conv, ConvTranspose, Gemm, MatMul and
/// their quantized/fused forms, recurrent layers, Einsum is not estimated); FLOPs are 2·MACs
/// plus one operation per output element for biases, element-wise ops and activations, one per
/// input element for reductions, and small per-element constants for normalizations and softmax
/// (documented in `flops(of:)`). Both are `nil` for a node whose shapes are not all static.
/// Peak activation memory simulates execution in node order, releasing a value after its last
/// use (as `InferencePlan` does) and counting runtime inputs and node outputs, not initializers.
public struct ModelCost: Sendable, Codable, Equatable {
    /// One node of the main graph.
    public struct NodeCost: Sendable, Codable, Equatable {
        public var name: String
        public var opType: String
        public var domain: String
        /// Output values with their inferred types (`?` when unknown).
        public var outputs: [ValueEntry]
        public var macs: Int64?
        public var flops: Int64?
        /// Bytes of initializers this node reads.
        public var parameterBytes: Int64
    }

    /// A value and its inferred type.
    public struct ValueEntry: Sendable, Codable, Equatable {
        public var name: String
        public var type: String
    }

    /// Every value of the main graph (inputs, initializers excluded, node outputs) in order.
    public var values: [ValueEntry]
    public var nodes: [NodeCost]
    /// Totals over nodes whose costs are known.
    public var totalMACs: Int64
    public var totalFLOPs: Int64
    public var totalParameterBytes: Int64
    /// Nodes whose MACs/FLOPs could not be computed (shapes not static).
    public var nodesWithUnknownCost: Int
    /// Largest sum of live activation bytes during execution, `nil` when some activation's
    /// size is unknown (pass `--dim` for symbolic input dims).
    public var peakActivationBytes: Int64?
    /// The symbol sizes the estimate used (`--dim`).
    public var dims: [String: Int64]
    /// Inference problems, one line each (`node 'x': message`).
    public var issues: [String]
    /// Ops met without a type rule (`domain::opType`).
    public var opsWithoutTypeRule: [String]

    /// Infers `model` with `dims` for symbolic input dims and estimates its costs.
    public init(_ model: Model, dims: [String: Int64] = [:]) {
        let result = ShapeInference.infer(model, options: .init(dims: dims))
        let g = result.model.graph
        let types = result.types
        let inits = Dictionary(
            g.initializers.map { ($0.name, Int64($0.byteCount)) }, uniquingKeysWith: { a, _ in a })
        var values: [ValueEntry] = []
        for v in g.runtimeInputs {
            values.append(.init(name: v.name, type: types[v.name]?.description ?? "?"))
        }
        var nodes: [NodeCost] = []
        var macsTotal: Int64 = 0
        var flopsTotal: Int64 = 0
        var paramTotal: Int64 = 0
        var unknownCost = 0
        for (i, n) in g.nodes.enumerated() {
            var outs: [ValueEntry] = []
            for o in n.outputs where !o.isEmpty {
                let e = ValueEntry(name: o, type: types[o]?.description ?? "?")
                outs.append(e)
                values.append(e)
            }
            var seen = Set<String>()
            var pb: Int64 = 0
            for name in n.inputs where !name.isEmpty && seen.insert(name).inserted {
                pb &+= inits[name] ?? 0
            }
            let shapes = n.inputs.map { $0.isEmpty ? nil : types[$0]?.tensorType?.staticShape }
            let outShapes = n.outputs.map { $0.isEmpty ? nil : types[$0]?.tensorType?.staticShape }
            let (macs, flops) = ModelCost.estimate(n, inputs: shapes, outputs: outShapes)
            if let macs, let flops {
                macsTotal = macsTotal.addingReportingOverflow(macs).partialValue
                flopsTotal = flopsTotal.addingReportingOverflow(flops).partialValue
            } else {
                unknownCost += 1
            }
            paramTotal &+= pb
            nodes.append(
                NodeCost(
                    name: n.label(index: i), opType: n.opType,
                    domain: n.normalizedDomain.isEmpty ? "ai.onnx" : n.normalizedDomain,
                    outputs: outs, macs: macs, flops: flops, parameterBytes: pb))
        }
        self.values = values
        self.nodes = nodes
        totalMACs = macsTotal
        totalFLOPs = flopsTotal
        totalParameterBytes = paramTotal
        nodesWithUnknownCost = unknownCost
        peakActivationBytes = ModelCost.peakActivation(g, types: types)
        self.dims = dims
        issues = result.issues.map { $0.error.description }
        opsWithoutTypeRule = result.opsWithoutRule.sorted()
    }

    /// Bytes of a value of `type`, when static (strings count 0).
    static func bytes(_ type: ValueType?) -> Int64? {
        guard let t = type?.tensorType, let s = t.staticShape, let n = Tensor.elementCount(s)
        else { return nil }
        return Int64(t.elementType.byteCount(elements: n) ?? 0)
    }

    /// Simulated peak of live activations (runtime inputs and node outputs).
    static func peakActivation(_ g: Graph, types: [String: ValueType]) -> Int64? {
        let keep = Set(g.outputs.map(\.name))
        var lastUse: [String: Int] = [:]
        for (i, n) in g.nodes.enumerated() {
            for name in n.inputs where !name.isEmpty { lastUse[name] = i }
            for sub in n.subgraphs {
                for name in sub.outerScopeReads() { lastUse[name] = i }
            }
        }
        let inits = Set(g.initializers.map(\.name))
        var live: Int64 = 0
        var size: [String: Int64] = [:]
        for v in g.runtimeInputs {
            guard let b = bytes(types[v.name]) else { return nil }
            size[v.name] = b
            live += b
        }
        var peak = live
        var releaseAt: [Int: [String]] = [:]
        for (name, i) in lastUse where !keep.contains(name) && !inits.contains(name) {
            releaseAt[i, default: []].append(name)
        }
        for (i, n) in g.nodes.enumerated() {
            for o in n.outputs where !o.isEmpty {
                guard let b = bytes(types[o]) else { return nil }
                size[o] = b
                live = live.addingReportingOverflow(b).partialValue
                if lastUse[o] == nil && !keep.contains(o) { releaseAt[i, default: []].append(o) }
            }
            peak = max(peak, live)
            for name in releaseAt[i] ?? [] { live -= size[name] ?? 0 }
        }
        return peak
    }

    /// (MACs, FLOPs) of one node from static input and output shapes; `nil` when unknown.
    static func estimate(_ n: Node, inputs: [[Int64]?], outputs: [[Int64]?]) -> (Int64?, Int64?) {
        func count(_ s: [Int64]?) -> Int64? {
            guard let s else { return nil }
            var p: Int64 = 1
            for d in s {
                let (r, o) = p.multipliedReportingOverflow(by: d)
                if o { return nil }
                p = r
            }
            return p
        }
        func mul(_ xs: Int64?...) -> Int64? {
            var p: Int64 = 1
            for x in xs {
                guard let x else { return nil }
                let (r, o) = p.multipliedReportingOverflow(by: x)
                if o { return nil }
                p = r
            }
            return p
        }
        let out0 = outputs.first.flatMap { $0 }
        let outCount = count(out0)
        let in0 = inputs.first.flatMap { $0 }
        let hasBias = { (i: Int) in i < n.inputs.count && !n.inputs[i].isEmpty }
        switch n.opType {
        case "Conv", "ConvInteger", "QLinearConv", "FusedConv":
            let w = n.opType == "QLinearConv" ? 3 : 1
            guard w < inputs.count, let ws = inputs[w], ws.count >= 2, let outCount else {
                return (nil, nil)
            }
            let perOut = mul(ws[1], count(Array(ws[2...])))
            let macs = mul(outCount, perOut)
            let bias = n.opType == "QLinearConv" ? hasBias(8) : hasBias(2)
            return (macs, macs.map { 2 * $0 + (bias ? outCount : 0) })
        case "ConvTranspose":
            guard inputs.count > 1, let ws = inputs[1], ws.count >= 2, let xs = in0 else {
                return (nil, nil)
            }
            let macs = mul(count(xs), ws[1], count(Array(ws[2...])))
            return (macs, macs.map { 2 * $0 + (hasBias(2) ? (outCount ?? 0) : 0) })
        case "Gemm", "FusedGemm":
            guard let a = in0, a.count == 2, let outCount else { return (nil, nil) }
            let k = (n.attribute("transA")?.int ?? 0) != 0 ? a[0] : a[1]
            let macs = mul(outCount, k)
            return (macs, macs.map { 2 * $0 + (hasBias(2) ? outCount : 0) })
        case "MatMul", "MatMulInteger", "QLinearMatMul", "FusedMatMul", "MatMulIntegerToFloat",
            "DynamicQuantizeMatMul":
            guard let a = in0, let last = a.last, let outCount else { return (nil, nil) }
            var k = last
            if n.opType == "FusedMatMul", (n.attribute("transA")?.int ?? 0) != 0, a.count >= 2 {
                k = a[a.count - 2]
            }
            let macs = mul(outCount, k)
            return (macs, macs.map { 2 * $0 })
        case "RNN", "GRU", "LSTM", "DynamicQuantizeLSTM":
            let gates: Int64 = n.opType == "LSTM" || n.opType == "DynamicQuantizeLSTM" ? 4
                : (n.opType == "GRU" ? 3 : 1)
            guard let y = out0, y.count == 4, let xs = in0, xs.count == 3 else { return (nil, nil) }
            let hidden = y[3]
            // seq · batch · dirs · gates·hidden · (input + hidden)
            let macs = mul(count(Array(y[0..<3])), gates * hidden, xs[2] + hidden)
            return (macs, macs.map { 2 * $0 })
        case "MaxPool", "AveragePool", "LpPool":
            guard let outCount else { return (nil, nil) }
            let k = count((n.attribute("kernel_shape")?.ints) ?? [])
            return (0, mul(outCount, k))
        case "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool":
            return (0, count(in0))
        case "BatchNormalization", "InstanceNormalization":
            return (0, outCount.map { 2 * $0 })
        case "LayerNormalization", "SimplifiedLayerNormalization", "SkipLayerNormalization",
            "GroupNormalization", "RMSNormalization", "SkipSimplifiedLayerNormalization":
            return (0, outCount.map { 5 * $0 })
        case "Softmax", "LogSoftmax":
            return (0, outCount.map { 5 * $0 })
        default:
            break
        }
        if n.opType.hasPrefix("Reduce") || n.opType == "ArgMax" || n.opType == "ArgMin" {
            return (0, count(in0))
        }
        if TypeRules.isElementwise(n.opType) { return (0, outCount) }
        // Data movement (Reshape, Transpose, Gather, Concat, ...) costs no arithmetic.
        return (0, 0)
    }
}

extension TypeRules {
    /// Ops counted as one operation per output element.
    static func isElementwise(_ opType: String) -> Bool {
        elementwiseNames.contains(opType)
    }

    static let elementwiseNames: Set<String> = {
        var s = Set(UnaryOp.all.map(\.opType))
        s.formUnion(BinaryArithmeticOp.Kind.allCases.map(\.rawValue))
        s.formUnion(ComparisonOp.Kind.allCases.map(\.rawValue))
        s.formUnion([
            "Pow", "PRelu", "Clip", "Where", "And", "Or", "Xor", "Not", "Gelu", "FastGelu",
            "BiasGelu", "QuickGelu", "BiasAdd", "Shrink", "QLinearAdd", "QLinearMul",
            "QLinearSigmoid", "QLinearLeakyRelu", "QuantizeLinear", "DequantizeLinear",
        ])
        return s
    }()
}

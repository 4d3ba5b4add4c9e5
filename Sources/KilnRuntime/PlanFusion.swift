import Foundation
import KilnIR
import KilnOps

/// Operator fusion done when an `InferencePlan` is built, like onnxruntime's session-level
/// graph transforms: the model is not changed, only the plan's copy of its main graph.
///
/// Rewrites, each applied only when the intermediate value has exactly one consumer, is not a
/// graph output nor read by a subgraph, and the folded parameters are float32 constants:
///
///     Conv(W, B) → BatchNormalization        ⇒  Conv(W·a, B·a + b)      (inference mode)
///     Conv(W, B) → Mul(c) / Add(c)           ⇒  Conv(W·c, B·c) / Conv(W, B + c)  (per-channel c)
///     Identity                               ⇒  (dropped; readers read its input)
///     Mul(Mul(x, Add(Erf(Div(x, √2)), 1)), 0.5)  ⇒  Gelu (plan domain)
///     Conv | Gemm | MatMul → Relu | LeakyRelu | Clip | Sigmoid | HardSigmoid | Gelu
///                                            ⇒  FusedConv | FusedGemm | FusedMatMul
///     BatchNormalization → Mul(c) / Add(c)… → activation
///                                            ⇒  FusedBatchNormalization
///
/// Fused nodes live in `domain`, which no model imports; their kernels (in
/// `FastFusedOps.swift`) run the standard ops' shared code, so semantics are those of the
/// unfused graph up to float rounding (checked by PerfFusionTests on every CNN).
enum PlanFusion {
    /// The private domain of fused nodes.
    static let domain = "ai.kiln.plan"

    /// Registers the kernels of the fused nodes, built on `kernels` and on the BatchNormalization,
    /// Mul and Add already in `registry`.
    static func installOps(into registry: inout OpRegistry, kernels: NNKernels) {
        registry.register(FusedConv(kernels: kernels))
        registry.register(FusedGemm(kernels: kernels))
        registry.register(FusedMatMul(kernels: kernels))
        registry.register(PlanGelu())
        if let bn = registry.lookup(domain: "", opType: "BatchNormalization"),
            let mul = registry.lookup(domain: "", opType: "Mul"),
            let add = registry.lookup(domain: "", opType: "Add")
        {
            registry.register(FusedBatchNormalization(batchNorm: bn, mul: mul, add: add))
        }
    }


    /// `model` with its main graph fused; rewrites whose fused op `registry` lacks are skipped.
    static func fuse(_ model: Model, registry: OpRegistry) throws -> Model {
        guard let version = model.opsetVersion(for: "") else { return model }
        var fusion = Fusion(model: model, version: version, registry: registry)
        return fusion.run()
    }
}

/// The state of one fusion run over a main graph.
private struct Fusion {
    var model: Model
    let version: Int64
    let canFuse: Set<String>
    /// Float32-or-other constants by name (initializers that a caller cannot override).
    var constants: [String: Tensor] = [:]
    var usedNames: Set<String> = []
    var added: [Tensor] = []

    init(model: Model, version: Int64, registry: OpRegistry) {
        self.model = model
        self.version = version
        canFuse = Set(
            ["FusedConv", "FusedGemm", "FusedMatMul", "FusedBatchNormalization", "Gelu"].filter {
                registry.lookup(domain: PlanFusion.domain, opType: $0) != nil
            })
        let g = model.graph
        for t in g.initializers { constants[t.name] = t }
        let overridable = model.irVersion >= 4 ? g.inputs.map(\.name) : g.runtimeInputs.map(\.name)
        for name in overridable { constants[name] = nil }
        usedNames = Set(g.initializers.map(\.name))
        for n in g.nodes { usedNames.formUnion(n.inputs + n.outputs) }
    }

    mutating func run() -> Model {
        let g = model.graph
        // Ops that a model-local function of the default domain overrides are never touched.
        let shadowed = Set(model.functions.filter { $0.domain.isEmpty || $0.domain == "ai.onnx" }
            .map(\.name))
        var pinned = Set(g.outputs.map(\.name))
        for n in g.nodes {
            for sub in n.subgraphs { pinned.formUnion(sub.outerScopeReads()) }
        }
        var nodes: [Node?] = g.nodes
        var changed = false
        if !shadowed.contains("Identity") {
            changed = Self.eliminateIdentities(&nodes, pinned: pinned)
        }
        var uses: [String: Int] = [:]
        var consumer: [String: Int] = [:]
        func countUses() {
            uses = [:]
            consumer = [:]
            for (i, n) in nodes.enumerated() {
                for name in n?.inputs ?? [] where !name.isEmpty {
                    uses[name, default: 0] += 1
                    consumer[name] = i
                }
            }
        }
        countUses()
        if canFuse.contains("Gelu"), shadowed.isDisjoint(with: ["Div", "Erf", "Add", "Mul"]),
            fuseGelu(&nodes, uses: uses, pinned: pinned)
        {
            changed = true
            countUses()
        }
        for i in nodes.indices {
            guard var node = nodes[i], !shadowed.contains(node.opType) else { continue }
            while true {
                let outs = node.outputs.filter { !$0.isEmpty }
                guard outs.count == 1, node.outputs[0] == outs[0], !pinned.contains(outs[0]),
                    uses[outs[0]] == 1, let j = consumer[outs[0]], j > i, let next = nodes[j],
                    next.normalizedDomain.isEmpty
                        || (next.normalizedDomain == PlanFusion.domain && next.opType == "Gelu"),
                    !shadowed.contains(next.opType),
                    next.subgraphs.isEmpty
                else { break }
                guard let fused = combine(node, next, value: outs[0]) else { break }
                node = fused
                nodes[j] = nil
                changed = true
            }
            nodes[i] = node
        }
        guard changed else { return model }
        var m = model
        m.graph.nodes = nodes.compactMap { $0 }
        m.graph.initializers += added
        // Drop initializers nothing reads any more (the unfolded weights).
        var read = pinned
        read.formUnion(g.inputs.map(\.name))
        for n in m.graph.nodes { read.formUnion(n.inputs) }
        m.graph.initializers.removeAll { !read.contains($0.name) }
        return m
    }

    // MARK: - Rules

    /// Drops `Identity` nodes whose output is not pinned (a graph output or read by a
    /// subgraph); their readers read the input instead, as onnxruntime's EliminateIdentity does.
    /// This also lets the fusions below see through them. Returns whether a node was dropped.
    static func eliminateIdentities(_ nodes: inout [Node?], pinned: Set<String>) -> Bool {
        var alias: [String: String] = [:]
        for i in nodes.indices {
            guard var n = nodes[i] else { continue }
            if !alias.isEmpty {
                n.inputs = n.inputs.map { alias[$0] ?? $0 }
                nodes[i] = n
            }
            guard n.opType == "Identity", n.normalizedDomain.isEmpty, n.subgraphs.isEmpty,
                n.inputs.count == 1, !n.inputs[0].isEmpty, n.outputs.count == 1,
                !n.outputs[0].isEmpty, !pinned.contains(n.outputs[0])
            else { continue }
            alias[n.outputs[0]] = n.inputs[0]
            nodes[i] = nil
        }
        return !alias.isEmpty
    }

    /// The erf form of GELU as exported by PyTorch and Paddle,
    ///
    ///     Mul(Mul(x, Add(Erf(Div(x, c)), 1)), 0.5)        c ≈ √2
    ///
    /// (each intermediate read once) ⇒ one plan `Gelu` node (attributes `divisor` = c,
    /// `half` = 0.5) that computes the same float operations in the same order; a Conv, Gemm or
    /// MatMul before it then takes it as its activation.
    mutating func fuseGelu(_ nodes: inout [Node?], uses: [String: Int], pinned: Set<String>)
        -> Bool
    {
        var producer: [String: Int] = [:]
        var readers: [String: [Int]] = [:]
        for (i, n) in nodes.enumerated() {
            guard let n else { continue }
            for o in n.outputs where !o.isEmpty { producer[o] = i }
            for name in n.inputs where !name.isEmpty { readers[name, default: []].append(i) }
        }
        func only(_ value: String, _ opType: String) -> (Int, Node)? {
            guard uses[value] == 1, !pinned.contains(value), let j = readers[value]?.first,
                let n = nodes[j], n.opType == opType, n.normalizedDomain.isEmpty,
                n.outputs.count == 1, n.inputs.filter({ $0 == value }).count == 1
            else { return nil }
            return (j, n)
        }
        func scalar(_ name: String, near target: Float, within tolerance: Float) -> Float? {
            guard let t = floatConstant(name), t.elementCount == 1,
                let v = t.values(as: Float.self)?.first, abs(v - target) <= tolerance
            else { return nil }
            return v
        }
        var changed = false
        for i in nodes.indices {
            guard let div = nodes[i], div.opType == "Div", div.normalizedDomain.isEmpty,
                div.inputs.count == 2, div.outputs.count == 1,
                let c = scalar(div.inputs[1], near: Float(2).squareRoot(), within: 1e-4),
                let (e, erf) = only(div.outputs[0], "Erf"), erf.inputs.count == 1,
                let (a, add) = only(erf.outputs[0], "Add"), add.inputs.count == 2,
                scalar(add.inputs[add.inputs[0] == erf.outputs[0] ? 1 : 0], near: 1,
                    within: 0) != nil,
                let (m1, mul1) = only(add.outputs[0], "Mul"), mul1.inputs.count == 2,
                mul1.inputs.contains(div.inputs[0]),
                let (m2, mul2) = only(mul1.outputs[0], "Mul"), mul2.inputs.count == 2,
                let half = scalar(
                    mul2.inputs[mul2.inputs[0] == mul1.outputs[0] ? 1 : 0], near: 0.5, within: 0)
            else { continue }
            let gelu = Node(
                name: div.name, opType: "Gelu", domain: PlanFusion.domain,
                inputs: [div.inputs[0]], outputs: mul2.outputs,
                attributes: [
                    Attribute(name: "divisor", value: .float(c)),
                    Attribute(name: "half", value: .float(half)),
                    Attribute(name: FunctionExpander.opsetAttribute, value: .int(version)),
                ])
            nodes[i] = gelu
            for j in [e, a, m1, m2] { nodes[j] = nil }
            changed = true
        }
        return changed
    }

    /// `node` followed by its only consumer `next` (reading `value`) as one node, or nil.
    mutating func combine(_ node: Node, _ next: Node, value: String) -> Node? {
        guard next.inputs.filter({ $0 == value }).count == 1 else { return nil }
        let domain = node.normalizedDomain
        switch (domain, node.opType) {
        case ("", "Conv"):
            if let folded = foldIntoConv(node, next, value: value) { return folded }
            guard isFloat32Constant(node.inputs[safe: 1]) else { return nil }
            return withActivation(node, next, fusedType: "FusedConv")
        case ("", "Gemm"), ("", "MatMul"):
            guard node.inputs.prefix(2).contains(where: isFloat32Constant) else { return nil }
            return withActivation(node, next, fusedType: "Fused" + node.opType)
        case ("", "BatchNormalization"), (PlanFusion.domain, "FusedBatchNormalization"):
            return extendBatchNorm(node, next, value: value)
        default:
            return nil
        }
    }

    /// Folds an inference BatchNormalization or a per-channel constant Mul/Add into the weights
    /// and bias of a Conv with constant float32 parameters.
    mutating func foldIntoConv(_ conv: Node, _ next: Node, value: String) -> Node? {
        guard let wName = conv.inputs[safe: 1], let w = floatConstant(wName), w.shape.count >= 3,
            let m = Int(exactly: w.shape[0]), m > 0, let wv = w.values(as: Float.self),
            conv.inputs.count <= 3
        else { return nil }
        var bias = [Float](repeating: 0, count: m)
        if let bName = conv.inputs[safe: 2], !bName.isEmpty {
            guard let b = floatConstant(bName), b.elementCount == m,
                let bv = b.values(as: Float.self)
            else { return nil }
            bias = bv
        }
        var scale = [Float](repeating: 1, count: m)
        var shift = [Float](repeating: 0, count: m)
        switch next.opType {
        case "BatchNormalization":
            guard next.inputs.count == 5, next.inputs[0] == value, isInference(next),
                next.outputs.filter({ !$0.isEmpty }).count == 1, next.outputs[0] != "",
                let p = batchNormParams(next, channels: m)
            else { return nil }
            let affine = ChannelAffine(
                gamma: p.scale, beta: p.bias, mean: p.mean, variance: p.variance,
                epsilon: p.epsilon)
            (scale, shift) = (affine.scale, affine.shift)
        case "Mul", "Add":
            guard next.inputs.count == 2, next.outputs.count == 1,
                let other = next.inputs.first(where: { $0 != value }),
                let t = floatConstant(other),
                let c = ChannelAffine.perChannel(t, channels: m, rank: w.shape.count)
            else { return nil }
            if next.opType == "Mul" { scale = c } else { shift = c }
        default:
            return nil
        }
        let per = wv.count / m
        var newW = wv
        for ch in 0..<m {
            for k in 0..<per { newW[ch * per + k] *= scale[ch] }
        }
        let newB = (0..<m).map { bias[$0] * scale[$0] + shift[$0] }
        var fused = conv
        fused.inputs = [
            conv.inputs[0],
            addConstant(Tensor(shape: w.shape, values: newW), base: next.outputs[0] + "_W"),
            addConstant(Tensor(shape: [Int64(m)], values: newB), base: next.outputs[0] + "_B"),
        ]
        fused.outputs = [next.outputs[0]]
        return fused
    }

    /// `node` as `fusedType` with `next` (a supported activation) applied to its output.
    func withActivation(_ node: Node, _ next: Node, fusedType: String) -> Node? {
        guard canFuse.contains(fusedType), next.outputs.count == 1,
            let (name, params) = activation(next)
        else { return nil }
        var fused = node
        fused.domain = PlanFusion.domain
        fused.opType = fusedType
        fused.attributes.removeAll { $0.name == FunctionExpander.opsetAttribute }
        fused.attributes += [
            Attribute(name: "activation", value: .string(Data(name.utf8))),
            Attribute(name: "activation_params", value: .floats(params)),
            Attribute(name: FunctionExpander.opsetAttribute, value: .int(version)),
        ]
        fused.outputs = next.outputs
        return fused
    }

    /// Appends a per-channel Mul/Add or an activation to a BatchNormalization.
    func extendBatchNorm(_ node: Node, _ next: Node, value: String) -> Node? {
        guard canFuse.contains("FusedBatchNormalization"), node.inputs.count >= 5,
            node.inputs[0] != value, isInference(node), next.outputs.count == 1,
            node.attribute("activation") == nil
        else { return nil }
        var fused = node
        if fused.normalizedDomain.isEmpty {
            fused.domain = PlanFusion.domain
            fused.opType = "FusedBatchNormalization"
            fused.attributes.removeAll { $0.name == FunctionExpander.opsetAttribute }
            fused.attributes.append(
                Attribute(name: FunctionExpander.opsetAttribute, value: .int(version)))
            fused.attributes.append(Attribute(name: "post_ops", value: .strings([])))
        }
        switch next.opType {
        case "Mul", "Add":
            guard next.inputs.count == 2, let other = next.inputs.first(where: { $0 != value }),
                isFloat32Constant(other),
                let i = fused.attributes.firstIndex(where: { $0.name == "post_ops" })
            else { return nil }
            fused.attributes[i].value = .strings((fused.attributes[i].strings ?? []).map { Data($0.utf8) } + [Data(next.opType.utf8)])
            fused.inputs.append(other)
        default:
            guard let (name, params) = activation(next) else { return nil }
            fused.attributes += [
                Attribute(name: "activation", value: .string(Data(name.utf8))),
                Attribute(name: "activation_params", value: .floats(params)),
            ]
        }
        fused.outputs = next.outputs
        return fused
    }

    // MARK: - Helpers

    /// The activation `node` computes, as (op type, params), when it can be fused.
    func activation(_ node: Node) -> (String, [Float])? {
        if node.normalizedDomain == PlanFusion.domain {
            guard node.opType == "Gelu", let c = node.attribute("divisor")?.float,
                let half = node.attribute("half")?.float
            else { return nil }
            return ("Gelu", [c, half])
        }
        switch node.opType {
        case "Relu", "Sigmoid":
            return node.inputs.count == 1 ? (node.opType, []) : nil
        case "HardSigmoid":
            guard node.inputs.count == 1 else { return nil }
            return (
                "HardSigmoid",
                [node.attribute("alpha")?.float ?? 0.2, node.attribute("beta")?.float ?? 0.5]
            )
        case "LeakyRelu":
            guard node.inputs.count == 1 else { return nil }
            return ("LeakyRelu", [node.attribute("alpha")?.float ?? 0.01])
        case "Clip":
            if version < 11 {
                guard node.inputs.count == 1 else { return nil }
                let lo = node.attribute("min")?.float ?? -.greatestFiniteMagnitude
                let hi = node.attribute("max")?.float ?? .greatestFiniteMagnitude
                return ("Clip", [lo, hi])
            }
            var bounds: [Float] = [-.infinity, .infinity]
            for k in 1..<3 where k < node.inputs.count && !node.inputs[k].isEmpty {
                guard let t = floatConstant(node.inputs[k]), t.elementCount == 1,
                    let v = t.values(as: Float.self)?.first
                else { return nil }
                bounds[k - 1] = v
            }
            return ("Clip", bounds)
        default:
            return nil
        }
    }

    func isInference(_ bn: Node) -> Bool {
        if version >= 14 && (bn.attribute("training_mode")?.int ?? 0) != 0 { return false }
        if version < 7 && (bn.attribute("spatial")?.int ?? 1) == 0 { return false }
        if version < 6 && (bn.attribute("is_test")?.int ?? 0) == 0 { return false }
        return true
    }

    struct BatchNormParams {
        var scale: [Float], bias: [Float], mean: [Float], variance: [Float], epsilon: Float
    }

    func batchNormParams(_ bn: Node, channels: Int) -> BatchNormParams? {
        var p: [[Float]] = []
        for name in bn.inputs[1...4] {
            guard let t = floatConstant(name), t.elementCount == channels,
                let v = t.values(as: Float.self)
            else { return nil }
            p.append(v)
        }
        return BatchNormParams(
            scale: p[0], bias: p[1], mean: p[2], variance: p[3],
            epsilon: bn.attribute("epsilon")?.float ?? 1e-5)
    }

    func floatConstant(_ name: String) -> Tensor? {
        guard let t = constants[name], t.elementType == .float32, let n = t.elementCount,
            t.data.count == n * 4
        else { return nil }
        return t
    }

    func isFloat32Constant(_ name: String?) -> Bool { name.flatMap(floatConstant) != nil }

    /// Adds a new constant under a fresh name derived from `base`.
    mutating func addConstant(_ t: Tensor, base: String) -> String {
        var name = base + "_kiln_fused"
        var k = 1
        while usedNames.contains(name) {
            k += 1
            name = base + "_kiln_fused\(k)"
        }
        usedNames.insert(name)
        var named = t
        named.name = name
        constants[name] = named
        added.append(named)
        return name
    }
}

extension Array {
    fileprivate subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

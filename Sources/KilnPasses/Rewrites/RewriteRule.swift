import KilnIR

/// The op a rewrite rule is rooted at; the driver buckets rules by it.
public struct OpKey: Hashable, Sendable {
    public var domain: String
    public var opType: String
    public init(domain: String = "", opType: String) {
        self.domain = domain == "ai.onnx" ? "" : domain
        self.opType = opType
    }
}

/// A local rewrite (a fusion or canonicalization) rooted at one op, applied by
/// `GreedyRewriteDriver`. `apply` either rewrites through the editor and returns true, or
/// returns false having changed nothing.
public protocol RewriteRule: Sendable {
    /// Stable kebab-case name; also the counter name in `--pass-statistics`.
    var name: String { get }
    var root: OpKey { get }
    /// Rules with a higher benefit are tried first at the same root.
    var benefit: Int { get }
    func apply(at node: NodeRef, in g: inout GraphEditor) -> Bool
}

extension RewriteRule {
    public var benefit: Int { 1 }
}

/// Applies rewrite rules greedily: sweeps the nodes in topological order, trying the rules
/// rooted at each node's op (highest benefit first), until a sweep fires nothing or
/// `maxSweeps` is reached. Every application bumps the counter named after its rule.
public struct GreedyRewriteDriver: Sendable {
    public var rules: [any RewriteRule]
    public var maxSweeps: Int

    public init(_ rules: [any RewriteRule], maxSweeps: Int = 8) {
        self.rules = rules
        self.maxSweeps = maxSweeps
    }

    public func run(on model: inout Model, context: PassContext) throws -> PassResult {
        var byRoot: [OpKey: [any RewriteRule]] = [:]
        for r in rules { byRoot[r.root, default: []].append(r) }
        for k in byRoot.keys { byRoot[k]?.sort { $0.benefit > $1.benefit } }
        let shadowed = Set(model.functions.map { OpKey(domain: $0.domain, opType: $0.name) })
        return try model.editAllGraphs(context) { g in
            for _ in 0..<max(1, maxSweeps) {
                var fired = false
                for ref in g.orderedNodes() where g.isLive(ref) {
                    let key = OpKey(domain: g[ref].domain, opType: g[ref].opType)
                    guard let candidates = byRoot[key], !shadowed.contains(key) else { continue }
                    for rule in candidates where g.isLive(ref) {
                        if rule.apply(at: ref, in: &g) {
                            g.count(rule.name)
                            fired = true
                            break
                        }
                    }
                }
                if !fired { break }
            }
        }
    }
}

// MARK: - Matching helpers shared by rules

extension GraphEditor {
    /// The float32 constant called `name`, when it has consistent bytes.
    func floatConstant(_ name: String) -> [Float]? {
        guard let t = constant(name), t.elementType == .float32, let n = t.elementCount,
            t.data.count == n * 4
        else { return nil }
        return t.values(as: Float.self)
    }

    /// A float32 value known without running the model: a constant initializer, or a
    /// `ConstantOfShape` splat with a constant shape (materialized in memory only, up to
    /// `limit` elements; the file keeps the small node).
    func floatValues(_ name: String, limit: Int = 1 << 24) -> [Float]? {
        if let v = floatConstant(name) { return v }
        guard let s = splat(name), let n = Tensor.elementCount(s.shape), n <= limit else {
            return nil
        }
        return [Float](repeating: s.value, count: n)
    }

    /// `(shape input, shape, value)` when `name` is `ConstantOfShape(shape)` of a float32 value.
    func splat(_ name: String) -> (shapeInput: String, shape: [Int64], value: Float)? {
        guard let p = producer(of: name), self[p].opType == "ConstantOfShape",
            self[p].normalizedDomain.isEmpty, self[p].inputs.count == 1,
            let shape = constant(self[p].inputs[0])?.int64Values()
        else { return nil }
        guard let t = self[p].attribute("value")?.tensor else {
            return nil  // default value is float32 0; rare as a weight, not worth a case
        }
        guard t.elementType == .float32, let v = t.values(as: Float.self), v.count == 1 else {
            return nil
        }
        return (self[p].inputs[0], shape, v[0])
    }

    /// A float32 tensor of at most `limit` elements known without running the model: a
    /// constant initializer, or a splat (`ConstantOfShape`, possibly passed through
    /// Unsqueeze/Squeeze/Reshape/Flatten/Expand/Identity) whose static shape is known, which the
    /// file keeps as the small node while rewrites read its values.
    func smallFloatTensor(_ name: String, limit: Int) -> Tensor? {
        if let t = constant(name) {
            guard t.elementType == .float32, (t.elementCount ?? Int.max) <= limit else { return nil }
            return t
        }
        var current = name
        for _ in 0..<8 {
            guard let p = producer(of: current), self[p].normalizedDomain.isEmpty,
                let first = self[p].inputs.first, !first.isEmpty
            else { return nil }
            if self[p].opType == "ConstantOfShape" { break }
            guard Self.splatPreserving.contains(self[p].opType) else { return nil }
            current = first
        }
        guard let s = splat(current), let shape = declaredType(of: name)?.staticShape,
            let n = Tensor.elementCount(shape), n <= limit
        else { return nil }
        return Tensor(shape: shape, values: [Float](repeating: s.value, count: n))
    }

    /// Ops whose output holds only values of their first input's (a splat stays a splat).
    static let splatPreserving: Set<String> = [
        "Unsqueeze", "Squeeze", "Reshape", "Flatten", "Expand", "Identity",
    ]

    /// The element type of `name` when it can be read off locally: a constant, a declared
    /// type, ConstantOfShape's value, Cast's target, or (following first inputs up to 16 steps)
    /// the input of a type-preserving op.
    func elementType(of name: String) -> ElementType? {
        var current = name
        for _ in 0..<16 {
            if let t = constant(current) { return t.elementType }
            if let t = declaredType(of: current), t.elementType != .undefined {
                return t.elementType
            }
            guard let p = producer(of: current) else { return nil }
            let n = self[p]
            if n.opType == "ConstantOfShape" {
                if let t = n.attribute("value")?.tensor { return t.elementType }
                return .float32
            }
            if n.opType == "Cast" {
                guard let to = n.attribute("to")?.int else { return nil }
                return ElementType(rawValue: Int32(truncatingIfNeeded: to))
            }
            guard Self.typePreserving.contains(n.opType), let first = n.inputs.first,
                !first.isEmpty
            else { return nil }
            current = first
        }
        return nil
    }

    /// Ops whose first output has the element type of their first input.
    static let typePreserving: Set<String> = [
        "Conv", "Gemm", "MatMul", "Relu", "Add", "Sub", "Mul", "Div", "BatchNormalization",
        "MaxPool", "AveragePool", "GlobalAveragePool", "Concat", "Reshape", "Transpose",
        "Flatten", "Sigmoid", "Tanh", "LeakyRelu", "Clip", "HardSigmoid", "Softmax", "LRN",
        "Dropout", "Identity", "Squeeze", "Unsqueeze", "Pad", "Slice", "Split", "Resize",
        "FusedConv", "FusedGemm", "FusedMatMul", "Gelu", "LayerNormalization", "Erf", "Sqrt",
        "Pow", "ReduceMean", "HardSwish", "ConvTranspose", "Upsample",
    ]

    /// `name` is computed from constants only (an initializer, or nodes without subgraphs whose
    /// inputs are such values, up to `depth` levels), so it is the same on every run.
    func isConstantExpression(_ name: String, depth: Int = 8) -> Bool {
        if constant(name) != nil { return true }
        guard depth > 0, let p = producer(of: name), self[p].subgraphs.isEmpty,
            !FoldConstants.nondeterministic.contains(self[p].opType)
        else { return false }
        return self[p].inputs.allSatisfy { $0.isEmpty || isConstantExpression($0, depth: depth - 1) }
    }

    /// The single value of a one-element float32 constant.
    func scalarConstant(_ name: String) -> Float? {
        guard let v = floatConstant(name), v.count == 1 else { return nil }
        return v[0]
    }

    /// `value`'s producer when it is `opType` and `value` may be absorbed (one reader, not an
    /// output), and the producer has exactly one output.
    func absorbable(_ value: String, _ opType: String, domain: String = "") -> NodeRef? {
        guard let p = soleProducer(of: value, opType: opType, domain: domain),
            self[p].outputs.count == 1
        else { return nil }
        return p
    }

    /// The other input of a binary node, given one of them.
    func other(_ ref: NodeRef, than value: String) -> String? {
        let n = self[ref]
        guard n.inputs.count == 2 else { return nil }
        if n.inputs[0] == value { return n.inputs[1] }
        if n.inputs[1] == value { return n.inputs[0] }
        return nil
    }

    /// Makes the model import `domain` at `version` (recorded for the pipeline to apply).
    func requireOpset(_ domain: String, _ version: Int64) {
        context.requiredOpsets[domain] = version
    }
}

/// `a ≈ b` within a relative tolerance (for recognizing constants like √2 in patterns).
func approximately(_ a: Float, _ b: Float, rtol: Float = 1e-4) -> Bool {
    abs(a - b) <= rtol * max(abs(a), abs(b))
}

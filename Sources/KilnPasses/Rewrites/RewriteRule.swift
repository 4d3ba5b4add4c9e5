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

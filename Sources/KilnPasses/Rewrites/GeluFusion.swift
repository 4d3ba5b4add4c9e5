import KilnIR

/// The exact GELU written out with Erf, in any of its three usual association orders:
///
///     e = Add(Erf(Div(x, √2) | Mul(x, 1/√2)), 1)
///     Mul(Mul(x, e), 0.5)  |  Mul(Mul(x, 0.5), e)  |  Mul(x, Mul(e, 0.5))
///
/// ⇒ `Gelu(x)`: the standard op (opset ≥ 20), `com.microsoft.Gelu` (contrib level), or
/// `ai.kiln.Gelu` (`PassOptions.kilnOps`), which computes the first form with `Div` with the
/// same float operations in the same order (attributes `divisor` = the constant, `half` = 0.5)
/// and so only takes that form. Intermediate values must have no other readers.
struct GeluFusion: RewriteRule {
    enum Target: Sendable { case standard, microsoft, kiln }
    let name: String
    let root = OpKey(opType: "Mul")
    let benefit = 3
    let target: Target

    static let standard = GeluFusion(name: "gelu", target: .standard)
    static let microsoft = GeluFusion(name: "gelu-contrib", target: .microsoft)
    static let kiln = GeluFusion(name: "gelu-kiln", target: .kiln)

    func apply(at ref: NodeRef, in g: inout GraphEditor) -> Bool {
        let n = g[ref]
        if target == .standard && (g.opsetVersion() ?? 0) < 20 { return false }
        guard n.inputs.count == 2, n.outputs.count == 1, n.inputs[0] != n.inputs[1] else {
            return false
        }
        for i in 0..<2 {
            let (p, q) = (n.inputs[i], n.inputs[1 - i])
            guard let (x, dead) = match(p, q, in: g) else { continue }
            let node: Node
            switch target {
            case .standard:
                node = Node(name: n.name, opType: "Gelu", inputs: [x], outputs: n.outputs)
            case .microsoft:
                node = Node(
                    name: n.name, opType: "Gelu", domain: "com.microsoft", inputs: [x],
                    outputs: n.outputs)
                g.requireOpset("com.microsoft", 1)
            case .kiln:
                // Form A with Div only: dead = [Mul(x, e), Add, Erf, Div].
                guard let half = g.scalarConstant(q), dead.count == 4, g[dead[3]].opType == "Div",
                    let c = g.scalarConstant(g[dead[3]].inputs[1])
                else { continue }
                node = Node(
                    name: n.name, opType: "Gelu", domain: KilnDomain.name, inputs: [x],
                    outputs: n.outputs,
                    attributes: [
                        Attribute(name: "divisor", value: .float(c)),
                        Attribute(name: "half", value: .float(half)),
                    ])
                g.requireOpset(KilnDomain.name, KilnDomain.version)
            }
            g.update(ref, node)
            for d in dead { g.remove(d) }
            return true
        }
        return false
    }

    /// `(x, nodes to remove)` when `Mul(p, q)` is a GELU.
    private func match(_ p: String, _ q: String, in g: GraphEditor) -> (String, [NodeRef])? {
        // Form A: q = 0.5, p = Mul(x, e).
        if isHalf(q, g), let m = g.absorbable(p, "Mul") {
            let mi = g[m].inputs
            for j in 0..<2 where mi.count == 2 {
                if let (x, chain) = erfPlusOne(mi[1 - j], g), x == mi[j] { return (x, [m] + chain) }
            }
        }
        // Form B: p = Mul(x, 0.5), q = e.
        if let m = g.absorbable(p, "Mul"), let (x, chain) = erfPlusOne(q, g) {
            let mi = g[m].inputs
            if mi.count == 2, (mi[0] == x && isHalf(mi[1], g)) || (mi[1] == x && isHalf(mi[0], g)) {
                return (x, [m] + chain)
            }
        }
        // Form C: p = x, q = Mul(e, 0.5).
        if let m = g.absorbable(q, "Mul") {
            let mi = g[m].inputs
            for j in 0..<2 where mi.count == 2 && isHalf(mi[1 - j], g) {
                if let (x, chain) = erfPlusOne(mi[j], g), x == p { return (x, [m] + chain) }
            }
        }
        return nil
    }

    private func isHalf(_ v: String, _ g: GraphEditor) -> Bool { g.scalarConstant(v) == 0.5 }

    /// `(x, [Add, Erf, Div|Mul])` when `e = Add(Erf(x / √2), 1)`.
    private func erfPlusOne(_ e: String, _ g: GraphEditor) -> (String, [NodeRef])? {
        guard let add = g.absorbable(e, "Add"), g[add].inputs.count == 2 else { return nil }
        let ai = g[add].inputs
        for j in 0..<2 where g.scalarConstant(ai[1 - j]) == 1 {
            guard let erf = g.absorbable(ai[j], "Erf"), g[erf].inputs.count == 1,
                let p = g.producer(of: g[erf].inputs[0]), g.hasSingleUse(g[erf].inputs[0]),
                g[p].inputs.count == 2, g[p].outputs.count == 1
            else { continue }
            let (x, c) = (g[p].inputs[0], g[p].inputs[1])
            guard let k = g.scalarConstant(c) else { continue }
            let ok = (g[p].opType == "Div" && approximately(k, Float(2).squareRoot()))
                || (g[p].opType == "Mul" && approximately(k, Float(0.5).squareRoot()))
            if ok && g[p].normalizedDomain.isEmpty { return (x, [add, erf, p]) }
        }
        return nil
    }
}

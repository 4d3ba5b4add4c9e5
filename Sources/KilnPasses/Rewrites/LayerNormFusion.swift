import KilnIR

/// The layer-norm chain over the last axis ⇒ `LayerNormalization(x, γ, β; axis = -1, ε)`
/// (opset ≥ 17):
///
///     μ = ReduceMean(x, [-1])        d = Sub(x, μ)
///     v = ReduceMean(Pow(d, 2) | Mul(d, d), [-1])
///     y = Div(d, Sqrt(Add(v, ε)))    [Mul(y, γ)] [Add(·, β)]
///
/// γ and β must be 1-D float32 constants (γ may be absent when β tells the size). Rooted at
/// the Div; every intermediate must have no readers outside the chain.
struct LayerNormFusion: RewriteRule {
    let name = "layernorm"
    let root = OpKey(opType: "Div")
    let benefit = 4

    func apply(at ref: NodeRef, in g: inout GraphEditor) -> Bool {
        guard (g.opsetVersion() ?? 0) >= 17 else { return false }
        let div = g[ref]
        guard div.inputs.count == 2, div.outputs.count == 1 else { return false }
        let (d, s) = (div.inputs[0], div.inputs[1])
        guard let sub = g.producer(of: d), g[sub].opType == "Sub", g[sub].normalizedDomain.isEmpty,
            g[sub].inputs.count == 2, !g.isGraphOutput(d),
            let sqrt = g.absorbable(s, "Sqrt"), g[sqrt].inputs.count == 1,
            let addEps = g.absorbable(g[sqrt].inputs[0], "Add"), g[addEps].inputs.count == 2,
            let eps = g.scalarConstant(g[addEps].inputs[1]),
            let varMean = g.absorbable(g[addEps].inputs[0], "ReduceMean"), lastAxis(varMean, g),
            let square = g.absorbable(g[varMean].inputs[0], "Pow") ?? g.absorbable(g[varMean].inputs[0], "Mul"),
            isSquare(g[square], of: d, g)
        else { return false }
        let x = g[sub].inputs[0]
        guard let mean = g.absorbable(g[sub].inputs[1], "ReduceMean"), lastAxis(mean, g),
            g[mean].inputs.first == x
        else { return false }
        // d is read by the square and the Div only.
        let dReads = g.uses(of: d).map { g[$0] }
        guard Set(g.uses(of: d)) == Set([ref, square]), dReads.count == 2 else { return false }
        // Optional affine tail.
        var out = div.outputs[0]
        var dead = [sub, sqrt, addEps, varMean, square, mean]
        var gamma: String? = nil
        var beta: String? = nil
        var tail = ref
        if let mul = g.uses(of: out).first, g.hasSingleUse(out), g[mul].opType == "Mul",
            g[mul].normalizedDomain.isEmpty, let c = g.other(mul, than: out), isVector(c, g)
        {
            gamma = c
            dead.append(tail)
            tail = mul
            out = g[mul].outputs[0]
        }
        if let add = g.uses(of: out).first, g.hasSingleUse(out), g[add].opType == "Add",
            g[add].normalizedDomain.isEmpty, let c = g.other(add, than: out), isVector(c, g)
        {
            beta = c
            dead.append(tail)
            tail = add
            out = g[add].outputs[0]
        }
        let size = (gamma ?? beta).flatMap { g.constant($0)?.shape.first }
        guard let size, gamma.map({ g.constant($0)?.shape.first == size }) ?? true,
            beta.map({ g.constant($0)?.shape.first == size }) ?? true
        else { return false }
        let gammaName = gamma ?? g.addConstant(
            Tensor(shape: [size], values: [Float](repeating: 1, count: Int(size))), base: out + "_scale")
        var inputs = [x, gammaName]
        if let beta { inputs.append(beta) }
        let ln = Node(
            opType: "LayerNormalization", inputs: inputs, outputs: [out],
            attributes: [
                Attribute(name: "axis", value: .int(-1)),
                Attribute(name: "epsilon", value: .float(eps)),
            ])
        g.update(tail, ln)
        for r in dead where r != tail { g.remove(r) }
        return true
    }

    private func isVector(_ name: String, _ g: GraphEditor) -> Bool {
        guard let t = g.constant(name), t.elementType == .float32 else { return false }
        return t.shape.count == 1
    }

    private func isSquare(_ n: Node, of d: String, _ g: GraphEditor) -> Bool {
        guard n.inputs.count == 2, n.inputs[0] == d else { return false }
        if n.opType == "Mul" { return n.inputs[1] == d }
        return g.scalarConstant(n.inputs[1]) == 2
    }

    /// A ReduceMean over exactly the last axis, keeping dims.
    private func lastAxis(_ ref: NodeRef, _ g: GraphEditor) -> Bool {
        let n = g[ref]
        guard (n.attribute("keepdims")?.int ?? 1) == 1 else { return false }
        if let a = n.attribute("axes")?.ints { return a == [-1] }
        guard n.inputs.count == 2, let a = g.constant(n.inputs[1])?.int64Values() else { return false }
        return a == [-1]
    }
}

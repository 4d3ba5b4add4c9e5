import KilnIR

/// `Conv(Mul(x, s), W, B)` ⇒ `Conv(x, W·s, B)` for a float32 scalar constant `s` (Conv is
/// linear in its input, and zero padding stays zero), when the Mul's output has no other
/// reader and W is a float32 initializer (a new, same-size weight; the old one dies if unshared).
struct ConvInputScaleFusion: RewriteRule {
    let name = "scale-conv"
    let root = OpKey(opType: "Conv")

    func apply(at ref: NodeRef, in g: inout GraphEditor) -> Bool {
        var n = g[ref]
        guard n.inputs.count >= 2, let mul = g.absorbable(n.inputs[0], "Mul"),
            g[mul].inputs.count == 2, let wt = g.constant(n.inputs[1]), wt.elementType == .float32,
            var w = g.floatConstant(n.inputs[1]), g.uses(of: n.inputs[1]) == [ref]
        else { return false }
        let mi = g[mul].inputs
        for j in 0..<2 {
            guard let s = g.scalarConstant(mi[1 - j]), mi[j] != mi[1 - j] else { continue }
            for k in w.indices { w[k] *= s }
            n.inputs[0] = mi[j]
            n.inputs[1] = g.addConstant(Tensor(shape: wt.shape, values: w), base: n.inputs[1] + "_scaled")
            g.update(ref, n)
            g.remove(mul)
            return true
        }
        return false
    }
}

import KilnIR

/// `Conv(Mul(x, s), W, B)` ⇒ `Conv(x, W·s, B)` for a float32 scalar constant `s` (Conv is
/// linear in its input, and zero padding stays zero), when the Mul's output has no other
/// reader and W is a float32 initializer read only by this Conv (a new, same-size weight; the
/// old one dies), or a constant weight expression (a splat or dequantized int8 weight, see
/// `ConvWeights`), which gets a per-channel factor instead of being materialized. The GELU
/// tail `· 0.5` before a Conv (tinyocr) is the common case.
struct ConvInputScaleFusion: RewriteRule {
    let name = "scale-conv"
    let root = OpKey(opType: "Conv")

    func apply(at ref: NodeRef, in g: inout GraphEditor) -> Bool {
        var n = g[ref]
        guard n.inputs.count >= 2, let mul = g.absorbable(n.inputs[0], "Mul"),
            g[mul].inputs.count == 2
        else { return false }
        let mi = g[mul].inputs
        guard let wt = g.constant(n.inputs[1]) else {
            // A weight expression: scale it per channel without materializing it.
            guard let m = ConvWeights(ref, in: g), m.base != nil else { return false }
            for j in 0..<2 {
                guard let s = g.scalarConstant(mi[1 - j]), mi[j] != mi[1 - j],
                    let w = m.scaledWeight(
                        [Float](repeating: s, count: m.channels), outputName: n.outputs[0], in: &g)
                else { continue }
                n.inputs[0] = mi[j]
                n.inputs[1] = w
                g.update(ref, n)
                g.remove(mul)
                return true
            }
            return false
        }
        guard wt.elementType == .float32, var w = g.floatConstant(n.inputs[1]),
            g.uses(of: n.inputs[1]) == [ref]
        else { return false }
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

import KilnIR
import KilnOps

/// `Conv(X, W, B) → Mul(c)` ⇒ `Conv(X, W·c, B·c)` and `Conv(X, W, B) → Add(c)` ⇒
/// `Conv(X, W, B + c)` for a float32 constant `c` that is per output channel (shape
/// `[C,1,…,1]` up to leading ones) or a scalar, so the Conv's output shape is unchanged; `c`
/// may also be a splat expression the file keeps small (`Unsqueeze(ConstantOfShape(…))`).
struct ConvChannelAffineFusion: RewriteRule {
    let name: String
    let root: OpKey
    let benefit = 2

    init(opType: String) {
        name = "conv-" + opType.lowercased()
        root = OpKey(opType: opType)
    }

    func apply(at ref: NodeRef, in g: inout GraphEditor) -> Bool {
        let n = g[ref]
        guard n.inputs.count == 2, n.outputs.count == 1 else { return false }
        for (i, x) in n.inputs.enumerated() {
            let c = n.inputs[1 - i]
            guard x != c, let conv = g.absorbable(x, "Conv"), let m = ConvWeights(conv, in: g),
                let t = g.smallFloatTensor(c, limit: m.channels),
                let v = ChannelAffine.perChannel(t, channels: m.channels, rank: m.shape.count)
            else { continue }
            let zeros = [Float](repeating: 0, count: m.channels)
            let ones = [Float](repeating: 1, count: m.channels)
            let affine = root.opType == "Mul"
                ? ChannelAffine(scale: v, shift: zeros) : ChannelAffine(scale: ones, shift: v)
            guard m.fold(affine, outputName: n.outputs[0], in: &g) else { continue }
            g.remove(ref)
            return true
        }
        return false
    }

}

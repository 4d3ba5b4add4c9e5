import KilnIR
import KilnOps

/// `ConvTranspose(X, W[, B]) → Add(c)` ⇒ `ConvTranspose(X, W, B + c)` for a float32 constant
/// `c` that is per output channel (`[1, C, 1, …]` or `[C, 1, …]`) or a scalar; C is read from W
/// (`W[1] · group`).
struct ConvTransposeBiasFusion: RewriteRule {
    let name = "convtranspose-bias"
    let root = OpKey(opType: "Add")

    func apply(at ref: NodeRef, in g: inout GraphEditor) -> Bool {
        let n = g[ref]
        guard n.inputs.count == 2, n.outputs.count == 1 else { return false }
        for i in 0..<2 {
            let (x, c) = (n.inputs[i], n.inputs[1 - i])
            guard x != c, let ct = g.absorbable(x, "ConvTranspose"), let t = g.constant(c),
                let w = g.constant(g.input(ct, 1)), w.elementType == .float32, w.shape.count >= 3
            else { continue }
            let channels = Int(w.shape[1] * (g[ct].attribute("group")?.int ?? 1))
            guard let v = ChannelAffine.perChannel(t, channels: channels, rank: w.shape.count)
            else { continue }
            var bias = [Float](repeating: 0, count: channels)
            var m = g[ct]
            if m.inputs.count >= 3, !m.inputs[2].isEmpty {
                guard let b = g.floatConstant(m.inputs[2]), b.count == channels else { continue }
                bias = b
            }
            for k in bias.indices { bias[k] += v[k] }
            let bName = g.addConstant(Tensor(shape: [Int64(channels)], values: bias), base: n.outputs[0] + "_B")
            m.inputs = [m.inputs[0], m.inputs[1], bName]
            m.outputs = n.outputs
            g.remove(ref)
            g.update(ct, m)
            return true
        }
        return false
    }
}

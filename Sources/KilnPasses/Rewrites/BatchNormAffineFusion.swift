import KilnIR
import KilnOps

/// `BatchNormalization(X, γ, β, μ, σ²) → Mul(c)` ⇒ `BatchNormalization(X, γ·c, β·c, μ, σ²)` and
/// `… → Add(c)` ⇒ `BatchNormalization(X, γ, β + c, μ, σ²)` (inference mode), for a float32
/// constant `c` that is per channel or a scalar against X's known rank, so the output shape is
/// unchanged. Serves batch norms that cannot fold into a Conv (after Concat or pooling, as in
/// DenseNet), where exporters often leave a scale-and-shift pair behind them.
struct BatchNormAffineFusion: RewriteRule {
    let name: String
    let root: OpKey
    let benefit = 1

    init(opType: String) {
        name = "batchnorm-" + opType.lowercased()
        root = OpKey(opType: opType)
    }

    func apply(at ref: NodeRef, in g: inout GraphEditor) -> Bool {
        let n = g[ref]
        guard n.inputs.count == 2, n.outputs.count == 1, n.inputs[0] != n.inputs[1] else {
            return false
        }
        for i in 0..<2 {
            let (x, c) = (n.inputs[i], n.inputs[1 - i])
            guard let bnRef = g.absorbable(x, "BatchNormalization") else { continue }
            let bn = g[bnRef]
            guard bn.inputs.count == 5,
                ConvBatchNormFusion.isInference(bn, version: g.opsetVersion() ?? 0),
                let rank = g.declaredType(of: bn.inputs[0])?.shape?.count,
                let t = g.constant(c), let gamma = g.floatValues(bn.inputs[1], limit: 1 << 20),
                let beta = g.floatValues(bn.inputs[2], limit: 1 << 20), gamma.count == beta.count,
                let v = ChannelAffine.perChannel(t, channels: gamma.count, rank: rank)
            else { continue }
            var (ng, nb) = (gamma, beta)
            for ch in ng.indices {
                if root.opType == "Mul" {
                    ng[ch] *= v[ch]
                    nb[ch] *= v[ch]
                } else {
                    nb[ch] += v[ch]
                }
            }
            var fused = bn
            let shape = [Int64(ng.count)]
            if root.opType == "Mul" {
                fused.inputs[1] = g.addConstant(Tensor(shape: shape, values: ng), base: bn.inputs[1])
            }
            fused.inputs[2] = g.addConstant(Tensor(shape: shape, values: nb), base: bn.inputs[2])
            fused.outputs = [n.outputs[0]]
            g.update(bnRef, fused)
            g.remove(ref)
            return true
        }
        return false
    }
}

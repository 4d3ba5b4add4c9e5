import KilnIR
import KilnOps

/// `Conv(X, W, B) → BatchNormalization` (inference) ⇒ `Conv(X, W·a, B·a + b)` where `(a, b)` is
/// the batch norm's `ChannelAffine`. Needs float32 constant W, B and batch-norm parameters.
struct ConvBatchNormFusion: RewriteRule {
    let name = "conv-batchnorm"
    let root = OpKey(opType: "BatchNormalization")
    let benefit = 3

    func apply(at bn: NodeRef, in g: inout GraphEditor) -> Bool {
        let n = g[bn]
        guard n.inputs.count == 5, n.outputs.count == 1 || n.outputs.dropFirst().allSatisfy({ $0.isEmpty }),
            !n.outputs[0].isEmpty, Self.isInference(n, version: g.opsetVersion() ?? 0),
            let conv = g.absorbable(n.inputs[0], "Conv"),
            let m = ConvWeights(conv, in: g)
        else { return false }
        var p: [[Float]] = []
        for name in n.inputs[1...4] {
            guard let v = g.floatConstant(name), v.count == m.channels else { return false }
            p.append(v)
        }
        let affine = ChannelAffine(
            gamma: p[0], beta: p[1], mean: p[2], variance: p[3],
            epsilon: n.attribute("epsilon")?.float ?? 1e-5)
        m.fold(affine, outputName: n.outputs[0], in: &g)
        g.remove(bn)
        return true
    }

    static func isInference(_ bn: Node, version: Int64) -> Bool {
        if version >= 14 && (bn.attribute("training_mode")?.int ?? 0) != 0 { return false }
        if version < 7 && (bn.attribute("spatial")?.int ?? 1) == 0 { return false }
        if version < 6 && (bn.attribute("is_test")?.int ?? 0) == 0 { return false }
        return true
    }
}

/// A Conv with float32 constant weights (and optional constant bias), ready to absorb a
/// per-output-channel affine map.
struct ConvWeights {
    let conv: NodeRef
    let weight: Tensor
    let w: [Float]
    let bias: [Float]
    var channels: Int { bias.count }

    init?(_ conv: NodeRef, in g: GraphEditor) {
        let n = g[conv]
        guard n.inputs.count >= 2, n.inputs.count <= 3, n.outputs.count == 1,
            let t = g.constant(n.inputs[1]), t.elementType == .float32, t.shape.count >= 3,
            let w = g.floatConstant(n.inputs[1]), let m = Int(exactly: t.shape[0]), m > 0
        else { return nil }
        var b = [Float](repeating: 0, count: m)
        if n.inputs.count == 3, !n.inputs[2].isEmpty {
            guard let bv = g.floatConstant(n.inputs[2]), bv.count == m else { return nil }
            b = bv
        }
        self.conv = conv
        weight = t
        self.w = w
        bias = b
    }

    /// Rewrites the Conv to compute `affine(conv(x))` under `outputName`.
    func fold(_ affine: ChannelAffine, outputName: String, in g: inout GraphEditor) {
        var nw = w
        var nb = bias
        affine.fold(weights: &nw, bias: &nb)
        var n = g[conv]
        let wName = g.addConstant(Tensor(shape: weight.shape, values: nw), base: outputName + "_W")
        let bName = g.addConstant(Tensor(shape: [Int64(channels)], values: nb), base: outputName + "_B")
        n.inputs = [n.inputs[0], wName, bName]
        n.outputs = [outputName]
        g.update(conv, n)
    }
}

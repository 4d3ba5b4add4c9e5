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
            guard let v = g.floatValues(name, limit: m.channels), v.count == m.channels else {
                return false
            }
            p.append(v)
        }
        let affine = ChannelAffine(
            gamma: p[0], beta: p[1], mean: p[2], variance: p[3],
            epsilon: n.attribute("epsilon")?.float ?? 1e-5)
        guard m.fold(affine, outputName: n.outputs[0], in: &g) else { return false }
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

/// A Conv with float32 weights known without running the model (an initializer, or a
/// ConstantOfShape splat) and an optional known bias, ready to absorb a per-output-channel
/// affine map. A splat weight stays a small ConstantOfShape when the map's scale is uniform;
/// otherwise the fold is taken only if the new weight is small (no file bloat).
struct ConvWeights {
    let conv: NodeRef
    let shape: [Int64]
    let splat: (shapeInput: String, shape: [Int64], value: Float)?
    let w: [Float]
    let bias: [Float]
    var channels: Int { bias.count }

    init?(_ conv: NodeRef, in g: GraphEditor) {
        let n = g[conv]
        guard n.inputs.count >= 2, n.inputs.count <= 3, n.outputs.count == 1 else { return nil }
        let wName = n.inputs[1]
        if let t = g.constant(wName) {
            guard t.elementType == .float32, let v = g.floatConstant(wName) else { return nil }
            shape = t.shape
            splat = nil
            w = v
        } else if let s = g.splat(wName), let v = g.floatValues(wName) {
            shape = s.shape
            splat = s
            w = v
        } else {
            return nil
        }
        guard shape.count >= 3, let m = Int(exactly: shape[0]), m > 0 else { return nil }
        var b = [Float](repeating: 0, count: m)
        if n.inputs.count == 3, !n.inputs[2].isEmpty {
            guard let bv = g.floatValues(n.inputs[2]), bv.count == m else { return nil }
            b = bv
        }
        self.conv = conv
        bias = b
    }

    /// Rewrites the Conv to compute `affine(conv(x))` under `outputName`; false (nothing
    /// changed) when the new weight would have to be materialized as a large tensor.
    @discardableResult
    func fold(_ affine: ChannelAffine, outputName: String, in g: inout GraphEditor) -> Bool {
        let uniform = affine.scale.allSatisfy { $0 == affine.scale[0] }
        var n = g[conv]
        var nb = bias
        let wName: String
        if let splat, uniform {
            let nw = [splat.value * affine.scale[0]]
            for ch in nb.indices { nb[ch] = nb[ch] * affine.scale[ch] + affine.shift[ch] }
            wName = g.freshName(outputName + "_W")
            g.insert(
                Node(opType: "ConstantOfShape", inputs: [splat.shapeInput], outputs: [wName],
                     attributes: [Attribute(name: "value", value: .tensor(Tensor(shape: [1], values: nw)))]),
                before: conv)
        } else {
            if splat != nil && w.count * 4 > g.context.options.maxFoldedBytes { return false }
            var nw = w
            affine.fold(weights: &nw, bias: &nb)
            wName = g.addConstant(Tensor(shape: shape, values: nw), base: outputName + "_W")
        }
        let bName = g.addConstant(Tensor(shape: [Int64(channels)], values: nb), base: outputName + "_B")
        n.inputs = [n.inputs[0], wName, bName]
        n.outputs = [outputName]
        g.update(conv, n)
        return true
    }
}

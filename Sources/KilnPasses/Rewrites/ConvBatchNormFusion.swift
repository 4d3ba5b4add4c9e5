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
            let conv = g.absorbable(n.inputs[0], "Conv") ?? Self.sharedConv(n.inputs[0], in: g),
            var m = ConvWeights(conv, in: g)
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
        if !g.hasSingleUse(n.inputs[0]) {
            // Every reader is a batch norm: each gets its own copy of the Conv (k + 1 nodes
            // become k), as long as the weight need not be materialized per copy.
            let elements = Tensor.elementCount(m.shape) ?? Int.max
            guard m.base != nil || elements <= g.context.options.maxFoldedBytes / 4 else {
                return false
            }
            var copy = g[conv]
            copy.outputs = [g.freshName(n.outputs[0] + "_conv")]
            if !copy.name.isEmpty { copy.name = g.freshName(copy.name) }
            let clone = g.insert(copy, before: conv)
            guard let cm = ConvWeights(clone, in: g) else { return false }
            m = cm
        }
        guard m.fold(affine, outputName: n.outputs[0], in: &g) else { return false }
        g.remove(bn)
        return true
    }

    /// The Conv computing `value` when `value` has several readers, all inference batch norms,
    /// and is not a graph output (the rule then gives each batch norm its own Conv).
    static func sharedConv(_ value: String, in g: GraphEditor) -> NodeRef? {
        guard let p = g.producer(of: value), g[p].opType == "Conv", g[p].normalizedDomain.isEmpty,
            g[p].outputs.count == 1, !g.isGraphOutput(value)
        else { return nil }
        let version = g.opsetVersion() ?? 0
        let users = g.uses(of: value)
        guard users.count > 1, users.allSatisfy({ u in
            g[u].opType == "BatchNormalization" && g[u].normalizedDomain.isEmpty
                && g[u].inputs.first == value && g[u].inputs.dropFirst().allSatisfy({ $0 != value })
                && isInference(g[u], version: version)
        }) else { return nil }
        return p
    }

    static func isInference(_ bn: Node, version: Int64) -> Bool {
        if version >= 14 && (bn.attribute("training_mode")?.int ?? 0) != 0 { return false }
        if version < 7 && (bn.attribute("spatial")?.int ?? 1) == 0 { return false }
        if version < 6 && (bn.attribute("is_test")?.int ?? 0) == 0 { return false }
        return true
    }
}

/// A Conv with a float32 weight computed without the model's inputs and an optional known
/// bias, ready to absorb a per-output-channel affine map `y[c] = x[c]·a[c] + b[c]`.
///
/// The weight is an initializer, or a constant expression the file keeps small: a
/// `ConstantOfShape` splat, an int8 weight dequantized by `Cast`/`Mul`/`DequantizeLinear`, any
/// of these times a per-output-channel factor `f` of shape `[M,1,…,1]` (`Mul(base, f)`, which
/// this fusion writes itself). Folding never materializes such a weight in the file:
/// - a shift only (`a = 1`) changes the bias and leaves the weight alone;
/// - a uniform scale of a splat stays one splat;
/// - otherwise the weight becomes `Mul(base, f·a)`, one Mul and M floats that the runtime
///   evaluates once when it plans, instead of the megabytes onnx-simplifier writes (a weight of
///   at most `maxFoldedBytes` becomes a plain initializer).
struct ConvWeights {
    let conv: NodeRef
    let shape: [Int64]
    /// The unscaled weight expression (a value name) when the weight is not an initializer.
    let base: String?
    /// Per-output-channel factor applied to `base` (all ones when the weight is `base`).
    let factor: [Float]
    /// The splat's shape input and value when `base` is a `ConstantOfShape` splat.
    let splat: (shapeInput: String, value: Float)?
    /// The weight's values when it is an initializer.
    let w: [Float]?
    let bias: [Float]
    var channels: Int { bias.count }

    init?(_ conv: NodeRef, in g: GraphEditor) {
        let n = g[conv]
        guard n.inputs.count >= 2, n.inputs.count <= 3, n.outputs.count == 1 else { return nil }
        let wName = n.inputs[1]
        var factor: [Float]? = nil
        var base = wName
        let weights: [Float]?
        if let t = g.constant(wName) {
            guard t.elementType == .float32, let v = g.floatConstant(wName) else { return nil }
            shape = t.shape
            weights = v
        } else {
            guard let type = g.declaredType(of: wName), type.elementType == .float32,
                let s = type.staticShape, g.isConstantExpression(wName)
            else { return nil }
            shape = s
            weights = nil
            if let scaled = Self.scaled(wName, rank: s.count, in: g) {
                base = scaled.base
                factor = scaled.factor
            }
        }
        guard shape.count >= 3, let m = Int(exactly: shape[0]), m > 0,
            factor.map({ $0.count == m }) ?? true
        else { return nil }
        var b = [Float](repeating: 0, count: m)
        if n.inputs.count == 3, !n.inputs[2].isEmpty {
            guard let bv = g.floatValues(n.inputs[2], limit: m), bv.count == m else { return nil }
            b = bv
        }
        self.conv = conv
        w = weights
        self.base = weights == nil ? base : nil
        self.factor = factor ?? [Float](repeating: 1, count: m)
        if weights == nil, let s = g.splat(base) {
            splat = (shapeInput: s.shapeInput, value: s.value)
        } else {
            splat = nil
        }
        bias = b
    }

    /// `(base, f)` when `name` is `Mul(base, f)` with `f` a float32 constant `[M,1,…,1]`.
    private static func scaled(_ name: String, rank: Int, in g: GraphEditor)
        -> (base: String, factor: [Float])?
    {
        guard let p = g.producer(of: name), g[p].opType == "Mul", g[p].normalizedDomain.isEmpty,
            g[p].inputs.count == 2
        else { return nil }
        for i in 0..<2 {
            let (b, c) = (g[p].inputs[i], g[p].inputs[1 - i])
            guard let t = g.constant(c), t.elementType == .float32, t.shape.count == rank,
                t.shape.dropFirst().allSatisfy({ $0 == 1 }), let f = t.values(as: Float.self),
                g.declaredType(of: b)?.shape?.count == rank
            else { continue }
            return (base: b, factor: f)
        }
        return nil
    }

    /// Rewrites the Conv to compute `affine(conv(x))` under `outputName`.
    @discardableResult
    func fold(_ affine: ChannelAffine, outputName: String, in g: inout GraphEditor) -> Bool {
        var n = g[conv]
        var nb = bias
        for ch in nb.indices { nb[ch] = nb[ch] * affine.scale[ch] + affine.shift[ch] }
        var wName = n.inputs[1]
        if affine.scale.allSatisfy({ $0 == 1 }) {
            // A shift only: the weight stays as it is (and stays shared).
        } else if base != nil {
            guard let name = scaledWeight(affine.scale, outputName: outputName, in: &g) else {
                return false
            }
            wName = name
        } else {
            guard var nw = w else { return false }
            var unused = [Float](repeating: 0, count: channels)
            affine.fold(weights: &nw, bias: &unused)
            wName = g.addConstant(Tensor(shape: shape, values: nw), base: outputName + "_W")
        }
        let bName = g.addConstant(Tensor(shape: [Int64(channels)], values: nb), base: outputName + "_B")
        n.inputs = [n.inputs[0], wName, bName]
        n.outputs = [outputName]
        g.update(conv, n)
        return true
    }

    /// A new weight `W·a` (per output channel) for a weight expression (`base` set), written
    /// before the Conv without materializing it: a splat stays a splat under a uniform scale,
    /// a small splat becomes an initializer, anything else becomes `Mul(base, f·a)`.
    func scaledWeight(_ scale: [Float], outputName: String, in g: inout GraphEditor) -> String? {
        guard let base, scale.count == channels else { return nil }
        let f = zip(factor, scale).map { $0 * $1 }
        let count = Tensor.elementCount(shape) ?? Int.max
        if let splat, f.allSatisfy({ $0 == f[0] }) {
            let name = g.freshName(outputName + "_W")
            let value = Tensor(shape: [1], values: [splat.value * f[0]])
            g.insert(
                Node(
                    opType: "ConstantOfShape", inputs: [splat.shapeInput], outputs: [name],
                    attributes: [Attribute(name: "value", value: .tensor(value))]),
                before: conv)
            return name
        }
        if let splat, count <= g.context.options.maxFoldedBytes / 4 {
            let per = max(1, count / channels)
            let nw = (0..<count).map { splat.value * f[$0 / per] }
            return g.addConstant(Tensor(shape: shape, values: nw), base: outputName + "_W")
        }
        let fshape = [Int64(channels)] + [Int64](repeating: 1, count: shape.count - 1)
        let fName = g.addConstant(Tensor(shape: fshape, values: f), base: outputName + "_Wscale")
        let name = g.freshName(outputName + "_W")
        g.insert(Node(opType: "Mul", inputs: [base, fName], outputs: [name]), before: conv)
        return name
    }
}

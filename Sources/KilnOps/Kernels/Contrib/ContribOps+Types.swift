import KilnIR

/// Type rules of the onnxruntime contrib ops (`com.microsoft`) Kiln runs, and of ONNX
/// `Attention` (opset 23), whose shapes follow the same head arithmetic.
extension TypeRules {
    static var contribRules: [String: TypeRule] {
        let ms = "com.microsoft::"
        var t: [String: TypeRule] = [
            ms + "FusedConv": { ctx in [try conv(ctx, x: 0, w: 1, elem: ctx.elementType(0))] },
            ms + "FusedGemm": { ctx in [try Gemm.inferShape(ctx)] },
            ms + "FusedMatMul": fusedMatMul,
            ms + "Gelu": sameAs(0), ms + "FastGelu": broadcasting(), ms + "QuickGelu": sameAs(0),
            ms + "BiasGelu": broadcasting(), ms + "BiasAdd": broadcasting(),
            ms + "SkipLayerNormalization": skipLayerNorm,
            ms + "SkipSimplifiedLayerNormalization": skipLayerNorm,
            ms + "SimplifiedLayerNormalization": layerNorm,
            "SimplifiedLayerNormalization": layerNorm,
            ms + "LayerNormalization": layerNorm,
            ms + "QLinearAdd": qlinearBinary, ms + "QLinearMul": qlinearBinary,
            ms + "QLinearSigmoid": sameAs(0), ms + "QLinearLeakyRelu": sameAs(0),
            ms + "QLinearGlobalAveragePool": qlinearGlobalAveragePool,
            ms + "QLinearConcat": qlinearConcat,
            ms + "MatMulIntegerToFloat": { ctx in
                [try matmul(ctx, 0, 1, elem: ctx.elementType(2) ?? .float32)]
            },
            ms + "DynamicQuantizeMatMul": { ctx in [try matmul(ctx, 0, 1, elem: ctx.elementType(0))] },
            ms + "DynamicQuantizeLSTM": recurrent(gates: 4, cell: true, transposed: true),
            ms + "Attention": contribAttention,
            ms + "MultiHeadAttention": multiHeadAttention,
        ]
        t["Attention"] = onnxAttention
        return t
    }

    static let fusedMatMul: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        if ctx.int("transBatchA", default: 0) != 0 || ctx.int("transBatchB", default: 0) != 0 {
            return [tensor(elem, nil)]
        }
        let tA = ctx.int("transA", default: 0) != 0 && (ctx.rank(0) ?? 2) > 1
        let tB = ctx.int("transB", default: 0) != 0 && (ctx.rank(1) ?? 2) > 1
        return [try matmul(ctx, 0, 1, elem: elem, transA: tA, transB: tB)]
    }

    static let skipLayerNorm: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        let xs = ctx.shape(0)
        if let xs, let ss = ctx.shape(1) { _ = try ctx.broadcast([xs, ss]) }
        var stats = xs
        if var s = stats, !s.isEmpty {
            s[s.count - 1] = .known(1)
            stats = s
        }
        var out = unknown(ctx)
        for k in 0..<out.count {
            out[k] = k == 1 || k == 2 ? tensor(.float32, stats) : tensor(elem, xs)
        }
        return out
    }

    static let qlinearBinary: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let a = ctx.shape(0), let b = ctx.shape(3) else { return [tensor(elem, nil)] }
        return [tensor(elem, try ctx.broadcast([a, b]))]
    }

    static let qlinearGlobalAveragePool: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let xs = ctx.shape(0) else { return [tensor(elem, nil)] }
        guard xs.count >= 3 else { throw ctx.fail("X must have rank >= 3", .rankMismatch) }
        let ones = [Dim](repeating: .known(1), count: xs.count - 2)
        if ctx.int("channels_last", default: 0) != 0 {
            return [tensor(elem, [xs[0]] + ones + [xs[xs.count - 1]])]
        }
        return [tensor(elem, Array(xs[..<2]) + ones)]
    }

    static let qlinearConcat: TypeRule = { ctx in
        let elem = ctx.elementType(1) ?? ctx.elementType(2)
        var shapes: [[Dim]] = []
        var i = 2
        while i < ctx.inputCount {
            guard let s = ctx.shape(i) else { return [tensor(elem, nil)] }
            shapes.append(s)
            i += 3
        }
        guard let first = shapes.first else { return [tensor(elem, nil)] }
        let axis = try ctx.axis(ctx.int("axis", default: 0), rank: first.count)
        var out = first
        for s in shapes.dropFirst() {
            guard s.count == first.count else { throw ctx.fail("inputs differ in rank", .rankMismatch) }
            for d in 0..<s.count where d != axis { out[d] = try ctx.unify(out[d], s[d], "dim \(d)") }
            out[axis] = DimMath.sum(out[axis], s[axis])
        }
        return [tensor(elem, out)]
    }

    static let contribAttention: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        var out = unknown(ctx)
        guard let xs = ctx.shape(0), let ws = ctx.shape(1) else {
            if !out.isEmpty { out[0] = tensor(elem, ctx.rank(0).map { [Dim](repeating: .unknown, count: $0) }) }
            return out
        }
        guard xs.count == 3, ws.count == 2 else {
            throw ctx.fail("input must be [B, S, D] and weights [D, 3H]", .rankMismatch)
        }
        try ctx.unify(xs[2], ws[0], "hidden dims of input and weights")
        var hv: Dim
        if let sizes = ctx.ints("qkv_hidden_sizes"), sizes.count == 3 {
            hv = .known(sizes[2])
        } else {
            hv = DimMath.quotient(ws[1], .known(3))
        }
        if !out.isEmpty { out[0] = tensor(elem, [xs[0], xs[1], hv]) }
        return out
    }

    static let multiHeadAttention: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        var out = unknown(ctx)
        guard let q = ctx.shape(0), q.count == 3 else { return out }
        var dv = Dim.unknown
        if let v = ctx.shape(2), v.count == 3 { dv = v[2] }
        if !ctx.hasInput(2) { dv = q[2] }
        if !out.isEmpty { out[0] = tensor(elem, [q[0], q[1], dv]) }
        return out
    }

    /// ONNX Attention (23): 4-D [B, heads, S, d] or 3-D [B, S, heads·d] inputs.
    static let onnxAttention: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        var out = unknown(ctx)
        guard let q = ctx.shape(0), let k = ctx.shape(1), let v = ctx.shape(2) else { return out }
        if q.count == 4 {
            guard k.count == 4, v.count == 4 else { throw ctx.fail("Q, K, V ranks differ", .rankMismatch) }
            try ctx.unify(q[3], k[3], "head sizes of Q and K")
            if !out.isEmpty { out[0] = tensor(elem, [q[0], q[1], q[2], v[3]]) }
            var total = k[2]
            if let pk = ctx.shape(4), pk.count == 4 { total = DimMath.sum(pk[2], k[2]) }
            if out.count > 1 { out[1] = tensor(elem, [k[0], k[1], total, k[3]]) }
            if out.count > 2 { out[2] = tensor(elem, [v[0], v[1], total, v[3]]) }
            if out.count > 3 { out[3] = tensor(elem, [q[0], q[1], q[2], total]) }
            return out
        }
        guard q.count == 3, k.count == 3, v.count == 3 else {
            throw ctx.fail("Q must be 3-D or 4-D with K and V of the same rank", .rankMismatch)
        }
        guard let qh = ctx.int("q_num_heads"), let kvh = ctx.int("kv_num_heads"), qh > 0, kvh > 0 else {
            throw ctx.fail("3-D inputs need q_num_heads and kv_num_heads", .rankMismatch)
        }
        let vHead = DimMath.quotient(v[2], .known(kvh))
        let kHead = DimMath.quotient(k[2], .known(kvh))
        if !out.isEmpty { out[0] = tensor(elem, [q[0], q[1], DimMath.product([vHead, .known(qh)])]) }
        var total = k[1]
        if let pk = ctx.shape(4), pk.count == 4 { total = DimMath.sum(pk[2], k[1]) }
        if out.count > 1 { out[1] = tensor(elem, [k[0], .known(kvh), total, kHead]) }
        if out.count > 2 { out[2] = tensor(elem, [v[0], .known(kvh), total, vHead]) }
        if out.count > 3 { out[3] = tensor(elem, [q[0], .known(qh), q[1], total]) }
        return out
    }
}

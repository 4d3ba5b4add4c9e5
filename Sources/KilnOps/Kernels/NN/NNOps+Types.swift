import KilnIR

/// `Y = alpha·op(A)·op(B) + beta·C`: [M, K]·[K, N] → [M, N]; C must broadcast to [M, N].
extension Gemm {
    public func inferTypes(_ ctx: InferenceContext) throws -> [ValueType?] {
        [try Gemm.inferShape(ctx)]
    }

    public var hasTypeRule: Bool { true }

    /// Shared with `FusedGemm`.
    static func inferShape(_ ctx: InferenceContext) throws -> ValueType {
        let elem = ctx.elementType(0)
        if let ea = ctx.elementType(0), let eb = ctx.elementType(1), ea != eb {
            throw ctx.fail("A is \(ea.name) but B is \(eb.name)", .typeMismatch)
        }
        try ctx.requireRank(0, 2...2, "A (input")
        try ctx.requireRank(1, 2...2, "B (input")
        guard let sa = ctx.shape(0), let sb = ctx.shape(1) else {
            return TypeRules.tensor(elem, [.unknown, .unknown])
        }
        let (tA, tB) = (ctx.int("transA", default: 0) != 0, ctx.int("transB", default: 0) != 0)
        try ctx.unify(tA ? sa[0] : sa[1], tB ? sb[1] : sb[0], "inner dims (K) of A and B")
        let (m, n) = (tA ? sa[1] : sa[0], tB ? sb[0] : sb[1])
        if ctx.hasInput(2), let sc = ctx.shape(2) {
            guard sc.count <= 2 else { throw ctx.fail("C must have rank <= 2, got \(sc.count)", .rankMismatch) }
            _ = try ctx.broadcast([[m, n], sc]).count
            if sc.count == 2, let cm = sc[0].value, cm != 1, let mv = m.value, cm != mv {
                throw ctx.fail("C \(InferenceContext.spell(sc)) cannot be broadcast to [\(m), \(n)]")
            }
        }
        return TypeRules.tensor(elem, [m, n])
    }
}

/// Type rules of the NN family: convolution and pooling geometry, MatMul, normalizations,
/// recurrent layers, Resize/Upsample and quantization.
extension TypeRules {
    static var nnRules: [String: TypeRule] {
        [
            "Conv": { ctx in [try conv(ctx, x: 0, w: 1, elem: ctx.elementType(0))] },
            "ConvInteger": { ctx in [try conv(ctx, x: 0, w: 1, elem: .int32)] },
            "QLinearConv": { ctx in [try conv(ctx, x: 0, w: 3, elem: ctx.elementType(7) ?? ctx.elementType(0))] },
            "ConvTranspose": convTranspose,
            "MatMul": { ctx in [try matmul(ctx, 0, 1, elem: ctx.elementType(0))] },
            "MatMulInteger": { ctx in [try matmul(ctx, 0, 1, elem: .int32)] },
            "QLinearMatMul": { ctx in [try matmul(ctx, 0, 3, elem: ctx.elementType(7) ?? ctx.elementType(0))] },
            "MaxPool": { ctx in
                let y = try pool(ctx)
                return [y, tensor(.int64, y.tensorType?.shape)]
            },
            "AveragePool": { ctx in [try pool(ctx)] },
            "LpPool": { ctx in [try pool(ctx)] },
            "GlobalAveragePool": globalPool, "GlobalMaxPool": globalPool, "GlobalLpPool": globalPool,
            "BatchNormalization": batchNorm, "InstanceNormalization": sameAs(0),
            "GroupNormalization": sameAs(0), "LRN": sameAs(0),
            "LayerNormalization": layerNorm, "RMSNormalization": sameAs(0),
            "RNN": recurrent(gates: 1, cell: false), "GRU": recurrent(gates: 3, cell: false),
            "LSTM": recurrent(gates: 4, cell: true),
            "Resize": resize, "Upsample": resize,
            "QuantizeLinear": quantize, "DequantizeLinear": dequantize,
            "DynamicQuantizeLinear": { ctx in
                [tensor(.uint8, ctx.shape(0)), tensor(.float32, []), tensor(.uint8, [])]
            },
        ]
    }

    // MARK: - MatMul

    /// numpy `matmul` shape of inputs `a` and `b` (1-D operands promoted and squeezed back).
    static func matmul(
        _ ctx: InferenceContext, _ a: Int, _ b: Int, elem: ElementType?, transA: Bool = false,
        transB: Bool = false
    ) throws -> ValueType {
        guard var ad = ctx.shape(a), var bd = ctx.shape(b) else { return tensor(elem, nil) }
        guard !ad.isEmpty, !bd.isEmpty else {
            throw ctx.fail("MatMul inputs must not be scalars", .rankMismatch)
        }
        let (aVec, bVec) = (ad.count == 1, bd.count == 1)
        if aVec { ad = [.known(1), ad[0]] }
        if bVec { bd = [bd[0], .known(1)] }
        if transA { ad.swapAt(ad.count - 1, ad.count - 2) }
        if transB { bd.swapAt(bd.count - 1, bd.count - 2) }
        try ctx.unify(ad[ad.count - 1], bd[bd.count - 2], "inner dims (K) of A and B")
        var out = try ctx.broadcast([Array(ad.dropLast(2)), Array(bd.dropLast(2))])
        out += [ad[ad.count - 2], bd[bd.count - 1]]
        if aVec { out.remove(at: out.count - 2) }
        if bVec { out.removeLast() }
        return tensor(elem, out)
    }

    // MARK: - Convolution and pooling

    /// Output spatial dims of a window op, mirroring `ConvGeometry.resolve` over symbolic dims.
    static func windowOutput(
        _ ctx: InferenceContext, input: [Dim], kernel: [Int64], ceilMode: Bool
    ) throws -> [Dim] {
        let r = input.count
        func list(_ name: String) throws -> [Int64] {
            guard let v = ctx.ints(name), !v.isEmpty else { return [Int64](repeating: 1, count: r) }
            guard v.count == r else {
                throw ctx.fail("\(name) has \(v.count) values for \(r) spatial dims", .rankMismatch)
            }
            return v
        }
        let strides = try list("strides")
        let dilations = try list("dilations")
        guard strides.allSatisfy({ $0 > 0 }), dilations.allSatisfy({ $0 > 0 }),
            kernel.allSatisfy({ $0 > 0 })
        else { throw ctx.fail("strides, dilations and kernel dims must be positive") }
        let autoPad = ctx.string("auto_pad") ?? "NOTSET"
        var pads = [Int64](repeating: 0, count: 2 * r)
        if let p = ctx.ints("pads"), autoPad == "NOTSET" || autoPad.isEmpty {
            guard p.count == 2 * r, p.allSatisfy({ $0 >= 0 }) else {
                throw ctx.fail("pads must hold \(2 * r) non-negative values", .rankMismatch)
            }
            pads = p
        }
        var out: [Dim] = []
        for i in 0..<r {
            let (e, o1) = (kernel[i] - 1).multipliedReportingOverflow(by: dilations[i])
            // Sums of these below stay far from overflow (hostile files set them near 2^63).
            let bound: Int64 = 1 << 60
            guard !o1, e < bound, strides[i] < bound, pads[i] < bound, pads[i + r] < bound,
                (input[i].value ?? 0).magnitude < bound.magnitude
            else {
                throw ctx.fail(
                    "kernel extent, stride, pads or input size on spatial axis \(i) overflow",
                    .limitExceeded)
            }
            let ext = e + 1
            let s = Dim.known(strides[i])
            switch autoPad {
            case "SAME_UPPER", "SAME_LOWER":
                out.append(DimMath.ceilQuotient(input[i], s))
            case "VALID":
                if let v = input[i].value {
                    out.append(.known(v >= ext ? (v - ext) / strides[i] + 1 : 0))
                } else {
                    out.append(DimMath.sum(DimMath.floorQuotient(DimMath.difference(input[i], .known(ext)), s), .known(1)))
                }
            case "NOTSET", "":
                let padded = pads[i] + pads[i + r]
                if let v = input[i].value {
                    let span = v + padded - ext
                    guard span >= 0 else {
                        throw ctx.fail(
                            "window extent \(ext) exceeds padded input \(v + padded) on spatial axis \(i)")
                    }
                    if ceilMode {
                        var o = (span + strides[i] - 1) / strides[i] + 1
                        if (o - 1) * strides[i] >= v + pads[i] { o -= 1 }
                        out.append(.known(o))
                    } else {
                        out.append(.known(span / strides[i] + 1))
                    }
                } else {
                    let span = DimMath.sum(input[i], .known(padded - ext))
                    let span2 = padded >= ext ? span : DimMath.difference(input[i], .known(ext - padded))
                    out.append(
                        ceilMode && strides[i] != 1
                            ? .unknown
                            : DimMath.sum(DimMath.floorQuotient(span2, s), .known(1)))
                }
            default:
                throw ctx.fail("unknown auto_pad '\(autoPad)'")
            }
        }
        return out
    }

    static func conv(_ ctx: InferenceContext, x: Int, w: Int, elem: ElementType?) throws -> ValueType {
        guard let xs = ctx.shape(x) else {
            if let r = ctx.rank(w) { return tensor(elem, [Dim](repeating: .unknown, count: r)) }
            return tensor(elem, nil)
        }
        guard xs.count >= 3 else {
            throw ctx.fail("X must have rank >= 3 (N, C, spatial...), got \(xs.count)", .rankMismatch)
        }
        let r = xs.count - 2
        let ws = ctx.shape(w)
        if let ws, ws.count != xs.count {
            throw ctx.fail("W has rank \(ws.count), X rank \(xs.count)", .rankMismatch)
        }
        let group = ctx.int("group", default: 1)
        guard group > 0 else { throw ctx.fail("group must be positive") }
        if let ws, let c = xs[1].value, let wc = ws[1].value, wc * group != c {
            throw ctx.fail("X has \(c) channels but W expects \(wc) × group \(group)")
        }
        var kernel: [Int64]? = ctx.ints("kernel_shape")
        if kernel == nil, let ws { kernel = ws[2...].compactMap(\.value) }
        let m = ws?[0] ?? .unknown
        guard let k = kernel, k.count == r else {
            return tensor(elem, [xs[0], m] + [Dim](repeating: .unknown, count: r))
        }
        return tensor(elem, [xs[0], m] + (try windowOutput(ctx, input: Array(xs[2...]), kernel: k, ceilMode: false)))
    }

    static func pool(_ ctx: InferenceContext) throws -> ValueType {
        let elem = ctx.elementType(0)
        guard let xs = ctx.shape(0) else { return tensor(elem, nil) }
        guard xs.count >= 3 else {
            throw ctx.fail("X must have rank >= 3 (N, C, spatial...), got \(xs.count)", .rankMismatch)
        }
        guard let k = ctx.ints("kernel_shape"), k.count == xs.count - 2 else {
            throw ctx.fail("kernel_shape must have \(xs.count - 2) values", .rankMismatch)
        }
        let ceil = ctx.int("ceil_mode", default: 0) != 0
        return tensor(elem, Array(xs[..<2]) + (try windowOutput(ctx, input: Array(xs[2...]), kernel: k, ceilMode: ceil)))
    }

    static let globalPool: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let xs = ctx.shape(0) else { return [tensor(elem, nil)] }
        guard xs.count >= 2 else { throw ctx.fail("X must have rank >= 2", .rankMismatch) }
        return [tensor(elem, Array(xs[..<2]) + [Dim](repeating: .known(1), count: xs.count - 2))]
    }

    static let convTranspose: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let xs = ctx.shape(0), let ws = ctx.shape(1) else { return [tensor(elem, nil)] }
        guard xs.count >= 3, ws.count == xs.count else {
            throw ctx.fail("X \(InferenceContext.spell(xs)) and W \(InferenceContext.spell(ws)) ranks do not fit", .rankMismatch)
        }
        let r = xs.count - 2
        let group = ctx.int("group", default: 1)
        guard group > 0 else { throw ctx.fail("group must be positive") }
        try ctx.unify(xs[1], ws[0], "X channels and W's first dim")
        let m = DimMath.product([ws[1], .known(group)])
        let kernel = ctx.ints("kernel_shape") ?? ws[2...].compactMap(\.value)
        func list(_ name: String, _ d: Int64) -> [Int64] {
            let v = ctx.ints(name) ?? []
            return v.count == r ? v : [Int64](repeating: d, count: r)
        }
        let strides = list("strides", 1)
        let dilations = list("dilations", 1)
        var outPad = ctx.ints("output_padding") ?? []
        if outPad.count != r { outPad = [Int64](repeating: 0, count: r) }
        var outShape = ctx.ints("output_shape") ?? []
        if outShape.count == r + 2 { outShape = Array(outShape[2...]) }
        if outShape.count == r { return [tensor(elem, [xs[0], m] + known(outShape))] }
        guard kernel.count == r else {
            return [tensor(elem, [xs[0], m] + [Dim](repeating: .unknown, count: r))]
        }
        let autoPad = ctx.string("auto_pad") ?? "NOTSET"
        let pads = ctx.ints("pads")
        var out: [Dim] = []
        for i in 0..<r {
            if pads == nil && (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
                out.append(DimMath.product([xs[2 + i], .known(strides[i])]))
                continue
            }
            // stride·(in − 1) + output_padding + (k − 1)·dilation + 1 − pads; the attributes come
            // from the file (hostile ones are near 2^63), so every operand is bounded first.
            let bound: Int64 = 1 << 60
            let p: [Int64] = pads.map { $0.count == 2 * r ? [$0[i], $0[i + r]] : [0, 0] } ?? [0, 0]
            let operands: [Int64] = [kernel[i], dilations[i], outPad[i], strides[i], p[0], p[1]]
            guard operands.allSatisfy({ $0.magnitude < bound.magnitude }) else {
                throw ctx.fail("output size on spatial axis \(i) overflows", .limitExceeded)
            }
            let (e, o1) = (kernel[i] - 1).multipliedReportingOverflow(by: dilations[i])
            guard !o1, e.magnitude < bound.magnitude else {
                throw ctx.fail("output size on spatial axis \(i) overflows", .limitExceeded)
            }
            let c = outPad[i] + e + 1 - p[0] - p[1] - strides[i]
            let scaled = DimMath.product([xs[2 + i], .known(strides[i])])
            out.append(c >= 0 ? DimMath.sum(scaled, .known(c)) : DimMath.difference(scaled, .known(-c)))
        }
        return [tensor(elem, [xs[0], m] + out)]
    }

    // MARK: - Normalization

    static let batchNorm: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        var out = unknown(ctx)
        if let xs = ctx.shape(0), xs.count >= 2, let ss = ctx.shape(1), ss.count == 1 {
            try ctx.unify(xs[1], ss[0], "channels of X and scale")
        }
        if !out.isEmpty { out[0] = tensor(elem, ctx.shape(0)) }
        for k in 1..<Swift.max(1, out.count) {
            out[k] = tensor(ctx.elementType(k < 3 ? 3 : 4) ?? elem, ctx.shape(1))
        }
        return out
    }

    static let layerNorm: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        var out = unknown(ctx)
        if !out.isEmpty { out[0] = tensor(elem, ctx.shape(0)) }
        guard let xs = ctx.shape(0) else { return out }
        let axis = try ctx.axis(ctx.int("axis", default: -1), rank: xs.count)
        var stats = xs
        for i in axis..<xs.count { stats[i] = .known(1) }
        let stash = elementType(code: ctx.int("stash_type")) ?? .float32
        for k in 1..<Swift.max(1, out.count) { out[k] = tensor(stash, stats) }
        return out
    }

    // MARK: - Recurrent

    /// RNN/GRU/LSTM; `transposed` for com.microsoft.DynamicQuantizeLSTM, whose W is
    /// [dirs, input, gates·hidden] and R [dirs, hidden, gates·hidden].
    static func recurrent(gates: Int64, cell: Bool, transposed: Bool = false) -> TypeRule {
        { ctx in
            let elem = ctx.elementType(0)
            let dirs: Int64 = ctx.string("direction") == "bidirectional" ? 2 : 1
            var hidden: Dim = ctx.int("hidden_size").map { .known($0) } ?? .unknown
            if hidden == .unknown, let rs = ctx.shape(2), rs.count == 3 {
                hidden = transposed ? rs[1] : rs[2]
            }
            let layout = ctx.int("layout", default: 0)
            var (seq, batch) = (Dim.unknown, Dim.unknown)
            if let xs = ctx.shape(0) {
                guard xs.count == 3 else { throw ctx.fail("X must have rank 3, got \(xs.count)", .rankMismatch) }
                (seq, batch) = layout == 0 ? (xs[0], xs[1]) : (xs[1], xs[0])
                if let ws = ctx.shape(1), ws.count == 3 {
                    let (inputDim, gateDim) = transposed ? (ws[1], ws[2]) : (ws[2], ws[1])
                    try ctx.unify(xs[2], inputDim, "input size of X and W")
                    try ctx.unify(ws[0], .known(dirs), "directions of W")
                    if let h = hidden.value {
                        try ctx.unify(gateDim, .known(gates * h), "gate rows of W (gates × hidden_size)")
                    }
                }
            }
            let d = Dim.known(dirs)
            let y = layout == 0 ? [seq, d, batch, hidden] : [batch, seq, d, hidden]
            let h = layout == 0 ? [d, batch, hidden] : [batch, d, hidden]
            var out = unknown(ctx)
            for k in 0..<out.count { out[k] = tensor(elem, k == 0 ? y : h) }
            return out
        }
    }

    // MARK: - Resize

    static let resize: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let xs = ctx.shape(0) else { return [tensor(elem, nil)] }
        let r = xs.count
        let isUpsample = ctx.node.opType == "Upsample"
        var axes = Array(0..<r)
        if let a = ctx.ints("axes") { axes = try ctx.axes(a, rank: r) }
        let scalesInput = isUpsample ? 1 : (ctx.opsetVersion >= 11 ? 2 : 1)
        if !isUpsample, ctx.opsetVersion >= 11, ctx.hasInput(3) {
            guard let sizes = ctx.shapeValue(3) ?? ctx.ints(input: 3).map(known) else {
                return [tensor(elem, [Dim](repeating: .unknown, count: r))]
            }
            guard sizes.count == axes.count else {
                throw ctx.fail("sizes has \(sizes.count) values for \(axes.count) axes", .rankMismatch)
            }
            let policy = ctx.string("keep_aspect_ratio_policy") ?? "stretch"
            var out = xs
            if policy == "stretch" {
                for (k, a) in axes.enumerated() { out[a] = sizes[k] }
            } else {
                for a in axes { out[a] = .unknown }
            }
            return [tensor(elem, out)]
        }
        var scales: [Float]?
        if isUpsample && ctx.opsetVersion < 9 {
            scales = ctx.floats("scales")
        } else if let t = ctx.constant(scalesInput), let v = try? t.doubles() {
            scales = v.map { Float($0) }
        }
        guard let scales, !scales.isEmpty else {
            if ctx.hasInput(scalesInput) || isUpsample {
                return [tensor(elem, [Dim](repeating: .unknown, count: r))]
            }
            throw ctx.fail("needs scales or sizes", .rankMismatch)
        }
        guard scales.count == axes.count else {
            throw ctx.fail("scales has \(scales.count) values for \(axes.count) axes", .rankMismatch)
        }
        var out = xs
        for (k, a) in axes.enumerated() {
            let s = Double(scales[k])
            if let v = xs[a].value {
                out[a] = .known(Int64((Double(v) * s).rounded(.down)))
            } else if s == s.rounded(), s >= 1, s < 1e6 {
                out[a] = DimMath.product([xs[a], .known(Int64(s))])
            } else {
                out[a] = .unknown
            }
        }
        return [tensor(elem, out)]
    }

    // MARK: - Quantization

    static let quantize: TypeRule = { ctx in
        let elem = ctx.elementType(2) ?? elementType(code: ctx.int("output_dtype")) ?? .uint8
        return [tensor(elem, ctx.shape(0))]
    }

    static let dequantize: TypeRule = { ctx in
        let elem = ctx.opsetVersion >= 19 ? (ctx.elementType(1) ?? .float32) : .float32
        return [tensor(elem, ctx.shape(0))]
    }
}

import KilnIR

/// Type rules of the extra families (sampling and image ops, sequence-model blocks, `ai.onnx.ml`,
/// features, training, windows and strings) and of the detection ops.
extension TypeRules {
    static var extraRules: [String: TypeRule] {
        let ml = "ai.onnx.ml::"
        let training = "ai.onnx.preview.training::"
        return [
            "GridSample": gridSample, "AffineGrid": affineGrid, "Col2Im": col2Im,
            "CenterCropPad": centerCropPad,
            "DeformConv": { ctx in [try conv(ctx, x: 0, w: 1, elem: ctx.elementType(0))] },
            "LpNormalization": sameAs(0), "MeanVarianceNormalization": sameAs(0),
            "RotaryEmbedding": sameAs(0), "TensorScatter": sameAs(0), "SwiGLU": swiGLU,
            "CausalConvWithState": causalConv,
            "HannWindow": window, "HammingWindow": window, "BlackmanWindow": window,
            "StringConcat": broadcasting(.string), "RegexFullMatch": mapShape(0, to: .bool),
            "StringNormalizer": { ctx in [tensor(.string, ctx.rank(0).map { r in
                r == 1 ? [.unknown] : [.known(1), .unknown] })] },
            "NonMaxSuppression": { _ in [tensor(.int64, [.unknown, .known(3)])] },
            "RoiAlign": roiAlign, "MaxRoiPool": roiAlign,
            ml + "Binarizer": sameAs(0), ml + "LabelEncoder": labelEncoder,
            ml + "TreeEnsemble": { ctx in
                guard let xs = ctx.shape(0), let n = xs.first else { return [tensor(ctx.elementType(0), nil)] }
                let targets = ctx.int("n_targets").map { Dim.known($0) } ?? .unknown
                return [tensor(ctx.elementType(0), [n, targets])]
            },
            training + "Adagrad": optimizer(groups: 2), training + "Adam": optimizer(groups: 3),
            training + "Momentum": optimizer(groups: 2),
        ]
    }

    static let gridSample: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let xs = ctx.shape(0), let gs = ctx.shape(1) else { return [tensor(elem, nil)] }
        guard xs.count >= 3, gs.count == xs.count else {
            throw ctx.fail("grid rank \(gs.count) does not fit X rank \(xs.count)", .rankMismatch)
        }
        try ctx.unify(xs[0], gs[0], "batch of X and grid")
        return [tensor(elem, [xs[0], xs[1]] + Array(gs[1..<(gs.count - 1)]))]
    }

    static let affineGrid: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let size = ctx.shapeValue(1) else { return [tensor(elem, nil)] }
        guard size.count == 4 || size.count == 5 else {
            throw ctx.fail("size must have 4 or 5 entries", .rankMismatch)
        }
        return [tensor(elem, [size[0]] + Array(size[2...]) + [.known(Int64(size.count - 2))])]
    }

    static let col2Im: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let xs = ctx.shape(0), xs.count == 3, let image = ctx.shapeValue(1),
            let block = ctx.ints(input: 2)
        else { return [tensor(elem, nil)] }
        var prod: Int64 = 1
        for b in block { prod = prod.multipliedReportingOverflow(by: b).partialValue }
        guard prod > 0 else { throw ctx.fail("block_shape must be positive") }
        return [tensor(elem, [xs[0], DimMath.quotient(xs[1], .known(prod))] + image)]
    }

    static let centerCropPad: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let xs = ctx.shape(0), let target = ctx.shapeValue(1) else {
            return [tensor(elem, ctx.rank(0).map { [Dim](repeating: .unknown, count: $0) })]
        }
        let axes = try ctx.axes(ctx.ints("axes") ?? (0..<Int64(xs.count)).map { $0 }, rank: xs.count)
        guard axes.count == target.count else {
            throw ctx.fail("shape has \(target.count) entries for \(axes.count) axes", .rankMismatch)
        }
        var out = xs
        for (k, a) in axes.enumerated() { out[a] = target[k] }
        return [tensor(elem, out)]
    }

    static let swiGLU: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        if let a = ctx.shape(0), let b = ctx.shape(1) {
            guard a.count == b.count else { throw ctx.fail("A and B ranks differ", .rankMismatch) }
            return [tensor(elem, try zip(a, b).map { try ctx.unify($0, $1, "dims of A and B") })]
        }
        return [tensor(elem, ctx.shape(0) ?? ctx.shape(1))]
    }

    static let causalConv: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let xs = ctx.shape(0), xs.count == 3 else { return [tensor(elem, nil), tensor(elem, nil)] }
        var k = Dim.unknown
        if let ws = ctx.shape(1), let last = ws.last { k = DimMath.difference(last, .known(1)) }
        return [tensor(elem, xs), tensor(elem, [xs[0], xs[1], k])]
    }

    static let window: TypeRule = { ctx in
        let elem = elementType(code: ctx.int("output_datatype")) ?? .float32
        return [tensor(elem, [ctx.shapeValue(0)?.first ?? .unknown])]
    }

    static let roiAlign: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let xs = ctx.shape(0), xs.count == 4 else { return [tensor(elem, nil)] }
        let rois = ctx.shape(1)?.first ?? .unknown
        let pooled = ctx.ints("pooled_shape")
        let h = pooled.map { Dim.known($0[0]) } ?? .known(ctx.int("output_height", default: 1))
        let w = pooled.map { Dim.known($0.count > 1 ? $0[1] : $0[0]) }
            ?? .known(ctx.int("output_width", default: 1))
        return [tensor(elem, [rois, xs[1], h, w])]
    }

    static let labelEncoder: TypeRule = { ctx in
        var elem: ElementType? = nil
        for a in ctx.node.attributes {
            switch a.name {
            case "values_int64s": elem = .int64
            case "values_floats": elem = .float32
            case "values_strings": elem = .string
            case "values_tensor": elem = a.tensor?.elementType
            default: continue
            }
        }
        return [tensor(elem, ctx.shape(0))]
    }

    /// Training optimizers: inputs R, T, then `groups + 1` groups of n tensors (X, G, state…);
    /// outputs are the new X and states, each shaped like its input group.
    static func optimizer(groups: Int) -> TypeRule {
        { ctx in
            let n = (ctx.inputCount - 2) / (groups + 1)
            var out = unknown(ctx)
            for k in 0..<out.count where n > 0 {
                let g = k / n
                let source = 2 + (g == 0 ? 0 : (g + 1)) * n + k % n
                out[k] = ctx.type(source)
            }
            return out
        }
    }
}

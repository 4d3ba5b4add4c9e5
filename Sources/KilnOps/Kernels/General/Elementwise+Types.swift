import KilnIR

/// Type rules of the element-wise families: unary math and activations (same type as the
/// input), binary arithmetic, comparisons and logic (numpy broadcasting), Where, Clip, PRelu.
extension TypeRules {
    static var elementwiseRules: [String: TypeRule] {
        var t: [String: TypeRule] = [:]
        for op in UnaryOp.all { t[op.opType] = sameAs(0) }
        for name in ["Shrink", "Clip", "BitwiseNot"] { t[name] = sameAs(0) }
        for name in ["IsNaN", "IsInf", "Not"] { t[name] = mapShape(0, to: .bool) }
        for k in BinaryArithmeticOp.Kind.allCases { t[k.rawValue] = arithmetic(k) }
        for k in ComparisonOp.Kind.allCases { t[k.rawValue] = broadcasting(.bool) }
        for name in ["And", "Or", "Xor"] { t[name] = broadcasting(.bool) }
        for name in ["BitShift", "BitwiseAnd", "BitwiseOr", "BitwiseXor"] {
            t[name] = broadcasting()
        }
        t["Pow"] = broadcasting(typeFrom: 0, sameTypes: 0..<1)
        t["PRelu"] = broadcasting()
        t["Where"] = broadcasting(typeFrom: 1, sameTypes: 1..<3)
        return t
    }

    /// Output 0 has input `i`'s shape and element type `element`.
    static func mapShape(_ i: Int, to element: ElementType) -> TypeRule {
        { ctx in
            var out = unknown(ctx)
            _ = try ctx.tensorType(i)
            if !out.isEmpty { out[0] = tensor(element, ctx.shape(i)) }
            return out
        }
    }

    /// Broadcasting arithmetic that also carries small integer contents symbolically, so
    /// `Shape(x)[0] * 2` stays `N*2` on its way into a Reshape.
    static func arithmetic(_ kind: BinaryArithmeticOp.Kind) -> TypeRule {
        let base = broadcasting()
        return { ctx in
            let out = try base(ctx)
            guard ctx.inputCount == 2, let a = ctx.shapeValue(0), let b = ctx.shapeValue(1),
                let s = out.first??.tensorType?.shape, s.count <= 1
            else { return out }
            let n = max(a.count, b.count)
            guard a.count == n || a.count == 1, b.count == n || b.count == 1 else { return out }
            var r: [Dim] = []
            for i in 0..<n {
                let x = a[a.count == 1 ? 0 : i]
                let y = b[b.count == 1 ? 0 : i]
                if case .known(let p) = x, case .known(let q) = y {
                    let v: (Int64, Bool)
                    switch kind {
                    case .add: v = p.addingReportingOverflow(q)
                    case .sub: v = p.subtractingReportingOverflow(q)
                    case .mul: v = p.multipliedReportingOverflow(by: q)
                    case .div: v = q == 0 ? (0, true) : p.dividedReportingOverflow(by: q)
                    default: return out
                    }
                    r.append(v.1 ? .unknown : .known(v.0))
                    continue
                }
                switch kind {
                case .add: r.append(DimMath.sum(x, y))
                case .sub: r.append(DimMath.difference(x, y))
                case .mul: r.append(DimMath.product([x, y]))
                case .div: r.append(DimMath.floorQuotient(x, y))
                default: return out
                }
            }
            ctx.setShapeValue(0, r)
            return out
        }
    }
}

import KilnIR

/// Type rules of `ReductionOps`: Reduce*, ArgMax/ArgMin, Softmax family, TopK, CumSum/CumProd.
extension TypeRules {
    static var reductionRules: [String: TypeRule] {
        var t: [String: TypeRule] = [:]
        for k in ReductionOps.Kind.allCases { t[k.rawValue] = reduce(axesInputSince: k.axesInputSince) }
        t["ArgMax"] = argExtreme
        t["ArgMin"] = argExtreme
        for name in ["Softmax", "LogSoftmax", "Hardmax"] { t[name] = softmaxFamily }
        t["TopK"] = topK
        t["CumSum"] = sameAs(0)
        t["CumProd"] = sameAs(0)
        return t
    }

    static func reduce(axesInputSince: Int64) -> TypeRule {
        { ctx in
            let elem = ctx.elementType(0)
            let keep = ctx.int("keepdims", default: 1) != 0
            var spec: InferenceContext.IntsParameter
            if ctx.opsetVersion >= axesInputSince {
                spec = ctx.inputInts(1)
            } else {
                spec = ctx.ints("axes").map { .known($0) } ?? .absent
            }
            if spec == .known([]) { spec = .absent }
            guard let xs = ctx.shape(0) else { return [tensor(elem, nil)] }
            if spec == .absent, ctx.int("noop_with_empty_axes", default: 0) != 0 {
                return [tensor(elem, xs)]
            }
            let axes: Set<Int>
            switch spec {
            case .unknown:
                return [tensor(elem, keep ? [Dim](repeating: .unknown, count: xs.count) : nil)]
            case .absent: axes = Set(0..<xs.count)
            case .known(let a): axes = Set(try ctx.axes(a, rank: xs.count))
            }
            var out: [Dim] = []
            for (i, d) in xs.enumerated() {
                if axes.contains(i) {
                    if keep { out.append(.known(1)) }
                } else {
                    out.append(d)
                }
            }
            return [tensor(elem, out)]
        }
    }

    static let argExtreme: TypeRule = { ctx in
        guard let xs = ctx.shape(0) else { return [tensor(.int64, nil)] }
        let axis = try ctx.axis(ctx.int("axis", default: 0), rank: xs.count)
        var out = xs
        if ctx.int("keepdims", default: 1) != 0 { out[axis] = .known(1) } else { out.remove(at: axis) }
        return [tensor(.int64, out)]
    }

    static let softmaxFamily: TypeRule = { ctx in
        if let r = ctx.rank(0) {
            let a = ctx.int("axis", default: ctx.opsetVersion >= 13 ? -1 : 1)
            if ctx.opsetVersion >= 13 || a != Int64(r) { _ = try ctx.axis(a, rank: r) }
        }
        return [tensor(ctx.elementType(0), ctx.shape(0))]
    }

    static let topK: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let xs = ctx.shape(0) else { return [tensor(elem, nil), tensor(.int64, nil)] }
        let axis = try ctx.axis(ctx.int("axis", default: -1), rank: xs.count)
        var k = Dim.unknown
        if ctx.opsetVersion >= 10 {
            if let v = ctx.shapeValue(1)?.first { k = v }
        } else if let v = ctx.int("k") {
            k = .known(v)
        }
        if let kv = k.value, let d = xs[axis].value, kv < 0 || kv > d {
            throw ctx.fail("k = \(kv) exceeds dimension \(d) of axis \(axis)")
        }
        var out = xs
        out[axis] = k
        return [tensor(elem, out), tensor(.int64, out)]
    }
}

import Foundation
import KilnIR

/// Type rules of `ShapeOps` (same semantics as the kernels in `ShapeOps.swift`). Rules that
/// move shape-like integer tensors (Shape, Concat, Gather, Slice, Squeeze, Unsqueeze, Cast,
/// Reshape) also carry their contents as dims, so `Reshape(x, Concat(Shape(x)[0], -1))` gets
/// an exact `[N, C*H*W]`.
extension TypeRules {
    static var shapeRules: [String: TypeRule] {
        [
            "Reshape": reshape, "Flatten": flatten, "Squeeze": squeeze, "Unsqueeze": unsqueeze,
            "Identity": identity, "Shape": shapeOf, "Size": size, "Transpose": transpose,
            "Concat": concat, "Split": split, "Tile": tile, "Expand": expand, "Range": range,
            "ConstantOfShape": constantOfShape, "EyeLike": eyeLike, "Trilu": sameAs(0),
            "DepthToSpace": depthToSpace(toSpace: true), "SpaceToDepth": depthToSpace(toSpace: false),
        ]
    }

    static let reshape: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        let spec: [Dim]?
        if ctx.opsetVersion >= 5 || ctx.hasInput(1) {
            spec = ctx.shapeValue(1)
            if spec == nil {
                try ctx.requireRank(1, 1...1, "shape input")
                if let n = ctx.shape(1)?.first?.value {
                    return [tensor(elem, [Dim](repeating: .unknown, count: Int(n)))]
                }
                return [tensor(elem, nil)]
            }
        } else {
            spec = ctx.ints("shape").map(known)
        }
        guard let spec else { throw ctx.fail("needs a shape", .rankMismatch) }
        let xs = ctx.shape(0)
        let allowZero = ctx.int("allowzero", default: 0) != 0
        var out: [Dim] = []
        var inferred: Int? = nil
        for (i, d) in spec.enumerated() {
            switch d {
            case .known(0) where !allowZero:
                if let xs {
                    guard i < xs.count else {
                        throw ctx.fail(
                            "shape \(InferenceContext.spell(spec)) copies dim \(i) (0) beyond input rank \(xs.count)",
                            .elementCountMismatch)
                    }
                    out.append(xs[i])
                } else {
                    out.append(.unknown)
                }
            case .known(-1):
                guard inferred == nil else {
                    throw ctx.fail("shape \(InferenceContext.spell(spec)) has more than one -1", .elementCountMismatch)
                }
                inferred = i
                out.append(.unknown)
            case .known(let v) where v < 0:
                throw ctx.fail("shape \(InferenceContext.spell(spec)) has invalid dim \(v)", .elementCountMismatch)
            default:
                out.append(d)
            }
        }
        if let xs {
            let total = DimMath.product(xs)
            if let i = inferred {
                var rest = out
                rest.remove(at: i)
                let r = DimMath.product(rest)
                if let t = total.value, let rv = r.value {
                    guard rv > 0 ? t % rv == 0 : t == 0 else {
                        throw ctx.fail(
                            "cannot reshape \(InferenceContext.spell(xs)) (\(t) elements) to \(InferenceContext.spell(spec))",
                            .elementCountMismatch)
                    }
                    out[i] = rv > 0 ? .known(t / rv) : .unknown
                } else {
                    out[i] = DimMath.quotient(total, r)
                }
            } else if let t = total.value, let o = DimMath.product(out).value, t != o {
                throw ctx.fail(
                    "cannot reshape \(InferenceContext.spell(xs)) (\(t) elements) to \(InferenceContext.spell(spec)) (\(o) elements)",
                    .elementCountMismatch)
            }
        }
        if out.count <= 1, let v = ctx.shapeValue(0) { ctx.setShapeValue(0, v) }
        return [tensor(elem, out)]
    }

    static let flatten: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let xs = ctx.shape(0) else { return [tensor(elem, [.unknown, .unknown])] }
        let r = xs.count
        let a = ctx.int("axis", default: 1)
        guard a >= -Int64(r), a <= Int64(r) else {
            throw ctx.fail("axis \(a) is out of range for rank \(r)", .axisOutOfRange)
        }
        let axis = Int(a < 0 ? a + Int64(r) : a)
        return [tensor(elem, [DimMath.product(Array(xs[..<axis])), DimMath.product(Array(xs[axis...]))])]
    }

    /// Axes of Squeeze/Unsqueeze: attribute before opset 13, input 1 since.
    static func squeezeAxes(_ ctx: InferenceContext) -> InferenceContext.IntsParameter {
        ctx.opsetVersion >= 13 ? ctx.inputInts(1)
            : ctx.ints("axes").map { .known($0) } ?? .absent
    }

    static let squeeze: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        let sv = ctx.shapeValue(0)
        guard let xs = ctx.shape(0) else { return [tensor(elem, nil)] }
        switch squeezeAxes(ctx) {
        case .unknown:
            return [tensor(elem, nil)]
        case .absent:
            guard xs.allSatisfy({ $0.value != nil }) else { return [tensor(elem, nil)] }
            if xs.count == 1, xs[0] == .known(1), let sv { ctx.setShapeValue(0, sv) }
            return [tensor(elem, xs.filter { $0 != .known(1) })]
        case .known(let axes):
            let ax = Set(try ctx.axes(axes, rank: xs.count))
            var out: [Dim] = []
            for (i, d) in xs.enumerated() {
                if ax.contains(i) {
                    if let v = d.value, v != 1 {
                        throw ctx.fail("cannot squeeze axis \(i) of size \(v)")
                    }
                } else {
                    out.append(d)
                }
            }
            if out.isEmpty, let sv { ctx.setShapeValue(0, sv) }
            return [tensor(elem, out)]
        }
    }

    static let unsqueeze: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard case .known(let axes) = squeezeAxes(ctx) else {
            if case .absent = squeezeAxes(ctx) { throw ctx.fail("needs axes", .rankMismatch) }
            return [tensor(elem, nil)]
        }
        guard let xs = ctx.shape(0) else { return [tensor(elem, nil)] }
        let rank = xs.count + axes.count
        let ax = Set(try ctx.axes(axes, rank: rank))
        var out: [Dim] = []
        var j = 0
        for i in 0..<rank {
            if ax.contains(i) {
                out.append(.known(1))
            } else {
                out.append(xs[j])
                j += 1
            }
        }
        if rank <= 1, let sv = ctx.shapeValue(0) { ctx.setShapeValue(0, sv) }
        return [tensor(elem, out)]
    }

    static let identity: TypeRule = { ctx in
        if let sv = ctx.shapeValue(0) { ctx.setShapeValue(0, sv) }
        return [ctx.type(0)]
    }

    static let shapeOf: TypeRule = { ctx in
        guard let xs = ctx.shape(0) else { return [tensor(.int64, [.unknown])] }
        let r = Int64(xs.count)
        func clamp(_ v: Int64) -> Int {
            let a = v < 0 ? v + r : v
            return Int(Swift.min(Swift.max(a, 0), r))
        }
        let start = clamp(ctx.int("start", default: 0))
        let end = ctx.hasAttribute("end") ? clamp(ctx.int("end", default: r)) : Int(r)
        let dims = start < end ? Array(xs[start..<end]) : []
        ctx.setShapeValue(0, dims)
        return [tensor(.int64, [.known(Int64(dims.count))])]
    }

    static let size: TypeRule = { ctx in
        if let xs = ctx.shape(0) { ctx.setShapeValue(0, [DimMath.product(xs)]) }
        return [tensor(.int64, [])]
    }

    static let transpose: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let xs = ctx.shape(0) else {
            if let p = ctx.ints("perm") {
                return [tensor(elem, [Dim](repeating: .unknown, count: p.count))]
            }
            return [tensor(elem, nil)]
        }
        let r = xs.count
        let perm = try ctx.ints("perm").map { try ctx.axes($0, rank: r, "perm entry") }
            ?? Array((0..<r).reversed())
        guard perm.count == r else {
            throw ctx.fail("perm \(perm) has \(perm.count) entries for rank \(r)", .axisOutOfRange)
        }
        return [tensor(elem, perm.map { xs[$0] })]
    }

    static let concat: TypeRule = { ctx in
        var elem: ElementType? = nil
        var shapes: [[Dim]] = []
        var allKnown = true
        for i in 0..<ctx.inputCount where ctx.hasInput(i) {
            _ = try ctx.tensorType(i)
            if let e = ctx.elementType(i) {
                if let p = elem, p != e {
                    throw ctx.fail("inputs mix \(p.name) and \(e.name)", .typeMismatch)
                }
                elem = e
            }
            if let s = ctx.shape(i) { shapes.append(s) } else { allKnown = false }
        }
        guard let first = shapes.first else { return [tensor(elem, nil)] }
        let rank = first.count
        let axis = try ctx.axis(ctx.int("axis", default: 0), rank: rank)
        var out = first
        for (k, s) in shapes.enumerated().dropFirst() {
            guard s.count == rank else {
                throw ctx.fail(
                    "input \(k) has rank \(s.count), input 0 rank \(rank)", .rankMismatch)
            }
            for d in 0..<rank where d != axis {
                out[d] = try ctx.unify(out[d], s[d], "dim \(d) of the inputs")
            }
            out[axis] = DimMath.sum(out[axis], s[axis])
        }
        if !allKnown { out[axis] = .unknown }
        if rank == 1, allKnown {
            var values: [Dim] = []
            for i in 0..<ctx.inputCount where ctx.hasInput(i) {
                guard let v = ctx.shapeValue(i) else { values = []; break }
                values += v
            }
            if !values.isEmpty || out[0] == .known(0) { ctx.setShapeValue(0, values) }
        }
        return [tensor(elem, out)]
    }

    static let split: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        let n = ctx.node.outputs.count
        guard let xs = ctx.shape(0) else {
            return [ValueType?](repeating: tensor(elem, nil), count: n)
        }
        let axis = try ctx.axis(ctx.int("axis", default: 0), rank: xs.count)
        let dim = xs[axis]
        var sizes: [Dim]
        let param = ctx.opsetVersion >= 13 ? ctx.inputInts(1)
            : ctx.ints("split").map { .known($0) } ?? .absent
        switch param {
        case .known(let s):
            guard s.count == n else {
                throw ctx.fail("split has \(s.count) entries for \(n) outputs", .elementCountMismatch)
            }
            if let d = dim.value, s.reduce(0, { $0 &+ $1 }) != d || s.contains(where: { $0 < 0 }) {
                throw ctx.fail("split \(s) does not sum to \(d)", .elementCountMismatch)
            }
            sizes = known(s)
        case .unknown:
            sizes = [Dim](repeating: .unknown, count: n)
        case .absent:
            let parts = ctx.int("num_outputs") ?? Int64(n)
            guard parts > 0 else { throw ctx.fail("num_outputs must be positive") }
            if let d = dim.value {
                let chunk = (d + parts - 1) / parts
                if ctx.int("num_outputs") == nil, d % parts != 0 {
                    throw ctx.fail("dimension \(d) is not divisible into \(parts) outputs", .elementCountMismatch)
                }
                sizes = []
                var left = d
                for _ in 0..<n {
                    sizes.append(.known(Swift.min(chunk, left)))
                    left -= Swift.min(chunk, left)
                }
            } else {
                let even = ctx.int("num_outputs") == nil
                sizes = [Dim](repeating: even ? DimMath.quotient(dim, .known(parts)) : .unknown, count: n)
            }
        }
        return sizes.map { s in
            var o = xs
            o[axis] = s
            return tensor(elem, o)
        }
    }

    static let tile: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let xs = ctx.shape(0) else { return [tensor(elem, nil)] }
        guard let reps = ctx.shapeValue(1) else {
            return [tensor(elem, [Dim](repeating: .unknown, count: xs.count))]
        }
        guard reps.count == xs.count else {
            throw ctx.fail("repeats has \(reps.count) entries for rank \(xs.count)", .rankMismatch)
        }
        return [tensor(elem, zip(xs, reps).map { DimMath.product([$0, $1]) })]
    }

    static let expand: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let target = ctx.shapeValue(1) else {
            if let xs = ctx.shape(0), let n = ctx.shape(1)?.first?.value {
                return [tensor(elem, [Dim](repeating: .unknown, count: Swift.max(xs.count, Int(n))))]
            }
            return [tensor(elem, nil)]
        }
        guard let xs = ctx.shape(0) else { return [tensor(elem, nil)] }
        return [tensor(elem, try ctx.broadcast([xs, target]))]
    }

    static let range: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let s = ctx.constant(0), let l = ctx.constant(1), let d = ctx.constant(2),
            let start = try? s.scalarDouble(), let limit = try? l.scalarDouble(),
            let delta = try? d.scalarDouble()
        else { return [tensor(elem, [.unknown])] }
        guard delta != 0 else { throw ctx.fail("delta is zero") }
        let count = ((limit - start) / delta).rounded(.up)
        guard count.isFinite, count <= Double(Checked.maxElements) else {
            throw ctx.fail("range of \(count) elements is too large", .limitExceeded)
        }
        return [tensor(elem, [.known(Int64(Swift.max(0, count)))])]
    }

    static let constantOfShape: TypeRule = { ctx in
        let elem = ctx.node.attribute("value")?.tensor?.elementType ?? .float32
        if let dims = ctx.shapeValue(0) { return [tensor(elem, dims)] }
        if let n = ctx.shape(0)?.first?.value {
            return [tensor(elem, [Dim](repeating: .unknown, count: Int(n)))]
        }
        return [tensor(elem, nil)]
    }

    static let eyeLike: TypeRule = { ctx in
        try ctx.requireRank(0, 2...2)
        let elem = elementType(code: ctx.int("dtype")) ?? ctx.elementType(0)
        return [tensor(elem, ctx.shape(0))]
    }

    static func depthToSpace(toSpace: Bool) -> TypeRule {
        { ctx in
            let elem = ctx.elementType(0)
            try ctx.requireRank(0, 4...4)
            guard let xs = ctx.shape(0) else { return [tensor(elem, [Dim](repeating: .unknown, count: 4))] }
            let b = ctx.int("blocksize", default: 0)
            guard b > 0 else { throw ctx.fail("blocksize must be positive") }
            let bb = Dim.known(b * b)
            if toSpace {
                if let c = xs[1].value, c % (b * b) != 0 {
                    throw ctx.fail("channels \(c) are not divisible by blocksize² \(b * b)")
                }
                return [tensor(elem, [
                    xs[0], DimMath.quotient(xs[1], bb), DimMath.product([xs[2], .known(b)]),
                    DimMath.product([xs[3], .known(b)]),
                ])]
            }
            for k in 2...3 {
                if let v = xs[k].value, v % b != 0 {
                    throw ctx.fail("dim \(k) (\(v)) is not divisible by blocksize \(b)")
                }
            }
            return [tensor(elem, [
                xs[0], DimMath.product([xs[1], bb]), DimMath.quotient(xs[2], .known(b)),
                DimMath.quotient(xs[3], .known(b)),
            ])]
        }
    }
}

import KilnIR

/// Type rules of `IndexingOps` (Slice, Gather*, Scatter*, Pad, OneHot, NonZero, Compress,
/// ReverseSequence), with the kernels' clamping and index rules.
extension TypeRules {
    static var indexingRules: [String: TypeRule] {
        [
            "Slice": slice, "Gather": gather, "GatherElements": gatherElements,
            "GatherND": gatherND, "ScatterElements": sameAs(0), "Scatter": sameAs(0),
            "ScatterND": sameAs(0), "Pad": pad, "OneHot": oneHot, "NonZero": nonZero,
            "Compress": compress, "ReverseSequence": sameAs(0),
        ]
    }

    /// Length of `start:end:step` over a dim of size `dim`, clamped as ONNX Slice does.
    static func sliceLength(dim: Int64, start: Int64, end: Int64, step: Int64) -> (Int64, Int64) {
        var b = start
        var e = end
        if b < 0 { b = Swift.max(b, -dim) + dim }
        if e < 0 { e = Swift.max(e, -dim - 1) + dim }
        if step > 0 {
            b = Swift.min(Swift.max(b, 0), dim)
            e = Swift.min(Swift.max(e, 0), dim)
            return (e > b ? (e - b - 1) / step + 1 : 0, b)
        }
        b = Swift.min(Swift.max(b, -1), dim - 1)
        e = Swift.min(Swift.max(e, -1), dim - 1)
        let s = step == .min ? Int64.max : -step
        return (b > e ? (b - e - 1) / s + 1 : 0, b)
    }

    static let slice: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let xs = ctx.shape(0) else { return [tensor(elem, nil)] }
        let rank = xs.count
        let starts: [Int64]?
        let ends: [Int64]?
        var axes: [Int64]?
        var steps: [Int64]?
        if ctx.opsetVersion < 10 {
            starts = ctx.ints("starts")
            ends = ctx.ints("ends")
            axes = ctx.ints("axes")
        } else {
            starts = ctx.ints(input: 1)
            ends = ctx.ints(input: 2)
            switch ctx.inputInts(3) {
            case .known(let a): axes = a
            case .unknown: return [tensor(elem, [Dim](repeating: .unknown, count: rank))]
            case .absent: axes = nil
            }
            switch ctx.inputInts(4) {
            case .known(let s): steps = s
            case .unknown: return [tensor(elem, [Dim](repeating: .unknown, count: rank))]
            case .absent: steps = nil
            }
        }
        guard let starts, let ends else {
            if let a = axes {
                // Only the sliced axes become unknown.
                var out = xs
                for i in try ctx.axes(a, rank: rank) { out[i] = .unknown }
                return [tensor(elem, out)]
            }
            return [tensor(elem, [Dim](repeating: .unknown, count: rank))]
        }
        let ax = try ctx.axes(axes ?? (0..<Int64(starts.count)).map { $0 }, rank: rank)
        let st = steps ?? [Int64](repeating: 1, count: starts.count)
        guard ends.count == starts.count, ax.count == starts.count, st.count == starts.count else {
            throw ctx.fail("starts, ends, axes and steps differ in length", .rankMismatch)
        }
        var out = xs
        var valueRange: (Int64, Int64, Int64)? = nil
        for (k, a) in ax.enumerated() {
            guard st[k] != 0 else { throw ctx.fail("step is zero") }
            if let d = xs[a].value {
                let (n, b) = sliceLength(dim: d, start: starts[k], end: ends[k], step: st[k])
                out[a] = .known(n)
                if rank == 1 { valueRange = (b, n, st[k]) }
            } else if starts[k] == 0, st[k] == 1, ends[k] >= Int64(Int32.max) {
                out[a] = xs[a]
            } else if starts[k] >= 0, st[k] == 1, ends[k] >= Int64(Int32.max) {
                out[a] = DimMath.difference(xs[a], .known(starts[k]))
            } else {
                out[a] = .unknown
            }
        }
        if rank == 1, let sv = ctx.shapeValue(0), ax.count == 1 {
            let (b, n, s) = valueRange ?? (0, Int64(sv.count), 1)
            var vals: [Dim] = []
            var i = b
            for _ in 0..<n {
                guard i >= 0, i < Int64(sv.count) else { vals = []; break }
                vals.append(sv[Int(i)])
                i += s
            }
            if vals.count == Int(n) { ctx.setShapeValue(0, vals) }
        }
        return [tensor(elem, out)]
    }

    static let gather: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let xs = ctx.shape(0), let ind = ctx.shape(1) else { return [tensor(elem, nil)] }
        guard !xs.isEmpty else { throw ctx.fail("data must have rank >= 1", .rankMismatch) }
        let axis = try ctx.axis(ctx.int("axis", default: 0), rank: xs.count)
        if let idx = ctx.ints(input: 1), let d = xs[axis].value {
            for i in idx where i < -d || i >= d {
                throw ctx.fail(
                    "index \(i) is out of bounds for axis \(axis) of size \(d)", .axisOutOfRange)
            }
        }
        if xs.count == 1, ind.count <= 1, let sv = ctx.shapeValue(0), let idx = ctx.ints(input: 1) {
            let n = Int64(sv.count)
            var vals: [Dim] = []
            for i in idx {
                let j = i < 0 ? i + n : i
                guard j >= 0, j < n else { vals = []; break }
                vals.append(sv[Int(j)])
            }
            if vals.count == idx.count { ctx.setShapeValue(0, vals) }
        }
        return [tensor(elem, Array(xs[..<axis]) + ind + Array(xs[(axis + 1)...]))]
    }

    static let gatherElements: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        if let xs = ctx.shape(0), let ind = ctx.shape(1) {
            guard xs.count == ind.count else {
                throw ctx.fail("data rank \(xs.count) and indices rank \(ind.count) differ", .rankMismatch)
            }
            _ = try ctx.axis(ctx.int("axis", default: 0), rank: xs.count)
        }
        return [tensor(elem, ctx.shape(1))]
    }

    static let gatherND: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let xs = ctx.shape(0), let ind = ctx.shape(1), let last = ind.last?.value else {
            return [tensor(elem, nil)]
        }
        let b = Int(ctx.int("batch_dims", default: 0))
        guard b >= 0, b < Swift.min(xs.count, ind.count), last >= 1, Int(last) + b <= xs.count
        else {
            throw ctx.fail(
                "indices \(InferenceContext.spell(ind)) do not fit data \(InferenceContext.spell(xs)) with batch_dims \(b)",
                .rankMismatch)
        }
        return [tensor(elem, Array(ind.dropLast()) + Array(xs[(b + Int(last))...]))]
    }

    static let pad: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let xs = ctx.shape(0) else { return [tensor(elem, nil)] }
        let r = xs.count
        let pads: [Int64]
        if ctx.opsetVersion < 11 {
            guard let p = ctx.ints("pads") ?? ctx.ints("paddings") else {
                throw ctx.fail("needs pads", .rankMismatch)
            }
            pads = p
        } else {
            guard case .known(let p) = ctx.inputInts(1) else {
                return [tensor(elem, [Dim](repeating: .unknown, count: r))]
            }
            pads = p
        }
        var axes = Array(0..<r)
        if case .known(let a) = ctx.inputInts(3) {
            axes = try ctx.axes(a, rank: r)
        } else if case .unknown = ctx.inputInts(3) {
            return [tensor(elem, [Dim](repeating: .unknown, count: r))]
        }
        guard pads.count == 2 * axes.count else {
            throw ctx.fail("pads has \(pads.count) entries for \(axes.count) axes", .rankMismatch)
        }
        var out = xs
        for (k, a) in axes.enumerated() {
            let add = pads[k] &+ pads[k + axes.count]
            if let d = xs[a].value {
                let v = d &+ add
                guard v >= 0 else { throw ctx.fail("padding makes axis \(a) negative (\(v))") }
                out[a] = .known(v)
            } else {
                out[a] = add >= 0 ? DimMath.sum(xs[a], .known(add))
                    : DimMath.difference(xs[a], .known(-add))
            }
        }
        return [tensor(elem, out)]
    }

    static let oneHot: TypeRule = { ctx in
        let elem = ctx.elementType(2)
        guard let ind = ctx.shape(0) else { return [tensor(elem, nil)] }
        let rank = ind.count + 1
        let axis = try ctx.axis(ctx.int("axis", default: -1), rank: rank)
        var depth = Dim.unknown
        if let t = ctx.constant(1), let v = try? t.scalarDouble(), v.isFinite, v >= 1,
            v <= Double(Checked.maxElements)
        {
            depth = .known(Int64(v))
        }
        var out = ind
        out.insert(depth, at: axis)
        return [tensor(elem, out)]
    }

    static let nonZero: TypeRule = { ctx in
        [tensor(.int64, [ctx.rank(0).map { .known(Int64($0)) } ?? .unknown, .unknown])]
    }

    static let compress: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let a = ctx.int("axis") else { return [tensor(elem, [.unknown])] }
        guard let xs = ctx.shape(0) else { return [tensor(elem, nil)] }
        var out = xs
        out[try ctx.axis(a, rank: xs.count)] = .unknown
        return [tensor(elem, out)]
    }
}

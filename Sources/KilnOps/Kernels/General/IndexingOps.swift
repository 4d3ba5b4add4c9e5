import Foundation
import KilnIR

/// Visits every multi-index of `dims` in row-major order.
@inline(__always)
func forEachIndex(_ dims: [Int], _ body: (_ linear: Int, _ index: [Int]) throws -> Void) rethrows {
    let n = dims.reduce(1, *)
    if n == 0 { return }
    var idx = [Int](repeating: 0, count: dims.count)
    for i in 0..<n {
        try body(i, idx)
        var k = dims.count - 1
        while k >= 0 {
            idx[k] += 1
            if idx[k] < dims[k] { break }
            idx[k] = 0
            k -= 1
        }
    }
}

/// Normalizes a possibly negative index into `0..<dim` or throws.
func checkedIndex(_ i: Int64, _ dim: Int, _ c: KernelContext) throws -> Int {
    let j = i < 0 ? i + Int64(dim) : i
    guard j >= 0, j < Int64(dim) else {
        throw c.fail("index \(i) is out of bounds for a dimension of size \(dim)")
    }
    return Int(j)
}

/// Slice's operands resolved against X: the first element and step along every axis and the
/// output shape (negative and out-of-range starts/ends clamped as ONNX specifies).
package func sliceGeometry(_ c: KernelContext) throws
    -> (x: Tensor, begin: [Int64], step: [Int64], outShape: [Int64])
{
        let x = try c.tensor(0)
        let rank = x.shape.count
        let starts: [Int64]
        let ends: [Int64]
        var axes: [Int64]?
        var steps: [Int64]?
        if c.opsetVersion < 10 {
            starts = c.ints("starts") ?? []
            ends = c.ints("ends") ?? []
            axes = c.ints("axes")
        } else {
            starts = try c.tensor(1).int64s()
            ends = try c.tensor(2).int64s()
            axes = try c.optionalInts(3)
            steps = try c.optionalInts(4)
        }
        let ax = try Axis.normalize(
            axes ?? (0..<Int64(starts.count)).map { $0 }, rank: rank, op: "Slice")
        let st = steps ?? [Int64](repeating: 1, count: starts.count)
        guard ends.count == starts.count, ax.count == starts.count, st.count == starts.count
        else { throw c.fail("starts, ends, axes and steps differ in length") }
        var begin = [Int64](repeating: 0, count: rank)
        var step = [Int64](repeating: 1, count: rank)
        var outShape = x.shape
        for (k, a) in ax.enumerated() {
            let dim = x.shape[a]
            guard st[k] != 0 else { throw c.fail("step is zero") }
            // A step longer than the axis selects at most one element whatever its size;
            // clamping it keeps `e - b + s` and `-s` below overflow (INT64_MIN, INT64_MAX).
            let reach = Swift.max(dim, 1)
            let s = Swift.min(Swift.max(st[k], -reach), reach)
            var b = starts[k]
            var e = ends[k]
            if b < 0 { b = Swift.max(b, -dim) + dim }
            if e < 0 { e = Swift.max(e, -dim - 1) + dim }
            if s > 0 {
                b = Swift.min(Swift.max(b, 0), dim)
                e = Swift.min(Swift.max(e, 0), dim)
                outShape[a] = e > b ? (e - b + s - 1) / s : 0
            } else {
                b = Swift.min(Swift.max(b, -1), dim - 1)
                e = Swift.min(Swift.max(e, -1), dim - 1)
                outShape[a] = b > e ? (b - e + (-s) - 1) / (-s) : 0
            }
            begin[a] = b
            step[a] = s
        }
    return (x, begin, step, outShape)
}

/// Slice, Gather, GatherElements, GatherND, Scatter, ScatterElements, ScatterND, Pad, OneHot,
/// NonZero, Compress, ReverseSequence.
enum IndexingOps {
    static let all: [any OpDefinition] = [
        ClosureOp("Slice") { c in
            let (x, begin, step, outShape) = try sliceGeometry(c)
            let rank = x.shape.count
            let strides = rowMajorStrides(x.dims)
            var idx: [Int] = []
            idx.reserveCapacity(try Checked.product(outShape))
            forEachIndex(outShape.map { Int($0) }) { _, i in
                var lin = 0
                for d in 0..<rank { lin += Int(begin[d] + Int64(i[d]) * step[d]) * strides[d] }
                idx.append(lin)
            }
            return [.tensor(x.gathered(idx, shape: outShape))]
        },
        ClosureOp("Gather") { c in
            let x = try c.tensor(0)
            let ind = try c.tensor(1)
            let axis = try Axis.normalize(
                c.int("axis", default: 0), rank: x.shape.count, op: "Gather")
            let d = x.dims
            let outer = d[..<axis].reduce(1, *)
            let inner = d[(axis + 1)...].reduce(1, *)
            let iv = try ind.int64s().map { try checkedIndex($0, d[axis], c) }
            var idx: [Int] = []
            idx.reserveCapacity(outer * iv.count * inner)
            for o in 0..<outer {
                for j in iv {
                    let base = (o * d[axis] + j) * inner
                    for k in 0..<inner { idx.append(base + k) }
                }
            }
            let shape = Array(x.shape[..<axis]) + ind.shape + Array(x.shape[(axis + 1)...])
            return [.tensor(x.gathered(idx, shape: shape))]
        },
        ClosureOp("GatherElements") { c in
            let x = try c.tensor(0)
            let ind = try c.tensor(1)
            let axis = try Axis.normalize(
                c.int("axis", default: 0), rank: x.shape.count, op: "GatherElements")
            guard ind.shape.count == x.shape.count else { throw c.fail("rank mismatch") }
            // Off the gather axis, positions come from the indices' own shape: they must stay
            // inside X (found by fuzzing: a larger dim read past the end of X).
            for d in 0..<x.shape.count where d != axis && ind.shape[d] > x.shape[d] {
                throw c.fail("indices dimension \(d) is \(ind.shape[d]), larger than X's \(x.shape[d])")
            }
            let iv = try ind.int64s()
            let xs = rowMajorStrides(x.dims)
            var idx: [Int] = []
            idx.reserveCapacity(iv.count)
            try forEachIndex(ind.dims) { lin, i in
                var off = 0
                for d in 0..<i.count {
                    off += (d == axis ? try checkedIndex(iv[lin], x.dims[axis], c) : i[d]) * xs[d]
                }
                idx.append(off)
            }
            return [.tensor(x.gathered(idx, shape: ind.shape))]
        },
        ClosureOp("GatherND") { c in
            let x = try c.tensor(0)
            let ind = try c.tensor(1)
            let b = Int(c.int("batch_dims", default: 0))
            let (idx, shape) = try gatherNDIndices(x, ind, batchDims: b, c)
            return [.tensor(x.gathered(idx, shape: shape))]
        },
        ClosureOp("ScatterElements") { c in try [.tensor(scatterElements(c))] },
        ClosureOp("Scatter") { c in try [.tensor(scatterElements(c))] },
        ClosureOp("ScatterND") { c in
            let x = try c.tensor(0)
            let ind = try c.tensor(1)
            let upd = try c.tensor(2)
            let k = Int(ind.shape.last ?? 0)
            let iv = try ind.int64s()
            let xd = x.dims
            let xs = rowMajorStrides(xd)
            let slice = xd[k...].reduce(1, *)
            let count = (ind.elementCount ?? 0) / Swift.max(k, 1)
            var targets: [Int] = []
            for q in 0..<count {
                var off = 0
                for j in 0..<k { off += try checkedIndex(iv[q * k + j], xd[j], c) * xs[j] }
                for s in 0..<slice { targets.append(off + s) }
            }
            return [
                .tensor(
                    try scatter(x, upd, targets: targets, c.string("reduction", default: "none"), c)
                )
            ]
        },
        ClosureOp("Pad") { c in try [.tensor(pad(c))] },
        ClosureOp("OneHot") { c in
            let ind = try c.tensor(0)
            let depthValue = try c.tensor(1).scalarDouble()
            guard depthValue.isFinite, depthValue >= 1, depthValue <= Double(Checked.maxElements)
            else { throw c.fail("depth must be a positive number of classes, got \(depthValue)") }
            let depth = Int(depthValue)
            let values = try c.tensor(2)
            let rank = ind.shape.count + 1
            let axis = try Axis.normalize(c.int("axis", default: -1), rank: rank, op: "OneHot")
            let iv = try ind.doubles().map { Int64($0) }
            var shape = ind.shape
            shape.insert(Int64(depth), at: axis)
            let inner = ind.dims[axis...].reduce(1, *)
            var idx: [Int] = []
            forEachIndex(shape.map { Int($0) }) { _, i in
                var src = 0
                var m = 1
                for d in stride(from: rank - 1, through: 0, by: -1) where d != axis {
                    src += i[d] * m
                    m *= Int(shape[d])
                }
                _ = inner
                var v = iv[src]
                if v < 0 { v += Int64(depth) }
                idx.append(v == Int64(i[axis]) ? 1 : 0)
            }
            return [.tensor(values.gathered(idx, shape: shape))]
        },
        ClosureOp("NonZero") { c in
            let x = try c.tensor(0)
            let v =
                try x.elementType == .string ? x.strings.map { $0.isEmpty ? 0 : 1 } : x.doubles()
            var coords: [[Int]] = []
            forEachIndex(x.dims) { lin, i in if v[lin] != 0 { coords.append(i) } }
            let r = x.shape.count
            var out = [Int64](repeating: 0, count: r * coords.count)
            for (j, co) in coords.enumerated() {
                for d in 0..<r { out[d * coords.count + j] = Int64(co[d]) }
            }
            return [.tensor(Tensor(shape: [Int64(r), Int64(coords.count)], elements: out))]
        },
        ClosureOp("Compress") { c in
            let x = try c.tensor(0)
            let cond = try c.tensor(1).elements(as: Bool.self)
            if let a = c.int("axis") {
                let axis = try Axis.normalize(a, rank: x.shape.count, op: "Compress")
                let keep = (0..<Swift.min(cond.count, x.dims[axis])).filter { cond[$0] }
                let d = x.dims
                let outer = d[..<axis].reduce(1, *)
                let inner = d[(axis + 1)...].reduce(1, *)
                var idx: [Int] = []
                for o in 0..<outer {
                    for j in keep {
                        for k in 0..<inner { idx.append((o * d[axis] + j) * inner + k) }
                    }
                }
                var shape = x.shape
                shape[axis] = Int64(keep.count)
                return [.tensor(x.gathered(idx, shape: shape))]
            }
            let n = x.elementCount ?? 0
            let keep = (0..<Swift.min(cond.count, n)).filter { cond[$0] }
            return [.tensor(x.gathered(keep, shape: [Int64(keep.count)]))]
        },
        ClosureOp("ReverseSequence") { c in
            let x = try c.tensor(0)
            let lens = try c.tensor(1).int64s()
            let ba = Int(c.int("batch_axis", default: 1))
            let ta = Int(c.int("time_axis", default: 0))
            let st = rowMajorStrides(x.dims)
            var idx: [Int] = []
            forEachIndex(x.dims) { _, i in
                var j = i
                let l = Int(lens[i[ba]])
                if i[ta] < l { j[ta] = l - 1 - i[ta] }
                idx.append(zip(j, st).reduce(0) { $0 + $1.0 * $1.1 })
            }
            return [.tensor(x.gathered(idx, shape: x.shape))]
        },
    ]

    static func gatherNDIndices(_ x: Tensor, _ ind: Tensor, batchDims b: Int, _ c: KernelContext)
        throws -> ([Int], [Int64])
    {
        let k = Int(ind.shape.last ?? 0)
        let xd = x.dims
        guard k + b <= xd.count else { throw c.fail("index depth too large") }
        let iv = try ind.int64s()
        let batch = xd[..<b].reduce(1, *)
        let perBatchX = xd[b...].reduce(1, *)
        let slice = xd[(b + k)...].reduce(1, *)
        let tuples = (ind.elementCount ?? 0) / Swift.max(k, 1)
        let tuplesPerBatch = tuples / Swift.max(batch, 1)
        let xs = rowMajorStrides(Array(xd[b...]))
        var idx: [Int] = []
        for q in 0..<tuples {
            let bi = tuplesPerBatch == 0 ? 0 : q / tuplesPerBatch
            var off = bi * perBatchX
            for j in 0..<k { off += try checkedIndex(iv[q * k + j], xd[b + j], c) * xs[j] }
            for s in 0..<slice { idx.append(off + s) }
        }
        let shape = Array(ind.shape.dropLast()) + Array(x.shape[(b + k)...])
        return (idx, shape)
    }

    static func scatterElements(_ c: KernelContext) throws -> Tensor {
        let x = try c.tensor(0)
        let ind = try c.tensor(1)
        let upd = try c.tensor(2)
        let axis = try Axis.normalize(
            c.int("axis", default: 0), rank: x.shape.count, op: c.node.opType)
        guard ind.shape.count == x.shape.count, upd.shape == ind.shape else {
            throw c.fail("indices and updates must have X's rank and the same shape")
        }
        for d in 0..<x.shape.count where d != axis && ind.shape[d] > x.shape[d] {
            throw c.fail("indices dimension \(d) is \(ind.shape[d]), larger than X's \(x.shape[d])")
        }
        let iv = try ind.int64s()
        let xs = rowMajorStrides(x.dims)
        var targets: [Int] = []
        try forEachIndex(ind.dims) { lin, i in
            var off = 0
            for d in 0..<i.count {
                off += (d == axis ? try checkedIndex(iv[lin], x.dims[axis], c) : i[d]) * xs[d]
            }
            targets.append(off)
        }
        return try scatter(x, upd, targets: targets, c.string("reduction", default: "none"), c)
    }

    /// Writes update `j` to element `targets[j]` of `x`, combining per `reduction`.
    static func scatter(
        _ x: Tensor, _ upd: Tensor, targets: [Int], _ reduction: String, _ c: KernelContext
    ) throws -> Tensor {
        guard upd.elementType == x.elementType else { throw c.fail("updates type differs") }
        let n = x.elementCount ?? 0
        if reduction == "none" {
            var idx = Array(0..<n)
            for (j, t) in targets.enumerated() { idx[t] = n + j }
            let src = x.reshaped([Int64(n)]).appendingElements(of: upd)
            return src.gathered(idx, shape: x.shape)
        }
        let combine: (Double, Double) -> Double
        switch reduction {
        case "add": combine = { $0 + $1 }
        case "mul": combine = { $0 * $1 }
        case "max": combine = { Swift.max($0, $1) }
        case "min": combine = { Swift.min($0, $1) }
        default: throw c.fail("unknown reduction '\(reduction)'")
        }
        var v = try x.doubles()
        let u = try upd.doubles()
        for (j, t) in targets.enumerated() { v[t] = combine(v[t], u[j]) }
        return try Tensor.fromDoubles(v, shape: x.shape, as: x.elementType)
    }

    static func pad(_ c: KernelContext) throws -> Tensor {
        let x = try c.tensor(0)
        let rank = x.shape.count
        let mode = c.string("mode", default: "constant")
        var pads: [Int64]
        var value: Tensor? = nil
        if c.opsetVersion < 11 {
            pads = c.ints("pads") ?? []
            value = try Tensor.fromDoubles(
                [Double(c.float("value", default: 0))], shape: [], as: x.elementType)
        } else {
            pads = try c.tensor(1).int64s()
            value = try c.optionalTensor(2)
            if let axes = try c.optionalInts(3) {
                let ax = try Axis.normalize(axes, rank: rank, op: "Pad")
                var full = [Int64](repeating: 0, count: 2 * rank)
                for (k, a) in ax.enumerated() {
                    full[a] = pads[k]
                    full[a + rank] = pads[k + ax.count]
                }
                pads = full
            }
        }
        guard pads.count == 2 * rank else {
            throw c.fail("pads has \(pads.count) values for rank \(rank)")
        }
        let d = x.dims
        let outShape = try (0..<rank).map { i -> Int64 in
            let s = try Checked.add(try Checked.add(x.shape[i], pads[i]), pads[i + rank])
            guard s >= 0 else { throw c.fail("negative output dimension") }
            return s
        }
        let n = x.elementCount ?? 0
        let fill =
            try value.map { $0.element(at: 0) }
            ?? Tensor.fromDoubles(
                [0], shape: [], as: x.elementType == .string ? .float32 : x.elementType)
        let src = x.reshaped([Int64(n)]).appendingElements(of: fill)
        let st = rowMajorStrides(d)
        var idx: [Int] = []
        idx.reserveCapacity(try Checked.product(outShape))
        try forEachIndex(outShape.map { Int($0) }) { _, i in
            var lin = 0
            var outside = false
            for k in 0..<rank {
                var j = i[k] - Int(pads[k])
                let dim = d[k]
                if j < 0 || j >= dim {
                    switch mode {
                    case "constant": outside = true
                    case "edge": j = Swift.min(Swift.max(j, 0), dim - 1)
                    case "wrap": j = ((j % dim) + dim) % dim
                    case "reflect":
                        if dim == 1 {
                            j = 0
                        } else {
                            let period = 2 * (dim - 1)
                            j = ((j % period) + period) % period
                            if j >= dim { j = period - j }
                        }
                    default: throw c.fail("unknown mode '\(mode)'")
                    }
                }
                if outside { break }
                lin += j * st[k]
            }
            idx.append(outside ? n : lin)
        }
        return src.gathered(idx, shape: outShape)
    }
}

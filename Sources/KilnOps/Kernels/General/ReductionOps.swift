import Foundation
import KilnIR

/// Splits `dims` around `axis` into (outer, dim, inner) counts.
func aroundAxis(_ dims: [Int], _ axis: Int) -> (outer: Int, dim: Int, inner: Int) {
    (dims[..<axis].reduce(1, *), dims[axis], dims[(axis + 1)...].reduce(1, *))
}

/// The Reduce* family, ArgMax/ArgMin, Softmax/LogSoftmax/Hardmax, TopK, CumSum/CumProd.
enum ReductionOps {
    enum Kind: String, CaseIterable {
        case sum = "ReduceSum", mean = "ReduceMean", max = "ReduceMax", min = "ReduceMin"
        case prod = "ReduceProd", l1 = "ReduceL1", l2 = "ReduceL2", logSum = "ReduceLogSum"
        case logSumExp = "ReduceLogSumExp", sumSquare = "ReduceSumSquare"

        /// Opset from which `axes` is an input instead of an attribute.
        var axesInputSince: Int64 { self == .sum ? 13 : 18 }
    }

    static var all: [any OpDefinition] {
        var ops: [any OpDefinition] = Kind.allCases.map { k in
            ClosureOp(k.rawValue) { c in try [.tensor(reduce(c, k))] }
        }
        ops += [
            ClosureOp("ArgMax") { c in try [.tensor(argExtreme(c, max: true))] },
            ClosureOp("ArgMin") { c in try [.tensor(argExtreme(c, max: false))] },
            ClosureOp("Softmax") { c in try [.tensor(softmax(c, mode: 0))] },
            ClosureOp("LogSoftmax") { c in try [.tensor(softmax(c, mode: 1))] },
            ClosureOp("Hardmax") { c in try [.tensor(softmax(c, mode: 2))] },
            ClosureOp("TopK") { c in try topK(c) },
            ClosureOp("CumSum") { c in try [.tensor(cumulative(c, product: false))] },
            ClosureOp("CumProd") { c in try [.tensor(cumulative(c, product: true))] },
        ]
        return ops
    }

    static func reduce(_ c: KernelContext, _ kind: Kind) throws -> Tensor {
        let x = try c.tensor(0)
        let rank = x.shape.count
        let keep = c.int("keepdims", default: 1) != 0
        var axesSpec: [Int64]?
        if c.opsetVersion >= kind.axesInputSince {
            axesSpec = try c.optionalInts(1)
        } else {
            axesSpec = c.ints("axes")
        }
        if axesSpec?.isEmpty == true { axesSpec = nil }
        if axesSpec == nil && c.int("noop_with_empty_axes", default: 0) != 0 {
            return x
        }
        let axes = Set(
            try Axis.normalize(
                axesSpec ?? (0..<Int64(rank)).map { $0 }, rank: rank, op: kind.rawValue))
        let d = x.dims
        var outDims: [Int] = []
        var keptShape: [Int64] = []
        for i in 0..<rank {
            if axes.contains(i) {
                keptShape.append(1)
                if keep { outDims.append(1) }
            } else {
                keptShape.append(x.shape[i])
                outDims.append(d[i])
            }
        }
        let outCount = keptShape.reduce(1) { $0 * Int($1) }
        let kst = rowMajorStrides(keptShape.map { Int($0) })
        var ost = [Int](repeating: 0, count: rank)
        for i in 0..<rank where !axes.contains(i) { ost[i] = kst[i] }
        let initial: Double
        switch kind {
        case .prod: initial = 1
        case .max: initial = x.elementType == .bool ? 0 : -.infinity
        case .min: initial = x.elementType == .bool ? 1 : .infinity
        default: initial = 0
        }
        var acc = [Double](repeating: initial, count: outCount)
        let isInt = x.elementType.isInteger
        if isInt && (kind == .max || kind == .min) {
            // Exact for 64-bit integers.
            let v = try x.int64s()
            var ia = [Int64](repeating: kind == .max ? .min : .max, count: outCount)
            forEachIndex(d) { lin, i in
                var o = 0
                for k in 0..<rank { o += i[k] * ost[k] }
                ia[o] = kind == .max ? Swift.max(ia[o], v[lin]) : Swift.min(ia[o], v[lin])
            }
            return try Tensor.fromInt64s(
                ia, shape: keep ? keptShape : outDims.map(Int64.init), as: x.elementType)
        }
        let v = try x.doubles()
        var maxSeen = [Double](repeating: -.infinity, count: kind == .logSumExp ? outCount : 0)
        if kind == .logSumExp {
            forEachIndex(d) { lin, i in
                var o = 0
                for k in 0..<rank { o += i[k] * ost[k] }
                maxSeen[o] = Swift.max(maxSeen[o], v[lin])
            }
        }
        forEachIndex(d) { lin, i in
            var o = 0
            for k in 0..<rank { o += i[k] * ost[k] }
            let e = v[lin]
            switch kind {
            case .sum, .mean, .logSum: acc[o] += e
            case .prod: acc[o] *= e
            case .max: acc[o] = e.isNaN || acc[o].isNaN ? .nan : Swift.max(acc[o], e)
            case .min: acc[o] = e.isNaN || acc[o].isNaN ? .nan : Swift.min(acc[o], e)
            case .l1: acc[o] += Swift.abs(e)
            case .l2, .sumSquare: acc[o] += e * e
            case .logSumExp:
                let m = maxSeen[o].isFinite ? maxSeen[o] : 0
                acc[o] += Foundation.exp(e - m)
            }
        }
        let reduced = d.enumerated().filter { axes.contains($0.offset) }.reduce(1) {
            $0 * $1.element
        }
        for o in 0..<outCount {
            switch kind {
            case .mean: acc[o] /= Double(reduced)
            case .l2: acc[o] = acc[o].squareRoot()
            case .logSum: acc[o] = Foundation.log(acc[o])
            case .logSumExp:
                let m = maxSeen[o].isFinite ? maxSeen[o] : 0
                acc[o] = Foundation.log(acc[o]) + m
            default: break
            }
        }
        let shape = keep ? keptShape : outDims.map(Int64.init)
        if isInt && kind == .mean {
            acc = acc.map { $0.rounded(.towardZero) }
        }
        return try Tensor.fromDoubles(acc, shape: shape, as: x.elementType)
    }

    static func argExtreme(_ c: KernelContext, max: Bool) throws -> Tensor {
        let x = try c.tensor(0)
        let axis = try Axis.normalize(
            c.int("axis", default: 0), rank: x.shape.count, op: c.node.opType)
        let keep = c.int("keepdims", default: 1) != 0
        let last = c.int("select_last_index", default: 0) != 0
        let v = try x.doubles()
        let (outer, dim, inner) = aroundAxis(x.dims, axis)
        var out = [Int64](repeating: 0, count: outer * inner)
        for o in 0..<outer {
            for i in 0..<inner {
                var best = 0
                var bv = v.isEmpty ? 0 : v[o * dim * inner + i]
                for j in 1..<Swift.max(dim, 1) {
                    let e = v[(o * dim + j) * inner + i]
                    let better = max ? (e > bv || (last && e == bv)) : (e < bv || (last && e == bv))
                    if better {
                        best = j
                        bv = e
                    }
                }
                out[o * inner + i] = Int64(best)
            }
        }
        var shape = x.shape
        if keep { shape[axis] = 1 } else { shape.remove(at: axis) }
        return Tensor(shape: shape, elements: out)
    }

    /// mode 0 softmax, 1 log-softmax, 2 hardmax.
    static func softmax(_ c: KernelContext, mode: Int) throws -> Tensor {
        let x = try c.tensor(0)
        let rank = x.shape.count
        let v = try x.doubles()
        var out = [Double](repeating: 0, count: v.count)
        let type = x.elementType
        let lowp = type == .float16 || type == .bfloat16
        let rnd = { (d: Double) in roundedTo(type, d) }
        let outer: Int
        let dim: Int
        let inner: Int
        if c.opsetVersion < 13 {
            let a = c.int("axis", default: 1)
            let axis = Int(a < 0 ? a + Int64(rank) : a)
            outer = x.dims[..<axis].reduce(1, *)
            dim = x.dims[axis...].reduce(1, *)
            inner = 1
        } else {
            let axis = try Axis.normalize(c.int("axis", default: -1), rank: rank, op: c.node.opType)
            (outer, dim, inner) = aroundAxis(x.dims, axis)
        }
        for o in 0..<outer {
            for i in 0..<inner {
                let idx = { (j: Int) in (o * dim + j) * inner + i }
                var m = -Double.infinity
                var arg = 0
                for j in 0..<dim where v[idx(j)] > m {
                    m = v[idx(j)]
                    arg = j
                }
                if mode == 2 {
                    for j in 0..<dim { out[idx(j)] = j == arg ? 1 : 0 }
                    continue
                }
                if mode == 0, lowp {
                    // Round each step as the ONNX reference does in float16/bfloat16.
                    var e = [Double](repeating: 0, count: dim)
                    var s = 0.0
                    for j in 0..<dim {
                        e[j] = rnd(Foundation.exp(rnd(v[idx(j)] - m)))
                        s = type == .bfloat16 ? rnd(s + e[j]) : s + e[j]
                    }
                    s = rnd(s)
                    for j in 0..<dim { out[idx(j)] = rnd(e[j] / s) }
                    continue
                }
                var s = 0.0
                for j in 0..<dim { s += Foundation.exp(v[idx(j)] - m) }
                for j in 0..<dim {
                    out[idx(j)] =
                        mode == 0
                        ? Foundation.exp(v[idx(j)] - m) / s : v[idx(j)] - m - Foundation.log(s)
                }
            }
        }
        return try Tensor.fromDoubles(out, shape: x.shape, as: x.elementType)
    }

    static func topK(_ c: KernelContext) throws -> [Value] {
        let x = try c.tensor(0)
        let k = try c.optionalInts(1)?.first ?? c.int("k") ?? 0
        let axis = try Axis.normalize(c.int("axis", default: -1), rank: x.shape.count, op: "TopK")
        let largest = c.int("largest", default: 1) != 0
        let (outer, dim, inner) = aroundAxis(x.dims, axis)
        guard k >= 0, k <= Int64(dim) else { throw c.fail("k = \(k) exceeds dimension \(dim)") }
        let kk = Int(k)
        let v = try x.doubles()
        var srcIdx: [Int] = []
        var outIdx = [Int64](repeating: 0, count: outer * kk * inner)
        srcIdx = [Int](repeating: 0, count: outer * kk * inner)
        for o in 0..<outer {
            for i in 0..<inner {
                let order = (0..<dim).sorted { a, b in
                    let va = v[(o * dim + a) * inner + i]
                    let vb = v[(o * dim + b) * inner + i]
                    if va != vb { return largest ? va > vb : va < vb }
                    return a < b
                }
                for j in 0..<kk {
                    let p = (o * kk + j) * inner + i
                    outIdx[p] = Int64(order[j])
                    srcIdx[p] = (o * dim + order[j]) * inner + i
                }
            }
        }
        var shape = x.shape
        shape[axis] = k
        return [
            .tensor(x.gathered(srcIdx, shape: shape)),
            .tensor(Tensor(shape: shape, elements: outIdx)),
        ]
    }

    static func cumulative(_ c: KernelContext, product: Bool) throws -> Tensor {
        let x = try c.tensor(0)
        guard let a = try c.optionalInts(1)?.first else { throw c.fail("needs an axis") }
        let axis = try Axis.normalize(a, rank: x.shape.count, op: c.node.opType)
        let exclusive = c.int("exclusive", default: 0) != 0
        let reverse = c.int("reverse", default: 0) != 0
        let (outer, dim, inner) = aroundAxis(x.dims, axis)
        let isInt = x.elementType.isInteger
        let v = try x.doubles()
        let vi = isInt ? try x.int64s() : []
        var out = [Double](repeating: 0, count: v.count)
        var outI = [Int64](repeating: 0, count: vi.count)
        for o in 0..<outer {
            for i in 0..<inner {
                var acc: Double = product ? 1 : 0
                var accI: Int64 = product ? 1 : 0
                for s in 0..<dim {
                    let j = reverse ? dim - 1 - s : s
                    let p = (o * dim + j) * inner + i
                    if exclusive {
                        out[p] = acc
                        if isInt { outI[p] = accI }
                    }
                    acc = product ? acc * v[p] : acc + v[p]
                    if isInt { accI = product ? accI &* vi[p] : accI &+ vi[p] }
                    if !exclusive {
                        out[p] = acc
                        if isInt { outI[p] = accI }
                    }
                }
            }
        }
        if isInt { return try Tensor.fromInt64s(outI, shape: x.shape, as: x.elementType) }
        if x.elementType == .float32 {
            // Accumulate in float32 like the reference implementation.
            let f = try x.elements(as: Float.self)
            var r = [Float](repeating: 0, count: f.count)
            for o in 0..<outer {
                for i in 0..<inner {
                    var acc: Float = product ? 1 : 0
                    for s in 0..<dim {
                        let j = reverse ? dim - 1 - s : s
                        let p = (o * dim + j) * inner + i
                        if exclusive { r[p] = acc }
                        acc = product ? acc * f[p] : acc + f[p]
                        if !exclusive { r[p] = acc }
                    }
                }
            }
            return Tensor(shape: x.shape, elements: r)
        }
        return try Tensor.fromDoubles(out, shape: x.shape, as: x.elementType)
    }
}

import CKilnKernels
import Foundation
import KilnIR
import KilnOps

// Float32 fast paths for Softmax/LogSoftmax (over the last axis), ArgMax/ArgMin (any axis)
// and Erf. Each handles the common layout and hands everything else to the standard op it
// replaces. ArgMax/ArgMin are bit-identical to the reference (same comparisons); Softmax and
// Erf compute in float32 with polynomial exp/erf (as onnxruntime's MLAS does) where the
// reference computes in double, within a few ulps (checked by NNFastElementwiseTests).

/// Reads a float32 tensor's payload in place (copying when unaligned).
private func floats<R>(_ t: Tensor, _ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows
    -> R
{
    if let copy = t.values(as: Float.self) {
        return try copy.withUnsafeBufferPointer(body)
    }
    return try body(UnsafeBufferPointer(start: nil, count: 0))
}

private func isPlain(_ t: Tensor) -> Bool {
    t.elementType == .float32 && t.elementCount.map { $0 * 4 == t.data.count } == true
}

/// `Softmax` / `LogSoftmax` on float32 over the last axis (for opset < 13 the coerced 2-D
/// form is the same when the axis is the last one).
struct FastSoftmax: KernelVariant {
    let log: Bool
    var domain: String { "" }
    var opType: String { log ? "LogSoftmax" : "Softmax" }

    func run(ifSupported context: KernelContext) throws -> [Value]? {
        let x = try context.tensor(0)
        let rank = x.shape.count
        guard isPlain(x), rank >= 1, let n = x.elementCount, let last = x.shape.last, last > 0
        else { return nil }
        let axisAttr = context.int("axis", default: context.opsetVersion < 13 ? 1 : -1)
        guard let axis = try? Axis.normalize(axisAttr, rank: rank, op: opType), axis == rank - 1
        else { return nil }
        let dim = Int(last)
        var out = [Float](repeating: 0, count: n)
        let logSoftmax: Int32 = log ? 1 : 0
        floats(x) { xp in
            out.withUnsafeMutableBufferPointer { yp in
                guard let src = xp.baseAddress, let dst = yp.baseAddress else { return }
                ckiln_softmax_rows(0, src, dst, n / dim, dim, logSoftmax)
            }
        }
        return [.tensor(Tensor(shape: x.shape, values: out))]
    }
}

/// `ArgMax` / `ArgMin` on float32 (any axis, keepdims, select_last_index).
struct FastArgExtreme: KernelVariant {
    let max: Bool
    var domain: String { "" }
    var opType: String { max ? "ArgMax" : "ArgMin" }

    func run(ifSupported context: KernelContext) throws -> [Value]? {
        let x = try context.tensor(0)
        guard isPlain(x), !x.shape.isEmpty, x.elementCount ?? 0 > 0 else {
            return nil
        }
        let axis = try Axis.normalize(
            context.int("axis", default: 0), rank: x.shape.count, op: opType)
        let keep = context.int("keepdims", default: 1) != 0
        let last = context.int("select_last_index", default: 0) != 0
        let dims = x.shape.map { Int($0) }
        let outer = dims[..<axis].reduce(1, *)
        let dim = dims[axis]
        let inner = dims[(axis + 1)...].reduce(1, *)
        var out = [Int64](repeating: 0, count: outer * inner)
        let isMax = max
        floats(x) { v in
            for o in 0..<outer {
                for i in 0..<inner {
                    let base = o * dim * inner + i
                    var best = 0
                    var bv = v[base]
                    for j in 1..<Swift.max(dim, 1) {
                        let e = v[base + j * inner]
                        let better =
                            isMax ? (e > bv || (last && e == bv)) : (e < bv || (last && e == bv))
                        if better {
                            best = j
                            bv = e
                        }
                    }
                    out[o * inner + i] = Int64(best)
                }
            }
        }
        var shape = x.shape
        if keep { shape[axis] = 1 } else { shape.remove(at: axis) }
        return [.tensor(Tensor(shape: shape, values: out))]
    }
}

/// `Erf` on float32 with MLAS's algorithm (vectorised C).
struct FastErf: KernelVariant {
    var domain: String { "" }
    var opType: String { "Erf" }

    func run(ifSupported context: KernelContext) throws -> [Value]? {
        let x = try context.tensor(0)
        guard isPlain(x), let n = x.elementCount else { return nil }
        var out = [Float](repeating: 0, count: n)
        floats(x) { v in
            out.withUnsafeMutableBufferPointer { yp in
                guard let src = v.baseAddress, let dst = yp.baseAddress else { return }
                ckiln_erf(0, src, dst, n)
            }
        }
        return [.tensor(Tensor(shape: x.shape, values: out))]
    }
}

/// `ReduceMean` / `ReduceSum` on float32 over a trailing block of axes (global pooling, the
/// mean of a LayerNorm): each output sums one contiguous row in double, in the reference's
/// order, so the result is bit-identical; other axes go to the standard op.
struct FastTrailingReduce: KernelVariant {
    let mean: Bool
    var domain: String { "" }
    var opType: String { mean ? "ReduceMean" : "ReduceSum" }

    func run(ifSupported context: KernelContext) throws -> [Value]? {
        let c = context
        let x = try c.tensor(0)
        let rank = x.shape.count
        let axesSince: Int64 = mean ? 18 : 13
        let spec = c.opsetVersion >= axesSince ? try c.optionalInts(1) : c.ints("axes")
        guard isPlain(x), rank > 0, let spec, !spec.isEmpty else { return nil }
        let axes = Set(try spec.map { try Axis.normalize($0, rank: rank, op: opType) })
        let first = rank - axes.count
        guard axes == Set(first..<rank) else { return nil }
        let keep = c.int("keepdims", default: 1) != 0
        let outShape = Array(x.shape[..<first]) + (keep ? [Int64](repeating: 1, count: axes.count) : [])
        let row = x.shape[first...].reduce(1) { $0 * Int($1) }
        let rows = x.shape[..<first].reduce(1) { $0 * Int($1) }
        var out = [Float](repeating: 0, count: rows)
        floats(x) { xp in
            guard let base = xp.baseAddress else { return }
            for r in 0..<rows {
                var s = 0.0
                let p = base + r * row
                for i in 0..<row { s += Double(p[i]) }
                out[r] = Float(mean ? s / Double(row) : s)
            }
        }
        return [.tensor(Tensor(shape: outShape, values: out))]
    }
}

extension FastOps {
    /// Adds the float32 variants of Softmax, LogSoftmax, ArgMax, ArgMin, Erf, ReduceMean and
    /// ReduceSum to the dispatch table.
    static func installReductions(into registry: inout OpRegistry) {
        registry.addVariant(FastSoftmax(log: false))
        registry.addVariant(FastSoftmax(log: true))
        registry.addVariant(FastArgExtreme(max: true))
        registry.addVariant(FastArgExtreme(max: false))
        registry.addVariant(FastErf())
        registry.addVariant(FastTrailingReduce(mean: true))
        registry.addVariant(FastTrailingReduce(mean: false))
    }
}

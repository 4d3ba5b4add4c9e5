import CKilnKernels
import Foundation
import KilnIR
import KilnOps

// Float32 fast paths for the element-wise ops that sit between convolutions in CNNs (Relu, Add,
// Mul, Sum, Concat). Each handles only the common, simple layouts (same shape, a per-channel
// operand, one concat axis) and declines every other case (the next variant or the op's
// reference kernel runs it: `DispatchedOp`), so the
// semantics stay those of the reference kernels (checked by NNFastElementwiseTests).

/// Reads a float32 tensor's payload in place (falls back to a copy when unaligned).
private func withFloat32<R>(_ t: Tensor, _ body: (UnsafeBufferPointer<Float>) throws -> R)
    rethrows -> R
{
    let n = t.data.count / 4
    let aligned = t.data.withUnsafeBytes {
        Int(bitPattern: $0.baseAddress) % MemoryLayout<Float>.alignment == 0
    }
    if aligned {
        return try t.data.withUnsafeBytes { try body($0.bindMemory(to: Float.self)) }
    }
    let copy = t.values(as: Float.self) ?? []
    return try copy.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<n])) }
}

/// A float32 tensor of `shape` whose elements `fill` writes (every one of them: the buffer may
/// come uninitialised from the run's `BufferPool`).
private func makeFloat32(_ shape: [Int64], count: Int, _ fill: (UnsafeMutablePointer<Float>) -> Void)
    -> Tensor
{
    var data = BufferPool.data(count: count * 4, zeroed: false)
    data.withUnsafeMutableBytes { raw in
        if let p = raw.bindMemory(to: Float.self).baseAddress { fill(p) }
    }
    return Tensor(elementType: .float32, shape: shape, data: data)
}

/// Element-wise work below this many elements per thread is not worth a fork/join.
private let elementsPerThread = 65_536

/// True when `t` is a well-formed float32 tensor.
private func isPlainFloat32(_ t: Tensor) -> Bool {
    t.elementType == .float32 && t.elementCount.map { $0 * 4 == t.data.count } == true
}

/// `Relu` on float32 tensors; declines other types.
struct FastRelu: KernelVariant {
    var domain: String { "" }
    var opType: String { "Relu" }

    func run(ifSupported context: KernelContext) throws -> [Value]? {
        let x = try context.tensor(0)
        guard isPlainFloat32(x), let n = x.elementCount else { return nil }
        let y = withFloat32(x) { xp in
            makeFloat32(x.shape, count: n) { yp in
                guard let xb = xp.baseAddress else { return }
                ParallelRanges.run(n, threads: context.threads, minimumPerRange: elementsPerThread) {
                    r in
                    for i in r {
                        let v = xb[i]
                        yp[i] = v < 0 ? 0 : v  // NaN stays NaN
                    }
                }
            }
        }
        return [.tensor(y)]
    }
}

/// `Add`/`Mul` on float32 when both shapes are equal, or one operand broadcasts as one
/// contiguous block of dims (a scalar, a per-channel `[C, 1, 1]` tensor, a bias row).
struct FastBinary: KernelVariant {
    enum Kind: Sendable { case add, mul }
    let kind: Kind
    var domain: String { "" }
    var opType: String { kind == .add ? "Add" : "Mul" }

    /// For `small` broadcast against `big`: (outer, middle, inner) with `small` read as
    /// `[middle]` at index `(i / inner) % middle`, or nil when the pattern is not that simple.
    static func blockPattern(big: [Int64], small: [Int64]) -> (Int, Int, Int)? {
        guard small.count <= big.count else { return nil }
        let aligned = [Int64](repeating: 1, count: big.count - small.count) + small
        guard let first = aligned.firstIndex(where: { $0 != 1 }) else {
            return (1, 1, Int(big.reduce(1, *)))  // scalar-like
        }
        let last = aligned.lastIndex(where: { $0 != 1 }) ?? first
        for d in first...last where aligned[d] != big[d] { return nil }
        let outer = big[..<first].reduce(1, *)
        let middle = big[first...last].reduce(1, *)
        let inner = big[(last + 1)...].reduce(1, *)
        return (Int(outer), Int(middle), Int(inner))
    }

    func run(ifSupported context: KernelContext) throws -> [Value]? {
        let a = try context.tensor(0)
        let b = try context.tensor(1)
        guard isPlainFloat32(a), isPlainFloat32(b), let na = a.elementCount,
            let nb = b.elementCount
        else { return nil }
        let add = kind == .add
        if a.shape == b.shape {
            let y = withFloat32(a) { ap in
                withFloat32(b) { bp in
                    makeFloat32(a.shape, count: na) { yp in
                        guard let x = ap.baseAddress, let z = bp.baseAddress else { return }
                        ParallelRanges.run(
                            na, threads: context.threads, minimumPerRange: elementsPerThread
                        ) { r in
                            if add {
                                for i in r { yp[i] = x[i] + z[i] }
                            } else {
                                for i in r { yp[i] = x[i] * z[i] }
                            }
                        }
                    }
                }
            }
            return [.tensor(y)]
        }
        // Both ops are commutative, so the broadcast operand may be either one.
        let (big, small, nBig) = na >= nb ? (a, b, na) : (b, a, nb)
        guard let (outer, middle, inner) = Self.blockPattern(big: big.shape, small: small.shape),
            outer * middle * inner == nBig, (small.elementCount ?? 0) == middle
        else { return nil }
        let y = withFloat32(big) { bigP in
            withFloat32(small) { smallP in
                makeFloat32(big.shape, count: nBig) { yp in
                    guard let x = bigP.baseAddress, let s = smallP.baseAddress else { return }
                    if inner == 1 {
                        // A row operand (e.g. a bias over the last dim): one vector loop per row.
                        for o in 0..<outer {
                            let (src, dst) = (x + o * middle, yp + o * middle)
                            if add {
                                for m in 0..<middle { dst[m] = src[m] + s[m] }
                            } else {
                                for m in 0..<middle { dst[m] = src[m] * s[m] }
                            }
                        }
                        return
                    }
                    for o in 0..<outer {
                        for m in 0..<middle {
                            let v = s[m]
                            let base = (o * middle + m) * inner
                            let (src, dst) = (x + base, yp + base)
                            if add {
                                for i in 0..<inner { dst[i] = src[i] + v }
                            } else {
                                for i in 0..<inner { dst[i] = src[i] * v }
                            }
                        }
                    }
                }
            }
        }
        return [.tensor(y)]
    }
}

/// `Sum` of float32 tensors of one shape.
struct FastSum: KernelVariant {
    var domain: String { "" }
    var opType: String { "Sum" }

    func run(ifSupported context: KernelContext) throws -> [Value]? {
        let ts = try (0..<context.inputs.count).map { try context.tensor($0) }
        guard let first = ts.first, let n = first.elementCount,
            ts.allSatisfy({ isPlainFloat32($0) && $0.shape == first.shape })
        else { return nil }
        var acc = first.values(as: Float.self) ?? []
        for t in ts.dropFirst() {
            withFloat32(t) { p in
                for i in 0..<n { acc[i] += p[i] }
            }
        }
        return [.tensor(Tensor(shape: first.shape, values: acc))]
    }
}

/// `Concat` of float32 tensors (block copies along the axis).
struct FastConcat: KernelVariant {
    var domain: String { "" }
    var opType: String { "Concat" }

    func run(ifSupported context: KernelContext) throws -> [Value]? {
        let ts = try (0..<context.inputs.count).map { try context.tensor($0) }
        guard let first = ts.first, ts.allSatisfy(isPlainFloat32),
            ts.allSatisfy({ $0.shape.count == first.shape.count }), !first.shape.isEmpty,
            let axisAttr = context.int("axis")
        else { return nil }
        let r = first.shape.count
        let axis = Int(axisAttr < 0 ? axisAttr + Int64(r) : axisAttr)
        guard axis >= 0, axis < r,
            ts.allSatisfy({ t in (0..<r).allSatisfy { $0 == axis || t.shape[$0] == first.shape[$0] } })
        else { return nil }
        var shape = first.shape
        shape[axis] = ts.reduce(0) { $0 + $1.shape[axis] }
        guard let total = Tensor.elementCount(shape) else { return nil }
        let outer = Int(first.shape[..<axis].reduce(1, *))
        let blocks = ts.map { Int($0.shape[axis...].reduce(1, *)) }
        let rowSize = blocks.reduce(0, +)
        let y = makeFloat32(shape, count: total) { yp in
            var offset = 0
            for (t, block) in zip(ts, blocks) {
                withFloat32(t) { p in
                    guard let src = p.baseAddress else { return }
                    for o in 0..<outer {
                        (yp + o * rowSize + offset).update(from: src + o * block, count: block)
                    }
                }
                offset += block
            }
        }
        return [.tensor(y)]
    }
}

/// `Sigmoid` and `Tanh` on float32 with MLAS's approximations (onnxruntime's CPU kernels,
/// bit for bit; `MlasMath`), vectorised in C. The reference kernels compute the exact
/// functions; the two differ by at most a few ulps (checked by tests), and matching
/// onnxruntime keeps dynamically quantized models from drifting. Declines other types.
struct FastMlasActivation: KernelVariant {
    enum Kind: Sendable { case logistic, tanh }
    let kind: Kind
    var domain: String { "" }
    var opType: String { kind == .logistic ? "Sigmoid" : "Tanh" }

    func run(ifSupported context: KernelContext) throws -> [Value]? {
        let x = try context.tensor(0)
        guard isPlainFloat32(x), let n = x.elementCount else { return nil }
        let y = withFloat32(x) { xp in
            makeFloat32(x.shape, count: n) { yp in
                guard let xb = xp.baseAddress else { return }
                yp.update(from: xb, count: n)
                switch kind {
                case .logistic: ckiln_mlas_logistic(0, yp, n)
                case .tanh: ckiln_mlas_tanh(0, yp, n)
                }
            }
        }
        return [.tensor(y)]
    }
}

/// `Add`/`Sub`/`Mul`/`Div` on float32 with any numpy broadcasting: the output is walked with
/// the innermost dimension as a contiguous loop in which each operand advances by 1 or 0.
/// Handles what `FastBinary`'s block patterns do not (e.g. `[B, T, 1] · [B, 1, H]`).
struct FastBroadcastBinary: KernelVariant {
    enum Kind: Sendable { case add, sub, mul, div }
    let kind: Kind
    var domain: String { "" }
    var opType: String {
        switch kind {
        case .add: return "Add"
        case .sub: return "Sub"
        case .mul: return "Mul"
        case .div: return "Div"
        }
    }

    func run(ifSupported context: KernelContext) throws -> [Value]? {
        let a = try context.tensor(0)
        let b = try context.tensor(1)
        guard isPlainFloat32(a), isPlainFloat32(b), a.shape.count <= 8, b.shape.count <= 8,
            let outShape = try? Broadcast.shape([a.shape, b.shape]),
            let total = Tensor.elementCount(outShape)
        else { return nil }
        let rank = outShape.count
        // Element strides of each operand in output coordinates (0 along broadcast dims).
        func strides(_ shape: [Int64]) -> [Int] {
            let aligned = [Int64](repeating: 1, count: rank - shape.count) + shape
            var st = [Int](repeating: 0, count: rank)
            var acc = 1
            for d in stride(from: rank - 1, through: 0, by: -1) {
                st[d] = aligned[d] == 1 ? 0 : acc
                acc *= Int(aligned[d])
            }
            return st
        }
        let sa = strides(a.shape)
        let sb = strides(b.shape)
        let dims = outShape.map { Int($0) }
        let inner = rank == 0 ? 1 : dims[rank - 1]
        let ia = rank == 0 ? 0 : sa[rank - 1]
        let ib = rank == 0 ? 0 : sb[rank - 1]
        let rows = inner == 0 ? 0 : total / inner
        let k = kind
        let y = withFloat32(a) { ap in
            withFloat32(b) { bp in
                makeFloat32(outShape, count: total) { yp in
                    guard let x = ap.baseAddress, let z = bp.baseAddress else { return }
                    var index = [Int](repeating: 0, count: max(rank - 1, 0))
                    var offA = 0
                    var offB = 0
                    for r in 0..<rows {
                        let dst = yp + r * inner
                        let pa = x + offA
                        let pb = z + offB
                        switch (k, ia, ib) {
                        case (.add, 1, 1): for i in 0..<inner { dst[i] = pa[i] + pb[i] }
                        case (.add, 1, 0): let v = pb[0]; for i in 0..<inner { dst[i] = pa[i] + v }
                        case (.add, 0, 1): let v = pa[0]; for i in 0..<inner { dst[i] = v + pb[i] }
                        case (.sub, 1, 1): for i in 0..<inner { dst[i] = pa[i] - pb[i] }
                        case (.sub, 1, 0): let v = pb[0]; for i in 0..<inner { dst[i] = pa[i] - v }
                        case (.sub, 0, 1): let v = pa[0]; for i in 0..<inner { dst[i] = v - pb[i] }
                        case (.mul, 1, 1): for i in 0..<inner { dst[i] = pa[i] * pb[i] }
                        case (.mul, 1, 0): let v = pb[0]; for i in 0..<inner { dst[i] = pa[i] * v }
                        case (.mul, 0, 1): let v = pa[0]; for i in 0..<inner { dst[i] = v * pb[i] }
                        case (.div, 1, 1): for i in 0..<inner { dst[i] = pa[i] / pb[i] }
                        case (.div, 1, 0): let v = pb[0]; for i in 0..<inner { dst[i] = pa[i] / v }
                        case (.div, 0, 1): let v = pa[0]; for i in 0..<inner { dst[i] = v / pb[i] }
                        default:
                            let (u, w) = (pa[0], pb[0])
                            let v: Float
                            switch k {
                            case .add: v = u + w
                            case .sub: v = u - w
                            case .mul: v = u * w
                            case .div: v = u / w
                            }
                            for i in 0..<inner { dst[i] = v }
                        }
                        // Advance the outer index (all dims but the last).
                        var d = rank - 2
                        while d >= 0 {
                            index[d] += 1
                            offA += sa[d]
                            offB += sb[d]
                            if index[d] < dims[d] { break }
                            offA -= sa[d] * dims[d]
                            offB -= sb[d] * dims[d]
                            index[d] = 0
                            d -= 1
                        }
                    }
                }
            }
        }
        return [.tensor(y)]
    }
}

extension FastOps {
    /// Adds the float32 variants of the element-wise and data-movement ops to the dispatch
    /// table. Add and Mul try the block-broadcast variant before the general one.
    static func installElementwise(into registry: inout OpRegistry) {
        registry.addVariant(FastRelu())
        registry.addVariant(FastBinary(kind: .add))
        registry.addVariant(FastBinary(kind: .mul))
        for kind in [FastBroadcastBinary.Kind.add, .sub, .mul, .div] {
            registry.addVariant(FastBroadcastBinary(kind: kind))
        }
        registry.addVariant(FastMlasActivation(kind: .logistic))
        registry.addVariant(FastMlasActivation(kind: .tanh))
        registry.addVariant(FastSum())
        registry.addVariant(FastConcat())
        registry.addVariant(FastResize())
        registry.addVariant(FastGather())
        registry.addVariant(FastSlice())
    }
}

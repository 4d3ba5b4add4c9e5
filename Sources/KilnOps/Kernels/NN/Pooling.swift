import Foundation
import KilnIR

// The pooling family shares one window walker: MaxPool, AveragePool, LpPool and their Global
// forms differ only in how a window's in-image elements are reduced.

/// How one window is reduced.
enum PoolKind: Sendable {
    case max
    /// `countIncludePad`: divide by the window size clipped to the padded input (ONNX
    /// count_include_pad = 1) instead of the number of in-image elements.
    case average(countIncludePad: Bool)
    case lp(p: Float)
}

enum Pooling {
    /// Pools `x` ([N, C, spatial...]); returns Y and, for max pooling, the argmax indices
    /// (flattened over N·C·spatial, row-major or, with `columnMajor`, spatial column-major).
    static func pool(
        _ ctx: KernelContext, x: [Float], dims: [Int], geo: ConvGeometry, kind: PoolKind,
        wantIndices: Bool, columnMajor: Bool = false
    ) -> (values: [Float], indices: [Int64]) {
        let r = geo.rank
        let planes = dims[0] * dims[1]
        let inSize = geo.input.reduce(1, *)
        let outSize = geo.output.reduce(1, *)
        var y = [Float](repeating: 0, count: planes * outSize)
        var idx = [Int64](repeating: 0, count: wantIndices ? planes * outSize : 0)
        let kSize = geo.kernel.reduce(1, *)
        // Offsets of every kernel tap, per dim, relative to the window start.
        var oidx = [Int](repeating: 0, count: r)
        var kidx = [Int](repeating: 0, count: r)
        var colStrides = [Int](repeating: 1, count: r)  // spatial column-major strides
        for d in 1..<max(r, 1) where r > 1 { colStrides[d] = colStrides[d - 1] * geo.input[d - 1] }
        x.withUnsafeBufferPointer { xp in
            for plane in 0..<planes {
                let img = plane * inSize
                for i in 0..<r { oidx[i] = 0 }
                for of in 0..<outSize {
                    var acc: Float
                    switch kind {
                    case .max: acc = -.infinity
                    default: acc = 0
                    }
                    var best = -1
                    var count = 0
                    var padCount = 1
                    if case .average(true) = kind {
                        for d in 0..<r {
                            let start = oidx[d] * geo.strides[d] - geo.padsBegin[d]
                            var n = 0
                            for k in 0..<geo.kernel[d] {
                                let p = start + k * geo.dilations[d]
                                if p >= -geo.padsBegin[d] && p < geo.input[d] + geo.padsEnd[d] {
                                    n += 1
                                }
                            }
                            padCount *= n
                        }
                    }
                    for i in 0..<r { kidx[i] = 0 }
                    for _ in 0..<kSize {
                        var src = 0
                        var inside = true
                        for d in 0..<r {
                            let p = oidx[d] * geo.strides[d] - geo.padsBegin[d]
                                + kidx[d] * geo.dilations[d]
                            if p < 0 || p >= geo.input[d] {
                                inside = false
                                break
                            }
                            src = src * geo.input[d] + p
                        }
                        if inside {
                            let v = xp[img + src]
                            switch kind {
                            case .max:
                                if best < 0 || v > acc {
                                    acc = v
                                    best = src
                                }
                            case .average: acc += v
                            case .lp(let p): acc += powf(abs(v), p)
                            }
                            count += 1
                        }
                        var d = r - 1
                        while d >= 0 {
                            kidx[d] += 1
                            if kidx[d] < geo.kernel[d] { break }
                            kidx[d] = 0
                            d -= 1
                        }
                    }
                    let o = plane * outSize + of
                    switch kind {
                    case .max:
                        y[o] = acc
                        if wantIndices {
                            var flat = best
                            if columnMajor && best >= 0 {
                                var rem = best
                                flat = 0
                                for d in stride(from: r - 1, through: 0, by: -1) {
                                    flat += (rem % geo.input[d]) * colStrides[d]
                                    rem /= geo.input[d]
                                }
                            }
                            idx[o] = Int64(img + max(flat, 0))
                        }
                    case .average(let includePad):
                        let div = includePad ? padCount : count
                        y[o] = div > 0 ? acc / Float(div) : 0
                    case .lp(let p):
                        y[o] = powf(acc, 1 / p)
                    }
                    var d = r - 1
                    while d >= 0 {
                        oidx[d] += 1
                        if oidx[d] < geo.output[d] { break }
                        oidx[d] = 0
                        d -= 1
                    }
                }
            }
        }
        return (y, idx)
    }

    /// The 2-D case without indices: per output row and column the in-image kernel range is
    /// computed once, so the inner loop has no bounds checks.
    static func pool2D(
        _ x: UnsafeBufferPointer<Float>, planes: Int, geo: ConvGeometry, kind: PoolKind,
        into y: UnsafeMutableBufferPointer<Float>
    ) {
        let (ih, iw) = (geo.input[0], geo.input[1])
        let (oh, ow) = (geo.output[0], geo.output[1])
        let (kh, kw) = (geo.kernel[0], geo.kernel[1])
        let (sh, sw) = (geo.strides[0], geo.strides[1])
        let (dh, dw) = (geo.dilations[0], geo.dilations[1])
        let (ph, pw) = (geo.padsBegin[0], geo.padsBegin[1])
        /// Kernel taps [lo, hi) landing inside [lower, upper) for window start `start`.
        func range(_ start: Int, _ k: Int, _ d: Int, _ lower: Int, _ upper: Int) -> (Int, Int) {
            var lo = 0
            while lo < k && start + lo * d < lower { lo += 1 }
            var hi = k
            while hi > lo && start + (hi - 1) * d >= upper { hi -= 1 }
            return (lo, hi)
        }
        let rows = (0..<oh).map { range($0 * sh - ph, kh, dh, 0, ih) }
        let cols = (0..<ow).map { range($0 * sw - pw, kw, dw, 0, iw) }
        let padRows = (0..<oh).map { range($0 * sh - ph, kh, dh, -ph, ih + geo.padsEnd[0]) }
        let padCols = (0..<ow).map { range($0 * sw - pw, kw, dw, -pw, iw + geo.padsEnd[1]) }
        guard let xb = x.baseAddress, let yb = y.baseAddress else { return }
        for plane in 0..<planes {
            let img = xb + plane * ih * iw
            let out = yb + plane * oh * ow
            for oy in 0..<oh {
                let (ky0, ky1) = rows[oy]
                let y0 = oy * sh - ph
                for ox in 0..<ow {
                    let (kx0, kx1) = cols[ox]
                    let x0 = ox * sw - pw
                    var acc: Float
                    switch kind {
                    case .max:
                        acc = -.infinity
                        for ky in ky0..<ky1 {
                            let row = img + (y0 + ky * dh) * iw + x0
                            for kx in kx0..<kx1 { acc = max(acc, row[kx * dw]) }
                        }
                    case .average(let includePad):
                        acc = 0
                        for ky in ky0..<ky1 {
                            let row = img + (y0 + ky * dh) * iw + x0
                            for kx in kx0..<kx1 { acc += row[kx * dw] }
                        }
                        let count = includePad
                            ? (padRows[oy].1 - padRows[oy].0) * (padCols[ox].1 - padCols[ox].0)
                            : (ky1 - ky0) * (kx1 - kx0)
                        acc = count > 0 ? acc / Float(count) : 0
                    case .lp(let p):
                        acc = 0
                        for ky in ky0..<ky1 {
                            let row = img + (y0 + ky * dh) * iw + x0
                            for kx in kx0..<kx1 { acc += powf(abs(row[kx * dw]), p) }
                        }
                        acc = powf(acc, 1 / p)
                    }
                    out[oy * ow + ox] = acc
                }
            }
        }
    }

    /// Reads X, resolves the window geometry from the node's attributes and pools.
    static func run(
        _ ctx: KernelContext, kind: PoolKind, global: Bool, wantIndices: Bool = false
    ) throws -> (Tensor, [Int64]?) {
        let x = try ctx.tensor(0)
        let dims = try NNTensor.dims(x, ctx)
        guard dims.count >= 3 else { throw ctx.fail("X must have rank >= 3, got \(dims)") }
        let spatial = Array(dims[2...])
        let geo: ConvGeometry
        if global {
            geo = ConvGeometry(
                input: spatial, output: spatial.map { _ in 1 }, kernel: spatial,
                strides: spatial.map { _ in 1 }, dilations: spatial.map { _ in 1 },
                padsBegin: spatial.map { _ in 0 }, padsEnd: spatial.map { _ in 0 })
        } else {
            guard let ks = ctx.ints("kernel_shape"), ks.count == spatial.count else {
                throw ctx.fail("kernel_shape must have \(spatial.count) values")
            }
            geo = try ConvGeometry.resolve(
                ctx, input: spatial, kernel: ks.map { Int($0) },
                ceilMode: ctx.int("ceil_mode", default: 0) != 0)
        }
        let isFloat = NNTensor.isFloat(x.elementType)
        if isFloat && geo.rank == 2 && !wantIndices {
            let y = try NNTensor.withFloats(x, ctx) { xp in
                try NNTensor.output(x.elementType, shape: [dims[0], dims[1]] + geo.output, ctx) {
                    pool2D(xp, planes: dims[0] * dims[1], geo: geo, kind: kind, into: $0)
                }
            }
            return (y, nil)
        }
        let xv: [Float] = isFloat ? try NNTensor.floats(x, ctx) : try x.doubles().map { Float($0) }
        let columnMajor = ctx.int("storage_order", default: 0) == 1
        let (y, idx) = pool(
            ctx, x: xv, dims: dims, geo: geo, kind: kind, wantIndices: wantIndices,
            columnMajor: columnMajor)
        let shape = [dims[0], dims[1]] + geo.output
        let out: Tensor
        if isFloat {
            out = NNTensor.make(x.elementType, shape: shape, y)
        } else {
            out = try Tensor.fromDoubles(
                y.map { Double($0) }, shape: shape.map { Int64($0) }, as: x.elementType)
        }
        return (out, wantIndices ? idx : nil)
    }
}

/// ONNX `MaxPool` (1, 8, 10, 11, 12, 22): N-d max pooling with dilations, ceil_mode, and the
/// optional Indices output (storage_order 0 = row-major, 1 = column-major over spatial dims).
public struct MaxPool: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "MaxPool" }
    public init() {}
    public func run(_ context: KernelContext) throws -> [Value] {
        let wantIndices = context.node.outputs.count > 1 && !context.node.outputs[1].isEmpty
        let (y, idx) = try Pooling.run(context, kind: .max, global: false, wantIndices: wantIndices)
        guard let idx else { return [.tensor(y)] }
        return [.tensor(y), .tensor(Tensor(shape: y.shape, values: idx))]
    }
}

/// ONNX `AveragePool` (1, 7, 10, 11, 19, 22): count_include_pad, ceil_mode, dilations.
public struct AveragePool: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "AveragePool" }
    public init() {}
    public func run(_ context: KernelContext) throws -> [Value] {
        let include = context.int("count_include_pad", default: 0) != 0
        let (y, _) = try Pooling.run(
            context, kind: .average(countIncludePad: include), global: false)
        return [.tensor(y)]
    }
}

/// ONNX `LpPool` (1, 2, 11, 18, 22): `(Σ |x|^p)^(1/p)` over each window.
public struct LpPool: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "LpPool" }
    public init() {}
    public func run(_ context: KernelContext) throws -> [Value] {
        let p: Float =
            context.opsetVersion < 2
            ? context.float("p", default: 2) : Float(context.int("p", default: 2))
        let (y, _) = try Pooling.run(context, kind: .lp(p: p), global: false)
        return [.tensor(y)]
    }
}

/// ONNX `GlobalAveragePool`: mean over all spatial dims (kept as size-1 dims).
public struct GlobalAveragePool: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "GlobalAveragePool" }
    public init() {}
    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let dims = try NNTensor.dims(x, context)
        guard dims.count >= 3, NNTensor.isFloat(x.elementType) else {
            throw context.fail("X must be a floating tensor of rank >= 3")
        }
        let planes = dims[0] * dims[1]
        let size = dims[2...].reduce(1, *)
        let y = try NNTensor.withFloats(x, context) { xp in
            try NNTensor.output(
                x.elementType, shape: [dims[0], dims[1]] + dims[2...].map { _ in 1 }, context
            ) { yp in
                for p in 0..<planes {
                    var s: Float = 0
                    for i in 0..<size { s += xp[p * size + i] }
                    yp[p] = size > 0 ? s / Float(size) : .nan
                }
            }
        }
        return [.tensor(y)]
    }
}

/// ONNX `GlobalMaxPool`: max over all spatial dims.
public struct GlobalMaxPool: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "GlobalMaxPool" }
    public init() {}
    public func run(_ context: KernelContext) throws -> [Value] {
        let (y, _) = try Pooling.run(context, kind: .max, global: true)
        return [.tensor(y)]
    }
}

/// ONNX `GlobalLpPool`: `(Σ |x|^p)^(1/p)` over all spatial dims.
public struct GlobalLpPool: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "GlobalLpPool" }
    public init() {}
    public func run(_ context: KernelContext) throws -> [Value] {
        let p: Float =
            context.opsetVersion < 2
            ? context.float("p", default: 2) : Float(context.int("p", default: 2))
        let (y, _) = try Pooling.run(context, kind: .lp(p: p), global: true)
        return [.tensor(y)]
    }
}

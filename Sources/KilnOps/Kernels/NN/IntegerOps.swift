import Foundation
import KilnIR

// Integer and quantized-linear GEMM/convolution: MatMulInteger, ConvInteger, QLinearMatMul,
// QLinearConv. Accumulation is exact in Int64 (then Int32, as ONNX specifies); these are
// reference kernels, written for clarity rather than speed.

enum IntegerMath {
    /// Zero-point-shifted integer values of input `i` (zero point at input `zpIndex`, scalar or
    /// one per slice along `axis` of size `axisDim`), widened to Int64.
    static func shifted(
        _ ctx: KernelContext, _ i: Int, zp zpIndex: Int, perAxis axis: Int? = nil
    ) throws -> (values: [Int64], dims: [Int], type: ElementType) {
        let t = try ctx.tensor(i)
        guard t.elementType.isInteger else { throw ctx.fail("input \(i) must be an integer tensor") }
        let dims = try NNTensor.dims(t, ctx)
        var v = try NNTensor.ints(t, ctx)
        if let zpT = try ctx.optionalTensor(zpIndex) {
            let zp = try NNTensor.ints(zpT, ctx)
            if zp.count == 1 {
                for j in v.indices { v[j] -= zp[0] }
            } else if let axis, axis < dims.count, zp.count == dims[axis] {
                let inner = dims[(axis + 1)...].reduce(1, *)
                for j in v.indices { v[j] -= zp[(j / max(inner, 1)) % dims[axis]] }
            } else {
                throw ctx.fail("zero point of input \(i) has \(zp.count) values")
            }
        }
        return (v, dims, t.elementType)
    }

    /// numpy matmul of Int64 matrices with broadcast batch dims (1-D operands not supported).
    static func matmul(
        _ ctx: KernelContext, _ a: [Int64], _ ad: [Int], _ b: [Int64], _ bd: [Int]
    ) throws -> ([Int64], [Int]) {
        guard ad.count >= 2, bd.count >= 2 else { throw ctx.fail("operands must be matrices") }
        let (m, k) = (ad[ad.count - 2], ad[ad.count - 1])
        let (k2, n) = (bd[bd.count - 2], bd[bd.count - 1])
        guard k == k2 else { throw ctx.fail("inner dims differ: \(ad) and \(bd)") }
        let aB = ad.dropLast(2).map(Int64.init)
        let bB = bd.dropLast(2).map(Int64.init)
        let batch = try Broadcast.shape([aB, bB])
        let bc = try Broadcast([batch, aB, bB])
        let (ai, bi) = (bc.indexMap(input: 1), bc.indexMap(input: 2))
        var out = [Int64](repeating: 0, count: bc.count * m * n)
        for t in 0..<bc.count {
            let (ao, bo, co) = (ai[t] * m * k, bi[t] * k * n, t * m * n)
            for i in 0..<m {
                for p in 0..<k {
                    let av = a[ao + i * k + p]
                    if av == 0 { continue }
                    for j in 0..<n { out[co + i * n + j] += av * b[bo + p * n + j] }
                }
            }
        }
        return (out, batch.map { Int($0) } + [m, n])
    }

    /// Direct N-d integer convolution with groups (X [N, C, ...], W [M, C/g, k...]).
    static func conv(
        _ ctx: KernelContext, _ x: [Int64], _ xd: [Int], _ w: [Int64], _ wd: [Int]
    ) throws -> ([Int64], [Int]) {
        guard xd.count >= 3, wd.count == xd.count else { throw ctx.fail("X and W ranks differ") }
        let group = Int(ctx.int("group", default: 1))
        let (n, c, m) = (xd[0], xd[1], wd[0])
        guard group > 0, c % group == 0, m % group == 0, wd[1] * group == c else {
            throw ctx.fail("channels, W and group do not agree")
        }
        let geo = try ConvGeometry.resolve(ctx, input: Array(xd[2...]), kernel: Array(wd[2...]))
        let (cg, mg) = (c / group, m / group)
        let inSize = geo.input.reduce(1, *)
        let outSize = geo.output.reduce(1, *)
        let kSize = geo.kernel.reduce(1, *)
        var out = [Int64](repeating: 0, count: n * m * outSize)
        // Input offset of each (output position, kernel tap), or -1 when it falls in padding.
        var offsets = [Int](repeating: -1, count: outSize * kSize)
        let r = geo.rank
        for of in 0..<outSize {
            var rem = of
            var o = [Int](repeating: 0, count: r)
            for d in stride(from: r - 1, through: 0, by: -1) {
                o[d] = rem % geo.output[d]
                rem /= geo.output[d]
            }
            for kf in 0..<kSize {
                var kr = kf
                var src = 0
                var inside = true
                var kk = [Int](repeating: 0, count: r)
                for d in stride(from: r - 1, through: 0, by: -1) {
                    kk[d] = kr % geo.kernel[d]
                    kr /= geo.kernel[d]
                }
                for d in 0..<r {
                    let p = o[d] * geo.strides[d] - geo.padsBegin[d] + kk[d] * geo.dilations[d]
                    if p < 0 || p >= geo.input[d] { inside = false }
                    src = src * geo.input[d] + p
                }
                offsets[of * kSize + kf] = inside ? src : -1
            }
        }
        for img in 0..<n {
            for oc in 0..<m {
                let g = oc / mg
                for of in 0..<outSize {
                    var s: Int64 = 0
                    for ci in 0..<cg {
                        let xBase = (img * c + g * cg + ci) * inSize
                        let wBase = (oc * cg + ci) * kSize
                        for kf in 0..<kSize {
                            let off = offsets[of * kSize + kf]
                            if off >= 0 { s += x[xBase + off] * w[wBase + kf] }
                        }
                    }
                    out[(img * m + oc) * outSize + of] = s
                }
            }
        }
        return (out, [n, m] + geo.output)
    }

    static func int32Tensor(_ v: [Int64], _ dims: [Int]) -> Tensor {
        Tensor(shape: dims.map { Int64($0) }, values: v.map { Int32(truncatingIfNeeded: $0) })
    }

    /// The requantization multiplier `x_scale · w_scale / y_scale`, rounded in the scales' own
    /// type as the ONNX reference does (float16 scales multiply in float16).
    static func multiplier(_ xs: Double, _ ws: Double, _ ys: Double, type: ElementType) -> Double {
        if type == .float16 {
            return Double(Float16(Float16(Float16(xs) * Float16(ws)) / Float16(ys)))
        }
        return Double(Float(Float(xs) * Float(ws)) / Float(ys))
    }

    /// `saturate(rint(float(acc) · mult) + zp)` into the zero point's type (uint8 without
    /// one). The product is float32, as in onnxruntime (MLAS `MlasRequantizeOutput`), so the
    /// fast kernels and onnxruntime round the same values the same way.
    static func requantize(
        _ ctx: KernelContext, _ acc: [Int64], dims: [Int], mult: (Int) -> Double,
        yZeroPoint: Tensor?
    ) throws -> Tensor {
        let type = yZeroPoint?.elementType ?? .uint8
        let zp = try yZeroPoint.map { Double(try NNTensor.ints($0, ctx).first ?? 0) } ?? 0
        let q = acc.indices.map { i -> Double in
            let product = Float(acc[i]) * Float(mult(i))
            guard product.isFinite else { return Double(product) + zp }
            return Double(product.rounded(.toNearestOrEven)) + zp
        }
        return try QuantCodec.encode(
            q, shape: dims.map { Int64($0) }, as: type, saturate: true, ctx)
    }
}

/// ONNX `MatMulInteger` (10): `(A − a_zp) · (B − b_zp)` in int32; a_zp per row or scalar,
/// b_zp per column or scalar.
///
/// When B is a constant 8-bit matrix (the common case: quantized weights), `prepare` removes
/// its zero point and packs it once for `NNKernels.int16Gemm`, and runs with a scalar a_zp use
/// that GEMM; everything else runs the Int64 reference loops.
public struct MatMulInteger: PreparableOp {
    public var domain: String { "" }
    public var opType: String { "MatMulInteger" }
    let kernels: NNKernels
    public init(kernels: NNKernels = .reference) { self.kernels = kernels }

    public func run(_ context: KernelContext) throws -> [Value] {
        let a = try IntegerMath.shifted(context, 0, zp: 2, perAxis: nil)
        let bRaw = try context.tensor(1)
        let bd = try NNTensor.dims(bRaw, context)
        var b = try NNTensor.ints(bRaw, context)
        if let zpT = try context.optionalTensor(3) {
            let zp = try NNTensor.ints(zpT, context)
            let n = bd.last ?? 1
            guard zp.count == 1 || zp.count == n else { throw context.fail("b_zero_point size") }
            for j in b.indices { b[j] -= zp.count == 1 ? zp[0] : zp[j % n] }
        }
        let (y, dims) = try IntegerMath.matmul(context, a.values, a.dims, b, bd)
        return [.tensor(IntegerMath.int32Tensor(y, dims))]
    }

    /// B with its zero point removed, packed for the integer GEMM.
    struct Prepared: PreparedKernel {
        let op: MatMulInteger
        let b: PackedInt16Matrix

        func run(_ ctx: KernelContext) throws -> [Value] {
            let aT = try ctx.tensor(0)
            guard aT.elementType == .uint8 || aT.elementType == .int8 else {
                return try op.run(ctx)
            }
            var zp: Int64 = 0
            if let zpT = try ctx.optionalTensor(2) {
                let z = try NNTensor.ints(zpT, ctx)
                guard z.count == 1, z[0] >= -255, z[0] <= 255 else { return try op.run(ctx) }
                zp = z[0]
            }
            let ad = try NNTensor.dims(aT, ctx)
            guard ad.count >= 2, ad[ad.count - 1] == b.k else { return try op.run(ctx) }
            let rows = ad.dropLast().reduce(1, *)
            let a16: [Int16] = aT.data.withUnsafeBytes { raw in
                if aT.elementType == .uint8 {
                    return raw.bindMemory(to: UInt8.self).map { Int16($0) - Int16(zp) }
                }
                return raw.bindMemory(to: Int8.self).map { Int16($0) - Int16(zp) }
            }
            var out = [Int32](repeating: 0, count: rows * b.n)
            a16.withUnsafeBufferPointer { ap in
                b.values.withUnsafeBufferPointer { bp in
                    out.withUnsafeMutableBufferPointer { cp in
                        guard let aBase = ap.baseAddress, let bBase = bp.baseAddress,
                            let cBase = cp.baseAddress
                        else { return }
                        op.kernels.int16Gemm(rows, b.n, b.k, aBase, b.k, bBase, cBase, b.n)
                    }
                }
            }
            let shape = ad.dropLast().map { Int64($0) } + [Int64(b.n)]
            return [.tensor(Tensor(shape: shape, values: out))]
        }
    }

    public func prepare(node: Node, opsetVersion: Int64, constants: [Tensor?]) throws
        -> (any PreparedKernel)?
    {
        guard constants.count > 1, let bT = constants[1],
            bT.elementType == .uint8 || bT.elementType == .int8, bT.shape.count == 2,
            let k = Int(exactly: bT.shape[0]), let n = Int(exactly: bT.shape[1]), k > 0, n > 0
        else { return nil }
        var zps: [Int64] = [0]
        if node.inputs.count > 3, !node.inputs[3].isEmpty {
            guard let zT = constants[3] else { return nil }  // computed zero point: reference
            let ctx = KernelContext(node: node, opsetVersion: opsetVersion, inputs: [])
            zps = try NNTensor.ints(zT, ctx)
            guard zps.count == 1 || zps.count == n, zps.allSatisfy({ abs($0) <= 255 }) else {
                return nil
            }
        }
        let raw: [Int64] = try NNTensor.ints(
            bT, KernelContext(node: node, opsetVersion: opsetVersion, inputs: []))
        var values = [Int16](repeating: 0, count: k * n)
        for p in 0..<k {
            for j in 0..<n {
                values[p * n + j] = Int16(raw[p * n + j] - zps[zps.count == 1 ? 0 : j])
            }
        }
        return Prepared(op: self, b: PackedInt16Matrix(k: k, n: n, rowMajor: values))
    }
}

/// ONNX `ConvInteger` (10): integer convolution with zero points, int32 output.
public struct ConvInteger: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "ConvInteger" }
    public init() {}
    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try IntegerMath.shifted(context, 0, zp: 2)
        let w = try IntegerMath.shifted(context, 1, zp: 3, perAxis: 0)
        let (y, dims) = try IntegerMath.conv(context, x.values, x.dims, w.values, w.dims)
        return [.tensor(IntegerMath.int32Tensor(y, dims))]
    }
}

/// ONNX `QLinearMatMul` (10, 21): integer matmul requantized with
/// `a_scale · b_scale / y_scale` (b_scale may be per column).
public struct QLinearMatMul: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "QLinearMatMul" }
    public init() {}
    public func run(_ context: KernelContext) throws -> [Value] {
        let a = try IntegerMath.shifted(context, 0, zp: 2)
        let b = try IntegerMath.shifted(context, 3, zp: 5, perAxis: nil)
        let (acc, dims) = try IntegerMath.matmul(context, a.values, a.dims, b.values, b.dims)
        let asT = try context.tensor(1)
        let bsT = try context.tensor(4)
        let ysT = try context.tensor(6)
        let (aS, bS, yS) = (try asT.doubles(), try bsT.doubles(), try ysT.doubles())
        guard aS.count == 1, yS.count == 1, let n = dims.last, bS.count == 1 || bS.count == n else {
            throw context.fail("scales must be scalars (b_scale may be per column)")
        }
        let mults = bS.map { IntegerMath.multiplier(aS[0], $0, yS[0], type: asT.elementType) }
        let y = try IntegerMath.requantize(
            context, acc, dims: dims, mult: { mults.count == 1 ? mults[0] : mults[$0 % n] },
            yZeroPoint: try context.optionalTensor(7))
        return [.tensor(y)]
    }
}

/// ONNX `QLinearConv` (10): integer convolution plus int32 bias, requantized with
/// `x_scale · w_scale / y_scale` (w_scale and w_zero_point may be per output channel).
public struct QLinearConv: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "QLinearConv" }
    public init() {}
    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try IntegerMath.shifted(context, 0, zp: 2)
        let w = try IntegerMath.shifted(context, 3, zp: 5, perAxis: 0)
        var (acc, dims) = try IntegerMath.conv(context, x.values, x.dims, w.values, w.dims)
        let m = dims[1]
        let plane = dims[2...].reduce(1, *)
        if let bT = try context.optionalTensor(8) {
            let bias = try NNTensor.ints(bT, context)
            guard bias.count == m else { throw context.fail("B must hold \(m) values") }
            for i in acc.indices { acc[i] += bias[(i / max(plane, 1)) % m] }
        }
        let xsT = try context.tensor(1)
        let (xS, wS, yS) = (try xsT.doubles(), try context.tensor(4).doubles(), try context.tensor(6).doubles())
        guard xS.count == 1, yS.count == 1, wS.count == 1 || wS.count == m else {
            throw context.fail("scales must be scalars (w_scale may be per output channel)")
        }
        let mults = wS.map { IntegerMath.multiplier(xS[0], $0, yS[0], type: xsT.elementType) }
        let y = try IntegerMath.requantize(
            context, acc, dims: dims,
            mult: { mults.count == 1 ? mults[0] : mults[($0 / max(plane, 1)) % m] },
            yZeroPoint: try context.optionalTensor(7))
        return [.tensor(y)]
    }
}

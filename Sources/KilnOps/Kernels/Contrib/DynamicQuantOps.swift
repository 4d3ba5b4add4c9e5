import Foundation
import KilnIR

// Integer matmuls with float outputs, as onnxruntime's dynamic quantization writes them:
// MatMulIntegerToFloat and DynamicQuantizeMatMul (com.microsoft).

enum DynamicQuant {
    /// onnxruntime's dynamic uint8 parameters for `data`: the range always includes 0,
    /// `scale = (max − min) / 255` (1 for an all-zero range), and
    /// `zp = round_half_even(clamp(−min / scale, 0, 255))`.
    static func parameters(_ data: UnsafeBufferPointer<Float>) -> (scale: Float, zeroPoint: Int32) {
        var lo: Float = 0
        var hi: Float = 0
        for v in data {
            lo = min(lo, v)
            hi = max(hi, v)
        }
        let scale: Float = hi == lo ? 1 : (hi - lo) / 255
        let zp = min(max(0 - lo / scale, 0), 255).rounded(.toNearestOrEven)
        return (scale, Int32(zp))
    }

    /// `parameters` and `clamp(round_half_even(x / scale) + zp, 0, 255)` of `x[0..<n]` into
    /// `q`: the Swift definition of `NNKernels.quantizeU8`.
    @Sendable static func quantizeU8(
        _ x: UnsafePointer<Float>, _ n: Int, _ q: UnsafeMutablePointer<UInt8>
    ) -> (scale: Float, zeroPoint: Int32) {
        let (s, z) = parameters(UnsafeBufferPointer(start: x, count: n))
        let zf = Float(z)
        for i in 0..<n {
            let r = (x[i] / s).rounded(.toNearestOrEven) + zf
            q[i] = UInt8(r.isNaN ? zf : min(max(r, 0), 255))
        }
        return (s, z)
    }

    /// `clamp(round_half_even(x / scale) + zp, 0, 255)` for every element.
    static func quantize(
        _ data: UnsafeBufferPointer<Float>, scale: Float, zeroPoint: Int32
    ) -> [Int64] {
        data.map { v in
            let r = (v / scale).rounded(.toNearestOrEven) + Float(zeroPoint)
            return r.isNaN ? Int64(zeroPoint) : Int64(min(max(r, 0), 255))
        }
    }

    /// Integer matmul `(A − a_zp)·(B − b_zp)` scaled per column by `scales` into floats, plus
    /// `bias` (one per column). `b_zp` is a scalar or one per column of B.
    static func scaledMatmul(
        _ ctx: KernelContext, a: [Int64], aDims: [Int], aZeroPoint: Int64,
        b: Tensor, bZeroPoint: Tensor?, scales: [Float], bias: Tensor?, outType: ElementType
    ) throws -> Tensor {
        let bd = try NNTensor.dims(b, ctx)
        guard bd.count >= 2, let n = bd.last else { throw ctx.fail("B must have rank >= 2") }
        var bv = try NNTensor.ints(b, ctx)
        if let zt = bZeroPoint {
            let zp = try NNTensor.ints(zt, ctx)
            guard zp.count == 1 || zp.count == n else {
                throw ctx.fail("b_zero_point has \(zp.count) values, expected 1 or \(n)")
            }
            for j in bv.indices { bv[j] -= zp.count == 1 ? zp[0] : zp[j % n] }
        }
        var ad = aDims
        let aVector = ad.count == 1
        if aVector { ad = [1] + ad }
        let av = aZeroPoint == 0 ? a : a.map { $0 - aZeroPoint }
        var (acc, dims) = try IntegerMath.matmul(ctx, av, ad, bv, bd)
        if aVector { dims.remove(at: dims.count - 2) }
        guard scales.count == 1 || scales.count == n else {
            throw ctx.fail("scale has \(scales.count) values, expected 1 or \(n)")
        }
        var biasV: [Float]? = nil
        if let bias {
            let v = try NNTensor.floats(bias, ctx)
            guard v.count == n else { throw ctx.fail("bias has \(v.count) values, expected \(n)") }
            biasV = v
        }
        return try NNTensor.output(outType, shape: dims, ctx) { y in
            for i in 0..<acc.count {
                let j = i % n
                let s = scales.count == 1 ? scales[0] : scales[j]
                y[i] = Float(Int32(truncatingIfNeeded: acc[i])) * s + (biasV?[j] ?? 0)
            }
        }
    }
}

/// `com.microsoft.MatMulIntegerToFloat`:
/// `Y = (A − a_zp)·(B − b_zp) · a_scale · b_scale + bias` (b_scale and b_zp per tensor or per
/// column of B; a_scale and a_zp per tensor).
public struct MatMulIntegerToFloat: OpDefinition {
    public var domain: String { "com.microsoft" }
    public var opType: String { "MatMulIntegerToFloat" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        let a = try context.tensor(0)
        let b = try context.tensor(1)
        let aScaleT = try context.tensor(2)
        let aScale = try NNTensor.floats(aScaleT, context)
        let bScale = try NNTensor.floats(context.tensor(3), context)
        guard aScale.count == 1 else { throw context.fail("a_scale must be a scalar") }
        var aZero: Int64 = 0
        if let zt = try context.optionalTensor(4) {
            let z = try NNTensor.ints(zt, context)
            guard z.count == 1 else { throw context.fail("a_zero_point must be a scalar") }
            aZero = z[0]
        }
        let y = try DynamicQuant.scaledMatmul(
            context, a: NNTensor.ints(a, context), aDims: NNTensor.dims(a, context),
            aZeroPoint: aZero, b: b, bZeroPoint: context.optionalTensor(5),
            scales: bScale.map { aScale[0] * $0 }, bias: context.optionalTensor(6),
            outType: aScaleT.elementType)
        return [.tensor(y)]
    }
}

/// `com.microsoft.DynamicQuantizeMatMul`: A (float) is quantized to uint8 with parameters from
/// its own range (as onnxruntime does), then `Y = (A_q − a_zp)·(B − b_zp) · a_scale · b_scale
/// + bias`.
public struct DynamicQuantizeMatMul: OpDefinition {
    public var domain: String { "com.microsoft" }
    public var opType: String { "DynamicQuantizeMatMul" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        let a = try context.tensor(0)
        guard a.elementType == .float32 else { throw context.fail("A must be float32") }
        let (aq, aScale, aZero) = try NNTensor.withFloats(a, context) { p in
            let (s, z) = DynamicQuant.parameters(p)
            return (DynamicQuant.quantize(p, scale: s, zeroPoint: z), s, z)
        }
        let bScale = try NNTensor.floats(context.tensor(2), context)
        let y = try DynamicQuant.scaledMatmul(
            context, a: aq, aDims: NNTensor.dims(a, context), aZeroPoint: Int64(aZero),
            b: context.tensor(1), bZeroPoint: context.optionalTensor(3),
            scales: bScale.map { aScale * $0 }, bias: context.optionalTensor(4),
            outType: .float32)
        return [.tensor(y)]
    }
}

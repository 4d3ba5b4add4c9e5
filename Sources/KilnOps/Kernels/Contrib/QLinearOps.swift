import Foundation
import KilnIR

// onnxruntime's quantized element-wise and pooling ops (com.microsoft): QLinearAdd,
// QLinearMul, QLinearSigmoid, QLinearLeakyRelu, QLinearGlobalAveragePool, QLinearConcat.
// Every scale and zero point is per tensor. Arithmetic is float32 and the result is rounded
// half to even and saturated, as onnxruntime's MLAS kernels do; a vectorized MLAS path may
// still round a value that lands on .5 after float error differently (off by one).

/// Per-tensor quantization parameters of one operand, and 8-bit rounding helpers.
struct QParams {
    let scale: Float
    let zeroPoint: Int32
    let type: ElementType

    /// Scale at input `s` and optional zero point at input `z` (default 0 of `type`).
    init(_ ctx: KernelContext, scale s: Int, zeroPoint z: Int, type: ElementType) throws {
        let st = try ctx.tensor(s)
        guard let sv = try st.doubles().first, st.elementCount == 1 else {
            throw ctx.fail("scale (input \(s)) must be a scalar")
        }
        scale = Float(sv)
        if let zt = try ctx.optionalTensor(z) {
            guard zt.elementType == type, zt.elementCount == 1,
                let zv = try NNTensor.ints(zt, ctx).first
            else { throw ctx.fail("zero point (input \(z)) must be a \(type.name) scalar") }
            zeroPoint = Int32(zv)
        } else {
            zeroPoint = 0
        }
        self.type = type
    }

    init(scale: Float, zeroPoint: Int32, type: ElementType) {
        self.scale = scale
        self.zeroPoint = zeroPoint
        self.type = type
    }

    /// The saturation range of the 8-bit `type`.
    static func range(_ type: ElementType, _ ctx: KernelContext) throws -> ClosedRange<Int32> {
        switch type {
        case .uint8: return 0...255
        case .int8: return -128...127
        default: throw ctx.fail("expects uint8 or int8 data, got \(type.name)")
        }
    }

    /// `saturate(round_half_even(v) + zeroPoint)`.
    func quantize(_ v: Float, _ range: ClosedRange<Int32>) -> Int32 {
        let r = v.rounded(.toNearestOrEven)
        guard r.isFinite else { return r > 0 ? range.upperBound : range.lowerBound }
        let q = Int64(max(min(r, 1e9), -1e9)) + Int64(zeroPoint)
        return Int32(min(max(q, Int64(range.lowerBound)), Int64(range.upperBound)))
    }

    /// `(x - zeroPoint) · scale`.
    func dequantize(_ x: Int32) -> Float { Float(x - zeroPoint) * scale }

    /// A 256-entry table `quantize(f(dequantize(x)) / out.scale)` indexed by `x - range.lower`.
    func table(to out: QParams, _ range: ClosedRange<Int32>, _ f: (Float) -> Float) -> [Int32] {
        range.map { out.quantize(f(dequantize($0)) / out.scale, range) }
    }

    /// Tensor of 8-bit `type` from quantized values.
    static func tensor(_ v: [Int32], shape: [Int64], type: ElementType) -> Tensor {
        if type == .int8 {
            return Tensor(shape: shape, values: v.map { Int8(truncatingIfNeeded: $0) })
        }
        return Tensor(shape: shape, values: v.map { UInt8(truncatingIfNeeded: $0) })
    }
}

/// `com.microsoft.QLinearAdd` / `QLinearMul`: broadcast binary op on 8-bit data,
///
///     Add: C = (A_s·(A − A_zp) + B_s·(B − B_zp)) / C_s + C_zp
///     Mul: C = (A − A_zp)·(B − B_zp) · A_s·B_s / C_s + C_zp
public struct QLinearBinary: OpDefinition {
    public let opType: String
    public var domain: String { "com.microsoft" }
    let isAdd: Bool

    /// `"QLinearAdd"` or `"QLinearMul"`.
    public init(add: Bool) {
        isAdd = add
        opType = add ? "QLinearAdd" : "QLinearMul"
    }

    public func run(_ context: KernelContext) throws -> [Value] {
        let a = try context.tensor(0)
        let b = try context.tensor(3)
        let type = a.elementType
        guard b.elementType == type else { throw context.fail("A and B types differ") }
        let range = try QParams.range(type, context)
        let pa = try QParams(context, scale: 1, zeroPoint: 2, type: type)
        let pb = try QParams(context, scale: 4, zeroPoint: 5, type: type)
        let pc = try QParams(context, scale: 6, zeroPoint: 7, type: type)
        let bc = try Broadcast([a.shape, b.shape])
        let (ia, ib) = (bc.indexMap(input: 0), bc.indexMap(input: 1))
        let av = try NNTensor.ints(a, context).map { Int32($0) - pa.zeroPoint }
        let bv = try NNTensor.ints(b, context).map { Int32($0) - pb.zeroPoint }
        var out = [Int32](repeating: 0, count: bc.count)
        if isAdd {
            let (ra, rb) = (pa.scale / pc.scale, pb.scale / pc.scale)
            for i in out.indices {
                out[i] = pc.quantize(ra * Float(av[ia[i]]) + rb * Float(bv[ib[i]]), range)
            }
        } else {
            let ratio = pa.scale * pb.scale / pc.scale
            for i in out.indices {
                out[i] = pc.quantize(Float(av[ia[i]] * bv[ib[i]]) * ratio, range)
            }
        }
        return [.tensor(QParams.tensor(out, shape: bc.shape.map { Int64($0) }, type: type))]
    }
}

/// `com.microsoft.QLinearSigmoid` / `QLinearLeakyRelu`: `Y = quantize(f(dequantize(X)))`
/// through a 256-entry table.
public struct QLinearUnary: OpDefinition {
    public let opType: String
    public var domain: String { "com.microsoft" }

    /// `"QLinearSigmoid"` or `"QLinearLeakyRelu"`.
    public init(_ opType: String) { self.opType = opType }

    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let type = x.elementType
        let range = try QParams.range(type, context)
        let px = try QParams(context, scale: 1, zeroPoint: 2, type: type)
        let py = try QParams(context, scale: 3, zeroPoint: 4, type: type)
        let f: (Float) -> Float
        switch opType {
        case "QLinearSigmoid": f = { Float(UnaryOp.sigmoid(Double($0))) }
        case "QLinearLeakyRelu":
            let alpha = context.float("alpha", default: 0.01)
            f = { $0 >= 0 ? $0 : alpha * $0 }
        default: throw context.fail("unknown quantized activation")
        }
        let table = px.table(to: py, range, f)
        let y = try NNTensor.ints(x, context).map { table[Int($0) - Int(range.lowerBound)] }
        return [.tensor(QParams.tensor(y, shape: x.shape, type: type))]
    }
}

/// `com.microsoft.QLinearGlobalAveragePool`: the mean over the spatial dims of 8-bit data,
/// requantized: `Y = round((Σx − x_zp·n) · x_s / (y_s · n)) + y_zp`. With `channels_last`
/// X is `[N, spatial..., C]` and Y `[N, 1..., C]`; otherwise `[N, C, spatial...]`/`[N, C, 1...]`.
public struct QLinearGlobalAveragePool: OpDefinition {
    public var domain: String { "com.microsoft" }
    public var opType: String { "QLinearGlobalAveragePool" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let type = x.elementType
        let range = try QParams.range(type, context)
        let px = try QParams(context, scale: 1, zeroPoint: 2, type: type)
        let py = try QParams(context, scale: 3, zeroPoint: 4, type: type)
        let dims = try NNTensor.dims(x, context)
        guard dims.count >= 3 else { throw context.fail("X must have rank >= 3") }
        let channelsLast = context.int("channels_last", default: 0) != 0
        let n = dims[0]
        let c = channelsLast ? dims[dims.count - 1] : dims[1]
        let spatial =
            channelsLast ? dims[1..<(dims.count - 1)].reduce(1, *) : dims[2...].reduce(1, *)
        let xv = try NNTensor.ints(x, context)
        let scale = px.scale / (py.scale * Float(max(spatial, 1)))
        var out = [Int32](repeating: 0, count: n * c)
        for img in 0..<n {
            for ch in 0..<c {
                var s: Int64 = 0
                for p in 0..<spatial {
                    s +=
                        channelsLast
                        ? xv[(img * spatial + p) * c + ch] : xv[(img * c + ch) * spatial + p]
                }
                s -= Int64(px.zeroPoint) * Int64(spatial)
                out[img * c + ch] = py.quantize(Float(s) * scale, range)
            }
        }
        let ones = Array(repeating: 1, count: dims.count - 2)
        let shape = channelsLast ? [n] + ones + [c] : [n, c] + ones
        return [.tensor(QParams.tensor(out, shape: shape.map { Int64($0) }, type: type))]
    }
}

/// `com.microsoft.QLinearConcat`: inputs `Y_scale, Y_zero_point, (X, X_scale, X_zp)...`;
/// each X is requantized to Y's parameters (copied when they are equal) and concatenated
/// along `axis`.
public struct QLinearConcat: OpDefinition {
    public var domain: String { "com.microsoft" }
    public var opType: String { "QLinearConcat" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        let count = context.inputs.count - 2
        guard count > 0, count % 3 == 0 else {
            throw context.fail("expects Y_scale, Y_zero_point and triples (X, scale, zero point)")
        }
        let first = try context.tensor(2)
        let type = first.elementType
        let range = try QParams.range(type, context)
        let py = try QParams(context, scale: 0, zeroPoint: 1, type: type)
        let rank = first.shape.count
        let axis = try Axis.normalize(context.int("axis") ?? 0, rank: rank, op: opType)
        var parts: [(values: [Int32], dims: [Int])] = []
        for k in 0..<(count / 3) {
            let x = try context.tensor(2 + 3 * k)
            guard x.elementType == type else { throw context.fail("inputs have different types") }
            let px = try QParams(context, scale: 3 + 3 * k, zeroPoint: 4 + 3 * k, type: type)
            let d = try NNTensor.dims(x, context)
            guard d.count == rank else { throw context.fail("inputs have different ranks") }
            var v = try NNTensor.ints(x, context).map { Int32($0) }
            if px.scale != py.scale || px.zeroPoint != py.zeroPoint {
                let table = px.table(to: py, range) { $0 }
                v = v.map { table[Int($0) - Int(range.lowerBound)] }
            }
            parts.append((v, d))
        }
        var outDims = parts[0].dims
        outDims[axis] = 0
        for p in parts {
            for i in 0..<rank where i != axis && p.dims[i] != outDims[i] {
                throw context.fail("input shapes differ outside axis \(axis)")
            }
            outDims[axis] += p.dims[axis]
        }
        let outer = outDims[..<axis].reduce(1, *)
        let inner = outDims[(axis + 1)...].reduce(1, *)
        var out: [Int32] = []
        out.reserveCapacity(outer * outDims[axis] * inner)
        for o in 0..<outer {
            for p in parts {
                let block = p.dims[axis] * inner
                out += p.values[(o * block)..<((o + 1) * block)]
            }
        }
        return [.tensor(QParams.tensor(out, shape: outDims.map { Int64($0) }, type: type))]
    }
}

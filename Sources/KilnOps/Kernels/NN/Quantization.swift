import Foundation
import KilnIR

/// How a quantization parameter (scale or zero point) maps onto the elements of X: one value,
/// one per slice along `axis`, or one per block of `blockSize` along `axis` (opset 21+).
struct QuantLayout {
    let outer: Int, axisDim: Int, inner: Int
    let mode: Mode
    enum Mode { case tensor, axis, blocked(Int) }

    init(_ ctx: KernelContext, x: [Int], scale: [Int]) throws {
        let r = x.count
        let blockSize = Int(ctx.int("block_size", default: 0))
        let count = scale.reduce(1, *)
        if scale.isEmpty || (count == 1 && blockSize == 0) {
            (outer, axisDim, inner, mode) = (1, 1, x.reduce(1, *), .tensor)
            return
        }
        let axis = try Axis.normalize(ctx.int("axis", default: 1), rank: max(r, 1), op: ctx.node.opType)
        outer = x[..<axis].reduce(1, *)
        axisDim = x[axis]
        inner = x[(axis + 1)...].reduce(1, *)
        if blockSize > 0 {
            var expected = x
            expected[axis] = (x[axis] + blockSize - 1) / blockSize
            guard scale == expected else {
                throw ctx.fail("blocked scale shape \(scale) must be \(expected)")
            }
            mode = .blocked(blockSize)
        } else {
            guard scale.count == 1, scale[0] == x[axis] else {
                throw ctx.fail("per-axis scale shape \(scale) must be [\(x[axis])]")
            }
            mode = .axis
        }
    }

    /// Parameter index of every element of X, in order.
    func indices() -> [Int] {
        var out = [Int]()
        out.reserveCapacity(outer * axisDim * inner)
        for o in 0..<outer {
            for a in 0..<axisDim {
                for i in 0..<inner {
                    switch mode {
                    case .tensor: out.append(0)
                    case .axis: out.append(a)
                    case .blocked(let bs):
                        let blocks = (axisDim + bs - 1) / bs
                        out.append((o * blocks + a / bs) * inner + i)
                    }
                }
            }
        }
        return out
    }
}

/// ONNX `QuantizeLinear` (10, 13, 19, 21, 23, 24, 25): `y = saturate(round(x / scale) + zp)`,
/// per tensor, per axis or blocked; integer, float8 and float4 outputs.
public struct QuantizeLinear: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "QuantizeLinear" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        let ctx = context
        let x = try ctx.tensor(0)
        let scaleT = try ctx.tensor(1)
        let zpT = try ctx.optionalTensor(2)
        let layout = try QuantLayout(
            ctx, x: try NNTensor.dims(x, ctx), scale: try NNTensor.dims(scaleT, ctx))
        var outType = zpT?.elementType ?? .uint8
        if zpT == nil, let d = ctx.int("output_dtype"), d != 0 {
            guard let t = ElementType(rawValue: Int32(truncatingIfNeeded: d)) else {
                throw ctx.fail("unknown output_dtype \(d)")
            }
            outType = t
        }
        let xv = try x.doubles()
        let scale = try scaleT.doubles()
        let zp = try zpT.map { try QuantCodec.decode($0, ctx) } ?? [Double](repeating: 0, count: scale.count)
        guard zp.count == scale.count else { throw ctx.fail("zero point and scale differ in size") }
        let isInt = QuantCodec.intRange(outType) != nil
        let idx = layout.indices()
        guard idx.count == xv.count else { throw ctx.fail("X and scale layout disagree") }
        // Division in float32, as onnxruntime and the numpy reference do for float32 inputs.
        let q: [Double] = (0..<xv.count).map { i in
            let v = Double(Float(xv[i]) / Float(scale[idx[i]]))
            return isInt ? v.rounded(.toNearestOrEven) + zp[idx[i]] : v + zp[idx[i]]
        }
        let saturate = ctx.int("saturate", default: 1) != 0
        return [.tensor(try QuantCodec.encode(q, shape: x.shape, as: outType, saturate: saturate, ctx))]
    }
}

/// ONNX `DequantizeLinear` (10, 13, 19, 21, 23, 24, 25): `y = (x - zp) · scale` in the scale's
/// type (or `output_dtype`).
public struct DequantizeLinear: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "DequantizeLinear" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        let ctx = context
        let x = try ctx.tensor(0)
        let scaleT = try ctx.tensor(1)
        let zpT = try ctx.optionalTensor(2)
        let layout = try QuantLayout(
            ctx, x: try NNTensor.dims(x, ctx), scale: try NNTensor.dims(scaleT, ctx))
        let xv = try QuantCodec.decode(x, ctx)
        let scale = try scaleT.doubles()
        let zp = try zpT.map { try QuantCodec.decode($0, ctx) } ?? [Double](repeating: 0, count: scale.count)
        guard zp.count == scale.count else { throw ctx.fail("zero point and scale differ in size") }
        let idx = layout.indices()
        guard idx.count == xv.count else { throw ctx.fail("X and scale layout disagree") }
        var outType = scaleT.elementType
        if let d = ctx.int("output_dtype"), d != 0, let t = ElementType(rawValue: Int32(truncatingIfNeeded: d)) {
            outType = t
        }
        let y = (0..<xv.count).map { i in Double(Float(xv[i] - zp[idx[i]]) * Float(scale[idx[i]])) }
        return [.tensor(try Tensor.fromDoubles(y, shape: x.shape, as: outType))]
    }
}

/// ONNX `DynamicQuantizeLinear` (11): uint8 quantization with scale and zero point from the
/// data range (always including 0).
public struct DynamicQuantizeLinear: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "DynamicQuantizeLinear" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let xv = try NNTensor.floats(x, context)
        let (y, scale, zp) = Self.quantize(xv)
        return [
            .tensor(Tensor(shape: x.shape, values: y)),
            .tensor(Tensor(shape: [], values: [scale])),
            .tensor(Tensor(shape: [], values: [zp])),
        ]
    }

    static func quantize(_ xv: [Float]) -> ([UInt8], Float, UInt8) {
        var lo: Float = 0
        var hi: Float = 0
        for v in xv where !v.isNaN {
            lo = Swift.min(lo, v)
            hi = Swift.max(hi, v)
        }
        let scale = (hi - lo) / 255
        guard scale > 0, scale.isFinite else {
            return ([UInt8](repeating: 0, count: xv.count), scale.isFinite ? 0 : scale, 0)
        }
        let zpF = Swift.min(Swift.max((0 - lo / scale).rounded(.toNearestOrEven), 0), 255)
        var y = [UInt8](repeating: 0, count: xv.count)
        xv.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { out in
                for i in 0..<x.count {
                    let r = (x[i] / scale).rounded(.toNearestOrEven) + zpF
                    // NaN inputs quantize to the zero point (never trap on a data value).
                    out[i] = r.isNaN ? UInt8(zpF) : UInt8(Swift.min(Swift.max(r, 0), 255))
                }
            }
        }
        return (y, scale, UInt8(zpF))
    }
}

import CKilnKernels
import Foundation
import KilnIR
import KilnOps

// Per-tensor QuantizeLinear (float32 → uint8/int8) and DequantizeLinear (uint8/int8 → float32, and
// int32 per tensor or per axis: the scaling after ConvInteger/MatMulInteger) in C
// (`ckiln_quantize_u8`, `ckiln_dequantize_u8`): what stays of a QDQ model between its integer
// convolutions (around pooling, concatenation, residual additions). Per-axis and blocked
// parameters, other types and NaN inputs run the reference kernel the op replaces; results are
// bit-identical to it (NNFastIntegerTests).

/// A scalar float32 scale and an optional scalar 8-bit zero point (`type` nil: any 8-bit).
private func scalarParams(_ ctx: KernelContext, zeroPointType: ElementType?) throws
    -> (scale: Float, zeroPoint: Int32, type: ElementType)?
{
    guard ctx.node.attribute("block_size").map({ $0.int == 0 }) ?? true,
        let s = Int8Operand.scales(try ctx.optionalTensor(1), count: 1), s[0] != 0
    else { return nil }
    let zpT = try ctx.optionalTensor(2)
    let type = zpT?.elementType ?? zeroPointType ?? .uint8
    guard type == .uint8 || type == .int8, zeroPointType == nil || zeroPointType == type,
        let zp = Int8Operand.zeroPoints(zpT, type: type, count: 1)
    else { return nil }
    return (s[0], zp[0], type)
}

/// `QuantizeLinear` per tensor from float32; other cases run `fallback`.
struct FastQuantizeLinear: OpDefinition {
    let fallback: any OpDefinition
    let isa: Int32
    var domain: String { "" }
    var opType: String { "QuantizeLinear" }

    func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let dtype = context.int("output_dtype").flatMap { $0 == 0 ? nil : $0 }
        let declared: ElementType? = dtype.flatMap {
            ElementType(rawValue: Int32(truncatingIfNeeded: $0))
        }
        guard x.elementType == .float32, let n = x.elementCount, x.data.count == n * 4,
            dtype == nil || declared == .uint8 || declared == .int8,
            let p = try scalarParams(context, zeroPointType: declared)
        else { return try fallback.run(context) }
        var y = Data(count: n)
        let sawNaN = y.withUnsafeMutableBytes { out in
            x.data.withUnsafeBytes { raw in
                guard let yp = out.bindMemory(to: UInt8.self).baseAddress,
                    let xp = raw.bindMemory(to: Float.self).baseAddress
                else { return false }
                return ckiln_quantize_u8(
                    isa, xp, n, p.scale, p.zeroPoint, p.type == .int8 ? 1 : 0, yp) != 0
            }
        }
        if sawNaN { return try fallback.run(context) }
        return [.tensor(Tensor(elementType: p.type, shape: x.shape, data: y))]
    }
}

/// `DequantizeLinear` per tensor to float32; other cases run `fallback`.
struct FastDequantizeLinear: OpDefinition {
    let fallback: any OpDefinition
    let isa: Int32
    var domain: String { "" }
    var opType: String { "DequantizeLinear" }

    func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let dtype = context.int("output_dtype") ?? 0
        if x.elementType == .int32, dtype == 0 || dtype == 1,
            let y = try dequantizeInt32(x, context)
        {
            return [.tensor(y)]
        }
        guard Int8Operand.isPlain8Bit(x), let n = x.elementCount, dtype == 0 || dtype == 1,
            let p = try scalarParams(context, zeroPointType: x.elementType)
        else { return try fallback.run(context) }
        var y = Data(count: n * 4)
        y.withUnsafeMutableBytes { out in
            x.data.withUnsafeBytes { raw in
                guard let yp = out.bindMemory(to: Float.self).baseAddress,
                    let xp = raw.bindMemory(to: UInt8.self).baseAddress
                else { return }
                ckiln_dequantize_u8(
                    isa, xp, n, p.type == .int8 ? 1 : 0, p.zeroPoint, p.scale, yp)
            }
        }
        return [.tensor(Tensor(elementType: .float32, shape: x.shape, data: y))]
    }

    /// int32 without zero point (or a zero one), float32 scale per tensor or per axis: the
    /// scaling of an integer convolution or matmul's accumulators. Nil for other cases.
    func dequantizeInt32(_ x: Tensor, _ ctx: KernelContext) throws -> Tensor? {
        guard let n = x.elementCount, x.data.count == n * 4,
            ctx.node.attribute("block_size").map({ $0.int == 0 }) ?? true
        else { return nil }
        if let zp = try ctx.optionalTensor(2) {
            guard zp.elementType == .int32,
                zp.values(as: Int32.self)?.allSatisfy({ $0 == 0 }) == true
            else { return nil }
        }
        let scaleT = try ctx.tensor(1)
        guard scaleT.elementType == .float32, let count = scaleT.elementCount,
            scaleT.data.count == count * 4, scaleT.shape.count <= 1,
            let scales = scaleT.values(as: Float.self)
        else { return nil }
        let dims = x.shape.map { Int($0) }
        var (outer, axisDim, inner) = (1, 1, n)
        if count != 1 {
            let rank = dims.count
            var axis = Int(ctx.int("axis", default: 1))
            if axis < 0 { axis += rank }
            guard axis >= 0, axis < rank, dims[axis] == count, scaleT.shape.count == 1 else {
                return nil
            }
            outer = dims[..<axis].reduce(1, *)
            axisDim = count
            inner = dims[(axis + 1)...].reduce(1, *)
        }
        var y = Data(count: n * 4)
        y.withUnsafeMutableBytes { out in
            x.data.withUnsafeBytes { raw in
                scales.withUnsafeBufferPointer { sp in
                    guard let yp = out.bindMemory(to: Float.self).baseAddress,
                        let xp = raw.bindMemory(to: Int32.self).baseAddress
                    else { return }
                    ckiln_dequantize_i32(
                        xp, outer, axisDim, inner, sp.baseAddress, count == 1 ? 0 : 1, yp)
                }
            }
        }
        return Tensor(elementType: .float32, shape: x.shape, data: y)
    }
}

/// `Cast` of int32, int8 or uint8 to float32: the Cast·Mul dequantization of opsets before 13
/// (after ConvInteger/MatMulInteger, of 8-bit weights) in one converting loop instead of the
/// reference kernel's trip through `Double` (which was a quarter of tinyocr_det's int8 time).
/// Bit-identical: `Float(i)` rounds an int32 to nearest even, as `Float(Double(i))` does. Other
/// casts are declined (the reference kernel runs them).
struct FastCastToFloat: KernelVariant {
    var domain: String { "" }
    var opType: String { "Cast" }

    func run(ifSupported context: KernelContext) throws -> [Value]? {
        let x = try context.tensor(0)
        let width = x.elementType == .int32 ? 4 : 1
        guard context.int("to") == Int64(ElementType.float32.rawValue),
            [.int32, .int8, .uint8].contains(x.elementType), let n = x.elementCount,
            x.data.count == n * width
        else { return nil }
        var y = Data(count: n * 4)
        y.withUnsafeMutableBytes { out in
            x.data.withUnsafeBytes { raw in
                guard let yp = out.bindMemory(to: Float.self).baseAddress else { return }
                switch x.elementType {
                case .int32:
                    guard let xp = raw.bindMemory(to: Int32.self).baseAddress else { return }
                    for i in 0..<n { yp[i] = Float(xp[i]) }
                case .int8:
                    guard let xp = raw.bindMemory(to: Int8.self).baseAddress else { return }
                    for i in 0..<n { yp[i] = Float(xp[i]) }
                default:
                    guard let xp = raw.bindMemory(to: UInt8.self).baseAddress else { return }
                    for i in 0..<n { yp[i] = Float(xp[i]) }
                }
            }
        }
        return [.tensor(Tensor(elementType: .float32, shape: x.shape, data: y))]
    }
}

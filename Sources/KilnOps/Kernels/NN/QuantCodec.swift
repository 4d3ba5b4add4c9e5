import Foundation
import KilnIR

/// Element codec for the quantization ops: every integer type (including packed 4- and 2-bit),
/// the float8 formats and float4e2m1, read as and written from `Double`.
enum QuantCodec {
    static func decode(_ t: Tensor, _ ctx: KernelContext) throws -> [Double] {
        guard let n = t.elementCount, let bytes = t.elementType.byteCount(elements: n),
            t.data.count >= bytes
        else { throw ctx.fail("tensor '\(t.name)' has an invalid payload") }
        let raw = [UInt8](t.data)
        switch t.elementType {
        case .int2, .uint2:
            return (0..<n).map { i in
                let v = Int((raw[i / 4] >> UInt8(2 * (i % 4))) & 0x3)
                return Double(t.elementType == .int2 && v >= 2 ? v - 4 : v)
            }
        case .float4e2m1:
            return (0..<n).map { i in
                let v = (raw[i / 2] >> UInt8(4 * (i % 2))) & 0xF
                let mag = fp4Values[Int(v & 0x7)]
                return v & 0x8 != 0 ? -mag : mag
            }
        default:
            return try t.doubles()
        }
    }

    static let fp4Values: [Double] = [0, 0.5, 1, 1.5, 2, 3, 4, 6]

    /// The representable range of an integer type, or `nil` for float types.
    static func intRange(_ type: ElementType) -> ClosedRange<Double>? {
        switch type {
        case .int8: return -128...127
        case .uint8: return 0...255
        case .int16: return -32768...32767
        case .uint16: return 0...65535
        case .int32: return -2_147_483_648...2_147_483_647
        case .uint32: return 0...4_294_967_295
        case .int4: return -8...7
        case .uint4: return 0...15
        case .int2: return -2...1
        case .uint2: return 0...3
        default: return nil
        }
    }

    /// Encodes `values` as `type`. Integers are rounded half to even and clamped; float8 and
    /// float4 round to nearest even and saturate when `saturate` is set.
    static func encode(
        _ values: [Double], shape: [Int64], as type: ElementType, saturate: Bool,
        _ ctx: KernelContext
    ) throws -> Tensor {
        if let range = intRange(type) {
            let v = values.map { min(max($0.rounded(.toNearestOrEven), range.lowerBound), range.upperBound) }
            switch type {
            case .int2, .uint2:
                var bytes = [UInt8](repeating: 0, count: (v.count + 3) / 4)
                for (i, x) in v.enumerated() {
                    bytes[i / 4] |= (UInt8(truncatingIfNeeded: Int(x)) & 0x3) << UInt8(2 * (i % 4))
                }
                return Tensor(elementType: type, shape: shape, data: Data(bytes))
            default:
                return try Tensor.fromDoubles(v, shape: shape, as: type)
            }
        }
        let format: MinifloatFormat?
        switch type {
        case .float8e4m3fn: format = .e4m3fn
        case .float8e4m3fnuz: format = .e4m3fnuz
        case .float8e5m2: format = .e5m2
        case .float8e5m2fnuz: format = .e5m2fnuz
        default: format = nil
        }
        if let format {
            let bytes = values.map { format.encode(Float($0), saturate: saturate) }
            return Tensor(elementType: type, shape: shape, data: Data(bytes))
        }
        if type == .float4e2m1 {
            var bytes = [UInt8](repeating: 0, count: (values.count + 1) / 2)
            for (i, x) in values.enumerated() {
                bytes[i / 2] |= fp4Encode(x) << UInt8(4 * (i % 2))
            }
            return Tensor(elementType: type, shape: shape, data: Data(bytes))
        }
        if NNTensor.isFloat(type) {
            return try Tensor.fromDoubles(values, shape: shape, as: type)
        }
        throw KilnError(
            .unsupportedFeature, "\(ctx.node.opType): element type \(type.name) is not supported",
            at: ctx.location)
    }

    /// Nearest float4e2m1 code (ties to even mantissa), saturating at ±6; NaN → +6.
    static func fp4Encode(_ x: Double) -> UInt8 {
        if x.isNaN { return 0x7 }
        let sign: UInt8 = x.sign == .minus ? 0x8 : 0
        let a = abs(x)
        var best = 0
        for i in 1..<fp4Values.count {
            let d = abs(fp4Values[i] - a), bd = abs(fp4Values[best] - a)
            if d < bd || (d == bd && i % 2 == 0) { best = i }
        }
        return sign | UInt8(best)
    }
}

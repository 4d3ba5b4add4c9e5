import Foundation
import KilnIR

/// Float access to tensors for the NN kernels: every floating type is computed in `Float`
/// (float64 inputs lose precision beyond what the conformance tolerance checks).
enum NNTensor {
    /// Dims as `Int`, throwing on negative or overflowing shapes.
    static func dims(_ t: Tensor, _ ctx: KernelContext) throws -> [Int] {
        guard t.elementCount != nil else { throw ctx.fail("invalid shape \(t.shape)") }
        return t.shape.map { Int($0) }
    }

    /// The elements of a floating-point tensor converted to `Float`.
    static func floats(_ t: Tensor, _ ctx: KernelContext) throws -> [Float] {
        guard let n = t.elementCount, let bytes = t.elementType.byteCount(elements: n),
            t.data.count >= bytes
        else { throw ctx.fail("tensor \(t.name) has an invalid shape or payload") }
        switch t.elementType {
        case .float32:
            return [Float](unsafeUninitializedCapacity: n) { buf, count in
                t.data.withUnsafeBytes { raw in
                    UnsafeMutableRawBufferPointer(buf).copyMemory(
                        from: UnsafeRawBufferPointer(rebasing: raw[0..<n * 4]))
                }
                count = n
            }
        case .float64:
            return t.data.withUnsafeBytes { raw in
                (0..<n).map { Float(raw.loadUnaligned(fromByteOffset: $0 * 8, as: Double.self)) }
            }
        case .float16:
            return t.data.withUnsafeBytes { raw in
                (0..<n).map { halfToFloat(raw.loadUnaligned(fromByteOffset: $0 * 2, as: UInt16.self)) }
            }
        case .bfloat16:
            return t.data.withUnsafeBytes { raw in
                (0..<n).map {
                    let h = raw.loadUnaligned(fromByteOffset: $0 * 2, as: UInt16.self)
                    return Float(bitPattern: UInt32(h) << 16)
                }
            }
        default:
            throw ctx.fail("expected a floating-point tensor, got \(t.elementType.name)")
        }
    }

    /// Calls `body` with the elements as `Float`, without copying aligned float32 payloads.
    static func withFloats<R>(
        _ t: Tensor, _ ctx: KernelContext, _ body: (UnsafeBufferPointer<Float>) throws -> R
    ) throws -> R {
        if t.elementType == .float32, let n = t.elementCount, t.data.count == n * 4 {
            let aligned = t.data.withUnsafeBytes { raw in
                Int(bitPattern: raw.baseAddress) % MemoryLayout<Float>.alignment == 0
            }
            if aligned {
                return try t.data.withUnsafeBytes { raw in
                    try body(raw.assumingMemoryBound(to: Float.self))
                }
            }
        }
        let v = try floats(t, ctx)
        return try v.withUnsafeBufferPointer(body)
    }

    /// Allocates a zeroed output of floating `type`, lets `fill` write it as `Float`, and
    /// returns the tensor (converted when `type` is not float32).
    static func output(
        _ type: ElementType, shape: [Int], _ ctx: KernelContext,
        _ fill: (UnsafeMutableBufferPointer<Float>) throws -> Void
    ) throws -> Tensor {
        guard let n = Tensor.elementCount(shape.map { Int64($0) }),
            n <= Int.max / 8
        else { throw ctx.fail("output shape \(shape) is too large") }
        let s = shape.map { Int64($0) }
        if type == .float32 {
            var data = Data(count: n * 4)
            try data.withUnsafeMutableBytes { raw in
                try fill(raw.bindMemory(to: Float.self))
            }
            return Tensor(elementType: .float32, shape: s, data: data)
        }
        var v = [Float](repeating: 0, count: n)
        try v.withUnsafeMutableBufferPointer { try fill($0) }
        return make(type, shape: shape, v)
    }

    /// Integer elements widened to Int64 (any integer type, bool).
    static func ints(_ t: Tensor, _ ctx: KernelContext) throws -> [Int64] {
        guard let v = t.int64Values() else {
            throw ctx.fail("expected an integer tensor, got \(t.elementType.name)")
        }
        return v
    }

    /// Builds a tensor of floating `type` from `Float` values.
    static func make(_ type: ElementType, shape: [Int], _ values: [Float]) -> Tensor {
        let s = shape.map { Int64($0) }
        switch type {
        case .float64: return Tensor(shape: s, values: values.map { Double($0) })
        case .float16:
            let bits = values.map { floatToHalf($0) }
            return Tensor(elementType: .float16, shape: s, data: bits.withUnsafeBytes { Data($0) })
        case .bfloat16:
            let bits = values.map { floatToBFloat16($0) }
            return Tensor(elementType: .bfloat16, shape: s, data: bits.withUnsafeBytes { Data($0) })
        default: return Tensor(shape: s, values: values)
        }
    }

    /// True for the floating types the NN kernels compute.
    static func isFloat(_ type: ElementType) -> Bool {
        type == .float32 || type == .float64 || type == .float16 || type == .bfloat16
    }

    // MARK: - Half-precision conversion

    static func halfToFloat(_ h: UInt16) -> Float {
        let sign = UInt32(h & 0x8000) << 16
        let exp = Int((h >> 10) & 0x1f)
        let man = UInt32(h & 0x3ff)
        if exp == 0 {
            let v = Float(man) * Float(sign: .plus, exponent: -24, significand: 1)
            return sign != 0 ? -v : v
        }
        if exp == 31 {
            return Float(bitPattern: sign | 0x7f80_0000 | (man << 13))
        }
        return Float(bitPattern: sign | UInt32(exp - 15 + 127) << 23 | (man << 13))
    }

    /// Round-to-nearest-even float → half.
    static func floatToHalf(_ f: Float) -> UInt16 {
        let bits = f.bitPattern
        let sign = UInt16((bits >> 16) & 0x8000)
        if f.isNaN { return sign | 0x7e00 }
        let a = abs(f)
        if a >= 65520 { return sign | 0x7c00 }
        if a < Float(sign: .plus, exponent: -14, significand: 1) {
            // Subnormal: scale to units of 2^-24 and round to nearest even.
            let q = (a * Float(sign: .plus, exponent: 24, significand: 1)).rounded(.toNearestOrEven)
            return sign | UInt16(q)
        }
        let exp = Int((bits >> 23) & 0xff) - 127 + 15
        var man = bits & 0x7f_ffff
        var e = UInt32(exp)
        let round = man & 0x1fff
        man >>= 13
        if round > 0x1000 || (round == 0x1000 && (man & 1) == 1) {
            man += 1
            if man == 0x400 {
                man = 0
                e += 1
            }
        }
        return sign | UInt16(e << 10) | UInt16(man)
    }

    static func floatToBFloat16(_ f: Float) -> UInt16 {
        if f.isNaN { return 0x7fc0 }
        let bits = f.bitPattern
        let rounded = bits &+ 0x7fff &+ ((bits >> 16) & 1)
        return UInt16(rounded >> 16)
    }
}

extension KernelContext {
    /// An `ints` attribute of exactly `count` entries, or `fallback` when absent.
    func ints(_ name: String, count: Int, default fallback: Int) throws -> [Int] {
        guard let v = ints(name) else { return Array(repeating: fallback, count: count) }
        guard v.count == count else {
            throw fail("attribute \(name) has \(v.count) values, expected \(count)")
        }
        return v.map { Int($0) }
    }
}

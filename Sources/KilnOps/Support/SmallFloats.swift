// Bit-level conversions for the element types Swift has no native type for: bfloat16, the four
// ONNX float8 formats and the packed 4-bit integers. Each is a tiny wrapper over its storage bits
// so arrays of them have the exact packed tensor layout (except the 4-bit types, which are
// packed two per byte by `KernelElement.pack`).
//
// Float -> small float conversions round to nearest, ties to even (RNE), as the ONNX Cast spec
// requires. Values beyond the largest finite value saturate to it when `saturate` is true (the
// ONNX default); otherwise they become infinity (e5m2) or NaN (formats without infinity).

// MARK: - Generic minifloat codec

/// Describes one small binary floating-point format (sign + exponent + mantissa in <= 8 bits).
struct MinifloatFormat: Sendable {
    let exponentBits: Int
    let mantissaBits: Int
    let bias: Int
    /// True when the all-ones exponent encodes infinity and NaN (IEEE style, e5m2).
    let ieeeSpecials: Bool
    /// True for the "fnuz" formats: no negative zero, the single NaN is 0x80, no infinity.
    let unsignedZero: Bool
    let maxFinite: Double
    let nanBits: UInt8
    let infBits: UInt8?

    static let e4m3fn = MinifloatFormat(
        exponentBits: 4, mantissaBits: 3, bias: 7, ieeeSpecials: false, unsignedZero: false,
        maxFinite: 448, nanBits: 0x7F, infBits: nil)
    static let e4m3fnuz = MinifloatFormat(
        exponentBits: 4, mantissaBits: 3, bias: 8, ieeeSpecials: false, unsignedZero: true,
        maxFinite: 240, nanBits: 0x80, infBits: nil)
    static let e5m2 = MinifloatFormat(
        exponentBits: 5, mantissaBits: 2, bias: 15, ieeeSpecials: true, unsignedZero: false,
        maxFinite: 57344, nanBits: 0x7F, infBits: 0x7C)
    static let e5m2fnuz = MinifloatFormat(
        exponentBits: 5, mantissaBits: 2, bias: 16, ieeeSpecials: false, unsignedZero: true,
        maxFinite: 57344, nanBits: 0x80, infBits: nil)

    /// Decodes `bits` to its exact value.
    func decode(_ bits: UInt8) -> Float {
        let signBit = bits & 0x80
        let exponentMask = (1 << exponentBits) - 1
        let e = Int(bits >> UInt8(mantissaBits)) & exponentMask
        let m = Int(bits) & ((1 << mantissaBits) - 1)
        if unsignedZero {
            if bits == 0x80 { return .nan }
        } else if ieeeSpecials {
            if e == exponentMask { return m == 0 ? (signBit != 0 ? -.infinity : .infinity) : .nan }
        } else if e == exponentMask && m == (1 << mantissaBits) - 1 {
            return .nan
        }
        let magnitude: Double
        if e == 0 {
            magnitude = Double(m) * pow2(1 - bias - mantissaBits)
        } else {
            magnitude = (1 + Double(m) / Double(1 << mantissaBits)) * pow2(e - bias)
        }
        return Float(signBit != 0 ? -magnitude : magnitude)
    }

    /// Encodes `value` with round-to-nearest-even and the ONNX saturation rule.
    func encode(_ value: Float, saturate: Bool) -> UInt8 {
        if value.isNaN { return nanBits }
        let negative = value.sign == .minus
        let signBit: UInt8 = negative && !unsignedZero ? 0x80 : 0
        let overflowBits: UInt8 = {
            if saturate { return (negative ? 0x80 : 0) | encodeMagnitude(maxFinite) }
            if let infBits { return (negative ? 0x80 : 0) | infBits }
            return nanBits
        }()
        if value.isInfinite { return overflowBits }
        let a = Double(value.magnitude)
        if a == 0 { return signBit }
        let minNormalExponent = 1 - bias
        let e = max(Int(a.exponent), minNormalExponent)
        let quantum = pow2(e - mantissaBits)
        let rounded = (a / quantum).rounded(.toNearestOrEven) * quantum
        if rounded > maxFinite { return overflowBits }
        if rounded == 0 { return unsignedZero ? 0 : signBit }
        return (negative ? 0x80 : 0) | encodeMagnitude(rounded)
    }

    /// Bits of a positive, exactly representable magnitude.
    private func encodeMagnitude(_ a: Double) -> UInt8 {
        let minNormal = pow2(1 - bias)
        if a < minNormal {
            return UInt8(a / pow2(1 - bias - mantissaBits))
        }
        let e = Int(a.exponent)
        let fraction = a / pow2(e) - 1
        let m = Int(fraction * Double(1 << mantissaBits))
        return UInt8(((e + bias) << mantissaBits) | m)
    }

    private func pow2(_ e: Int) -> Double { Double(sign: .plus, exponent: e, significand: 1) }
}

// MARK: - Storage wrappers

/// IEEE bfloat16 stored as its 16 bits.
public struct BFloat16: Sendable, Hashable {
    public var bits: UInt16
    public init(bits: UInt16) { self.bits = bits }
    /// Rounds `value` to nearest even; NaN stays NaN.
    public init(_ value: Float) {
        let b = value.bitPattern
        if value.isNaN {
            bits = UInt16(truncatingIfNeeded: b >> 16) | 0x0040
            return
        }
        let roundingBias = ((b >> 16) & 1) &+ 0x7FFF
        bits = UInt16(truncatingIfNeeded: (b &+ roundingBias) >> 16)
    }
    public var floatValue: Float { Float(bitPattern: UInt32(bits) << 16) }
}

/// Float8 E4M3FN (no infinity, NaN = S.1111.111), stored as its 8 bits.
public struct Float8E4M3FN: Sendable, Hashable {
    public var bits: UInt8
    public init(bits: UInt8) { self.bits = bits }
    public init(_ value: Float, saturate: Bool = true) {
        bits = MinifloatFormat.e4m3fn.encode(value, saturate: saturate)
    }
    public var floatValue: Float { MinifloatFormat.e4m3fn.decode(bits) }
}

/// Float8 E4M3FNUZ (no infinity, no negative zero, NaN = 0x80), stored as its 8 bits.
public struct Float8E4M3FNUZ: Sendable, Hashable {
    public var bits: UInt8
    public init(bits: UInt8) { self.bits = bits }
    public init(_ value: Float, saturate: Bool = true) {
        bits = MinifloatFormat.e4m3fnuz.encode(value, saturate: saturate)
    }
    public var floatValue: Float { MinifloatFormat.e4m3fnuz.decode(bits) }
}

/// Float8 E5M2 (IEEE-style infinity and NaN), stored as its 8 bits.
public struct Float8E5M2: Sendable, Hashable {
    public var bits: UInt8
    public init(bits: UInt8) { self.bits = bits }
    public init(_ value: Float, saturate: Bool = true) {
        bits = MinifloatFormat.e5m2.encode(value, saturate: saturate)
    }
    public var floatValue: Float { MinifloatFormat.e5m2.decode(bits) }
}

/// Float8 E5M2FNUZ (no infinity, no negative zero, NaN = 0x80), stored as its 8 bits.
public struct Float8E5M2FNUZ: Sendable, Hashable {
    public var bits: UInt8
    public init(bits: UInt8) { self.bits = bits }
    public init(_ value: Float, saturate: Bool = true) {
        bits = MinifloatFormat.e5m2fnuz.encode(value, saturate: saturate)
    }
    public var floatValue: Float { MinifloatFormat.e5m2fnuz.decode(bits) }
}

/// A signed 4-bit integer (-8...7), one per value; packed two per byte in tensors.
public struct Int4: Sendable, Hashable {
    public var value: Int8
    /// Wraps to 4 bits (two's complement), like integer truncation.
    public init(truncating v: Int64) {
        let low = Int8(truncatingIfNeeded: v & 0xF)
        value = low >= 8 ? low - 16 : low
    }
    /// Clamps to -8...7.
    public init(clamping v: Int64) { value = Int8(min(max(v, -8), 7)) }
}

/// An unsigned 4-bit integer (0...15), one per value; packed two per byte in tensors.
public struct UInt4: Sendable, Hashable {
    public var value: UInt8
    public init(truncating v: Int64) { value = UInt8(truncatingIfNeeded: v & 0xF) }
    public init(clamping v: Int64) { value = UInt8(min(max(v, 0), 15)) }
}

import Foundation
import KilnIR

/// A fixed-size tensor element type a kernel can read and write as a Swift value.
///
/// Every fixed-size ONNX element type except complex and float4 has a conforming type:
/// `Float`, `Double`, `Float16`, the integers, `Bool`, and the storage wrappers `BFloat16`,
/// `Float8E4M3FN`, `Float8E4M3FNUZ`, `Float8E5M2`, `Float8E5M2FNUZ`, `Int4`, `UInt4`.
/// Conversions through `Double` and `Int64` follow ONNX Cast semantics (see each initializer).
public protocol KernelElement: Sendable, Equatable {
    /// The ONNX element type this Swift type stores.
    static var elementType: ElementType { get }
    /// Zero of this type (`false` for Bool).
    static var zero: Self { get }
    /// The value as a Double (exact for every type except large 64-bit integers).
    var doubleValue: Double { get }
    /// The value as Int64: integers exactly (UInt64 by bit pattern), floats truncated toward
    /// zero and clamped (NaN -> 0), Bool as 0/1.
    var int64Value: Int64 { get }
    /// Cast from Double: floats round to nearest even (small floats saturate), integers
    /// truncate toward zero and clamp (NaN -> 0), Bool is `value != 0`.
    init(double: Double)
    /// Cast from Int64: integers wrap (two's complement truncation), floats round.
    init(int64: Int64)
    /// Reads `count` packed elements from `data`.
    static func unpack(_ data: Data, count: Int) -> [Self]
    /// Packs `values` into tensor bytes.
    static func pack(_ values: [Self]) -> Data
}

extension KernelElement {
    /// Byte-for-byte copy: valid for every type whose Swift layout equals its tensor layout.
    public static func unpack(_ data: Data, count: Int) -> [Self] {
        let stride = MemoryLayout<Self>.stride
        precondition(data.count >= count * stride, "tensor data shorter than its shape")
        return [Self](unsafeUninitializedCapacity: count) { buf, initialized in
            data.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buf).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: raw[0..<count * stride]))
            }
            initialized = count
        }
    }

    public static func pack(_ values: [Self]) -> Data {
        values.withUnsafeBytes { Data($0) }
    }
}

/// Clamped, truncating Double -> integer conversion (NaN -> 0) used by integer `init(double:)`.
@inline(__always)
func clampTruncate<I: FixedWidthInteger>(_ d: Double, to: I.Type) -> I {
    if d.isNaN { return 0 }
    let t = d.rounded(.towardZero)
    if t <= Double(I.min) { return I.min }
    if t >= Double(I.max) { return I.max }
    return I(t)
}

/// Kernel elements that are native Swift binary floating-point types (Float, Double, Float16);
/// generic float kernels are written against this.
public protocol KernelFloat: KernelElement, BinaryFloatingPoint {}

/// Kernel elements that are native fixed-width integers.
public protocol KernelInteger: KernelElement, FixedWidthInteger {}

// MARK: - Native floats

extension Float: KernelFloat {
    public static var elementType: ElementType { .float32 }
    public static var zero: Float { 0 }
    public var doubleValue: Double { Double(self) }
    public var int64Value: Int64 { clampTruncate(Double(self), to: Int64.self) }
    public init(double: Double) { self = Float(double) }
    public init(int64: Int64) { self = Float(int64) }
}

extension Double: KernelFloat {
    public static var elementType: ElementType { .float64 }
    public static var zero: Double { 0 }
    public var doubleValue: Double { self }
    public var int64Value: Int64 { clampTruncate(self, to: Int64.self) }
    public init(double: Double) { self = double }
    public init(int64: Int64) { self = Double(int64) }
}

extension Float16: KernelFloat {
    public static var elementType: ElementType { .float16 }
    public static var zero: Float16 { 0 }
    public var doubleValue: Double { Double(self) }
    public var int64Value: Int64 { clampTruncate(Double(self), to: Int64.self) }
    // Double -> Float16 rounds once (Swift converts directly, RNE).
    public init(double: Double) { self = Float16(double) }
    public init(int64: Int64) { self = Float16(Double(int64)) }
}

// MARK: - Integers and Bool

extension Int8: KernelInteger {
    public static var zero: Int8 { 0 }
    public var doubleValue: Double { Double(self) }
    public var int64Value: Int64 { Int64(self) }
    public init(double: Double) { self = clampTruncate(double, to: Int8.self) }
    public init(int64: Int64) { self = Int8(truncatingIfNeeded: int64) }
}
extension Int16: KernelInteger {
    public static var zero: Int16 { 0 }
    public var doubleValue: Double { Double(self) }
    public var int64Value: Int64 { Int64(self) }
    public init(double: Double) { self = clampTruncate(double, to: Int16.self) }
    public init(int64: Int64) { self = Int16(truncatingIfNeeded: int64) }
}
extension Int32: KernelInteger {
    public static var zero: Int32 { 0 }
    public var doubleValue: Double { Double(self) }
    public var int64Value: Int64 { Int64(self) }
    public init(double: Double) { self = clampTruncate(double, to: Int32.self) }
    public init(int64: Int64) { self = Int32(truncatingIfNeeded: int64) }
}
extension Int64: KernelInteger {
    public static var zero: Int64 { 0 }
    public var doubleValue: Double { Double(self) }
    public var int64Value: Int64 { self }
    public init(double: Double) { self = clampTruncate(double, to: Int64.self) }
    public init(int64: Int64) { self = int64 }
}
extension UInt8: KernelInteger {
    public static var zero: UInt8 { 0 }
    public var doubleValue: Double { Double(self) }
    public var int64Value: Int64 { Int64(self) }
    public init(double: Double) { self = clampTruncate(double, to: UInt8.self) }
    public init(int64: Int64) { self = UInt8(truncatingIfNeeded: int64) }
}
extension UInt16: KernelInteger {
    public static var zero: UInt16 { 0 }
    public var doubleValue: Double { Double(self) }
    public var int64Value: Int64 { Int64(self) }
    public init(double: Double) { self = clampTruncate(double, to: UInt16.self) }
    public init(int64: Int64) { self = UInt16(truncatingIfNeeded: int64) }
}
extension UInt32: KernelInteger {
    public static var zero: UInt32 { 0 }
    public var doubleValue: Double { Double(self) }
    public var int64Value: Int64 { Int64(self) }
    public init(double: Double) { self = clampTruncate(double, to: UInt32.self) }
    public init(int64: Int64) { self = UInt32(truncatingIfNeeded: int64) }
}
extension UInt64: KernelInteger {
    public static var zero: UInt64 { 0 }
    public var doubleValue: Double { Double(self) }
    public var int64Value: Int64 { Int64(bitPattern: self) }
    public init(double: Double) { self = clampTruncate(double, to: UInt64.self) }
    public init(int64: Int64) { self = UInt64(bitPattern: int64) }
}

extension Bool: KernelElement {
    public static var zero: Bool { false }
    public var doubleValue: Double { self ? 1 : 0 }
    public var int64Value: Int64 { self ? 1 : 0 }
    public init(double: Double) { self = double != 0 }
    public init(int64: Int64) { self = int64 != 0 }
    // Tensor bools are bytes that may hold values other than 0/1; normalize on read.
    public static func unpack(_ data: Data, count: Int) -> [Bool] {
        let bytes = UInt8.unpack(data, count: count)
        return bytes.map { $0 != 0 }
    }
}

// MARK: - Wrapped small floats

extension BFloat16: KernelElement {
    public static var elementType: ElementType { .bfloat16 }
    public static var zero: BFloat16 { BFloat16(bits: 0) }
    public var doubleValue: Double { Double(floatValue) }
    public var int64Value: Int64 { clampTruncate(doubleValue, to: Int64.self) }
    public init(double: Double) { self.init(Float(double)) }
    public init(int64: Int64) { self.init(Float(int64)) }
}
extension Float8E4M3FN: KernelElement {
    public static var elementType: ElementType { .float8e4m3fn }
    public static var zero: Float8E4M3FN { Float8E4M3FN(bits: 0) }
    public var doubleValue: Double { Double(floatValue) }
    public var int64Value: Int64 { clampTruncate(doubleValue, to: Int64.self) }
    public init(double: Double) { self.init(Float(double)) }
    public init(int64: Int64) { self.init(Float(int64)) }
}
extension Float8E4M3FNUZ: KernelElement {
    public static var elementType: ElementType { .float8e4m3fnuz }
    public static var zero: Float8E4M3FNUZ { Float8E4M3FNUZ(bits: 0) }
    public var doubleValue: Double { Double(floatValue) }
    public var int64Value: Int64 { clampTruncate(doubleValue, to: Int64.self) }
    public init(double: Double) { self.init(Float(double)) }
    public init(int64: Int64) { self.init(Float(int64)) }
}
extension Float8E5M2: KernelElement {
    public static var elementType: ElementType { .float8e5m2 }
    public static var zero: Float8E5M2 { Float8E5M2(bits: 0) }
    public var doubleValue: Double { Double(floatValue) }
    public var int64Value: Int64 { clampTruncate(doubleValue, to: Int64.self) }
    public init(double: Double) { self.init(Float(double)) }
    public init(int64: Int64) { self.init(Float(int64)) }
}
extension Float8E5M2FNUZ: KernelElement {
    public static var elementType: ElementType { .float8e5m2fnuz }
    public static var zero: Float8E5M2FNUZ { Float8E5M2FNUZ(bits: 0) }
    public var doubleValue: Double { Double(floatValue) }
    public var int64Value: Int64 { clampTruncate(doubleValue, to: Int64.self) }
    public init(double: Double) { self.init(Float(double)) }
    public init(int64: Int64) { self.init(Float(int64)) }
}

// MARK: - Packed 4-bit integers

extension Int4: KernelElement {
    public static var elementType: ElementType { .int4 }
    public static var zero: Int4 { Int4(truncating: 0) }
    public var doubleValue: Double { Double(value) }
    public var int64Value: Int64 { Int64(value) }
    /// ONNX casts to int4 truncate toward zero, then wrap to 4 bits like other integers.
    public init(double: Double) { self.init(truncating: clampTruncate(double, to: Int64.self)) }
    public init(int64: Int64) { self.init(truncating: int64) }
    public static func unpack(_ data: Data, count: Int) -> [Int4] {
        unpackNibbles(data, count: count).map { Int4(truncating: Int64($0)) }
    }
    public static func pack(_ values: [Int4]) -> Data {
        packNibbles(values.map { UInt8(bitPattern: $0.value) & 0xF })
    }
}

extension UInt4: KernelElement {
    public static var elementType: ElementType { .uint4 }
    public static var zero: UInt4 { UInt4(truncating: 0) }
    public var doubleValue: Double { Double(value) }
    public var int64Value: Int64 { Int64(value) }
    public init(double: Double) { self.init(truncating: clampTruncate(double, to: Int64.self)) }
    public init(int64: Int64) { self.init(truncating: int64) }
    public static func unpack(_ data: Data, count: Int) -> [UInt4] {
        unpackNibbles(data, count: count).map { UInt4(truncating: Int64($0)) }
    }
    public static func pack(_ values: [UInt4]) -> Data { packNibbles(values.map(\.value)) }
}

/// Low nibble first, as ONNX packs 4-bit types.
func unpackNibbles(_ data: Data, count: Int) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: count)
    data.withUnsafeBytes { raw in
        for i in 0..<count {
            let byte = raw[i / 2]
            out[i] = i % 2 == 0 ? byte & 0xF : byte >> 4
        }
    }
    return out
}

func packNibbles(_ nibbles: [UInt8]) -> Data {
    var out = Data(count: (nibbles.count + 1) / 2)
    for (i, n) in nibbles.enumerated() {
        out[i / 2] |= i % 2 == 0 ? (n & 0xF) : (n & 0xF) << 4
    }
    return out
}

// MARK: - Tensor access

extension Tensor {
    /// The elements as `T`. Precondition-free: throws `typeMismatch` when `T` does not match.
    public func elements<T: KernelElement>(as type: T.Type = T.self) throws -> [T] {
        guard elementType == T.elementType else {
            throw KilnError(
                .typeMismatch,
                "tensor '\(name)' is \(elementType.name), the kernel expected \(T.elementType.name)"
            )
        }
        guard let n = elementCount else {
            throw KilnError(.malformedInput, "tensor '\(name)' has an invalid shape \(shape)")
        }
        guard let bytes = elementType.byteCount(elements: n), data.count >= bytes else {
            throw KilnError(.malformedInput, "tensor '\(name)' holds too few bytes for \(shape)")
        }
        return T.unpack(data, count: n)
    }

    /// Builds a tensor of `T` from `elements` (`shape` must describe `elements.count` values).
    public init<T: KernelElement>(shape: [Int64], elements: [T], name: String = "") {
        precondition(
            Tensor.elementCount(shape) == elements.count,
            "shape \(shape) does not match \(elements.count) elements")
        self.init(name: name, elementType: T.elementType, shape: shape, data: T.pack(elements))
    }

    /// A scalar (rank-0) tensor.
    public static func scalar<T: KernelElement>(_ v: T) -> Tensor {
        Tensor(shape: [], elements: [v])
    }

    /// The shape as `Int`s (valid for any tensor that passed `validate()`).
    public var dims: [Int] { shape.map { Int($0) } }

    /// Every element as Double, for any numeric or bool type.
    public func doubles() throws -> [Double] {
        try visitElementType(elementType, ToDoubles(tensor: self))
    }

    /// Every element as Int64 (integers exact, floats truncated), for any numeric or bool type.
    public func int64s() throws -> [Int64] {
        try visitElementType(elementType, ToInt64s(tensor: self))
    }

    /// The first element as Int64; throws when the tensor is empty (a scalar input was expected).
    public func scalarInt64() throws -> Int64 {
        guard let v = try int64s().first else {
            throw KilnError(.shapeMismatch, "expected a scalar but tensor '\(name)' is empty")
        }
        return v
    }

    /// The first element as Double; throws when the tensor is empty.
    public func scalarDouble() throws -> Double {
        guard let v = try doubles().first else {
            throw KilnError(.shapeMismatch, "expected a scalar but tensor '\(name)' is empty")
        }
        return v
    }

    /// A tensor of `type` whose elements are `values` cast with `init(double:)`.
    public static func fromDoubles(_ values: [Double], shape: [Int64], as type: ElementType) throws
        -> Tensor
    {
        try visitElementType(type, FromDoubles(values: values, shape: shape))
    }

    /// A tensor of `type` whose elements are `values` cast with `init(int64:)`.
    public static func fromInt64s(_ values: [Int64], shape: [Int64], as type: ElementType) throws
        -> Tensor
    {
        try visitElementType(type, FromInt64s(values: values, shape: shape))
    }

    /// Same data, new shape (element count must match; checked by the caller).
    public func reshaped(_ newShape: [Int64]) -> Tensor {
        var t = self
        t.shape = newShape
        t.name = ""
        return t
    }
}

private struct ToDoubles: ElementVisitor {
    let tensor: Tensor
    func visit<T: KernelElement>(_: T.Type) throws -> [Double] {
        if T.self == Double.self, let v = try tensor.elements(as: Double.self) as [Double]? {
            return v
        }
        return try tensor.elements(as: T.self).map(\.doubleValue)
    }
}
private struct ToInt64s: ElementVisitor {
    let tensor: Tensor
    func visit<T: KernelElement>(_: T.Type) throws -> [Int64] {
        try tensor.elements(as: T.self).map(\.int64Value)
    }
}
private struct FromDoubles: ElementVisitor {
    let values: [Double]
    let shape: [Int64]
    func visit<T: KernelElement>(_: T.Type) throws -> Tensor {
        Tensor(shape: shape, elements: values.map { T(double: $0) })
    }
}
private struct FromInt64s: ElementVisitor {
    let values: [Int64]
    let shape: [Int64]
    func visit<T: KernelElement>(_: T.Type) throws -> Tensor {
        Tensor(shape: shape, elements: values.map { T(int64: $0) })
    }
}

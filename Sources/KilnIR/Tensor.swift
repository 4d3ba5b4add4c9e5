import Foundation

/// A typed, dense tensor: element type, static shape and its bytes.
///
/// Fixed-size element types are stored as packed little-endian bytes in `data`; the bytes may
/// view a memory-mapped file region (a `Data` created with a no-copy deallocator), so large
/// weights are never copied just to be read. `string` tensors keep one byte string per element
/// in `strings`. The invariant `data.count == elementType.byteCount(elements: elementCount)` is
/// checked by `validate()`, which every reader calls before handing a tensor out.
public struct Tensor: Sendable, Equatable {
    public var name: String
    public var elementType: ElementType
    public var shape: [Int64]
    /// Packed little-endian element bytes (empty for `string`). May be a slice: index from
    /// `data.startIndex`, or use `withUnsafeBytes`.
    public var data: Data
    /// One entry per element for `string` tensors, otherwise empty.
    public var strings: [Data]
    public var docString: String
    public var metadata: [MetadataEntry]

    public init(
        name: String = "", elementType: ElementType, shape: [Int64], data: Data = Data(),
        strings: [Data] = [], docString: String = "", metadata: [MetadataEntry] = []
    ) {
        self.name = name
        self.elementType = elementType
        self.shape = shape
        self.data = data
        self.strings = strings
        self.docString = docString
        self.metadata = metadata
    }

    /// Number of elements, or `nil` if a dim is negative or the product overflows.
    public var elementCount: Int? { Tensor.elementCount(shape) }

    /// Product of `dims` with overflow and sign checks.
    public static func elementCount(_ dims: [Int64]) -> Int? {
        var n = 1
        for d in dims {
            guard d >= 0, d <= Int64(Int.max) else { return nil }
            let (p, o) = n.multipliedReportingOverflow(by: Int(d))
            if o { return nil }
            n = p
        }
        return n
    }

    /// Checks that the stored bytes match element type × shape; throws `malformedInput`.
    public func validate(location: KilnError.Location = .init()) throws {
        guard let count = elementCount else {
            throw KilnError(
                .malformedInput,
                "tensor '\(name)' has an invalid shape \(shape) (negative or overflowing dims)",
                at: location)
        }
        if elementType == .string {
            guard strings.count == count else {
                throw KilnError(
                    .malformedInput,
                    "string tensor '\(name)' has \(strings.count) strings but shape \(shape) needs \(count)",
                    at: location)
            }
            return
        }
        guard elementType != .undefined, let bytes = elementType.byteCount(elements: count) else {
            throw KilnError(
                .malformedInput, "tensor '\(name)' has unusable element type \(elementType.name)",
                at: location)
        }
        guard data.count == bytes else {
            throw KilnError(
                .malformedInput,
                "tensor '\(name)' holds \(data.count) bytes but \(elementType.name)\(shape) needs \(bytes)",
                at: location)
        }
    }

    /// Total bytes of payload (strings counted by their lengths).
    public var byteCount: Int {
        elementType == .string ? strings.reduce(0) { $0 + $1.count } : data.count
    }
}

// MARK: - Typed construction and access

/// Scalar types whose in-memory layout equals their packed little-endian tensor layout.
public protocol TensorScalar: Sendable {
    static var elementType: ElementType { get }
}
extension Float: TensorScalar { public static var elementType: ElementType { .float32 } }
extension Double: TensorScalar { public static var elementType: ElementType { .float64 } }
extension Int8: TensorScalar { public static var elementType: ElementType { .int8 } }
extension Int16: TensorScalar { public static var elementType: ElementType { .int16 } }
extension Int32: TensorScalar { public static var elementType: ElementType { .int32 } }
extension Int64: TensorScalar { public static var elementType: ElementType { .int64 } }
extension UInt8: TensorScalar { public static var elementType: ElementType { .uint8 } }
extension UInt16: TensorScalar { public static var elementType: ElementType { .uint16 } }
extension UInt32: TensorScalar { public static var elementType: ElementType { .uint32 } }
extension UInt64: TensorScalar { public static var elementType: ElementType { .uint64 } }
extension Bool: TensorScalar { public static var elementType: ElementType { .bool } }

extension Tensor {
    /// Builds a tensor from host scalars (the host is little-endian on every supported platform).
    public init<T: TensorScalar>(name: String = "", shape: [Int64], values: [T]) {
        let data = values.withUnsafeBytes { Data($0) }
        self.init(name: name, elementType: T.elementType, shape: shape, data: data)
    }

    /// Copies the elements out as `T`; `nil` if `T` does not match the element type.
    public func values<T: TensorScalar>(as: T.Type = T.self) -> [T]? {
        guard T.elementType == elementType else { return nil }
        let n = data.count / MemoryLayout<T>.stride
        return [T](unsafeUninitializedCapacity: n) { buf, initialized in
            data.withUnsafeBytes { raw in
                let dst = UnsafeMutableRawBufferPointer(buf)
                dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[0..<n * MemoryLayout<T>.stride]))
            }
            initialized = n
        }
    }

    /// Integer elements widened to Int64 (for shape-like tensors); `nil` for non-integer types.
    public func int64Values() -> [Int64]? {
        switch elementType {
        case .int64: return values(as: Int64.self)
        case .int32: return values(as: Int32.self)?.map(Int64.init)
        case .int16: return values(as: Int16.self)?.map(Int64.init)
        case .int8: return values(as: Int8.self)?.map(Int64.init)
        case .uint8: return values(as: UInt8.self)?.map(Int64.init)
        case .uint16: return values(as: UInt16.self)?.map(Int64.init)
        case .uint32: return values(as: UInt32.self)?.map(Int64.init)
        case .bool: return values(as: UInt8.self)?.map(Int64.init)
        default: return nil
        }
    }
}

/// An ONNX sparse tensor: the dense shape plus COO `values` and `indices`.
public struct SparseTensor: Sendable, Equatable {
    public var values: Tensor
    public var indices: Tensor
    public var dims: [Int64]
    public init(values: Tensor, indices: Tensor, dims: [Int64]) {
        self.values = values
        self.indices = indices
        self.dims = dims
    }
}

/// The element type of a tensor, numbered exactly as ONNX's `TensorProto.DataType`.
///
/// Sub-byte types (4-bit and 2-bit) are stored packed, low nibble first, as ONNX does.
/// `string` is the only variable-size type; complex types are carried as raw bytes.
public enum ElementType: Int32, Sendable, CaseIterable, Hashable, Codable {
    case undefined = 0
    case float32 = 1
    case uint8 = 2
    case int8 = 3
    case uint16 = 4
    case int16 = 5
    case int32 = 6
    case int64 = 7
    case string = 8
    case bool = 9
    case float16 = 10
    case float64 = 11
    case uint32 = 12
    case uint64 = 13
    case complex64 = 14
    case complex128 = 15
    case bfloat16 = 16
    case float8e4m3fn = 17
    case float8e4m3fnuz = 18
    case float8e5m2 = 19
    case float8e5m2fnuz = 20
    case uint4 = 21
    case int4 = 22
    case float4e2m1 = 23
    case float8e8m0 = 24
    case uint2 = 25
    case int2 = 26

    /// Storage width of one element in bits, or `nil` for `string` and `undefined`.
    public var bitWidth: Int? {
        switch self {
        case .undefined, .string: return nil
        case .uint2, .int2: return 2
        case .uint4, .int4, .float4e2m1: return 4
        case .bool, .uint8, .int8, .float8e4m3fn, .float8e4m3fnuz, .float8e5m2, .float8e5m2fnuz,
            .float8e8m0:
            return 8
        case .uint16, .int16, .float16, .bfloat16: return 16
        case .float32, .int32, .uint32: return 32
        case .float64, .int64, .uint64, .complex64: return 64
        case .complex128: return 128
        }
    }

    /// Bytes needed to store `count` packed elements, or `nil` on overflow or for `string`.
    public func byteCount(elements count: Int) -> Int? {
        guard let bits = bitWidth, count >= 0 else { return nil }
        let (total, overflow) = count.multipliedReportingOverflow(by: bits)
        if overflow { return nil }
        return total / 8 + (total % 8 == 0 ? 0 : 1)
    }

    /// True for IEEE-like floating types (including float16, bfloat16 and the float8/float4 family).
    public var isFloatingPoint: Bool {
        switch self {
        case .float32, .float64, .float16, .bfloat16, .float8e4m3fn, .float8e4m3fnuz, .float8e5m2,
            .float8e5m2fnuz, .float4e2m1, .float8e8m0:
            return true
        default: return false
        }
    }

    /// True for signed and unsigned integer types (not bool).
    public var isInteger: Bool {
        switch self {
        case .uint8, .int8, .uint16, .int16, .int32, .int64, .uint32, .uint64, .uint4, .int4, .uint2,
            .int2:
            return true
        default: return false
        }
    }

    /// The stable lower-case name used by Kiln JSON and the printer (`float32`, `int64`, ...).
    public var name: String {
        switch self {
        case .undefined: return "undefined"
        case .float32: return "float32"
        case .uint8: return "uint8"
        case .int8: return "int8"
        case .uint16: return "uint16"
        case .int16: return "int16"
        case .int32: return "int32"
        case .int64: return "int64"
        case .string: return "string"
        case .bool: return "bool"
        case .float16: return "float16"
        case .float64: return "float64"
        case .uint32: return "uint32"
        case .uint64: return "uint64"
        case .complex64: return "complex64"
        case .complex128: return "complex128"
        case .bfloat16: return "bfloat16"
        case .float8e4m3fn: return "float8e4m3fn"
        case .float8e4m3fnuz: return "float8e4m3fnuz"
        case .float8e5m2: return "float8e5m2"
        case .float8e5m2fnuz: return "float8e5m2fnuz"
        case .uint4: return "uint4"
        case .int4: return "int4"
        case .float4e2m1: return "float4e2m1"
        case .float8e8m0: return "float8e8m0"
        case .uint2: return "uint2"
        case .int2: return "int2"
        }
    }

    /// Looks up a type by its `name`, also accepting ONNX spellings (`float`, `double`).
    public init?(name: String) {
        switch name {
        case "float": self = .float32
        case "double": self = .float64
        default:
            guard let t = ElementType.allCases.first(where: { $0.name == name }) else { return nil }
            self = t
        }
    }
}

/// A parsed JSON value that keeps numbers as their source text, so integers beyond ±2^53 and
/// floats keep every bit until a caller converts them to the type it expects.
///
/// Objects keep member order (the writer emits a fixed key order; the reader looks keys up).
enum JSONValue: Sendable {
    case null
    case bool(Bool)
    /// The number token exactly as written (already checked against the JSON grammar).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// A short noun for messages: "a string", "an array", ...
    var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// True for null, booleans, numbers and strings.
    var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }
}

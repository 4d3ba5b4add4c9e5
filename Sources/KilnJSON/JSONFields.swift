import Foundation
import KilnIR

/// The members of one JSON object being decoded, with its path for error messages.
///
/// Construction rejects keys the format does not define (keys starting with `_` are free-form
/// comments and ignored), so typos such as `"atributes"` are reported instead of dropped.
struct JSONFields {
    let path: String
    let what: String
    private let members: [String: JSONValue]

    init(_ value: JSONValue, at path: String, what: String, allowed: Set<String>) throws {
        guard case .object(let list) = value else {
            throw JSONFields.error(
                "expected \(what) (an object) but found \(value.kindDescription)",
                at: path)
        }
        var dict: [String: JSONValue] = [:]
        dict.reserveCapacity(list.count)
        for m in list where !m.key.hasPrefix("_") {
            guard allowed.contains(m.key) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw JSONFields.error(
                    "unknown key \"\(m.key)\" in \(what); known keys are: \(known) "
                        + "(keys starting with '_' are ignored as comments)",
                    at: JSONPath.member(path, m.key))
            }
            dict[m.key] = m.value
        }
        self.path = path
        self.what = what
        self.members = dict
    }

    static func error(_ message: String, at path: String) -> KilnError {
        KilnError(.malformedInput, message, at: .init(jsonPath: path))
    }

    func path(_ key: String) -> String { JSONPath.member(path, key) }

    func has(_ key: String) -> Bool { members[key] != nil }

    subscript(_ key: String) -> JSONValue? { members[key] }

    func required(_ key: String) throws -> JSONValue {
        guard let v = members[key] else {
            throw JSONFields.error("\(what) is missing the required key \"\(key)\"", at: path)
        }
        return v
    }

    // MARK: - Typed members

    func string(_ key: String, default d: String = "") throws -> String {
        guard let v = members[key] else { return d }
        return try Scalar.string(v, at: path(key))
    }

    func requiredString(_ key: String) throws -> String {
        try Scalar.string(try required(key), at: path(key))
    }

    func int64(_ key: String, default d: Int64 = 0) throws -> Int64 {
        guard let v = members[key] else { return d }
        return try Scalar.int64(v, at: path(key))
    }

    func requiredInt64(_ key: String) throws -> Int64 {
        try Scalar.int64(try required(key), at: path(key))
    }

    /// The array under `key` (empty when absent), with the path of each element.
    func array(_ key: String) throws -> [(value: JSONValue, path: String)] {
        guard let v = members[key] else { return [] }
        return try Scalar.array(v, at: path(key))
    }

    func requiredArray(_ key: String) throws -> [(value: JSONValue, path: String)] {
        try Scalar.array(try required(key), at: path(key))
    }

    func strings(_ key: String) throws -> [String] {
        try array(key).map { try Scalar.string($0.value, at: $0.path) }
    }

    func int64s(_ key: String) throws -> [Int64] {
        try array(key).map { try Scalar.int64($0.value, at: $0.path) }
    }
}

/// Conversions of single JSON values, each throwing `malformedInput` with the value's path.
enum Scalar {
    static func string(_ v: JSONValue, at path: String) throws -> String {
        guard case .string(let s) = v else {
            throw JSONFields.error("expected a string but found \(v.kindDescription)", at: path)
        }
        return s
    }

    static func int64(_ v: JSONValue, at path: @autoclosure () -> String) throws -> Int64 {
        guard case .number(let text) = v else {
            throw JSONFields.error("expected an integer but found \(v.kindDescription)", at: path())
        }
        guard let i = Int64(text) else {
            let why =
                text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
                ? "integers are written without a fraction or exponent"
                : "it does not fit in int64"
            throw JSONFields.error("expected an integer but found \(text) (\(why))", at: path())
        }
        return i
    }

    static func uint64(_ v: JSONValue, at path: @autoclosure () -> String) throws -> UInt64 {
        guard case .number(let text) = v, let i = UInt64(text) else {
            throw JSONFields.error(
                "expected an integer from 0 to 18446744073709551615 but found \(describe(v))",
                at: path())
        }
        return i
    }

    /// An integer that must lie in `range` (used for the narrower tensor element types).
    static func integer(
        _ v: JSONValue, in range: ClosedRange<Int64>, type: String,
        at path: @autoclosure () -> String
    ) throws -> Int64 {
        let i = try int64(v, at: path())
        guard range.contains(i) else {
            throw JSONFields.error(
                "\(i) is out of range for \(type) (\(range.lowerBound)...\(range.upperBound))",
                at: path())
        }
        return i
    }

    static func float(_ v: JSONValue, at path: @autoclosure () -> String) throws -> Float {
        switch FloatText.float(v) {
        case .success(let f): return f
        case .failure(let p): throw JSONFields.error(p.message, at: path())
        }
    }

    static func double(_ v: JSONValue, at path: @autoclosure () -> String) throws -> Double {
        switch FloatText.double(v) {
        case .success(let f): return f
        case .failure(let p): throw JSONFields.error(p.message, at: path())
        }
    }

    static func bool(_ v: JSONValue, at path: @autoclosure () -> String) throws -> Bool {
        guard case .bool(let b) = v else {
            throw JSONFields.error(
                "expected true or false but found \(v.kindDescription)", at: path())
        }
        return b
    }

    static func array(_ v: JSONValue, at path: String) throws -> [(value: JSONValue, path: String)]
    {
        guard case .array(let a) = v else {
            throw JSONFields.error("expected an array but found \(v.kindDescription)", at: path)
        }
        return a.enumerated().map { ($0.element, JSONPath.index(path, $0.offset)) }
    }

    /// Bytes of a base64 string (standard alphabet, with padding).
    static func base64(_ v: JSONValue, at path: String) throws -> Data {
        let s = try string(v, at: path)
        guard let d = Data(base64Encoded: s) else {
            throw JSONFields.error(
                "not valid base64 (standard alphabet with '=' padding, no line breaks)", at: path)
        }
        return d
    }

    /// A byte string: a JSON string (its UTF-8 bytes) or `{"base64": "..."}`.
    static func byteString(_ v: JSONValue, at path: String) throws -> Data {
        switch v {
        case .string(let s): return Data(s.utf8)
        case .object:
            let f = try JSONFields(v, at: path, what: "a byte string", allowed: ["base64"])
            return try base64(try f.required("base64"), at: f.path("base64"))
        default:
            throw JSONFields.error(
                "expected a string or {\"base64\": ...} but found \(v.kindDescription)", at: path)
        }
    }

    private static func describe(_ v: JSONValue) -> String {
        if case .number(let t) = v { return t }
        return v.kindDescription
    }
}

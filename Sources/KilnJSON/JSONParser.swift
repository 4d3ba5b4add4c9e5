import Foundation
import KilnIR

/// A small, strict RFC 8259 parser producing `JSONValue`.
///
/// Why not Foundation: `JSONSerialization` and `JSONDecoder` route numbers through `Double`,
/// which silently rounds int64 values beyond ±2^53. This parser keeps number tokens as text,
/// bounds nesting depth (recursion), rejects duplicate keys, invalid UTF-8 and lone surrogates,
/// and reports errors with a byte offset, line/column and the JSON path reached so far.
struct JSONParser {
    private let bytes: UnsafeRawBufferPointer
    private var pos = 0
    private var depth = 0
    private let maxDepth: Int
    private var path: [PathComponent] = []

    enum PathComponent {
        case key(String)
        case index(Int)
    }

    /// Parses one JSON document (an optional UTF-8 byte-order mark and surrounding whitespace
    /// are allowed). Throws `malformedInput`, or `limitExceeded` when nesting is too deep.
    static func parse(_ data: Data, maxDepth: Int) throws -> JSONValue {
        try data.withUnsafeBytes { raw in
            var parser = JSONParser(bytes: raw, maxDepth: maxDepth)
            return try parser.parseDocument()
        }
    }

    private init(bytes: UnsafeRawBufferPointer, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    private mutating func parseDocument() throws -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { pos = 3 }
        skipWhitespace()
        guard pos < bytes.count else { throw error("the document is empty") }
        let value = try parseValue()
        skipWhitespace()
        if pos < bytes.count {
            throw error("unexpected \(describe(bytes[pos])) after the end of the document")
        }
        return value
    }

    // MARK: - Values

    private mutating func parseValue() throws -> JSONValue {
        guard pos < bytes.count else { throw error("the document ends where a value was expected") }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case let b: throw error("expected a value but found \(describe(b))")
        }
    }

    private mutating func enter() throws {
        depth += 1
        if depth > maxDepth {
            throw error(
                "nesting is deeper than the limit of \(maxDepth) levels "
                    + "(raise KilnJSONReader.Options.maxNestingDepth if the file is trusted)",
                code: .limitExceeded)
        }
    }

    private mutating func parseObject() throws -> JSONValue {
        try enter()
        pos += 1  // {
        var members: [(key: String, value: JSONValue)] = []
        var seen = Set<String>()
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard pos < bytes.count else { throw error("the document ends inside an object") }
            guard bytes[pos] == UInt8(ascii: "\"") else {
                throw error("expected a quoted key but found \(describe(bytes[pos]))")
            }
            let keyStart = pos
            let key = try parseString()
            guard seen.insert(key).inserted else {
                pos = keyStart
                throw error("duplicate key \"\(key)\" in the same object")
            }
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else {
                throw error("expected ':' after the key \"\(key)\"")
            }
            pos += 1
            skipWhitespace()
            path.append(.key(key))
            let value = try parseValue()
            path.removeLast()
            members.append((key, value))
            skipWhitespace()
            guard pos < bytes.count else { throw error("the document ends inside an object") }
            if bytes[pos] == UInt8(ascii: ",") {
                pos += 1
                continue
            }
            if bytes[pos] == UInt8(ascii: "}") {
                pos += 1
                depth -= 1
                return .object(members)
            }
            throw error("expected ',' or '}' in an object but found \(describe(bytes[pos]))")
        }
    }

    private mutating func parseArray() throws -> JSONValue {
        try enter()
        pos += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
            pos += 1
            depth -= 1
            return .array(elements)
        }
        path.append(.index(0))
        while true {
            path[path.count - 1] = .index(elements.count)
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard pos < bytes.count else { throw error("the document ends inside an array") }
            if bytes[pos] == UInt8(ascii: ",") {
                pos += 1
                continue
            }
            if bytes[pos] == UInt8(ascii: "]") {
                pos += 1
                depth -= 1
                path.removeLast()
                return .array(elements)
            }
            throw error("expected ',' or ']' in an array but found \(describe(bytes[pos]))")
        }
    }

    private mutating func expectLiteral(_ word: String) throws {
        let w = Array(word.utf8)
        let n = w.count
        guard bytes.count - pos >= n else { throw error("the document ends inside '\(word)'") }
        let ok = (0..<n).allSatisfy { bytes[pos + $0] == w[$0] }
        guard ok else { throw error("expected a value (did you mean '\(word)'?)") }
        pos += n
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = pos
        if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        guard pos < bytes.count, isDigit(bytes[pos]) else {
            throw error("a number needs a digit after '-'")
        }
        if bytes[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < bytes.count, isDigit(bytes[pos]) {
                throw error("numbers may not have leading zeros")
            }
        } else {
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            guard pos < bytes.count, isDigit(bytes[pos]) else {
                throw error("a number needs a digit after '.'")
            }
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-")
            {
                pos += 1
            }
            guard pos < bytes.count, isDigit(bytes[pos]) else {
                throw error("a number needs a digit in its exponent")
            }
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
        }
        let text = String(
            decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        return .number(text)
    }

    // MARK: - Strings

    private mutating func parseString() throws -> String {
        let quote = pos
        pos += 1  // opening quote
        let start = pos
        // Fast path: no escapes.
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<pos])
                guard let s = String(validating: slice, as: UTF8.self) else {
                    pos = start
                    throw error("the string starting here is not valid UTF-8")
                }
                pos += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 {
                throw error("control character \(describe(b)) inside a string must be escaped")
            }
            pos += 1
        }
        guard pos < bytes.count else {
            pos = quote
            throw error("the string starting here is never closed")
        }
        // Slow path: copy and unescape.
        var out: [UInt8] = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<pos]))
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                pos += 1
                guard let s = String(validating: out, as: UTF8.self) else {
                    pos = start
                    throw error("the string starting here is not valid UTF-8")
                }
                return s
            }
            if b < 0x20 {
                throw error("control character \(describe(b)) inside a string must be escaped")
            }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                pos += 1
                continue
            }
            pos += 1
            guard pos < bytes.count else { break }
            let e = bytes[pos]
            pos += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = UInt32(try parseHex4())
                if (0xD800...0xDBFF).contains(scalar) {
                    guard bytes.count - pos >= 6, bytes[pos] == UInt8(ascii: "\\"),
                        bytes[pos + 1] == UInt8(ascii: "u")
                    else {
                        throw error("a high surrogate \\u escape must be followed by a low one")
                    }
                    pos += 2
                    let low = UInt32(try parseHex4())
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw error("a high surrogate \\u escape must be followed by a low one")
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw error("a lone low surrogate \\u escape is not a character")
                }
                guard let u = Unicode.Scalar(scalar) else {
                    throw error("\\u escape is not a Unicode scalar")
                }
                out.append(contentsOf: String(Character(u)).utf8)
            default:
                pos -= 1
                throw error("unknown escape '\\\(describe(e))' in a string")
            }
        }
        pos = quote
        throw error("the string starting here is never closed")
    }

    private mutating func parseHex4() throws -> UInt16 {
        guard bytes.count - pos >= 4 else { throw error("a \\u escape needs four hex digits") }
        var v: UInt16 = 0
        for _ in 0..<4 {
            let b = bytes[pos]
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: throw error("a \\u escape needs four hex digits")
            }
            v = v << 4 | UInt16(d)
            pos += 1
        }
        return v
    }

    // MARK: - Helpers

    private mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0A, 0x0D: pos += 1
            default: return
            }
        }
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private func describe(_ b: UInt8) -> String {
        if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x" + String(b, radix: 16, uppercase: true)
    }

    private func error(_ message: String, code: KilnError.Code = .malformedInput) -> KilnError {
        let offset = min(pos, bytes.count)
        var line = 1
        var column = 1
        for i in 0..<offset {
            if bytes[i] == 0x0A {
                line += 1
                column = 1
            } else if bytes[i] & 0xC0 != 0x80 {
                column += 1
            }
        }
        let where_ = JSONPath.render(path)
        return KilnError(
            code, "invalid JSON at line \(line), column \(column): \(message)",
            at: .init(byteOffset: offset, jsonPath: where_))
    }
}

/// Rendering of JSON paths such as `$.graph.nodes[3].attributes[1]`.
enum JSONPath {
    static let root = "$"

    static func render(_ components: [JSONParser.PathComponent]) -> String {
        var s = root
        for c in components {
            switch c {
            case .key(let k): s = member(s, k)
            case .index(let i): s = index(s, i)
            }
        }
        return s
    }

    /// `base.key`, or `base["odd key"]` when the key is not a plain identifier.
    static func member(_ base: String, _ key: String) -> String {
        let plain =
            !key.isEmpty
            && key.utf8.allSatisfy { b in
                (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
                    || b == 0x5F
            }
        if plain { return base + "." + key }
        let escaped = key.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
        return base + "[\"" + escaped + "\"]"
    }

    static func index(_ base: String, _ i: Int) -> String { base + "[\(i)]" }
}

/// Deterministic pretty printer for `JSONValue`: 2-space indent, `": "` and `", "` separators,
/// keys in the order given, UTF-8 output with only `"`, `\` and control characters escaped.
///
/// A container is written on one line when it holds only scalars (objects may also hold arrays
/// of scalars) and that line fits within `lineWidth` columns; a long array of scalars is
/// wrapped, packing as many elements per line as fit. Everything else gets one member per line.
struct JSONPrinter {
    var lineWidth = 100
    private var out: [UInt8] = []
    private var column = 0

    init(lineWidth: Int = 100) {
        self.lineWidth = lineWidth
    }

    /// Renders `value` followed by a newline.
    static func render(_ value: JSONValue) -> [UInt8] {
        var p = JSONPrinter()
        p.write(value, indent: 0)
        p.emit("\n")
        return p.out
    }

    private mutating func emit(_ s: String) {
        out.append(contentsOf: s.utf8)
        if let nl = s.utf8.lastIndex(of: 0x0A) {
            column = s.utf8.distance(from: nl, to: s.utf8.endIndex) - 1
        } else {
            column += s.utf8.count  // bytes, not columns: only matters for non-ASCII text
        }
    }

    private mutating func newline(_ indent: Int) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent))
        column = indent
    }

    private mutating func write(_ value: JSONValue, indent: Int) {
        switch value {
        case .array(let elements):
            if elements.isEmpty { return emit("[]") }
            if elements.allSatisfy(\.isScalar) {
                let pieces = elements.map(JSONPrinter.scalarText)
                let oneLine = pieces.reduce(2) { $0 + $1.utf8.count } + 2 * (pieces.count - 1)
                if column + oneLine <= lineWidth {
                    return emit("[" + pieces.joined(separator: ", ") + "]")
                }
                emit("[")
                newline(indent + 2)
                for (i, p) in pieces.enumerated() {
                    if i > 0 {
                        if column + 2 + p.utf8.count > lineWidth {
                            emit(",")
                            newline(indent + 2)
                        } else {
                            emit(", ")
                        }
                    }
                    emit(p)
                }
                newline(indent)
                return emit("]")
            }
            emit("[")
            for (i, e) in elements.enumerated() {
                if i > 0 { emit(",") }
                newline(indent + 2)
                write(e, indent: indent + 2)
            }
            newline(indent)
            emit("]")
        case .object(let members):
            if members.isEmpty { return emit("{}") }
            if let flat = JSONPrinter.flatObject(members), column + flat.utf8.count <= lineWidth {
                return emit(flat)
            }
            emit("{")
            for (i, m) in members.enumerated() {
                if i > 0 { emit(",") }
                newline(indent + 2)
                emit(JSONPrinter.quoted(m.key) + ": ")
                write(m.value, indent: indent + 2)
            }
            newline(indent)
            emit("}")
        default:
            emit(JSONPrinter.scalarText(value))
        }
    }

    /// One-line text of an object holding only scalars and arrays of scalars, else nil.
    private static func flatObject(_ members: [(key: String, value: JSONValue)]) -> String? {
        var parts: [String] = []
        for m in members {
            let text: String
            switch m.value {
            case .object: return nil
            case .array(let a):
                guard a.allSatisfy(\.isScalar) else { return nil }
                text = "[" + a.map(scalarText).joined(separator: ", ") + "]"
            default: text = scalarText(m.value)
            }
            parts.append(quoted(m.key) + ": " + text)
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    static func scalarText(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let t): return t
        case .string(let s): return quoted(s)
        case .array, .object: return ""
        }
    }

    /// A JSON string literal. Only `"`, `\` and C0 controls are escaped, so text stays legible.
    static func quoted(_ s: String) -> String {
        var needsEscape = false
        for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C {
            needsEscape = true
            break
        }
        if !needsEscape { return "\"" + s + "\"" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

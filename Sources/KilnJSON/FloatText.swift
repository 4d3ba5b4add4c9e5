/// Exact text forms of floating-point values in Kiln JSON.
///
/// Finite values are JSON numbers in the shortest form that reads back to the same bits
/// (Swift's `description`, e.g. `0.2`, `1e-05`, `-0.0`). Non-finite values are strings:
/// `"NaN"` (the canonical quiet NaN), `"Infinity"`, `"-Infinity"`. Any other NaN (sign bit or
/// payload set) is written as its bit pattern, `"0x"` plus 8 (float32) or 16 (float64)
/// lower-case hex digits, so every value round-trips bit-exactly.
enum FloatText {
    static func json(_ v: Float) -> JSONValue {
        if v.isFinite { return .number(v.description) }
        if v.isNaN {
            if v.bitPattern == Float.nan.bitPattern { return .string("NaN") }
            return .string(hexBits(UInt64(v.bitPattern), digits: 8))
        }
        return .string(v < 0 ? "-Infinity" : "Infinity")
    }

    static func json(_ v: Double) -> JSONValue {
        if v.isFinite { return .number(v.description) }
        if v.isNaN {
            if v.bitPattern == Double.nan.bitPattern { return .string("NaN") }
            return .string(hexBits(v.bitPattern, digits: 16))
        }
        return .string(v < 0 ? "-Infinity" : "Infinity")
    }

    private static func hexBits(_ bits: UInt64, digits: Int) -> String {
        let hex = String(bits, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, digits - hex.count)) + hex
    }

    /// Reads a float32 from a JSON value, or says why it is not one.
    static func float(_ value: JSONValue) -> Result<Float, Problem> {
        switch value {
        case .number(let text):
            guard let v = Float(text) else { return .failure(.notANumber) }
            if !v.isFinite { return .failure(.outOfRange("float32")) }
            return .success(v)
        case .string(let s):
            switch s {
            case "NaN": return .success(Float.nan)
            case "Infinity": return .success(Float.infinity)
            case "-Infinity": return .success(-Float.infinity)
            default:
                guard s.utf8.count == 10, s.hasPrefix("0x"),
                    s.dropFirst(2).allSatisfy(\.isHexDigit),
                    let bits = UInt32(s.dropFirst(2), radix: 16)
                else { return .failure(.badString(s, digits: 8)) }
                return .success(Float(bitPattern: bits))
            }
        default:
            return .failure(.wrongKind(value.kindDescription))
        }
    }

    /// Reads a float64 from a JSON value.
    static func double(_ value: JSONValue) -> Result<Double, Problem> {
        switch value {
        case .number(let text):
            guard let v = Double(text) else { return .failure(.notANumber) }
            if !v.isFinite { return .failure(.outOfRange("float64")) }
            return .success(v)
        case .string(let s):
            switch s {
            case "NaN": return .success(Double.nan)
            case "Infinity": return .success(Double.infinity)
            case "-Infinity": return .success(-Double.infinity)
            default:
                guard s.utf8.count == 18, s.hasPrefix("0x"),
                    s.dropFirst(2).allSatisfy(\.isHexDigit),
                    let bits = UInt64(s.dropFirst(2), radix: 16)
                else { return .failure(.badString(s, digits: 16)) }
                return .success(Double(bitPattern: bits))
            }
        default:
            return .failure(.wrongKind(value.kindDescription))
        }
    }

    enum Problem: Error {
        case notANumber
        case outOfRange(String)
        case badString(String, digits: Int)
        case wrongKind(String)

        var message: String {
            switch self {
            case .notANumber: return "expected a floating-point number"
            case .outOfRange(let t): return "the number is too large for \(t)"
            case .badString(let s, let digits):
                return "expected a number, \"NaN\", \"Infinity\", \"-Infinity\" or a bit pattern "
                    + "\"0x\" + \(digits) hex digits, but found the string \"\(s.prefix(40))\""
            case .wrongKind(let k):
                return "expected a floating-point number but found \(k)"
            }
        }
    }
}

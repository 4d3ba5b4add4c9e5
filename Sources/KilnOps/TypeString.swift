import KilnIR

/// Converts between ONNX type strings (as used in op schemas) and Kiln ``ValueType``s.
///
/// Grammar (whitespace is ignored):
///
///     type    = "tensor(" elem ")" | "sparse_tensor(" elem ")" | "seq(" type ")"
///             | "optional(" type ")" | "map(" elem "," value ")" | "opaque(" domain "," name ")"
///     value   = type | elem                      a bare elem in a map means tensor(elem)
///     elem    = float | double | int64 | float16 | ...   (ONNX element type names)
///
/// Parsed tensor types have an unknown shape (`shape == nil`).
public enum TypeString {
    /// Parses an ONNX type string; `nil` for type parameter names (`T`), malformed strings and
    /// element types Kiln does not have (`float6e2m3`).
    public static func parse(_ string: String) -> ValueType? {
        let compact = string.filter { !$0.isWhitespace }
        return parseType(compact[...], bareElementAllowed: false)
    }

    /// The ONNX type string for `type` in the spelling op schemas use (`tensor(float)`,
    /// `seq(tensor(int64))`, `map(string, float)`); `nil` when part of the type is unknown
    /// (a `nil` element or value type, or the `undefined` element type). Shapes are dropped.
    public static func format(_ type: ValueType) -> String? {
        switch type {
        case .tensor(let t):
            return elementName(t.elementType).map { "tensor(\($0))" }
        case .sparseTensor(let t):
            return elementName(t.elementType).map { "sparse_tensor(\($0))" }
        case .sequence(let e):
            return e.flatMap(format).map { "seq(\($0))" }
        case .optional(let e):
            return e.flatMap(format).map { "optional(\($0))" }
        case .map(let key, let value):
            guard let k = elementName(key), let value else { return nil }
            // Schemas write a tensor map value as the bare element name.
            if case .tensor(let t) = value {
                return elementName(t.elementType).map { "map(\(k), \($0))" }
            }
            return format(value).map { "map(\(k), \($0))" }
        case .opaque(let domain, let name):
            return "opaque(\(domain),\(name))"
        }
    }

    /// The ONNX spelling of an element type (`float`, `double`, `int64`); `nil` for `undefined`.
    public static func elementName(_ type: ElementType) -> String? {
        switch type {
        case .undefined: return nil
        case .float32: return "float"
        case .float64: return "double"
        default: return type.name
        }
    }

    // MARK: - Matching

    /// Whether `type` is an instance of `pattern`, ignoring shapes; unknown parts of `type`
    /// (`nil` nested types, `undefined` element types) match anything.
    static func matches(_ type: ValueType, _ pattern: ValueType) -> Bool {
        switch (type, pattern) {
        case (.tensor(let a), .tensor(let b)), (.sparseTensor(let a), .sparseTensor(let b)):
            return matches(a.elementType, b.elementType)
        case (.sequence(let a), .sequence(let b)), (.optional(let a), .optional(let b)):
            guard let a, let b else { return true }
            return matches(a, b)
        case (.map(let k1, let v1), .map(let k2, let v2)):
            guard matches(k1, k2) else { return false }
            guard let v1, let v2 else { return true }
            return matches(v1, v2)
        case (.opaque(let d1, let n1), .opaque(let d2, let n2)):
            return d1 == d2 && n1 == n2
        default:
            return false
        }
    }

    private static func matches(_ element: ElementType, _ pattern: ElementType) -> Bool {
        element == .undefined || element == pattern
    }

    // MARK: - Parsing

    private static func parseType(_ s: Substring, bareElementAllowed: Bool) -> ValueType? {
        guard let open = s.firstIndex(of: "("), s.last == ")" else {
            guard bareElementAllowed, let e = element(s) else { return nil }
            return .tensor(TensorType(e, shape: nil))
        }
        let head = s[..<open]
        let inner = s[s.index(after: open)..<s.index(before: s.endIndex)]
        switch head {
        case "tensor":
            return element(inner).map { .tensor(TensorType($0, shape: nil)) }
        case "sparse_tensor":
            return element(inner).map { .sparseTensor(TensorType($0, shape: nil)) }
        case "seq":
            return parseType(inner, bareElementAllowed: false).map { .sequence($0) }
        case "optional":
            return parseType(inner, bareElementAllowed: false).map { .optional($0) }
        case "map":
            guard let comma = inner.firstIndex(of: ","), let key = element(inner[..<comma]),
                let value = parseType(
                    inner[inner.index(after: comma)...], bareElementAllowed: true)
            else { return nil }
            return .map(key: key, value: value)
        case "opaque":
            guard let comma = inner.firstIndex(of: ",") else { return nil }
            return .opaque(
                domain: String(inner[..<comma]), name: String(inner[inner.index(after: comma)...]))
        default:
            return nil
        }
    }

    private static func element(_ s: Substring) -> ElementType? {
        guard let e = ElementType(name: String(s)), e != .undefined else { return nil }
        return e
    }
}

import KilnIR

/// ONNX type strings (`tensor(float)`, `seq(tensor(int64))`, `map(string, float)`) for Kiln
/// value types, as used in op schema type constraints.
///
/// Kept local to KilnCheck on purpose: the checker must agree with ONNX's spelling, whatever
/// other modules choose for display.
enum CheckTypeString {
    /// The ONNX spelling of an element type (`float`, `double`, `float16`, ...), or `nil` when
    /// the type is undefined.
    static func onnxName(_ e: ElementType) -> String? {
        switch e {
        case .undefined: return nil
        case .float32: return "float"
        case .float64: return "double"
        default: return e.name
        }
    }

    /// The canonical (whitespace-free) ONNX type string of `type`, or `nil` when part of it is
    /// unknown (an undefined element type, a sequence of unknown elements, an opaque type).
    static func render(_ type: ValueType) -> String? {
        switch type {
        case .tensor(let t):
            return onnxName(t.elementType).map { "tensor(\($0))" }
        case .sparseTensor(let t):
            return onnxName(t.elementType).map { "sparse_tensor(\($0))" }
        case .sequence(let e):
            return e.flatMap(render).map { "seq(\($0))" }
        case .optional(let e):
            return e.flatMap(render).map { "optional(\($0))" }
        case .map(let k, let v):
            // Schemas spell map values by element type: `map(int64,float)`.
            guard let key = onnxName(k), let v else { return nil }
            let value: String?
            if case .tensor(let t) = v {
                value = onnxName(t.elementType)
            } else {
                value = render(v)
            }
            return value.map { "map(\(key),\($0))" }
        case .opaque:
            return nil
        }
    }

    /// `s` without whitespace, for comparing schema strings with `render` output.
    static func normalize(_ s: String) -> String {
        String(s.filter { !$0.isWhitespace })
    }

    /// Whether `type` is one of `allowed` (schema strings). Unknown types always match.
    static func matches(_ type: ValueType, allowed: [String]) -> Bool {
        guard let r = render(type) else { return true }
        return allowed.contains { normalize($0) == r }
    }
}

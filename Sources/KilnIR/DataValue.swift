/// A value as stored in a data file: a tensor, a sequence, an optional or a map.
///
/// ONNX test data stores each graph input and output as one serialized message of its
/// declared type (`TensorProto`, `SequenceProto`, `OptionalProto`, `MapProto`); readers return
/// this enum so that callers decide what their runtime can hold. Nesting depth is bounded by
/// the reader that built it.
public indirect enum DataValue: Sendable, Equatable {
    case tensor(Tensor)
    case sequence([DataValue])
    /// `nil` is an absent optional (an empty `OptionalProto`).
    case optional(DataValue?)
    /// Keys are a 1-D tensor (integer or string), values a sequence with one element per key.
    case map(keys: Tensor, values: [DataValue])

    /// A short description of the value's kind for messages (`seq<tensor>`, `optional<none>`).
    public var kindDescription: String {
        switch self {
        case .tensor(let t): return "tensor \(t.elementType.name)\(t.shape)"
        case .sequence(let e): return "sequence of \(e.count)"
        case .optional(let v): return v.map { "optional<\($0.kindDescription)>" } ?? "absent optional"
        case .map(let k, _): return "map of \(k.elementCount ?? 0) \(k.elementType.name) keys"
        }
    }
}

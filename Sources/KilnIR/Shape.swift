/// One dimension of a value's shape: a known size, a named symbol (`"N"`), or unknown.
public enum Dim: Sendable, Hashable {
    case known(Int64)
    case symbol(String)
    case unknown

    /// The static size, if known.
    public var value: Int64? {
        if case .known(let v) = self { return v }
        return nil
    }
}

extension Dim: CustomStringConvertible {
    public var description: String {
        switch self {
        case .known(let v): return String(v)
        case .symbol(let s): return s
        case .unknown: return "?"
        }
    }
}

/// Element type plus shape; `shape == nil` means the rank itself is unknown.
public struct TensorType: Sendable, Hashable {
    public var elementType: ElementType
    public var shape: [Dim]?

    public init(_ elementType: ElementType, shape: [Dim]?) {
        self.elementType = elementType
        self.shape = shape
    }

    /// Convenience for fully static shapes.
    public init(_ elementType: ElementType, _ dims: [Int64]) {
        self.init(elementType, shape: dims.map { .known($0) })
    }

    /// The static dims, or `nil` if any dim is symbolic/unknown or the rank is unknown.
    public var staticShape: [Int64]? {
        guard let shape else { return nil }
        var out: [Int64] = []
        out.reserveCapacity(shape.count)
        for d in shape {
            guard let v = d.value else { return nil }
            out.append(v)
        }
        return out
    }
}

/// The type of a graph value: ONNX allows tensors, sparse tensors, sequences, optionals and maps.
public indirect enum ValueType: Sendable, Hashable {
    case tensor(TensorType)
    case sparseTensor(TensorType)
    case sequence(ValueType?)
    case optional(ValueType?)
    case map(key: ElementType, value: ValueType?)
    case opaque(domain: String, name: String)

    /// The tensor type when this is a dense tensor.
    public var tensorType: TensorType? {
        if case .tensor(let t) = self { return t }
        return nil
    }
}

extension ValueType: CustomStringConvertible {
    public var description: String {
        func sh(_ t: TensorType) -> String {
            guard let s = t.shape else { return "\(t.elementType.name)[*]" }
            return "\(t.elementType.name)[\(s.map(\.description).joined(separator: ","))]"
        }
        switch self {
        case .tensor(let t): return sh(t)
        case .sparseTensor(let t): return "sparse<\(sh(t))>"
        case .sequence(let e): return "seq<\(e.map(\.description) ?? "?")>"
        case .optional(let e): return "optional<\(e.map(\.description) ?? "?")>"
        case .map(let k, let v): return "map<\(k.name),\(v.map(\.description) ?? "?")>"
        case .opaque(let d, let n): return "opaque<\(d).\(n)>"
        }
    }
}

/// A named, typed value declared in a graph (input, output or `value_info`).
public struct ValueInfo: Sendable, Hashable {
    public var name: String
    public var type: ValueType?
    public var docString: String
    public var metadata: [MetadataEntry]
    /// ONNX `TypeProto.denotation` of the value's type (e.g. `TENSOR`, `IMAGE`), or empty.
    public var typeDenotation: String = ""
    /// ONNX per-dimension `denotation`s of a tensor type (e.g. `DATA_BATCH`), one per dim, or
    /// empty when none is set.
    public var dimDenotations: [String] = []

    public init(
        name: String, type: ValueType?, docString: String = "", metadata: [MetadataEntry] = []
    ) {
        self.name = name
        self.type = type
        self.docString = docString
        self.metadata = metadata
    }

    /// Convenience for a dense tensor value.
    public init(name: String, tensor: TensorType) {
        self.init(name: name, type: .tensor(tensor))
    }
}

/// One ordered key/value pair of metadata (ONNX `StringStringEntryProto`).
public struct MetadataEntry: Sendable, Hashable {
    public var key: String
    public var value: String
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

import Foundation

/// A typed attribute value. Types are explicit so an int `1` and a float `1.0` never mix.
public enum AttributeValue: Sendable, Equatable {
    case int(Int64)
    case float(Float)
    /// ONNX attribute strings are byte strings; most are UTF-8 (see `Attribute.string`).
    case string(Data)
    case tensor(Tensor)
    case graph(Graph)
    case sparseTensor(SparseTensor)
    case type(ValueType)
    case ints([Int64])
    case floats([Float])
    case strings([Data])
    case tensors([Tensor])
    case graphs([Graph])
    case sparseTensors([SparseTensor])
    case types([ValueType])

    /// Structural equality: floats compare by bit pattern, so NaN equals the same NaN and
    /// `-0.0` differs from `0.0` (a round trip must keep both exactly).
    public static func == (a: AttributeValue, b: AttributeValue) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x.bitPattern == y.bitPattern
        case (.string(let x), .string(let y)): return x == y
        case (.tensor(let x), .tensor(let y)): return x == y
        case (.graph(let x), .graph(let y)): return x == y
        case (.sparseTensor(let x), .sparseTensor(let y)): return x == y
        case (.type(let x), .type(let y)): return x == y
        case (.ints(let x), .ints(let y)): return x == y
        case (.floats(let x), .floats(let y)): return x.map(\.bitPattern) == y.map(\.bitPattern)
        case (.strings(let x), .strings(let y)): return x == y
        case (.tensors(let x), .tensors(let y)): return x == y
        case (.graphs(let x), .graphs(let y)): return x == y
        case (.sparseTensors(let x), .sparseTensors(let y)): return x == y
        case (.types(let x), .types(let y)): return x == y
        default: return false
        }
    }

    /// Stable kind name used by Kiln JSON, the printer and `kiln check` (`int`, `floats`, ...).
    public var kind: AttributeKind {
        switch self {
        case .int: return .int
        case .float: return .float
        case .string: return .string
        case .tensor: return .tensor
        case .graph: return .graph
        case .sparseTensor: return .sparseTensor
        case .type: return .type
        case .ints: return .ints
        case .floats: return .floats
        case .strings: return .strings
        case .tensors: return .tensors
        case .graphs: return .graphs
        case .sparseTensors: return .sparseTensors
        case .types: return .types
        }
    }
}

/// Attribute kinds, numbered as ONNX's `AttributeProto.AttributeType`.
public enum AttributeKind: Int32, Sendable, CaseIterable, Hashable {
    case undefined = 0
    case float = 1, int = 2, string = 3, tensor = 4, graph = 5, sparseTensor = 11, type = 13
    case floats = 6, ints = 7, strings = 8, tensors = 9, graphs = 10, sparseTensors = 12, types = 14

    /// Stable lower-camel name (`int`, `sparse_tensor` is spelled `sparseTensor`).
    public var name: String {
        switch self {
        case .undefined: return "undefined"
        case .float: return "float"
        case .int: return "int"
        case .string: return "string"
        case .tensor: return "tensor"
        case .graph: return "graph"
        case .sparseTensor: return "sparseTensor"
        case .type: return "type"
        case .floats: return "floats"
        case .ints: return "ints"
        case .strings: return "strings"
        case .tensors: return "tensors"
        case .graphs: return "graphs"
        case .sparseTensors: return "sparseTensors"
        case .types: return "types"
        }
    }

    public init?(name: String) {
        guard let k = AttributeKind.allCases.first(where: { $0.name == name }) else { return nil }
        self = k
    }
}

/// A named attribute on a node. Inside a function body an attribute may instead refer to an
/// attribute of the calling node (`referenceName`, ONNX `ref_attr_name`).
public struct Attribute: Sendable, Equatable {
    public var name: String
    public var value: AttributeValue
    public var docString: String
    /// When set, the value comes from the caller's attribute of this name (function bodies only).
    public var referenceName: String?

    public init(
        name: String, value: AttributeValue, docString: String = "", referenceName: String? = nil
    ) {
        self.name = name
        self.value = value
        self.docString = docString
        self.referenceName = referenceName
    }

    // MARK: - Typed accessors

    public var int: Int64? { if case .int(let v) = value { return v } else { return nil } }
    public var float: Float? { if case .float(let v) = value { return v } else { return nil } }
    public var ints: [Int64]? { if case .ints(let v) = value { return v } else { return nil } }
    public var floats: [Float]? { if case .floats(let v) = value { return v } else { return nil } }
    public var tensor: Tensor? { if case .tensor(let v) = value { return v } else { return nil } }
    public var graph: Graph? { if case .graph(let v) = value { return v } else { return nil } }
    /// The string value decoded as UTF-8 (invalid sequences are repaired).
    public var string: String? {
        if case .string(let v) = value { return String(decoding: v, as: UTF8.self) }
        return nil
    }
    public var strings: [String]? {
        if case .strings(let v) = value { return v.map { String(decoding: $0, as: UTF8.self) } }
        return nil
    }
}

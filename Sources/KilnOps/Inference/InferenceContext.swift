import Foundation
import KilnIR

extension KilnError.Code {
    /// An axis, `perm` entry or similar index attribute is outside the input's rank.
    public static let axisOutOfRange = KilnError.Code(rawValue: "axisOutOfRange")
    /// An input has a rank the op does not accept (or two inputs' ranks disagree).
    public static let rankMismatch = KilnError.Code(rawValue: "rankMismatch")
    /// A Reshape (or similar) target cannot hold the input's element count.
    public static let elementCountMismatch = KilnError.Code(rawValue: "elementCountMismatch")
}

/// Everything a type rule sees for one node: input types, input contents when they are known
/// at inference time, attributes with the schema's defaults, the opset version, and dim
/// unification whose failures are located at the node.
///
/// A rule returns one `ValueType?` per node output (`nil` = unknown). Errors a rule throws are
/// what the runtime would refuse (an axis out of range, inner dims that disagree); build them
/// with ``fail(_:_:)`` so they carry the node's location and a code `kiln check` maps to a rule.
public final class InferenceContext {
    /// The node being inferred.
    public let node: Node
    /// The node's label for messages (`name` or `OpType#index`).
    public let label: String
    /// The opset version of the node's domain.
    public let opsetVersion: Int64
    /// The schema in force at ``opsetVersion`` (supplies attribute defaults), if known.
    public let schema: OpSchema?
    /// One entry per node input: its type, or `nil` when omitted or unknown.
    public let inputTypes: [ValueType?]
    /// One entry per node input: its value when known at inference time (initializers,
    /// constants and what was folded from them).
    public let constants: [Tensor?]
    /// One entry per node input: for small integer tensors of rank 0 or 1, their contents as
    /// dims, possibly symbolic (`Shape(x)` of `x: [N, 3]` is `[N, 3]`).
    public let shapeValues: [[Dim]?]
    /// Contents a rule computed for its outputs as dims (see ``setShapeValue(_:_:)``).
    var outputShapeValues: [Int: [Dim]] = [:]
    /// Subgraphs a rule inferred, by attribute name, with their value infos filled in.
    var inferredSubgraphs: [String: Graph] = [:]
    let subgraphInference: ((String, Graph, [ValueType?]) throws -> (Graph, [ValueType?]))?

    init(
        node: Node, label: String, opsetVersion: Int64, schema: OpSchema?,
        inputTypes: [ValueType?], constants: [Tensor?], shapeValues: [[Dim]?],
        subgraphInference: ((String, Graph, [ValueType?]) throws -> (Graph, [ValueType?]))?
    ) {
        self.node = node
        self.label = label
        self.opsetVersion = opsetVersion
        self.schema = schema
        self.inputTypes = inputTypes
        self.constants = constants
        self.shapeValues = shapeValues
        self.subgraphInference = subgraphInference
    }

    /// A context for unit tests and one-off callers: inputs given by type (and optionally value).
    public convenience init(
        node: Node, opsetVersion: Int64 = 21, inputTypes: [ValueType?], constants: [Tensor?] = []
    ) {
        let consts = (0..<inputTypes.count).map { $0 < constants.count ? constants[$0] : nil }
        self.init(
            node: node, label: node.label(index: 0), opsetVersion: opsetVersion,
            schema: OpSchemas.lookup(
                domain: node.normalizedDomain, opType: node.opType, opsetVersion: opsetVersion),
            inputTypes: inputTypes, constants: consts,
            shapeValues: consts.map { $0.flatMap(InferenceContext.shapeValue(of:)) },
            subgraphInference: nil)
    }

    // MARK: - Errors

    /// The node's location.
    public var location: KilnError.Location { .init(node: label) }

    /// An error at this node (`code` selects the `kiln check` rule).
    public func fail(_ message: String, _ code: KilnError.Code = .shapeMismatch) -> KilnError {
        KilnError(code, "\(node.opType): \(message)", at: location)
    }

    // MARK: - Inputs

    /// Number of inputs the node lists (including omitted ones).
    public var inputCount: Int { node.inputs.count }

    /// Whether input `i` is given (listed with a non-empty name).
    public func hasInput(_ i: Int) -> Bool { i < node.inputs.count && !node.inputs[i].isEmpty }

    /// The type of input `i`, or `nil` when omitted or unknown.
    public func type(_ i: Int) -> ValueType? { i < inputTypes.count ? inputTypes[i] : nil }

    /// The tensor type of input `i`; `nil` when omitted or unknown. Throws `typeMismatch` when
    /// the input is known to be something other than a tensor.
    public func tensorType(_ i: Int) throws -> TensorType? {
        guard let t = type(i) else { return nil }
        switch t {
        case .tensor(let tt), .sparseTensor(let tt): return tt
        default: throw fail("input \(i) must be a tensor, got \(t)", .typeMismatch)
        }
    }

    /// The element type of input `i` when known (never `.undefined`).
    public func elementType(_ i: Int) -> ElementType? {
        guard let t = type(i)?.tensorType, t.elementType != .undefined else { return nil }
        return t.elementType
    }

    /// The shape of input `i` when its rank is known.
    public func shape(_ i: Int) -> [Dim]? { type(i)?.tensorType?.shape }

    /// The rank of input `i` when known.
    public func rank(_ i: Int) -> Int? { shape(i)?.count }

    /// The value of input `i` when known at inference time.
    public func constant(_ i: Int) -> Tensor? { i < constants.count ? constants[i] : nil }

    /// The integer contents of input `i` when known.
    public func ints(input i: Int) -> [Int64]? { constant(i)?.int64Values() }

    /// The contents of a small integer input as dims, possibly symbolic.
    public func shapeValue(_ i: Int) -> [Dim]? { i < shapeValues.count ? shapeValues[i] : nil }

    /// Records the contents of output `i` as dims (for `Shape`, `Concat` of shapes, ...).
    public func setShapeValue(_ i: Int, _ dims: [Dim]) { outputShapeValues[i] = dims }

    // MARK: - Attributes (node value, else the schema's default)

    func attributeValue(_ name: String) -> AttributeValue? {
        node.attribute(name)?.value ?? schema?.attribute(name)?.defaultValue
    }

    /// Whether the node sets attribute `name` itself.
    public func hasAttribute(_ name: String) -> Bool { node.attribute(name) != nil }

    /// An int attribute, else the schema's default.
    public func int(_ name: String) -> Int64? {
        if case .int(let v)? = attributeValue(name) { return v }
        return nil
    }

    /// An int attribute, else the schema's default, else `d`.
    public func int(_ name: String, default d: Int64) -> Int64 { int(name) ?? d }

    /// An ints attribute, else the schema's default.
    public func ints(_ name: String) -> [Int64]? {
        if case .ints(let v)? = attributeValue(name) { return v }
        return nil
    }

    /// A float attribute, else the schema's default.
    public func float(_ name: String) -> Float? {
        if case .float(let v)? = attributeValue(name) { return v }
        return nil
    }

    /// A floats attribute, else the schema's default.
    public func floats(_ name: String) -> [Float]? {
        if case .floats(let v)? = attributeValue(name) { return v }
        return nil
    }

    /// A string attribute, else the schema's default.
    public func string(_ name: String) -> String? {
        if case .string(let v)? = attributeValue(name) { return String(decoding: v, as: UTF8.self) }
        return nil
    }

    /// An int-list parameter given as attribute (older opsets) or as constant input `i`.
    /// `.absent` when neither is given, `.unknown` when the input is given but not constant.
    public func intsAttrOrInput(_ name: String, input i: Int) -> IntsParameter {
        if let a = node.attribute(name)?.ints { return .known(a) }
        if hasInput(i) {
            if let v = ints(input: i) { return .known(v) }
            return .unknown
        }
        return .absent
    }

    /// An int-list input `i`: absent, known, or given but not constant.
    public func inputInts(_ i: Int) -> IntsParameter {
        guard hasInput(i) else { return .absent }
        return ints(input: i).map { .known($0) } ?? .unknown
    }

    /// An int-list parameter that may be absent, known, or given but not known statically.
    public enum IntsParameter: Equatable {
        case absent
        case unknown
        case known([Int64])
    }

    // MARK: - Dims

    /// Unifies two dims that must be equal: returns the more specific one (`3` over `N` over
    /// unknown) and throws `shapeMismatch` when two known sizes differ.
    @discardableResult
    public func unify(_ a: Dim, _ b: Dim, _ what: @autoclosure () -> String = "dims") throws -> Dim
    {
        switch (a, b) {
        case (.known(let x), .known(let y)):
            guard x == y else { throw fail("\(what()) disagree: \(x) vs \(y)") }
            return a
        case (.known, _): return a
        case (_, .known): return b
        case (.symbol, _): return a
        default: return b
        }
    }

    /// `axis` in `-rank..<rank` mapped to `0..<rank`; throws `axisOutOfRange` otherwise.
    public func axis(_ axis: Int64, rank: Int, _ what: String = "axis") throws -> Int {
        let r = Int64(rank)
        guard axis >= -r, axis < r else {
            throw fail("\(what) \(axis) is out of range for rank \(rank)", .axisOutOfRange)
        }
        return Int(axis < 0 ? axis + r : axis)
    }

    /// Normalizes `axes`, rejecting out-of-range and repeated entries.
    public func axes(_ axes: [Int64], rank: Int, _ what: String = "axis") throws -> [Int] {
        var seen = Set<Int>()
        var out: [Int] = []
        for a in axes {
            let n = try axis(a, rank: rank, what)
            guard seen.insert(n).inserted else {
                throw fail("\(what) \(a) repeats", .axisOutOfRange)
            }
            out.append(n)
        }
        return out
    }

    /// Multidirectional (numpy) broadcast of `shapes`; throws when two known dims differ and
    /// neither is 1. Two different symbols broadcast to unknown (either could be 1).
    public func broadcast(_ shapes: [[Dim]]) throws -> [Dim] {
        let rank = shapes.map(\.count).max() ?? 0
        var out: [Dim] = []
        out.reserveCapacity(rank)
        for j in 0..<rank {
            var known: Int64? = nil
            var symbol: String? = nil
            var vague = false
            for s in shapes {
                let i = j - (rank - s.count)
                guard i >= 0 else { continue }
                switch s[i] {
                case .known(1): continue
                case .known(let v):
                    if let k = known, k != v {
                        throw fail(
                            "shapes \(shapes.map(InferenceContext.spell).joined(separator: ", ")) "
                                + "cannot be broadcast together")
                    }
                    known = v
                case .symbol(let n):
                    if let prev = symbol, prev != n { vague = true }
                    symbol = n
                case .unknown: vague = true
                }
            }
            if let known {
                out.append(.known(known))
            } else if let symbol, !vague {
                out.append(.symbol(symbol))
            } else if symbol == nil && !vague {
                out.append(.known(1))
            } else {
                out.append(.unknown)
            }
        }
        return out
    }

    static func spell(_ s: [Dim]) -> String { "[" + s.map(\.description).joined(separator: ",") + "]" }

    // MARK: - Subgraphs

    /// Infers the subgraph in attribute `name` given the types of its formal inputs, and returns
    /// its output types. The inferred graph (with value infos) replaces the attribute when the
    /// engine writes the model back. `nil` without an engine or when the attribute is missing.
    public func inferSubgraph(_ name: String, inputs: [ValueType?]) throws -> [ValueType?]? {
        guard let g = node.attribute(name)?.graph, let infer = subgraphInference else {
            return nil
        }
        let (annotated, outs) = try infer(name, g, inputs)
        inferredSubgraphs[name] = annotated
        return outs
    }

    // MARK: - Helpers for rules

    /// The contents of `t` as dims when it is a small integer tensor of rank 0 or 1.
    static func shapeValue(of t: Tensor) -> [Dim]? {
        guard t.shape.count <= 1, t.elementType == .int64 || t.elementType == .int32,
            (t.shape.first ?? 1) <= 64, let v = t.int64Values()
        else { return nil }
        return v.map { .known($0) }
    }
}

extension TensorType {
    /// The same element type with an unknown rank.
    public var withUnknownShape: TensorType { TensorType(elementType, shape: nil) }
}

extension ValueType {
    /// A dense tensor type of `elementType` (unknown when `nil`) and `shape`.
    public static func tensor(_ elementType: ElementType?, _ shape: [Dim]?) -> ValueType {
        .tensor(TensorType(elementType ?? .undefined, shape: shape))
    }
}

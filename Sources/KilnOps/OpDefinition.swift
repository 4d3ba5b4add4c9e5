import KilnIR

/// A value flowing through the runtime: a tensor, a sequence of tensors, or an absent optional.
public enum Value: Sendable, Equatable {
    case tensor(Tensor)
    case sequence([Tensor])
    /// An optional with no value (ONNX `Optional()` without input).
    case none

    /// The tensor, or `nil` for sequences and `none`.
    public var tensor: Tensor? {
        if case .tensor(let t) = self { return t }
        return nil
    }
}

/// Executes a subgraph (If branch, Loop/Scan body) given its inputs by position. The runtime
/// supplies it; the outer scope of the calling node is visible to the subgraph.
public typealias SubgraphRunner = @Sendable (_ graph: Graph, _ inputs: [Value]) throws -> [Value]

/// Everything a kernel sees when it runs one node.
public struct KernelContext: Sendable {
    public let node: Node
    /// The opset version of the node's domain imported by the model (selects semantics).
    public let opsetVersion: Int64
    /// One entry per node input; `nil` marks an omitted optional input.
    public let inputs: [Value?]
    /// Runs subgraphs for control-flow ops; `nil` when no runtime is attached (e.g. folding).
    public let runSubgraph: SubgraphRunner?
    /// Number of threads a kernel may use (1 = deterministic single-threaded).
    public let threads: Int
    /// Iteration and wall-clock limits of the current run (Loop and Scan check them).
    public var budget = RunBudget()

    public init(
        node: Node, opsetVersion: Int64, inputs: [Value?], runSubgraph: SubgraphRunner? = nil,
        threads: Int = 1
    ) {
        self.node = node
        self.opsetVersion = opsetVersion
        self.inputs = inputs
        self.runSubgraph = runSubgraph
        self.threads = threads
    }

    /// Location for errors raised while running this node.
    public var location: KilnError.Location { .init(node: node.name.isEmpty ? node.opType : node.name) }

    /// Throws `evaluationFailed` at this node with `message`.
    public func fail(_ message: String) -> KilnError {
        KilnError(.evaluationFailed, "\(node.opType): \(message)", at: location)
    }

    // MARK: - Inputs

    /// The tensor at input `i`; throws when it is missing or not a tensor.
    public func tensor(_ i: Int) throws -> Tensor {
        guard i < inputs.count, let v = inputs[i] else {
            throw fail("required input \(i) is missing")
        }
        guard let t = v.tensor else { throw fail("input \(i) is not a tensor") }
        return t
    }

    /// The tensor at input `i`, or `nil` when omitted (absent or empty name).
    public func optionalTensor(_ i: Int) throws -> Tensor? {
        guard i < inputs.count, let v = inputs[i] else { return nil }
        switch v {
        case .tensor(let t): return t
        case .none: return nil
        case .sequence: throw fail("input \(i) is a sequence, expected a tensor")
        }
    }

    // MARK: - Attributes

    public func int(_ name: String) -> Int64? { node.attribute(name)?.int }
    public func int(_ name: String, default d: Int64) -> Int64 { node.attribute(name)?.int ?? d }
    public func float(_ name: String, default d: Float) -> Float { node.attribute(name)?.float ?? d }
    public func ints(_ name: String) -> [Int64]? { node.attribute(name)?.ints }
    public func floats(_ name: String) -> [Float]? { node.attribute(name)?.floats }
    public func string(_ name: String) -> String? { node.attribute(name)?.string }
    public func string(_ name: String, default d: String) -> String {
        node.attribute(name)?.string ?? d
    }
}

/// One operator: its identity and its reference kernel. Shape rules and rewrites rooted at the
/// op are added to the same type as the catalog grows (STYLE.md §3).
public protocol OpDefinition: Sendable {
    /// Operator domain (`""` for default ONNX, `ai.onnx.ml`, `com.microsoft`).
    var domain: String { get }
    /// Operator type as written in `NodeProto.op_type`.
    var opType: String { get }
    /// Runs the node on concrete inputs and returns one value per node output (use `.none` for
    /// an optional output that is not produced).
    func run(_ context: KernelContext) throws -> [Value]
    /// Infers one type per node output (`nil` = unknown) from the input types, known input
    /// values and attributes, with the same math as `run`; throws what the runtime would refuse.
    /// Defaults to the op's entry in `TypeRules`, else unknown (see `Inference/`).
    func inferTypes(_ context: InferenceContext) throws -> [ValueType?]
    /// Whether the op has a type rule (else ``inferTypes(_:)`` returns unknowns).
    var hasTypeRule: Bool { get }
}

/// The set of ops with reference kernels, keyed by domain and op type.
public struct OpRegistry: Sendable {
    private var table: [String: any OpDefinition] = [:]

    public init(_ ops: [any OpDefinition] = []) {
        for op in ops { register(op) }
    }

    public mutating func register(_ op: any OpDefinition) {
        table[OpRegistry.key(op.domain, op.opType)] = op
    }

    /// The op for `domain`/`opType` (`ai.onnx` and `""` are the same domain).
    public func lookup(domain: String, opType: String) -> (any OpDefinition)? {
        table[OpRegistry.key(domain, opType)]
    }

    /// All registered `(domain, opType)` pairs, sorted.
    public var keys: [String] { table.keys.sorted() }

    static func key(_ domain: String, _ opType: String) -> String {
        let d = domain == "ai.onnx" ? "" : domain
        return d + "::" + opType
    }
}

/// A computation graph: typed inputs and outputs, initializers, and nodes in topological order.
///
/// A value type built from copy-on-write arrays, so a snapshot before a pass costs nothing.
/// Values are identified by name, as in ONNX, which keeps import/export lossless; the mutation
/// API in `Graph+Mutation.swift` keeps `nodes` topologically ordered. Subgraphs (in node
/// attributes) may read values of enclosing graphs by name.
public struct Graph: Sendable, Equatable {
    public var name: String
    public var docString: String
    public var inputs: [ValueInfo]
    public var outputs: [ValueInfo]
    /// Constant tensors, by value name. An initializer may also be listed in `inputs` (old
    /// models, or an overridable default).
    public var initializers: [Tensor]
    public var sparseInitializers: [SparseTensor]
    public var nodes: [Node]
    /// Type annotations for intermediate values.
    public var valueInfo: [ValueInfo]
    /// ONNX `quantization_annotation`, kept verbatim.
    public var quantizationAnnotations: [TensorAnnotation]
    public var metadata: [MetadataEntry]

    public init(
        name: String = "", docString: String = "", inputs: [ValueInfo] = [],
        outputs: [ValueInfo] = [], initializers: [Tensor] = [],
        sparseInitializers: [SparseTensor] = [], nodes: [Node] = [], valueInfo: [ValueInfo] = [],
        quantizationAnnotations: [TensorAnnotation] = [], metadata: [MetadataEntry] = []
    ) {
        self.name = name
        self.docString = docString
        self.inputs = inputs
        self.outputs = outputs
        self.initializers = initializers
        self.sparseInitializers = sparseInitializers
        self.nodes = nodes
        self.valueInfo = valueInfo
        self.quantizationAnnotations = quantizationAnnotations
        self.metadata = metadata
    }

    /// Inputs that are not also initializers: what a caller must feed.
    public var runtimeInputs: [ValueInfo] {
        let inits = Set(initializers.map(\.name))
        return inputs.filter { !inits.contains($0.name) }
    }

    /// The initializer called `name`.
    public func initializer(named name: String) -> Tensor? {
        initializers.first { $0.name == name }
    }

    /// The declared type of `name` from inputs, outputs, value_info or initializers.
    public func declaredType(of name: String) -> ValueType? {
        if let v = inputs.first(where: { $0.name == name })?.type { return v }
        if let t = initializer(named: name) {
            return .tensor(TensorType(t.elementType, t.shape))
        }
        if let v = valueInfo.first(where: { $0.name == name })?.type { return v }
        if let v = outputs.first(where: { $0.name == name })?.type { return v }
        return nil
    }
}

/// ONNX `TensorAnnotation`: quantization parameter names attached to a tensor.
public struct TensorAnnotation: Sendable, Equatable {
    public var tensorName: String
    public var quantParameterTensorNames: [MetadataEntry]
    public init(tensorName: String, quantParameterTensorNames: [MetadataEntry]) {
        self.tensorName = tensorName
        self.quantParameterTensorNames = quantParameterTensorNames
    }
}

/// Facts about a model for `kiln inspect`: interface, opsets, op histogram, parameter counts.
public struct ModelSummary: Sendable, Codable, Equatable {
    public struct Value: Sendable, Codable, Equatable {
        public var name: String
        /// Printed type, e.g. `float32[N,3,224,224]`, or `?` when undeclared.
        public var type: String
    }
    public struct OpCount: Sendable, Codable, Equatable {
        public var domain: String
        public var opType: String
        public var count: Int
    }
    public struct TypeTotal: Sendable, Codable, Equatable {
        public var elementType: String
        public var tensors: Int
        public var parameters: Int
        public var bytes: Int
    }
    public struct TensorEntry: Sendable, Codable, Equatable {
        public var name: String
        public var type: String
        public var parameters: Int
        public var bytes: Int
    }

    public var irVersion: Int64
    public var producer: String
    public var opsets: [String: Int64]
    public var inputs: [Value]
    public var outputs: [Value]
    /// Nodes in the main graph, plus nodes inside subgraphs.
    public var nodeCount: Int
    public var subgraphNodeCount: Int
    public var ops: [OpCount]
    public var parameters: Int
    public var parameterBytes: Int
    public var byType: [TypeTotal]
    public var largestTensors: [TensorEntry]
    public var functions: [String]
    public var metadata: [String: String]

    /// Summarizes `model`, listing the `largest` biggest initializers.
    public init(_ model: Model, largest: Int = 10) {
        irVersion = model.irVersion
        producer = [model.producerName, model.producerVersion].filter { !$0.isEmpty }
            .joined(separator: " ")
        opsets = Dictionary(
            model.opsetImports.map { ($0.domain.isEmpty ? "ai.onnx" : $0.domain, $0.version) },
            uniquingKeysWith: { a, _ in a })
        let g = model.graph
        inputs = g.runtimeInputs.map { Value(name: $0.name, type: $0.type?.description ?? "?") }
        outputs = g.outputs.map { Value(name: $0.name, type: $0.type?.description ?? "?") }
        nodeCount = g.nodes.count
        var histogram: [String: OpCount] = [:]
        var nested = 0
        func count(_ graph: Graph, top: Bool) {
            for n in graph.nodes {
                let d = n.normalizedDomain.isEmpty ? "ai.onnx" : n.normalizedDomain
                histogram[d + "::" + n.opType, default: OpCount(domain: d, opType: n.opType, count: 0)]
                    .count += 1
                if !top { nested += 1 }
                for s in n.subgraphs { count(s, top: false) }
            }
        }
        count(g, top: true)
        subgraphNodeCount = nested
        ops = histogram.values.sorted {
            $0.count != $1.count ? $0.count > $1.count : ($0.domain, $0.opType) < ($1.domain, $1.opType)
        }
        var totals: [ElementType: TypeTotal] = [:]
        var entries: [TensorEntry] = []
        var params = 0
        var bytes = 0
        for t in g.initializers {
            let n = t.elementCount ?? 0
            params += n
            bytes += t.byteCount
            totals[t.elementType, default: TypeTotal(elementType: t.elementType.name, tensors: 0, parameters: 0, bytes: 0)]
                .tensors += 1
            totals[t.elementType]?.parameters += n
            totals[t.elementType]?.bytes += t.byteCount
            entries.append(
                TensorEntry(
                    name: t.name, type: ValueType.tensor(TensorType(t.elementType, t.shape)).description,
                    parameters: n, bytes: t.byteCount))
        }
        parameters = params
        parameterBytes = bytes
        byType = totals.values.sorted { $0.bytes != $1.bytes ? $0.bytes > $1.bytes : $0.elementType < $1.elementType }
        largestTensors = Array(
            entries.sorted { $0.bytes != $1.bytes ? $0.bytes > $1.bytes : $0.name < $1.name }.prefix(largest))
        functions = model.functions.map { "\($0.domain)::\($0.name)" }
        metadata = Dictionary(model.metadata.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
    }
}

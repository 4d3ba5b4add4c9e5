/// Whole-model resource limits that both readers (ONNX, Kiln JSON) enforce after decoding, in
/// one linear walk over the model including subgraphs and functions.
///
/// The readers' own options bound what must be known while parsing (file size, one tensor's
/// bytes, nesting depth); these bound what only the whole model tells: the sum of all tensor
/// payloads, the total node count, ranks and the length of every string.
///
/// | limit | default |
/// |---|---|
/// | `maxTotalTensorBytes` | 64 GiB (all initializers and attribute tensors together) |
/// | `maxTotalNodes` | 10,000,000 (every graph, subgraph and function body) |
/// | `maxRank` | 64 (tensors and declared value types) |
/// | `maxStringBytes` | 16 MiB (each name, attribute string and string tensor element) |
public struct ModelLimits: Sendable, Equatable {
    public var maxTotalTensorBytes: Int
    public var maxTotalNodes: Int
    public var maxRank: Int
    public var maxStringBytes: Int

    public init(
        maxTotalTensorBytes: Int = 1 << 36, maxTotalNodes: Int = 10_000_000, maxRank: Int = 64,
        maxStringBytes: Int = 1 << 24
    ) {
        self.maxTotalTensorBytes = maxTotalTensorBytes
        self.maxTotalNodes = maxTotalNodes
        self.maxRank = maxRank
        self.maxStringBytes = maxStringBytes
    }

    /// Throws `limitExceeded` naming the value or node that crosses a limit. O(model size).
    public func enforce(_ model: Model) throws {
        var walk = Walk(limits: self)
        try walk.graph(model.graph)
        for f in model.functions {
            try walk.string(f.name, .init(node: f.name))
            try walk.nodes(f.nodes)
            for a in f.attributeDefaults { try walk.attribute(a, node: f.name) }
        }
        for t in model.trainingInfo {
            if let g = t.initialization { try walk.graph(g) }
            if let g = t.algorithm { try walk.graph(g) }
        }
    }

    private struct Walk {
        let limits: ModelLimits
        var tensorBytes = 0
        var nodeCount = 0

        mutating func graph(_ g: Graph) throws {
            for v in g.inputs + g.outputs + g.valueInfo { try valueInfo(v) }
            for t in g.initializers { try tensor(t) }
            for s in g.sparseInitializers {
                try tensor(s.values)
                try tensor(s.indices)
                try rank(s.dims.count, .init(value: s.values.name))
            }
            try nodes(g.nodes)
        }

        mutating func nodes(_ nodes: [Node]) throws {
            nodeCount += nodes.count
            guard nodeCount <= limits.maxTotalNodes else {
                throw KilnError(
                    .limitExceeded,
                    "the model has more than \(limits.maxTotalNodes) nodes in all its graphs (limit maxTotalNodes, --max-nodes)")
            }
            for (i, n) in nodes.enumerated() {
                let label = n.label(index: i)
                for s in [n.name, n.opType, n.domain] + n.inputs + n.outputs {
                    try string(s, .init(node: label))
                }
                for a in n.attributes { try attribute(a, node: label) }
            }
        }

        mutating func attribute(_ a: Attribute, node: String) throws {
            let loc = KilnError.Location(node: node)
            switch a.value {
            case .string(let d): try bytes(d.count, loc)
            case .strings(let ds): for d in ds { try bytes(d.count, loc) }
            case .tensor(let t): try tensor(t, node: node)
            case .tensors(let ts): for t in ts { try tensor(t, node: node) }
            case .sparseTensor(let s): try tensor(s.values, node: node)
            case .sparseTensors(let ss): for s in ss { try tensor(s.values, node: node) }
            case .graph(let g): try graph(g)
            case .graphs(let gs): for g in gs { try graph(g) }
            default: break
            }
        }

        mutating func tensor(_ t: Tensor, node: String? = nil) throws {
            let loc = KilnError.Location(node: node, value: t.name)
            try string(t.name, loc)
            try rank(t.shape.count, loc)
            var size = t.data.count
            for s in t.strings {
                try bytes(s.count, loc)
                size += s.count
            }
            tensorBytes += size
            guard tensorBytes <= limits.maxTotalTensorBytes else {
                throw KilnError(
                    .limitExceeded,
                    "tensors hold more than \(limits.maxTotalTensorBytes) bytes in total (limit maxTotalTensorBytes, --max-total-bytes)",
                    at: loc)
            }
        }

        func valueInfo(_ v: ValueInfo) throws {
            let loc = KilnError.Location(value: v.name)
            try string(v.name, loc)
            if case .tensor(let tt)? = v.type, let s = tt.shape { try rank(s.count, loc) }
        }

        func rank(_ r: Int, _ loc: KilnError.Location) throws {
            guard r <= limits.maxRank else {
                throw KilnError(
                    .limitExceeded,
                    "rank \(r) is above the limit of \(limits.maxRank) (limit maxRank, --max-rank)",
                    at: loc)
            }
        }

        func string(_ s: String, _ loc: KilnError.Location) throws { try bytes(s.utf8.count, loc) }

        func bytes(_ n: Int, _ loc: KilnError.Location) throws {
            guard n <= limits.maxStringBytes else {
                throw KilnError(
                    .limitExceeded,
                    "a string of \(n) bytes is above the limit of \(limits.maxStringBytes) (limit maxStringBytes, --max-string-bytes)",
                    at: loc)
            }
        }
    }
}

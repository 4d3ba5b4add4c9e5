import KilnIR

/// Hands out value and node names that nothing in the model uses yet.
///
/// Reserving walks the model once (O(names)); `fresh` is amortized O(1): each base keeps a
/// counter, so asking for the same base repeatedly never rescans.
struct NameAuthority {
    private var used: Set<String> = []
    private var next: [String: Int] = [:]

    mutating func reserve(_ model: Model) {
        reserve(model.graph)
        for f in model.functions {
            used.formUnion(f.inputs)
            used.formUnion(f.outputs)
            for n in f.nodes { reserve(n) }
        }
    }

    mutating func reserve(_ graph: Graph) {
        for v in graph.inputs { used.insert(v.name) }
        for v in graph.outputs { used.insert(v.name) }
        for t in graph.initializers { used.insert(t.name) }
        for s in graph.sparseInitializers { used.insert(s.values.name) }
        for n in graph.nodes { reserve(n) }
    }

    private mutating func reserve(_ n: Node) {
        used.formUnion(n.inputs)
        used.formUnion(n.outputs)
        if !n.name.isEmpty { used.insert(n.name) }
        for g in n.subgraphs { reserve(g) }
    }

    /// `base` itself when free, else `base_1`, `base_2`, …
    mutating func fresh(_ base: String) -> String {
        let b = base.isEmpty ? "v" : base
        if used.insert(b).inserted { return b }
        var k = next[b] ?? 1
        while !used.insert("\(b)_\(k)").inserted { k += 1 }
        next[b] = k + 1
        return "\(b)_\(k)"
    }
}

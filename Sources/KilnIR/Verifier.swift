/// Checks the structural invariants every pass and writer relies on: each value is defined
/// once (SSA), every read refers to a value defined earlier (in this graph or an enclosing one),
/// nodes are in topological order, graph outputs are defined, and initializers hold as many
/// bytes as their type and shape need. Runs on import in the CLI and after every pass in tests.
public struct Verifier: Sendable {
    public init() {}

    /// Throws `invalidGraph` (or `malformedInput` for tensors) at the first violation.
    public func verify(_ model: Model) throws {
        try verify(model.graph, outer: [], path: "")
        for f in model.functions {
            var defined = Set(f.inputs)
            for (i, n) in f.nodes.enumerated() {
                for input in n.inputs where !input.isEmpty && !defined.contains(input) {
                    throw KilnError(
                        .invalidGraph,
                        "function '\(f.name)' reads '\(input)' before it is defined",
                        at: .init(node: n.label(index: i), value: input))
                }
                for o in n.outputs where !o.isEmpty { defined.insert(o) }
            }
        }
    }

    /// Verifies `graph`, whose nodes may also read the names in `outer`.
    ///
    /// O(nodes + edges) over the whole nesting: enclosing scopes are consulted as a stack of
    /// sets instead of being copied for every node that carries a subgraph.
    public func verify(_ graph: Graph, outer: Set<String>, path: String) throws {
        var scopes = outer.isEmpty ? [] : [outer]
        try verify(graph, scopes: &scopes, path: path)
    }

    /// `scopes` holds the names defined by the enclosing graphs (innermost last); the graph's
    /// own names are pushed while its subgraphs are verified and popped before returning.
    private func verify(_ graph: Graph, scopes: inout [Set<String>], path: String) throws {
        var defined = Set<String>()
        func define(_ name: String, _ what: String, node: String? = nil) throws {
            guard defined.insert(name).inserted else {
                throw KilnError(
                    .invalidGraph,
                    "\(path.isEmpty ? "" : "in \(path): ")'\(name)' is defined more than once (\(what))",
                    at: .init(node: node, value: name))
            }
        }
        func visibleOutside(_ name: String) -> Bool {
            scopes.contains { $0.contains(name) }
        }
        for t in graph.initializers {
            try define(t.name, "initializer")
            try t.validate(location: .init(value: t.name))
        }
        for s in graph.sparseInitializers { try define(s.values.name, "sparse initializer") }
        let initNames = Set(graph.initializers.map(\.name))
        for v in graph.inputs where !initNames.contains(v.name) { try define(v.name, "graph input") }
        var producers: [String: Int] = [:]
        for (i, n) in graph.nodes.enumerated() {
            for o in n.outputs where !o.isEmpty { producers[o] = i }
        }
        for (i, n) in graph.nodes.enumerated() {
            let label = n.label(index: i)
            for input in n.inputs where !input.isEmpty {
                if defined.contains(input) || visibleOutside(input) { continue }
                if let p = producers[input], p >= i {
                    let kind = p == i ? "its own output" : "a value produced later"
                    throw KilnError(
                        .invalidGraph,
                        "\(path.isEmpty ? "" : "in \(path): ")node reads \(kind) '\(input)' (a cycle or unsorted graph)",
                        at: .init(node: label, value: input))
                }
                throw KilnError(
                    .invalidGraph,
                    "\(path.isEmpty ? "" : "in \(path): ")node reads '\(input)', which nothing defines",
                    at: .init(node: label, value: input))
            }
            for a in n.attributes {
                var subs: [Graph] = []
                if case .graph(let g) = a.value { subs = [g] }
                if case .graphs(let gs) = a.value { subs = gs }
                guard !subs.isEmpty else { continue }
                // `defined` is moved onto the stack (not copied) for the duration of the subgraphs.
                scopes.append(defined)
                defined = []
                defer { defined = scopes.removeLast() }
                for s in subs {
                    try verify(s, scopes: &scopes, path: (path.isEmpty ? "" : path + "/") + label + "." + a.name)
                }
            }
            for o in n.outputs where !o.isEmpty { try define(o, "output of a node", node: label) }
        }
        for o in graph.outputs where !defined.contains(o.name) && !visibleOutside(o.name) {
            throw KilnError(
                .invalidGraph,
                "\(path.isEmpty ? "" : "in \(path): ")graph output '\(o.name)' is never defined",
                at: .init(value: o.name))
        }
    }
}

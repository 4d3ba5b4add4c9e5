import KilnIR

/// Removes nodes none of whose outputs is read or is a graph output, and initializers nothing
/// reads (unless they are also graph inputs, which are part of the interface); in the main
/// graph and every subgraph. Model-local functions no node calls any more are dropped too.
///
/// One reverse sweep removes whole dead chains: the use lists skip removed readers.
struct EliminateDeadCode: Pass {
    let name = "eliminate-dead-code"
    let summary = "remove unused nodes, initializers and functions (also inside subgraphs)"

    func run(on model: inout Model, context: PassContext) throws -> PassResult {
        var result = try model.editAllGraphs(context) { g in
            for ref in g.orderedNodes().reversed() {
                let n = g[ref]
                guard n.outputs.allSatisfy({ $0.isEmpty || g.isUnused($0) }) else { continue }
                g.remove(ref)
                g.count("nodes-removed")
            }
            let inputs = Set(g.graphInputs.map(\.name))
            for t in g.initializers where !inputs.contains(t.name) && g.isUnused(t.name) {
                g.removeInitializer(t.name)
                g.count("initializers-removed")
            }
        }
        if !model.functions.isEmpty {
            var called = Set<String>()
            func collect(_ nodes: [Node]) {
                for n in nodes {
                    called.insert(n.normalizedDomain + "::" + n.opType + "::" + n.overload)
                    for s in n.subgraphs { collect(s.nodes) }
                }
            }
            collect(model.graph.nodes)
            for f in model.functions { collect(f.nodes) }
            let before = model.functions.count
            model.functions.removeAll {
                !called.contains(($0.domain == "ai.onnx" ? "" : $0.domain) + "::" + $0.name + "::" + $0.overload)
            }
            if model.functions.count != before {
                context.count("functions-removed", by: before - model.functions.count)
                result = .changed
            }
        }
        return result
    }
}

import KilnIR

/// Two deterministic nodes with the same op, inputs and attributes compute the same values:
/// readers of the later one's outputs read the earlier one's, and the later node goes. Walks
/// nodes in graph order, so the kept node is always the first (deterministic). Nodes with
/// subgraphs and random ops are never merged. Runs in every subgraph too.
struct EliminateCommonSubexpressions: Pass {
    let name = "eliminate-common-subexpressions"
    let summary = "merge nodes with identical op, inputs and attributes (CSE)"

    private struct Key: Hashable {
        var op: String
        var inputs: [String]
        var outputCount: Int
        var attributes: String
    }

    func run(on model: inout Model, context: PassContext) throws -> PassResult {
        try model.editAllGraphs(context) { g in
            var seen: [Key: [NodeRef]] = [:]
            for ref in g.orderedNodes() {
                let n = g[ref]
                guard n.subgraphs.isEmpty, !FoldConstants.nondeterministic.contains(n.opType),
                    !n.outputs.isEmpty
                else { continue }
                let key = Key(
                    op: n.normalizedDomain + "::" + n.opType + "::" + n.overload, inputs: n.inputs,
                    outputCount: n.outputs.count,
                    attributes: n.attributes.map { "\($0.name)=\($0.referenceName ?? "")" }
                        .sorted().joined(separator: ","))
                let candidates = seen[key] ?? []
                guard let first = candidates.first(where: { sameAttributes(g[$0], n) }) else {
                    seen[key, default: []].append(ref)
                    continue
                }
                let kept = g[first]
                // Every output must be redirectable; graph outputs of both nodes block merging.
                let pairs = zip(n.outputs, kept.outputs).filter { !$0.0.isEmpty }
                guard pairs.allSatisfy({ !$0.1.isEmpty && !g.isGraphOutput($0.1) }),
                    pairs.filter({ g.isGraphOutput($0.0) }).count <= (pairs.count == 1 ? 1 : 0)
                else { continue }
                var ok = true
                for (mine, theirs) in pairs where ok {
                    ok = g.replaceValue(mine, with: theirs)
                }
                guard ok else { continue }
                g.remove(ref)
                g.count("nodes-merged")
            }
        }
    }

    private func sameAttributes(_ a: Node, _ b: Node) -> Bool {
        guard a.attributes.count == b.attributes.count else { return false }
        let x = a.attributes.sorted { $0.name < $1.name }
        let y = b.attributes.sorted { $0.name < $1.name }
        return zip(x, y).allSatisfy { $0.name == $1.name && $0.value == $1.value && $0.referenceName == $1.referenceName }
    }
}

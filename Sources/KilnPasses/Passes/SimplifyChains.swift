import KilnIR

/// Collapses chains of layout ops:
/// - `Transpose(Transpose(x, p), q)` ⇒ `Transpose(x, p∘q)`, or `x` when the composition is the
///   identity;
/// - `Reshape(Reshape(x, s1), s2)` ⇒ `Reshape(x, s2)` when `s2` is constant without zeros
///   (a zero would copy a dim of the intermediate shape);
/// - `Squeeze(Unsqueeze(x, a), a)` and `Unsqueeze(Squeeze(x, a), a)` ⇒ `x` for the same
///   non-negative axes (Squeeze only removes size-1 dims, which Unsqueeze puts back).
/// The inner node is left for dead-code elimination when it has other readers.
struct SimplifyChains: Pass {
    let name = "simplify-chains"
    let summary = "collapse Transpose∘Transpose, Reshape∘Reshape and Squeeze/Unsqueeze pairs"

    func run(on model: inout Model, context: PassContext) throws -> PassResult {
        try model.editAllGraphs(context) { g in
            for ref in g.orderedNodes() where g.isLive(ref) {
                let n = g[ref]
                guard n.normalizedDomain.isEmpty, n.outputs.count == 1, !n.inputs.isEmpty,
                    let inner = g.producer(of: n.inputs[0]), g[inner].normalizedDomain.isEmpty,
                    g[inner].outputs.count == 1
                else { continue }
                let m = g[inner]
                switch (m.opType, n.opType) {
                case ("Transpose", "Transpose"):
                    guard let p = m.attribute("perm")?.ints, let q = n.attribute("perm")?.ints,
                        p.count == q.count, q.allSatisfy({ $0 >= 0 && Int($0) < p.count })
                    else { continue }
                    let composed = q.map { p[Int($0)] }
                    if composed == (0..<Int64(composed.count)).map({ $0 }) {
                        guard g.replaceValue(n.outputs[0], with: m.inputs[0]) else { continue }
                        g.remove(ref)
                    } else {
                        var t = n
                        t.inputs = [m.inputs[0]]
                        t.attributes = [Attribute(name: "perm", value: .ints(composed))]
                        g.update(ref, t)
                    }
                    g.count("transpose-pairs")
                case ("Reshape", "Reshape"):
                    guard n.inputs.count == 2, let s2 = g.constant(n.inputs[1])?.int64Values(),
                        !s2.contains(0)
                    else { continue }
                    var t = n
                    t.inputs[0] = m.inputs[0]
                    g.update(ref, t)
                    g.count("reshape-chains")
                case ("Unsqueeze", "Squeeze"), ("Squeeze", "Unsqueeze"):
                    guard let a = axes(m, g), let b = axes(n, g), a == b, !a.isEmpty,
                        a.allSatisfy({ $0 >= 0 })
                    else { continue }
                    guard g.replaceValue(n.outputs[0], with: m.inputs[0]) else { continue }
                    g.remove(ref)
                    g.count("squeeze-pairs")
                default:
                    continue
                }
            }
        }
    }

    /// Sorted axes of a Squeeze/Unsqueeze (attribute before opset 13, constant input after).
    private func axes(_ n: Node, _ g: GraphEditor) -> [Int64]? {
        if let a = n.attribute("axes")?.ints { return a.sorted() }
        guard n.inputs.count == 2, let t = g.constant(n.inputs[1]) else { return nil }
        return t.int64Values()?.sorted()
    }
}

import KilnIR

/// Collapses chains of layout ops:
/// - `Transpose(Transpose(x, p), q)` ⇒ `Transpose(x, p∘q)`, or `x` when the composition is the
///   identity;
/// - `Reshape(Reshape(x, s1), s2)` ⇒ `Reshape(x, s2)` when `s2` is constant without zeros
///   (a zero would copy a dim of the intermediate shape), else `Reshape(x, c)` with `c` from
///   the inferred shapes of `x` and the result (`ReshapeTarget`);
/// - `Unsqueeze(Unsqueeze(x, a), b)` ⇒ one `Unsqueeze` with the composed axes;
/// - `Squeeze(Unsqueeze(x, a), a)` and `Unsqueeze(Squeeze(x, a), a)` ⇒ `x` for the same
///   non-negative axes (Squeeze only removes size-1 dims, which Unsqueeze puts back).
/// The inner node is left for dead-code elimination when it has other readers.
struct SimplifyChains: Pass {
    let name = "simplify-chains"
    let summary = "collapse Transpose/Reshape/Unsqueeze chains and Squeeze/Unsqueeze pairs"

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
                    guard n.inputs.count == 2, !m.inputs.isEmpty else { continue }
                    var t = n
                    t.inputs[0] = m.inputs[0]
                    if let s2 = g.constant(n.inputs[1])?.int64Values(), !s2.contains(0) {
                        // The target does not copy dims of the intermediate: keep it.
                    } else if let from = g.declaredType(of: m.inputs[0])?.shape,
                        let to = g.declaredType(of: n.outputs[0])?.shape,
                        let c = ReshapeTarget.constant(from: from, to: to)
                    {
                        t.inputs[1] = g.addConstant(
                            Tensor(shape: [Int64(c.count)], values: c), base: n.outputs[0] + "_shape")
                        t.attributes = []
                    } else {
                        continue
                    }
                    g.update(ref, t)
                    g.count("reshape-chains")
                case ("Unsqueeze", "Unsqueeze"):
                    guard let axes = mergedUnsqueezeAxes(m, n, g) else { continue }
                    var t = n
                    t.inputs = [m.inputs[0]]
                    if n.attribute("axes") != nil {
                        t.attributes = [Attribute(name: "axes", value: .ints(axes))]
                    } else {
                        t.inputs.append(g.addConstant(
                            Tensor(shape: [Int64(axes.count)], values: axes),
                            base: n.outputs[0] + "_axes"))
                    }
                    g.update(ref, t)
                    g.count("unsqueeze-chains")
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

    /// The axes of one Unsqueeze doing what `Unsqueeze(Unsqueeze(x, a), b)` does: `b` (axes
    /// of the final rank) and the positions `a`'s new dims end up at once `b`'s are inserted.
    private func mergedUnsqueezeAxes(_ inner: Node, _ outer: Node, _ g: GraphEditor) -> [Int64]? {
        guard let a = axes(inner, g), let b = axes(outer, g), !a.isEmpty, !b.isEmpty,
            let rank = g.declaredType(of: inner.inputs[0])?.shape?.count
        else { return nil }
        let mid = Int64(rank + a.count)
        let out = mid + Int64(b.count)
        let na = a.map { $0 < 0 ? $0 + mid : $0 }
        let nb = b.map { $0 < 0 ? $0 + out : $0 }
        guard Set(na).count == na.count, Set(nb).count == nb.count,
            na.allSatisfy({ $0 >= 0 && $0 < mid }), nb.allSatisfy({ $0 >= 0 && $0 < out })
        else { return nil }
        let kept = (0..<out).filter { !nb.contains($0) }
        return (nb + na.map { kept[Int($0)] }).sorted()
    }

    /// Sorted axes of a Squeeze/Unsqueeze (attribute before opset 13, constant input after).
    private func axes(_ n: Node, _ g: GraphEditor) -> [Int64]? {
        if let a = n.attribute("axes")?.ints { return a.sorted() }
        guard n.inputs.count == 2, let t = g.constant(n.inputs[1]) else { return nil }
        return t.int64Values()?.sorted()
    }
}

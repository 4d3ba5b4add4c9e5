import KilnIR

/// `y = Identity(x); f(y)` ⇒ `f(x)`, and the same for inference-mode `Dropout` whose mask is
/// unused. When `y` is a graph output it keeps its name (the producer of `x` is renamed);
/// when that is impossible (x is a graph input, initializer or output) the node stays.
struct EliminateIdentity: Pass {
    let name = "eliminate-identity"
    let summary = "remove Identity and inference Dropout"

    func run(on model: inout Model, context: PassContext) throws -> PassResult {
        try model.editAllGraphs(context) { g in
            for ref in g.nodes() {
                let n = g[ref]
                guard n.normalizedDomain.isEmpty, n.inputs.count >= 1, !n.inputs[0].isEmpty,
                    n.outputs.count >= 1, !n.outputs[0].isEmpty
                else { continue }
                switch n.opType {
                case "Identity":
                    guard n.outputs.count == 1 else { continue }
                case "Dropout":
                    guard Self.isInferenceDropout(n, in: g) else { continue }
                default:
                    continue
                }
                let (x, y) = (n.inputs[0], n.outputs[0])
                guard g.replaceValue(y, with: x) else { continue }
                g.remove(ref)
                g.count(n.opType == "Identity" ? "identities-removed" : "dropouts-removed")
            }
        }
    }

    /// Dropout that passes its input through: no training mode, mask unused.
    static func isInferenceDropout(_ n: Node, in g: GraphEditor) -> Bool {
        if n.outputs.count > 1 && !n.outputs[1].isEmpty && !g.isUnused(n.outputs[1]) { return false }
        if let v = g.opsetVersion(), v < 7, (n.attribute("is_test")?.int ?? 0) == 0 { return false }
        if n.inputs.count >= 3, !n.inputs[2].isEmpty {
            guard let t = g.constant(n.inputs[2]), let v = t.int64Values(), v.allSatisfy({ $0 == 0 })
            else { return false }
        }
        return true
    }
}

import KilnIR

/// `com.microsoft.Gelu(Add(x, b))` with a 1-D float32 constant `b` ⇒ `com.microsoft.BiasGelu(x, b)`.
struct BiasGeluFusion: RewriteRule {
    let name = "bias-gelu"
    let root = OpKey(domain: "com.microsoft", opType: "Gelu")

    func apply(at ref: NodeRef, in g: inout GraphEditor) -> Bool {
        let n = g[ref]
        guard n.inputs.count == 1, n.outputs.count == 1, let add = g.absorbable(n.inputs[0], "Add"),
            g[add].inputs.count == 2
        else { return false }
        let ai = g[add].inputs
        for j in 0..<2 {
            guard let b = g.constant(ai[1 - j]), b.elementType == .float32, b.shape.count == 1,
                ai[j] != ai[1 - j]
            else { continue }
            g.update(
                ref,
                Node(name: n.name, opType: "BiasGelu", domain: "com.microsoft",
                     inputs: [ai[j], ai[1 - j]], outputs: n.outputs))
            g.remove(add)
            return true
        }
        return false
    }
}

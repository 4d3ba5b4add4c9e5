import KilnIR

/// `Mul(x, HardSigmoid(x; α = 1/6, β = 0.5))` ⇒ `HardSwish(x)` (opset ≥ 14) and
/// `Mul(x, Sigmoid(x))` ⇒ `Swish(x)` (opset ≥ 24, α = 1).
struct SwishFusion: RewriteRule {
    let name: String
    let root = OpKey(opType: "Mul")
    let gate: String
    let fused: String
    let minOpset: Int64

    static let hardSwish = SwishFusion(
        name: "hardswish", gate: "HardSigmoid", fused: "HardSwish", minOpset: 14)
    static let swish = SwishFusion(name: "swish", gate: "Sigmoid", fused: "Swish", minOpset: 24)

    func apply(at ref: NodeRef, in g: inout GraphEditor) -> Bool {
        let n = g[ref]
        guard (g.opsetVersion() ?? 0) >= minOpset, n.inputs.count == 2, n.outputs.count == 1
        else { return false }
        for i in 0..<2 {
            let (x, s) = (n.inputs[i], n.inputs[1 - i])
            guard x != s, let p = g.absorbable(s, gate), g[p].inputs == [x] else { continue }
            if gate == "HardSigmoid" {
                let alpha = g[p].attribute("alpha")?.float ?? 0.2
                let beta = g[p].attribute("beta")?.float ?? 0.5
                guard approximately(alpha, 1.0 / 6.0, rtol: 1e-6), beta == 0.5 else { continue }
            }
            g.update(ref, Node(name: n.name, opType: fused, inputs: [x], outputs: n.outputs))
            g.remove(p)
            return true
        }
        return false
    }
}

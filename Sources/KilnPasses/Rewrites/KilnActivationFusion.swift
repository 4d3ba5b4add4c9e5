import KilnIR

/// `Conv | Gemm | MatMul → Relu | LeakyRelu | Clip | Sigmoid | HardSigmoid | Tanh | HardSwish |
/// ai.kiln.Gelu` ⇒
/// `ai.kiln.FusedConv | FusedGemm | FusedMatMul` that apply the activation in the op's epilogue
/// (`PassOptions.kilnOps` only). Needs a float32 constant weight (Conv's W; either operand of
/// Gemm/MatMul) as evidence that the op computes in float32.
struct KilnActivationFusion: RewriteRule {
    let name: String
    let root: OpKey
    let base: String
    let benefit = 2

    static var all: [KilnActivationFusion] {
        KilnDomain.convActivations.flatMap { a in
            ["Conv", "Gemm", "MatMul"].map { KilnActivationFusion(base: $0, activation: a) }
        }
    }

    init(base: String, activation: String) {
        self.base = base
        name = "kiln-" + base.lowercased() + "-activation"
        root = OpKey(domain: activation == "Gelu" ? KilnDomain.name : "", opType: activation)
    }

    func apply(at ref: NodeRef, in g: inout GraphEditor) -> Bool {
        let act = g[ref]
        guard !act.inputs.isEmpty, let p = g.absorbable(act.inputs[0], base) else { return false }
        let inputs = g[p].inputs
        let floatWeight = base == "Conv"
            ? inputs.count > 1 && g.floatConstant(inputs[1]) != nil
            : inputs.prefix(2).contains { g.floatConstant($0) != nil }
        guard floatWeight, let (kind, params) = KilnDomain.activation(act, in: g) else {
            return false
        }
        var n = KilnDomain.fusedNode(g[p], opType: "Fused" + base)
        n.attributes += KilnDomain.activationAttributes(kind, params)
        n.outputs = act.outputs
        g.remove(ref)
        g.update(p, n)
        g.requireOpset(KilnDomain.name, KilnDomain.version)
        return true
    }
}

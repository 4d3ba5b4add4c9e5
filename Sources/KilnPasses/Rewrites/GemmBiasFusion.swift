import KilnIR

/// `Gemm(A, B) → Add(c)` ⇒ `Gemm(A, B, c)` when the Gemm has no C and `c` is a constant that
/// broadcasts to the Gemm's `[M, N]` output without growing it (shape `[N]`, `[1, N]` or a
/// scalar; `N` read from the constant B). `MatMul(A, B) → Add(c)` ⇒ `Gemm(A, B, c)` likewise
/// when A is declared 2-D and B is a 2-D constant.
struct GemmBiasFusion: RewriteRule {
    let name = "gemm-bias"
    let root = OpKey(opType: "Add")
    let benefit = 2

    func apply(at ref: NodeRef, in g: inout GraphEditor) -> Bool {
        let n = g[ref]
        guard n.inputs.count == 2, n.outputs.count == 1 else { return false }
        for (i, x) in n.inputs.enumerated() {
            let c = n.inputs[1 - i]
            guard x != c, let bias = g.constant(c), bias.elementType == .float32,
                let p = g.producer(of: x), g.hasSingleUse(x), g[p].outputs.count == 1
            else { continue }
            let m = g[p]
            guard m.normalizedDomain.isEmpty, m.inputs.count == 2 || (m.opType == "Gemm" && m.inputs.count == 3 && m.inputs[2].isEmpty),
                let b = g.constant(m.inputs[1]), b.elementType == .float32, b.shape.count == 2
            else { continue }
            var gemm = m
            switch m.opType {
            case "Gemm":
                let transB = (m.attribute("transB")?.int ?? 0) != 0
                let cols = transB ? b.shape[0] : b.shape[1]
                guard fits(bias.shape, cols: cols) else { continue }
                gemm.attributes.removeAll { $0.name == "beta" }
            case "MatMul":
                guard let a = g.declaredType(of: m.inputs[0]), a.shape?.count == 2,
                    a.elementType == .float32, fits(bias.shape, cols: b.shape[1])
                else { continue }
                gemm.opType = "Gemm"
                gemm.attributes = []
            default:
                continue
            }
            gemm.inputs = [m.inputs[0], m.inputs[1], c]
            gemm.outputs = n.outputs
            g.remove(ref)
            g.update(p, gemm)
            return true
        }
        return false
    }

    private func fits(_ shape: [Int64], cols: Int64) -> Bool {
        switch shape.count {
        case 0: return true
        case 1: return shape[0] == cols || shape[0] == 1
        case 2: return shape[0] == 1 && (shape[1] == cols || shape[1] == 1)
        default: return false
        }
    }
}

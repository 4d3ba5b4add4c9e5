import KilnIR

/// `MatMul(Transpose(A, perm swapping the last two dims), B)` ⇒
/// `com.microsoft.FusedMatMul(A, B; transA = 1)` (likewise for B), and
/// `Mul(MatMul(A, B), s)` with a float32 scalar constant `s` ⇒ `FusedMatMul(A, B; alpha = s)`.
/// Float32 only (a float32 constant operand is the evidence).
struct FusedMatMulFusion: RewriteRule {
    let name: String
    let root: OpKey
    let benefit = 1

    static let transpose = FusedMatMulFusion(name: "fused-matmul-transpose", opType: "MatMul")
    static let scale = FusedMatMulFusion(name: "fused-matmul-scale", opType: "Mul")

    init(name: String, opType: String) {
        self.name = name
        root = OpKey(opType: opType)
    }

    func apply(at ref: NodeRef, in g: inout GraphEditor) -> Bool {
        root.opType == "MatMul" ? foldTranspose(ref, &g) : foldScale(ref, &g)
    }

    private func isFloat(_ n: Node, _ g: GraphEditor) -> Bool {
        n.inputs.contains { g.elementType(of: $0) == .float32 }
    }

    private func foldTranspose(_ ref: NodeRef, _ g: inout GraphEditor) -> Bool {
        var n = g[ref]
        guard n.inputs.count == 2, n.outputs.count == 1 else { return false }
        var trans = [false, false]
        var dead: [NodeRef] = []
        for i in 0..<2 {
            guard let t = g.absorbable(n.inputs[i], "Transpose"),
                let perm = g[t].attribute("perm")?.ints, perm.count >= 2
            else { continue }
            let r = perm.count
            var swapped = (0..<Int64(r)).map { $0 }
            swapped.swapAt(r - 2, r - 1)
            guard perm == swapped else { continue }
            n.inputs[i] = g[t].inputs[0]
            trans[i] = true
            dead.append(t)
        }
        guard !dead.isEmpty, isFloat(n, g) || dead.contains(where: { isFloat(g[$0], g) }) else {
            return false
        }
        n.opType = "FusedMatMul"
        n.domain = "com.microsoft"
        n.attributes = [
            Attribute(name: "alpha", value: .float(1)),
            Attribute(name: "transA", value: .int(trans[0] ? 1 : 0)),
            Attribute(name: "transB", value: .int(trans[1] ? 1 : 0)),
        ]
        g.update(ref, n)
        for d in dead { g.remove(d) }
        g.requireOpset("com.microsoft", 1)
        return true
    }

    private func foldScale(_ ref: NodeRef, _ g: inout GraphEditor) -> Bool {
        let n = g[ref]
        guard n.inputs.count == 2, n.outputs.count == 1 else { return false }
        for i in 0..<2 {
            guard let s = g.scalarConstant(n.inputs[1 - i]), let p = g.producer(of: n.inputs[i]),
                g.hasSingleUse(n.inputs[i]), g[p].outputs.count == 1
            else { continue }
            var m = g[p]
            if m.opType == "MatMul" && m.normalizedDomain.isEmpty {
                m.domain = "com.microsoft"
                m.opType = "FusedMatMul"
                m.attributes = [Attribute(name: "alpha", value: .float(s))]
            } else if m.opType == "FusedMatMul" && m.normalizedDomain == "com.microsoft" {
                let alpha = m.attribute("alpha")?.float ?? 1
                m.attributes.removeAll { $0.name == "alpha" }
                m.attributes.append(Attribute(name: "alpha", value: .float(alpha * s)))
            } else {
                continue
            }
            m.outputs = n.outputs
            g.remove(ref)
            g.update(p, m)
            g.requireOpset("com.microsoft", 1)
            return true
        }
        return false
    }
}

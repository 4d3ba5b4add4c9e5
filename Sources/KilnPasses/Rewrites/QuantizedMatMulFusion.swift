import KilnIR

/// onnxruntime's dynamic-quantization MatMul, written out as standard ops, ⇒ one contrib op:
///
///     (q, s, zp) = DynamicQuantizeLinear(A)
///     y = Mul(Cast<float>(MatMulInteger(q, B, zp, b_zp)), Mul(s, b_scale)) [+ bias]
///
/// ⇒ `com.microsoft.DynamicQuantizeMatMul(A, B, b_scale, b_zp, bias)` when the
/// DynamicQuantizeLinear feeds nothing else, or
/// `com.microsoft.MatMulIntegerToFloat(q, B, s, b_scale, zp, b_zp, bias)` when several MatMuls
/// share it. B, b_zp, b_scale (scalar or one per column) and bias (one per column) must be
/// constants. Both ops compute `float(acc)·(s·b_scale) + bias`, the same float operations in
/// the same order as the unfused graph.
struct QuantizedMatMulFusion: RewriteRule {
    let name = "quantized-matmul"
    let root = OpKey(opType: "Mul")
    let benefit = 3

    func apply(at ref: NodeRef, in g: inout GraphEditor) -> Bool {
        let mul = g[ref]
        guard mul.inputs.count == 2, mul.outputs.count == 1, mul.inputs[0] != mul.inputs[1] else {
            return false
        }
        for i in 0..<2 {
            guard let cast = g.absorbable(mul.inputs[i], "Cast") else { continue }
            // (Read in its own statement: Swift 6.3's optimizer crashes on this optional chain
            // inside the guard below.)
            let castNode = g[cast]
            let to = castNode.attribute("to")?.int ?? 0
            guard to == Int64(ElementType.float32.rawValue),
                let mmi = g.absorbable(g.input(cast, 0), "MatMulInteger"),
                let scales = g.absorbable(mul.inputs[1 - i], "Mul")
            else { continue }
            let m = g[mmi]
            guard m.inputs.count >= 3, let dql = g.producer(of: m.inputs[0]),
                g[dql].opType == "DynamicQuantizeLinear", g[dql].normalizedDomain.isEmpty,
                g[dql].outputs.count == 3, m.inputs[2] == g[dql].outputs[2],
                let b = g.constant(m.inputs[1]), b.shape.count == 2,
                b.elementType == .int8 || b.elementType == .uint8
            else { continue }
            let bzp = m.inputs.count > 3 ? m.inputs[3] : ""
            guard bzp.isEmpty || g.constant(bzp) != nil else { continue }
            let si = g[scales].inputs
            guard si.count == 2, let k = si.firstIndex(of: g[dql].outputs[1]),
                let bs = g.constant(si[1 - k]), bs.elementType == .float32,
                bs.elementCount == 1 || bs.elementCount.map({ Int64($0) }) == b.shape.last
            else { continue }
            // An optional bias Add after the Mul.
            var out = mul.outputs[0]
            var bias = ""
            var addRef: NodeRef? = nil
            if g.hasSingleUse(out), let add = g.uses(of: out).first, g[add].opType == "Add",
                g[add].normalizedDomain.isEmpty, let c = g.other(add, than: out),
                let t = g.constant(c), t.elementType == .float32, t.shape == [b.shape[1]],
                g[add].outputs.count == 1
            {
                (out, bias, addRef) = (g[add].outputs[0], c, add)
            }
            let (q, s, zp) = (g[dql].outputs[0], g[dql].outputs[1], g[dql].outputs[2])
            let exclusive = g.uses(of: q) == [mmi] && g.uses(of: zp) == [mmi]
                && g.uses(of: s) == [scales] && !g.isGraphOutput(q) && !g.isGraphOutput(s)
                && !g.isGraphOutput(zp)
            let fused: Node
            if exclusive {
                var inputs = [g.input(dql, 0), m.inputs[1], si[1 - k], bzp, bias]
                while inputs.last == "" { inputs.removeLast() }
                fused = Node(
                    name: mul.name, opType: "DynamicQuantizeMatMul", domain: "com.microsoft",
                    inputs: inputs, outputs: [out])
            } else {
                var inputs = [q, m.inputs[1], s, si[1 - k], zp, bzp, bias]
                while inputs.last == "" { inputs.removeLast() }
                fused = Node(
                    name: mul.name, opType: "MatMulIntegerToFloat", domain: "com.microsoft",
                    inputs: inputs, outputs: [out])
            }
            if let addRef { g.remove(addRef) }
            g.update(ref, fused)
            g.remove(cast)
            g.remove(mmi)
            g.remove(scales)
            if exclusive { g.remove(dql) }
            g.requireOpset("com.microsoft", 1)
            return true
        }
        return false
    }
}

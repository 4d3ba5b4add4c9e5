import KilnIR

/// `Pad(X, pads)` (constant mode, value 0, spatial dims only, non-negative) → `Conv` or
/// `AveragePool(count_include_pad = 1)` ⇒ the Conv/pool with the pads added to its own. The
/// consumer must use explicit pads (`auto_pad` NOTSET).
struct PadConvFusion: RewriteRule {
    let name: String
    let root: OpKey
    let benefit = 2

    init(opType: String) {
        name = "pad-" + opType.lowercased()
        root = OpKey(opType: opType)
    }

    func apply(at ref: NodeRef, in g: inout GraphEditor) -> Bool {
        var n = g[ref]
        guard !n.inputs.isEmpty, let pad = g.absorbable(n.inputs[0], "Pad"),
            (n.attribute("auto_pad")?.string ?? "NOTSET") == "NOTSET",
            let pads = padAmounts(g[pad], in: g), pads.count >= 6, pads.count % 2 == 0
        else { return false }
        if root.opType == "AveragePool" && (n.attribute("count_include_pad")?.int ?? 0) == 0 {
            return false
        }
        let rank = pads.count / 2
        // No padding on batch and channel dims.
        guard pads[0] == 0, pads[1] == 0, pads[rank] == 0, pads[rank + 1] == 0,
            pads.allSatisfy({ $0 >= 0 })
        else { return false }
        let spatial = rank - 2
        var own = n.attribute("pads")?.ints ?? [Int64](repeating: 0, count: 2 * spatial)
        guard own.count == 2 * spatial else { return false }
        for k in 0..<spatial {
            own[k] += pads[2 + k]
            own[spatial + k] += pads[rank + 2 + k]
        }
        n.attributes.removeAll { $0.name == "pads" || $0.name == "auto_pad" }
        n.attributes.append(Attribute(name: "pads", value: .ints(own)))
        n.inputs[0] = g[pad].inputs[0]
        g.update(ref, n)
        g.remove(pad)
        return true
    }

    /// The pads of a zero-valued constant-mode Pad over all dims, or nil.
    private func padAmounts(_ p: Node, in g: GraphEditor) -> [Int64]? {
        guard (p.attribute("mode")?.string ?? "constant") == "constant" else { return nil }
        if (g.opsetVersion() ?? 0) < 11 {
            guard (p.attribute("value")?.float ?? 0) == 0 else { return nil }
            return p.attribute("pads")?.ints
        }
        guard p.inputs.count >= 2, p.inputs.count <= 3 || p.inputs[3].isEmpty,
            let pads = g.constant(p.inputs[1])?.int64Values()
        else { return nil }
        if p.inputs.count >= 3, !p.inputs[2].isEmpty {
            guard let t = g.constant(p.inputs[2]), let v = t.values(as: Float.self), v.count == 1,
                v[0] == 0
            else { return nil }
        }
        return pads
    }
}

import KilnIR

// MARK: - Attributes against the declared ranks and dims of their inputs (K06xx)
//
// A self-contained rule group so `kiln check` refuses what `kiln run` would reject, using only
// declared types (graph inputs, value_info, initializers): no shape inference needed. Each rule
// stays silent when the rank or dims it needs are not declared. Shape inference (K05xx) sees the
// same problems and more; when it reports one at the same node, the K06xx finding is dropped
// (`CheckRun+Inference.swift`), so these rules speak only where inference cannot: when it does
// not run (the model has K01xx–K04xx errors) or its rules are disabled.

extension RuleInfo {
    static let transposePerm = RuleInfo(
        "K0601", "transpose-perm", .error,
        "A Transpose perm is not a permutation of the input's axes.")
    static let attributeAxisOutOfRange = RuleInfo(
        "K0602", "attribute-axis-out-of-range", .error,
        "An axis attribute (Softmax, LayerNormalization, Concat, Gather, Flatten, ...) is outside the input's rank.")
    static let gemmInnerDim = RuleInfo(
        "K0603", "gemm-inner-dim", .error,
        "Gemm inputs are not rank 2 or their inner dimensions differ.")
    static let attributeReshapeElementCount = RuleInfo(
        "K0604", "reshape-element-count", .error,
        "A Reshape to a constant shape does not keep the input's element count.")

    static let attributeShapeRules: [RuleInfo] = [
        transposePerm, attributeAxisOutOfRange, gemmInnerDim, attributeReshapeElementCount,
    ]
}

extension CheckRun {
    /// Runs the K06xx rules on one node of the default domain.
    func checkAttributeShapes(
        _ node: Node, label: String, _ ctx: GraphContext, scopes: [Scope]
    ) {
        guard CheckRun.normalize(node.domain).isEmpty else { return }
        let path = ctx.path
        let opset = ctx.opsets[""] ?? 0
        func dims(_ i: Int) -> [Dim]? {
            guard i < node.inputs.count, !node.inputs[i].isEmpty else { return nil }
            let name = node.inputs[i]
            for s in scopes.reversed() {
                if let t = s.types[name] {
                    if case .tensor(let tt) = t { return tt.shape }
                    return nil
                }
            }
            return nil
        }
        func axis(_ name: String, default d: Int64?, rank: Int, inclusiveEnd: Bool = false) {
            guard let a = node.attribute(name)?.int ?? d else { return }
            let r = Int64(rank)
            let hi = inclusiveEnd ? r : r - 1
            guard a < -r || a > hi else { return }
            emit(
                .attributeAxisOutOfRange,
                "\(node.opType) node '\(label)' has \(name) \(a), outside -\(r)...\(hi) for its input of rank \(rank); "
                    + "use an axis inside that range.", node: label, value: node.inputs.first,
                path: path)
        }
        switch node.opType {
        case "Transpose":
            guard let x = dims(0), let perm = node.attribute("perm")?.ints else { return }
            let ok = perm.count == x.count && Set(perm).count == perm.count
                && perm.allSatisfy { $0 >= 0 && $0 < Int64(x.count) }
            if !ok {
                emit(
                    .transposePerm,
                    "Transpose node '\(label)' has perm \(perm), which is not a permutation of 0..<\(x.count) "
                        + "(its input has rank \(x.count)); list every axis once.", node: label,
                    value: node.inputs.first, path: path)
            }
        case "Softmax", "LogSoftmax", "Hardmax":
            guard let x = dims(0) else { return }
            axis("axis", default: opset >= 13 ? -1 : 1, rank: x.count)
        case "LayerNormalization":
            guard let x = dims(0) else { return }
            axis("axis", default: -1, rank: x.count)
        case "Concat", "Gather", "GatherElements", "Split", "CumSum", "ArgMax", "ArgMin":
            guard let x = dims(0) else { return }
            let d: Int64? = node.opType == "Concat" ? nil : 0
            axis("axis", default: d, rank: x.count)
        case "Flatten":
            guard let x = dims(0) else { return }
            axis("axis", default: 1, rank: x.count, inclusiveEnd: true)
        case "Gemm":
            checkGemm(node, label: label, a: dims(0), b: dims(1), path: path)
        case "Reshape":
            guard opset >= 5, let x = dims(0), node.inputs.count > 1 else { return }
            checkReshape(node, label: label, x: x, scopes: scopes, path: path)
        default:
            break
        }
    }

    private func checkGemm(_ node: Node, label: String, a: [Dim]?, b: [Dim]?, path: String) {
        for (which, d) in [("A", a), ("B", b)] {
            if let d, d.count != 2 {
                emit(
                    .gemmInnerDim,
                    "Gemm node '\(label)' has input \(which) of rank \(d.count); Gemm needs rank 2 "
                        + "(use MatMul for other ranks).", node: label, path: path)
                return
            }
        }
        guard let a, let b else { return }
        let transA = (node.attribute("transA")?.int ?? 0) != 0
        let transB = (node.attribute("transB")?.int ?? 0) != 0
        let ka = transA ? a[0] : a[1]
        let kb = transB ? b[1] : b[0]
        if case .known(let x) = ka, case .known(let y) = kb, x != y {
            emit(
                .gemmInnerDim,
                "Gemm node '\(label)' multiplies A with inner dimension \(x) by B with inner "
                    + "dimension \(y) (transA \(transA ? 1 : 0), transB \(transB ? 1 : 0)); they must be equal.",
                node: label, path: path)
        }
    }

    private func checkReshape(
        _ node: Node, label: String, x: [Dim], scopes: [Scope], path: String
    ) {
        var known: [Int64] = []
        for d in x {
            guard case .known(let v) = d, v >= 0 else { return }
            known.append(v)
        }
        let shapeName = node.inputs[1]
        guard let shapeTensor = scopes.reversed().lazy.compactMap({ $0.constants[shapeName] }).first,
            shapeTensor.elementType == .int64, let target = shapeTensor.int64Values()
        else { return }
        let allowZero = (node.attribute("allowzero")?.int ?? 0) != 0
        func report(_ what: String) {
            emit(
                .attributeReshapeElementCount,
                "Reshape node '\(label)' to shape \(target) \(what); give a shape with the input's element count.",
                node: label, value: shapeName, path: path)
        }
        // Element counts with overflow checks: a hostile shape must not trap the checker.
        func product(_ v: [Int64]) -> Int64? {
            var p: Int64 = 1
            for d in v {
                let (r, o) = p.multipliedReportingOverflow(by: d)
                if o { return nil }
                p = r
            }
            return p
        }
        guard let total = product(known) else { return }
        var resolved: [Int64] = []
        var inferred = 0
        for (i, t) in target.enumerated() {
            if t == 0 && !allowZero {
                guard i < known.count else { return report("copies dimension \(i), which the input of rank \(known.count) lacks") }
                resolved.append(known[i])
            } else if t == -1 {
                inferred += 1
            } else if t < -1 {
                return report("has the negative size \(t)")
            } else {
                resolved.append(t)
            }
        }
        guard inferred <= 1 else { return report("infers more than one dimension (-1)") }
        guard let rest = product(resolved) else { return report("has an element count that overflows") }
        let fits = inferred == 1 ? (rest == 0 ? total == 0 : total % rest == 0) : rest == total
        if !fits {
            report("holds \(inferred == 1 ? "a multiple of \(rest)" : "\(rest)") elements but the input has \(total)")
        }
    }
}

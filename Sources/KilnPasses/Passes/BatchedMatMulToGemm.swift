import KilnIR

/// `Add(MatMul(x, W), b)` with `x` of rank ≥ 3 (`[…, K]`), `W` a float32 constant `[K, N]` and
/// `b` a constant bias of `N` ⇒ `Reshape(Gemm(Reshape(x, [-1, K]), W, b), s)`, where `s` is the
/// result's shape (inferred; at most one dim not known statically).
///
/// Only where it saves nodes: two nodes become one Gemm, and the Reshapes it adds must vanish.
/// The result's Reshape vanishes when every reader of the result is a Reshape (the two merge in
/// `simplify-chains`); the input's Reshape is shared by every such MatMul reading `x` (attention's
/// query/key/value projections) and vanishes when `x` is itself a Reshape's output. A group
/// reading one `x` is rewritten when the Reshapes it adds are fewer than the nodes it saves.
struct BatchedMatMulToGemm: Pass {
    let name = "batched-matmul-to-gemm"
    let summary = "turn rank-3+ MatMul+bias feeding Reshapes into Gemm between Reshapes"

    private struct Candidate {
        let add: NodeRef
        let matmul: NodeRef
        let bias: String
        let target: [Int64]
    }

    func run(on model: inout Model, context: PassContext) throws -> PassResult {
        try model.editAllGraphs(context) { g in
            var groups: [String: [Candidate]] = [:]
            var order: [String] = []
            for ref in g.nodes(opType: "Add") {
                guard let c = Self.candidate(ref, in: g) else { continue }
                let x = g.input(c.matmul, 0)
                if groups[x] == nil { order.append(x) }
                groups[x, default: []].append(c)
            }
            for x in order {
                guard let members = groups[x], let k = g.declaredType(of: x)?.shape?.last?.value
                else { continue }
                let readers = Set(members.map(\.matmul))
                let inputCost = Self.reshapeIsFree(x, k: k, readers: readers, in: g) ? 0 : 1
                guard inputCost < members.count, let anchor = members.map(\.matmul).min() else {
                    continue
                }
                let flat = g.freshName(x + "_2d")
                let shape = g.addConstant(
                    Tensor(shape: [2], values: [Int64(-1), k]), base: flat + "_shape")
                g.insert(
                    Node(opType: "Reshape", inputs: [x, shape], outputs: [flat]), before: anchor)
                for c in members {
                    let y = g.output(c.add, 0)
                    let w = g.input(c.matmul, 1)
                    let y2 = g.freshName(y + "_gemm")
                    let target = g.addConstant(
                        Tensor(shape: [Int64(c.target.count)], values: c.target),
                        base: y + "_shape")
                    var gemm = g[c.matmul]
                    gemm.opType = "Gemm"
                    gemm.inputs = [flat, w, c.bias]
                    gemm.outputs = [y2]
                    gemm.attributes = []
                    var reshape = g[c.add]
                    reshape.opType = "Reshape"
                    reshape.inputs = [y2, target]
                    reshape.attributes = []
                    g.update(c.matmul, gemm)
                    g.update(c.add, reshape)
                    g.count("matmuls-to-gemm")
                }
            }
        }
    }

    /// `Reshape(x, [-1, K])` costs no node: `x` is a Reshape's output that only `readers` read
    /// (the two Reshapes merge), or a reshape of a 2-D `[M, K]` value (the new one is a no-op).
    private static func reshapeIsFree(
        _ x: String, k: Int64, readers: Set<NodeRef>, in g: GraphEditor
    ) -> Bool {
        guard let p = g.producer(of: x), g[p].opType == "Reshape", g[p].normalizedDomain.isEmpty,
            let z = g[p].inputs.first
        else { return false }
        if let zs = g.declaredType(of: z)?.shape, zs.count == 2, zs[1] == .known(k) { return true }
        return !g.isGraphOutput(x) && Set(g.uses(of: x)).isSubset(of: readers)
    }

    /// The match at `add` when its result is read only by Reshapes.
    private static func candidate(_ add: NodeRef, in g: GraphEditor) -> Candidate? {
        let n = g[add]
        guard n.normalizedDomain.isEmpty, n.inputs.count == 2, n.outputs.count == 1,
            !g.isGraphOutput(n.outputs[0])
        else { return nil }
        let readers = g.uses(of: n.outputs[0])
        guard !readers.isEmpty,
            readers.allSatisfy({ g[$0].opType == "Reshape" && g[$0].normalizedDomain.isEmpty
                && g[$0].inputs.first == n.outputs[0] && g.constant(g.input($0, 1)) != nil })
        else { return nil }
        for i in 0..<2 {
            let (m, b) = (n.inputs[i], n.inputs[1 - i])
            guard m != b, let mm = g.absorbable(m, "MatMul"), g[mm].inputs.count == 2,
                let bias = g.constant(b), bias.elementType == .float32,
                let w = g.constant(g.input(mm, 1)), w.elementType == .float32, w.shape.count == 2,
                let xt = g.declaredType(of: g.input(mm, 0)), xt.elementType == .float32,
                let xs = xt.shape, xs.count >= 3, xs.last?.value == w.shape[0],
                bias.shape == [w.shape[1]] || bias.shape == [1, w.shape[1]],
                let ys = g.declaredType(of: n.outputs[0])?.shape, ys.count == xs.count,
                let target = ReshapeTarget.constant(from: [.unknown, .known(w.shape[1])], to: ys)
            else { continue }
            return Candidate(add: add, matmul: mm, bias: b, target: target)
        }
        return nil
    }
}

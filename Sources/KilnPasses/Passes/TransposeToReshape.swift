import KilnIR

/// `Transpose(x, perm)` that only moves size-1 dims (the other dims keep their order) ⇒
/// `Reshape(x, c)`: the elements stay in the same order, so this is a relabeling of the shape
/// that costs no copy and merges with neighbouring Reshapes (an RNN's `[T,1,N,H]` output
/// transposed to `[T,N,1,H]` and then reshaped to `[T,N,H]` becomes one Reshape).
/// `c` comes from the inferred shapes (`ReshapeTarget`): known sizes, `0` for a symbolic dim
/// that stays in place, `-1` for at most one other.
struct TransposeToReshape: Pass {
    let name = "transpose-to-reshape"
    let summary = "turn a Transpose that only moves size-1 dims into a Reshape"

    func run(on model: inout Model, context: PassContext) throws -> PassResult {
        guard model.containsOp(["Transpose"]) else { return .unchanged }
        return try model.editAllGraphs(context) { g in
            for ref in g.nodes(opType: "Transpose") {
                var n = g[ref]
                guard n.inputs.count == 1, n.outputs.count == 1, !n.inputs[0].isEmpty,
                    let perm = n.attribute("perm")?.ints,
                    let shape = g.declaredType(of: n.inputs[0])?.shape, shape.count == perm.count,
                    Set(perm) == Set(0..<Int64(perm.count))
                else { continue }
                let moved = perm.filter { shape[Int($0)] != .known(1) }
                guard moved == moved.sorted(), perm != perm.sorted(),
                    let target = ReshapeTarget.constant(
                        from: shape, to: perm.map { shape[Int($0)] })
                else { continue }
                let c = g.addConstant(
                    Tensor(shape: [Int64(target.count)], values: target),
                    base: n.outputs[0] + "_shape")
                n.opType = "Reshape"
                n.inputs = [n.inputs[0], c]
                n.attributes = []
                g.update(ref, n)
                g.count("transposes-to-reshapes")
            }
        }
    }
}

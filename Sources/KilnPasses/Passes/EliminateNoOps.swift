import KilnIR

/// Removes nodes that return their input unchanged:
/// - `Cast` to the input's own (declared) element type;
/// - `Reshape` to the input's own static shape; `Expand` whose result has the input's shape;
/// - `Transpose` with the identity permutation (or a rank ≤ 1 input);
/// - `Pad` with all-zero pads; `Tile` with all repeats 1;
/// - `Slice` that keeps every element (start 0, end ≥ dim, step 1 on every sliced axis);
/// - `Concat`, `Sum`, `Max`, `Min`, `Mean` with a single input; `Split`-free single-output
///   `Squeeze`/`Unsqueeze` with no axes are left alone (their meaning differs).
/// The output name is kept when it is a graph output (see `GraphEditor.replaceValue`).
struct EliminateNoOps: Pass {
    let name = "eliminate-noop"
    let summary = "remove Cast/Reshape/Transpose/Pad/Slice/Expand/Tile/Concat that change nothing"

    func run(on model: inout Model, context: PassContext) throws -> PassResult {
        try model.editAllGraphs(context) { g in
            for ref in g.nodes() {
                let n = g[ref]
                guard n.normalizedDomain.isEmpty, n.outputs.count == 1, !n.outputs[0].isEmpty,
                    n.inputs.first.map({ !$0.isEmpty }) ?? false, Self.isNoOp(n, in: g)
                else { continue }
                guard g.replaceValue(n.outputs[0], with: n.inputs[0]) else { continue }
                g.remove(ref)
                g.count("\(n.opType.lowercased())-removed")
            }
        }
    }

    static func isNoOp(_ n: Node, in g: GraphEditor) -> Bool {
        let x = n.inputs[0]
        let type = g.declaredType(of: x)
        let shape = type?.staticShape
        let version = g.opsetVersion() ?? 0
        func constInts(_ i: Int) -> [Int64]? {
            guard i < n.inputs.count, !n.inputs[i].isEmpty else { return nil }
            return g.constant(n.inputs[i])?.int64Values()
        }
        switch n.opType {
        case "Cast":
            guard let to = n.attribute("to")?.int, let t = type,
                t.elementType != .undefined
            else { return false }
            return Int64(t.elementType.rawValue) == to
        case "Reshape":
            guard let shape, let target = constInts(1), target.count == shape.count else {
                return false
            }
            let allowZero = (n.attribute("allowzero")?.int ?? 0) != 0
            var minusOne = 0
            for (d, t) in zip(shape, target) {
                if t == d { continue }
                if t == 0 && !allowZero { continue }
                if t == -1 { minusOne += 1; continue }
                return false
            }
            return minusOne <= 1
        case "Expand":
            guard let shape, let target = constInts(1), target.count <= shape.count else {
                return false
            }
            let aligned = [Int64](repeating: 1, count: shape.count - target.count) + target
            return zip(shape, aligned).allSatisfy { d, t in t == 1 || t == d }
        case "Transpose":
            guard n.inputs.count == 1 else { return false }
            if let perm = n.attribute("perm")?.ints {
                return perm == (0..<Int64(perm.count)).map { $0 }
            }
            return shape.map { $0.count <= 1 } ?? false
        case "Pad":
            if version < 11 {
                guard let pads = n.attribute("pads")?.ints else { return false }
                return pads.allSatisfy { $0 == 0 }
            }
            guard let pads = constInts(1) else { return false }
            return pads.allSatisfy { $0 == 0 }
        case "Tile":
            guard let r = constInts(1) else { return false }
            return r.allSatisfy { $0 == 1 }
        case "Slice":
            guard version >= 10, let shape, let starts = constInts(1), let ends = constInts(2),
                starts.count == ends.count
            else { return false }
            let rank = Int64(shape.count)
            let axes = constInts(3) ?? (0..<Int64(starts.count)).map { $0 }
            let steps = constInts(4) ?? [Int64](repeating: 1, count: starts.count)
            guard axes.count == starts.count, steps.count == starts.count,
                n.inputs.count <= 3 || constInts(3) != nil,
                n.inputs.count <= 4 || constInts(4) != nil
            else { return false }
            for k in starts.indices {
                let a = axes[k] < 0 ? axes[k] + rank : axes[k]
                guard a >= 0, a < rank, steps[k] == 1 else { return false }
                let dim = shape[Int(a)]
                let s = starts[k] < 0 ? starts[k] + dim : starts[k]
                guard s <= 0, ends[k] >= dim else { return false }
            }
            return true
        case "Concat", "Sum", "Max", "Min", "Mean":
            guard n.inputs.count == 1 else { return false }
            // Max/Min/Mean/Sum of one input is that input; Concat of one tensor too.
            return true
        default:
            return false
        }
    }
}

import KilnIR

/// `Slice(x, s₀, e₀, [a]) … Slice(x, sₖ, eₖ, [a])` that cut disjoint pieces of one value along one
/// axis (steps 1, constant bounds, the axis' size known) ⇒ one `Split(x)` whose outputs are the
/// slices' own output names. Gaps between the pieces become extra Split outputs nothing reads.
/// Exporters write a fused gate projection (GRU, LSTM cells, QKV) this way; onnxruntime's
/// extended level makes the same rewrite. Needs opset ≥ 13 (Split sizes as an input).
struct SlicesToSplit: Pass {
    let name = "slices-to-split"
    let summary = "merge Slices that cut one value into disjoint pieces along an axis into a Split"

    /// One Slice as a piece `[start, end)` of axis `axis`.
    private struct Piece {
        var ref: NodeRef
        var start: Int64
        var end: Int64
        var output: String
    }

    func run(on model: inout Model, context: PassContext) throws -> PassResult {
        guard (model.opsetVersion(for: "") ?? 0) >= 13 else { return .unchanged }
        return try model.editAllGraphs(context) { g in
            var groups: [String: [Int: [Piece]]] = [:]
            var order: [String] = []
            for ref in g.orderedNodes() {
                let n = g[ref]
                guard n.opType == "Slice", n.normalizedDomain.isEmpty, n.inputs.count >= 3,
                    n.outputs.count == 1, !n.outputs[0].isEmpty,
                    let (axis, piece) = Self.piece(ref, in: g)
                else { continue }
                if groups[n.inputs[0]] == nil { order.append(n.inputs[0]) }
                groups[n.inputs[0], default: [:]][axis, default: []].append(piece)
            }
            for x in order {
                guard let shape = g.declaredType(of: x)?.shape else { continue }
                for (axis, pieces) in groups[x, default: [:]].sorted(by: { $0.key < $1.key }) {
                    guard pieces.count >= 2, case .known(let dim)? = shape[safe: axis] else {
                        continue
                    }
                    merge(x, axis: axis, dim: dim, pieces: pieces, in: &g)
                }
            }
        }
    }

    private func merge(_ x: String, axis: Int, dim: Int64, pieces: [Piece], in g: inout GraphEditor) {
        let sorted = pieces.map { p -> Piece in
            var q = p
            q.start = min(max(p.start < 0 ? p.start + dim : p.start, 0), dim)
            q.end = min(max(p.end < 0 ? p.end + dim : p.end, 0), dim)
            return q
        }.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var sizes: [Int64] = []
        var outputs: [String] = []
        var at: Int64 = 0
        for p in sorted {
            // Overlapping or empty pieces cannot be Split outputs.
            guard p.start >= at, p.end > p.start else { return }
            if p.start > at {
                sizes.append(p.start - at)
                outputs.append(g.freshName(x + "_split_gap"))
            }
            sizes.append(p.end - p.start)
            outputs.append(p.output)
            at = p.end
        }
        if at < dim {
            sizes.append(dim - at)
            outputs.append(g.freshName(x + "_split_rest"))
        }
        guard outputs.count >= 2, !sorted.contains(where: { g.isGraphOutput($0.output) }) else {
            return
        }
        let split = g.addConstant(Tensor(shape: [Int64(sizes.count)], values: sizes), base: x + "_split")
        let first = pieces[0].ref  // the group was collected in topological order
        for p in sorted { g.remove(p.ref) }
        g.insert(
            Node(
                opType: "Split", inputs: [x, split], outputs: outputs,
                attributes: [Attribute(name: "axis", value: .int(Int64(axis)))]),
            before: first)
        g.count("slices-merged", by: sorted.count)
    }

    /// The axis and range of a Slice with constant bounds and unit steps on one axis.
    private static func piece(_ ref: NodeRef, in g: GraphEditor) -> (Int, Piece)? {
        let n = g[ref]
        func ints(_ i: Int) -> [Int64]? {
            guard i < n.inputs.count, !n.inputs[i].isEmpty else { return nil }
            return g.constant(n.inputs[i])?.int64Values()
        }
        guard let starts = ints(1), let ends = ints(2), starts.count == 1, ends.count == 1,
            let rank = g.declaredType(of: n.inputs[0])?.shape?.count
        else { return nil }
        var axis: Int64 = 0
        if n.inputs.count > 3 && !n.inputs[3].isEmpty {
            guard let a = ints(3), a.count == 1 else { return nil }
            axis = a[0]
        }
        if n.inputs.count > 4 && !n.inputs[4].isEmpty {
            guard let s = ints(4), s == [1] else { return nil }
        }
        if axis < 0 { axis += Int64(rank) }
        guard axis >= 0, axis < Int64(rank) else { return nil }
        return (Int(axis), Piece(ref: ref, start: starts[0], end: ends[0], output: n.outputs[0]))
    }
}

extension Array {
    fileprivate subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

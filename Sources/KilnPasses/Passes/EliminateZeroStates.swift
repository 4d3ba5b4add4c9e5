import KilnIR

/// Drops an all-zero `initial_h` (input 5) or LSTM's `initial_c` (input 6) of RNN, GRU, LSTM
/// and com.microsoft DynamicQuantizeLSTM: an absent initial state is zero by definition.
///
/// A value counts as all zeros when it is a float32 constant of +0.0, a `ConstantOfShape` of
/// +0.0 (or its default value), or a `Slice`/`Split`/`Reshape`/`Unsqueeze`/`Squeeze`/
/// `Transpose`/`Expand`/`Identity`/`Flatten` of such a value. Exporters size the zero state from
/// the batch dim (`Shape → Gather → Concat → ConstantOfShape`), a chain that then dies.
struct EliminateZeroStates: Pass {
    let name = "eliminate-zero-states"
    let summary = "drop all-zero initial states of RNN/GRU/LSTM (zero is the default)"

    func run(on model: inout Model, context: PassContext) throws -> PassResult {
        guard model.containsOp(["RNN", "GRU", "LSTM", "DynamicQuantizeLSTM"]) else { return .unchanged }
        return try model.editAllGraphs(context) { g in
            for op in ["RNN", "GRU", "LSTM"] {
                for ref in g.nodes(opType: op) { Self.dropZeroInitialState(ref, in: &g) }
            }
            for ref in g.nodes(opType: "DynamicQuantizeLSTM", domain: "com.microsoft") {
                Self.dropZeroInitialState(ref, in: &g)
            }
        }
    }

    /// Clears the initial-state inputs of `ref` that are all zeros.
    static func dropZeroInitialState(_ ref: NodeRef, in g: inout GraphEditor) {
        var n = g[ref]
        let slots = n.opType.hasSuffix("LSTM") ? [5, 6] : [5]
        var changed = false
        for i in slots where i < n.inputs.count && !n.inputs[i].isEmpty {
            guard isZero(n.inputs[i], in: g) else { continue }
            n.inputs[i] = ""
            changed = true
        }
        guard changed else { return }
        while n.inputs.last == "" { n.inputs.removeLast() }
        g.update(ref, n)
        g.count("zero-initial-states-removed")
    }

    /// `name` is all +0.0 (see the type's documentation).
    static func isZero(_ name: String, in g: GraphEditor, depth: Int = 8) -> Bool {
        if let t = g.constant(name) { return isPositiveZeros(t) }
        guard depth > 0, let p = g.producer(of: name), g[p].normalizedDomain.isEmpty else {
            return false
        }
        let n = g[p]
        switch n.opType {
        case "ConstantOfShape":
            guard let t = n.attribute("value")?.tensor else { return true }  // default 0.0f
            return isPositiveZeros(t)
        case "Slice", "Split", "Reshape", "Unsqueeze", "Squeeze", "Transpose", "Expand",
            "Identity", "Flatten":
            return !n.inputs.isEmpty && isZero(n.inputs[0], in: g, depth: depth - 1)
        default:
            return false
        }
    }

    /// `t` is float32 and every value is +0.0.
    static func isPositiveZeros(_ t: Tensor) -> Bool {
        guard t.elementType == .float32, let v = t.values(as: Float.self) else { return false }
        return v.allSatisfy { $0 == 0 && $0.sign == .plus }
    }
}

import KilnIR
import KilnOps

/// Evaluates nodes whose inputs are all constant with the ops' reference kernels and turns
/// their outputs into initializers (same names, so graph outputs keep theirs).
///
/// Rewrites:
/// - `Constant` nodes ⇒ initializers.
/// - a deterministic node without subgraphs whose inputs are constant ⇒ its outputs as constants.
/// - `Shape(x)` / `Size(x)` when `x` has a static shape (declared or inferred) ⇒ a constant,
///   which lets `Shape → Gather → Concat → Reshape` chains fold away.
/// - a node whose outputs `infer-shapes` knows (shape arithmetic on partly symbolic shapes,
///   such as `Gather(Shape(x), 1)` when only dim 1 of `x` is known) ⇒ those constants.
/// - `Reshape(x, s)` whose target `s` inference knows symbolically ⇒ `Reshape(x, c)` with a
///   constant `c`: known sizes, `0` where the dim is a copy of `x`'s dim at the same position
///   (`allowzero` unset), `-1` for at most one remaining dim. The `Shape → Gather → Concat`
///   chain that computed `s` from a dynamic batch dim then dies.
///
/// Size guard: a folded output larger than `PassOptions.maxFoldedBytes` is kept only when it
/// replaces at least as many bytes of constants that die with the node, so ConstantOfShape,
/// Expand and Tile never inflate a file and a weight shared with other nodes is not duplicated.
/// 8-bit constants dequantized by DequantizeLinear or Cast (to float) are not folded at all
/// unless `PassOptions.foldsDequantization`. Random ops are never folded, nor ops the model
/// overrides with a local function. A node whose kernel fails on its constants is left for the
/// runtime to report, or, in the main graph, the error is thrown with
/// `PassOptions.foldingFailuresThrow` (the plan).
struct FoldConstants: Pass {
    let name = "fold-constants"
    let summary = "evaluate nodes with constant inputs (and static Shape/Size) into initializers"

    /// Ops whose outputs differ from run to run.
    static let nondeterministic: Set<String> = [
        "RandomNormal", "RandomNormalLike", "RandomUniform", "RandomUniformLike", "Multinomial",
        "Bernoulli", "Dropout",
    ]

    func run(on model: inout Model, context: PassContext) throws -> PassResult {
        let shadowed = Set(model.functions.map { ($0.domain == "ai.onnx" ? "" : $0.domain) + "::" + $0.name })
        return try model.editAllGraphs(context) { g in
            for ref in g.orderedNodes() {
                let node = g[ref]
                if shadowed.contains(node.normalizedDomain + "::" + node.opType) { continue }
                if node.opType == "Constant" && node.normalizedDomain.isEmpty {
                    guard let t = Self.constantValue(node), node.outputs.count == 1,
                        !node.outputs[0].isEmpty
                    else { continue }
                    var named = t
                    named.name = node.outputs[0]
                    g.remove(ref)
                    g.addInitializer(named)
                    g.count("constant-nodes")
                    continue
                }
                if let folded = Self.foldShape(node, in: g) {
                    g.remove(ref)
                    g.addInitializer(folded)
                    g.count("shapes-folded")
                    continue
                }
                if !context.options.foldsDequantization && Self.readsDequantized(node, in: g) {
                    continue
                }
                if let known = Self.inferredOutputs(node, in: g, context: context) {
                    g.remove(ref)
                    for t in known { g.addInitializer(t) }
                    g.count("inferred-folded")
                    continue
                }
                if Self.constantReshapeTarget(ref, in: &g) { continue }
                try fold(ref, node, in: &g, context: context)
            }
        }
    }

    private func fold(_ ref: NodeRef, _ node: Node, in g: inout GraphEditor, context: PassContext)
        throws
    {
        guard node.subgraphs.isEmpty, !Self.nondeterministic.contains(node.opType),
            node.outputs.contains(where: { !$0.isEmpty })
        else { return }
        var inputs: [Value?] = []
        var deadBytes = 0
        for name in node.inputs {
            if name.isEmpty {
                inputs.append(nil)
                continue
            }
            guard let t = g.constant(name) else { return }
            inputs.append(.tensor(t))
            if g.uses(of: name) == [ref] && !g.isGraphOutput(name) { deadBytes += t.byteCount }
        }
        // A node without inputs (other than Constant) is folded only if it is an op like Range
        // or ConstantOfShape without input: still guarded by size below.
        // Ops that grow their input are checked before evaluation: computing a large
        // ConstantOfShape only to throw it away would cost time on every pipeline iteration.
        if let predicted = Self.predictedBytes(node, inputs),
            predicted > max(context.options.maxFoldedBytes, deadBytes)
        {
            g.count("skipped-size-guard")
            return
        }
        guard let op = context.registry.lookup(domain: node.domain, opType: node.opType),
            let version = g.opsetVersion(node.normalizedDomain)
        else { return }
        let outputs: [Value]
        do {
            outputs = try op.run(KernelContext(node: node, opsetVersion: version, inputs: inputs))
        } catch var e as KilnError where context.options.foldingFailuresThrow && g.isMainGraph {
            // Only in the main graph, which always runs: a subgraph (an If branch) may be
            // built never to run on these values.
            if e.location.node == nil { e.location.node = node.name.isEmpty ? node.opType : node.name }
            throw e
        } catch {
            // The node fails on these constants; leave it for the runtime to report.
            g.count("evaluation-failed")
            return
        }
        var tensors: [(String, Tensor)] = []
        var outBytes = 0
        for (i, name) in node.outputs.enumerated() where !name.isEmpty {
            guard i < outputs.count, let t = outputs[i].tensor, (try? t.validate()) != nil else {
                return
            }
            outBytes += t.byteCount
            tensors.append((name, t))
        }
        guard outBytes <= context.options.maxFoldedBytes || outBytes <= deadBytes else {
            g.count("skipped-size-guard")
            return
        }
        g.remove(ref)
        for (name, t) in tensors {
            var named = t
            named.name = name
            g.addInitializer(named)
        }
        g.count("nodes-folded")
    }

    /// Whether `node` dequantizes an 8-bit constant (`DequantizeLinear`, or `Cast` to float):
    /// never folded, whatever the size, so the QDQ fusions of `fuse-standard` still see the
    /// integer weight (onnxruntime's constant folding skips DequantizeLinear for the same
    /// reason) and the file keeps it in 8 bits.
    static func dequantizes(_ node: Node, in g: GraphEditor) -> Bool {
        guard node.normalizedDomain.isEmpty, let x = node.inputs.first,
            let t = g.constant(x)?.elementType
        else { return false }
        switch node.opType {
        case "DequantizeLinear": return t != .int32
        case "Cast": return QDQLinearFusion.eightBitConstantCast(node, in: g, float16: true) != nil
        default: return false
        }
    }

    /// Whether `node` dequantizes an 8-bit constant or reads such a dequantized value (the
    /// `Mul` of `Mul(Cast(W_q), s)`, which shape inference may also know): not folded.
    static func readsDequantized(_ node: Node, in g: GraphEditor) -> Bool {
        if dequantizes(node, in: g) { return true }
        guard node.opType == "Mul", node.normalizedDomain.isEmpty else { return false }
        return node.inputs.contains { x in
            guard let p = g.producer(of: x) else { return false }
            return dequantizes(g[p], in: g)
        }
    }

    /// The output size of ops that can produce much more than they read, when predictable.
    static func predictedBytes(_ node: Node, _ inputs: [Value?]) -> Int? {
        func tensor(_ i: Int) -> Tensor? { i < inputs.count ? inputs[i]?.tensor : nil }
        func bytes(_ dims: [Int64], _ type: ElementType) -> Int {
            guard let n = Tensor.elementCount(dims.map { max($0, 0) }),
                let b = type.byteCount(elements: n)
            else { return Int.max }
            return b
        }
        switch node.opType {
        case "ConstantOfShape":
            guard let shape = tensor(0)?.int64Values() else { return nil }
            return bytes(shape, node.attribute("value")?.tensor?.elementType ?? .float32)
        case "Expand":
            guard let x = tensor(0), let target = tensor(1)?.int64Values() else { return nil }
            let r = max(x.shape.count, target.count)
            let a = [Int64](repeating: 1, count: r - x.shape.count) + x.shape
            let b = [Int64](repeating: 1, count: r - target.count) + target
            return bytes(zip(a, b).map { max($0, $1) }, x.elementType)
        case "Tile":
            guard let x = tensor(0), let reps = tensor(1)?.int64Values(), reps.count == x.shape.count
            else { return nil }
            return bytes(zip(x.shape, reps).map { $0 * $1 }, x.elementType)
        default:
            return nil
        }
    }

    /// The tensor a `Constant` node holds, if it is a dense one.
    static func constantValue(_ node: Node) -> Tensor? {
        guard let a = node.attributes.first, node.attributes.count == 1, a.referenceName == nil
        else { return nil }
        switch (a.name, a.value) {
        case ("value", .tensor(let t)): return t
        case ("value_float", .float(let f)): return Tensor(shape: [], values: [f])
        case ("value_floats", .floats(let f)): return Tensor(shape: [Int64(f.count)], values: f)
        case ("value_int", .int(let i)): return Tensor(shape: [], values: [i])
        case ("value_ints", .ints(let i)): return Tensor(shape: [Int64(i.count)], values: i)
        default: return nil
        }
    }

    /// The outputs of `node` as constants when shape inference knows them all, some input is
    /// not constant (otherwise the kernel folds it, with its own size guard) and they are small.
    static func inferredOutputs(_ node: Node, in g: GraphEditor, context: PassContext) -> [Tensor]? {
        guard !context.inferredConstants.isEmpty, node.subgraphs.isEmpty,
            !nondeterministic.contains(node.opType),
            node.inputs.contains(where: { !$0.isEmpty && g.constant($0) == nil })
        else { return nil }
        var out: [Tensor] = []
        var bytes = 0
        for name in node.outputs where !name.isEmpty {
            guard var t = context.inferredConstants[name] else { return nil }
            bytes += t.byteCount
            t.name = name
            out.append(t)
        }
        guard !out.isEmpty, bytes <= context.options.maxFoldedBytes else { return nil }
        return out
    }

    /// Replaces a computed Reshape target by a constant (see the type's documentation).
    static func constantReshapeTarget(_ ref: NodeRef, in g: inout GraphEditor) -> Bool {
        var n = g[ref]
        guard n.opType == "Reshape", n.normalizedDomain.isEmpty, n.inputs.count == 2,
            n.outputs.count == 1, g.constant(n.inputs[1]) == nil,
            (n.attribute("allowzero")?.int ?? 0) == 0,
            let input = g.declaredType(of: n.inputs[0])?.shape,
            let output = g.declaredType(of: n.outputs[0])?.shape,
            let values = ReshapeTarget.constant(from: input, to: output)
        else { return false }
        n.inputs[1] = g.addConstant(
            Tensor(shape: [Int64(values.count)], values: values), base: n.inputs[1] + "_const")
        g.update(ref, n)
        g.count("reshape-targets-made-constant")
        return true
    }

    /// `Shape`/`Size` of a value whose static shape is known.
    static func foldShape(_ node: Node, in g: GraphEditor) -> Tensor? {
        guard node.normalizedDomain.isEmpty, node.opType == "Shape" || node.opType == "Size",
            node.inputs.count == 1, node.outputs.count == 1, !node.outputs[0].isEmpty,
            g.constant(node.inputs[0]) == nil,
            let dims = g.declaredType(of: node.inputs[0])?.staticShape
        else { return nil }
        let out: Tensor
        if node.opType == "Size" {
            guard let n = Tensor.elementCount(dims) else { return nil }
            out = Tensor(shape: [], values: [Int64(n)])
        } else {
            let r = Int64(dims.count)
            func clamp(_ v: Int64) -> Int64 { min(max(v < 0 ? v + r : v, 0), r) }
            let start = clamp(node.attribute("start")?.int ?? 0)
            let end = clamp(node.attribute("end")?.int ?? r)
            let slice = start < end ? Array(dims[Int(start)..<Int(end)]) : []
            out = Tensor(shape: [Int64(slice.count)], values: slice)
        }
        var named = out
        named.name = node.outputs[0]
        return named
    }
}

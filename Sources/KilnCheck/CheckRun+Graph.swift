import KilnIR

// MARK: - Graph structure: names, SSA, order, usage

extension CheckRun {
    func checkGraph(_ g: Graph, _ ctx: GraphContext) {
        let path = ctx.path
        if g.name.isEmpty && !ctx.isFunction {
            emit(
                .emptyGraphName,
                ctx.isMain
                    ? "The main graph has no name; ONNX requires a non-empty graph name."
                    : "Subgraph '\(path)' has no name; ONNX requires every graph to be named.",
                path: path)
        }
        let role = ctx.isFunction ? "function" : "graph"
        for v in g.inputs { checkValueInfo(v, role: "\(role) input", ctx) }
        for v in g.outputs { checkValueInfo(v, role: "\(role) output", ctx) }
        for v in g.valueInfo { checkValueInfo(v, role: "value_info", ctx) }

        var local = Scope()
        /// What defined each name first, for messages.
        var origin: [String: String] = [:]
        let inputNames = Set(g.inputs.map(\.name))
        for v in g.inputs where !v.name.isEmpty {
            if local.names.contains(v.name) {
                emit(
                    .duplicateDefinition,
                    "\(role.capitalized) input '\(v.name)' is listed twice; each name may be "
                        + "defined only once.", value: v.name, path: path)
            }
            local.names.insert(v.name)
            origin[v.name] = "a \(role) input"
        }

        checkInitializers(g, ctx, inputNames: inputNames, local: &local, origin: &origin)

        // Declared types, innermost wins; initializers describe themselves exactly.
        for v in g.outputs { if let t = v.type { local.types[v.name] = t } }
        for v in g.valueInfo { if let t = v.type { local.types[v.name] = t } }
        for v in g.inputs { if let t = v.type { local.types[v.name] = t } }
        for t in g.initializers {
            local.types[t.name] = .tensor(TensorType(t.elementType, t.shape))
            local.constants[t.name] = t
        }

        var producers: [String: Int] = [:]
        for (i, n) in g.nodes.enumerated() {
            for o in n.outputs where !o.isEmpty && producers[o] == nil { producers[o] = i }
        }
        var reads: [[String]] = []
        reads.reserveCapacity(g.nodes.count)
        var forwardRefs: [(reader: Int, value: String, producer: Int)] = []
        var nodeNames: [String: String] = [:]

        for (i, node) in g.nodes.enumerated() {
            let label = node.label(index: i)
            if !node.name.isEmpty {
                if let first = nodeNames[node.name] {
                    emit(
                        .duplicateNodeName,
                        "Node name '\(node.name)' is used by \(first) and node #\(i) of this graph; "
                            + "give nodes unique names so findings and tools can tell them apart.",
                        node: label, path: path)
                } else {
                    nodeNames[node.name] = "node #\(i)"
                }
            }
            for name in node.inputs where !name.isEmpty {
                if local.names.contains(name)
                    || ctx.outer.contains(where: { $0.names.contains(name) })
                {
                    continue
                }
                if let j = producers[name] {
                    forwardRefs.append((i, name, j))
                } else if ctx.outer.isEmpty {
                    emit(
                        .undefinedInput,
                        "Input '\(name)' of node '\(label)' is not a \(role) input, an initializer "
                            + "or an output of an earlier node; define it or fix the name.",
                        node: label, value: name, path: path)
                } else {
                    emit(
                        .undefinedOuterValue,
                        "Input '\(name)' of node '\(label)' is defined neither in this subgraph nor "
                            + "in an enclosing graph before the node owning the subgraph; define it "
                            + "or fix the name.", node: label, value: name, path: path)
                }
            }
            checkNode(node, index: i, label: label, ctx, scopes: ctx.outer + [local])
            for o in node.outputs where !o.isEmpty {
                if let first = origin[o] {
                    emit(
                        .duplicateDefinition,
                        "Node '\(label)' assigns '\(o)', which is already \(first); ONNX graphs are "
                            + "in SSA form, so rename one of them.", node: label, value: o,
                        path: path)
                } else if ctx.outer.contains(where: { $0.names.contains(o) }) {
                    emit(
                        .duplicateDefinition,
                        "Node '\(label)' assigns '\(o)', which an enclosing graph already defines; "
                            + "ONNX forbids shadowing outer names, so rename it.", node: label,
                        value: o, path: path)
                }
                local.names.insert(o)
                if origin[o] == nil { origin[o] = "an output of node '\(label)'" }
            }
            var r = node.inputs.filter { !$0.isEmpty }
            for sg in node.subgraphs { r.append(contentsOf: sg.outerScopeReads().sorted()) }
            reads.append(r)
        }

        // Reads of names that a graph input, an initializer or an outer scope defines resolve
        // there, even when a node (wrongly) assigns the same name again.
        var predefined = inputNames
        predefined.formUnion(g.initializers.map(\.name))
        predefined.formUnion(g.sparseInitializers.map(\.values.name))
        let nodeReads = reads.map { r in
            r.filter { name in
                !predefined.contains(name) && !ctx.outer.contains { $0.names.contains(name) }
            }
        }
        checkOrder(g, ctx, producers: producers, reads: nodeReads, forwardRefs: forwardRefs)

        for v in g.outputs where !v.name.isEmpty {
            if local.names.contains(v.name) { continue }
            if ctx.outer.contains(where: { $0.names.contains(v.name) }) { continue }
            emit(
                .undefinedGraphOutput,
                "\(role.capitalized) output '\(v.name)' is not produced by any node, input or "
                    + "initializer; remove it or produce it.", value: v.name, path: path)
        }
        checkUsage(g, ctx, reads: reads)
    }

    // MARK: - Value infos

    func checkValueInfo(_ v: ValueInfo, role: String, _ ctx: GraphContext) {
        guard !v.name.isEmpty else {
            emit(
                .emptyValueName, "A \(role) has an empty name; give it a unique name.",
                path: ctx.path)
            return
        }
        if let t = v.type { checkDeclaredDims(t, name: v.name, ctx) }
        guard ctx.isMain, role != "value_info" else { return }
        let problem: String?
        switch v.type {
        case nil: problem = "has no type"
        case .tensor(let t)?, .sparseTensor(let t)?:
            if t.elementType == .undefined {
                problem = "has no element type"
            } else if t.shape == nil {
                problem = "has no shape field (declare the rank; dims may be symbolic)"
            } else {
                problem = nil
            }
        case .sequence(nil)?, .optional(nil)?: problem = "has no element type"
        case .map(_, nil)?: problem = "has no map value type"
        default: problem = nil
        }
        if let problem {
            emit(
                .missingValueType,
                "Main-graph \(role) '\(v.name)' \(problem); ONNX requires a complete type here.",
                value: v.name, path: ctx.path)
        }
    }

    private func checkDeclaredDims(_ type: ValueType, name: String, _ ctx: GraphContext) {
        switch type {
        case .tensor(let t), .sparseTensor(let t):
            for d in t.shape ?? [] {
                if case .known(let v) = d, v < 0 {
                    emit(
                        .negativeDeclaredDim,
                        "Value '\(name)' is declared with dimension \(v); use a symbolic dim "
                            + "(dim_param) for sizes that are not known.", value: name,
                        path: ctx.path)
                    return
                }
            }
        case .sequence(let e?), .optional(let e?), .map(_, let e?):
            checkDeclaredDims(e, name: name, ctx)
        default: break
        }
    }

    // MARK: - Initializers

    private func checkInitializers(
        _ g: Graph, _ ctx: GraphContext, inputNames: Set<String>, local: inout Scope,
        origin: inout [String: String]
    ) {
        let path = ctx.path
        var seen = Set<String>()
        let declared = g.inputs + g.valueInfo + g.outputs
        for t in g.initializers {
            checkTensor(t, what: "initializer", node: nil, path: path)
            guard !t.name.isEmpty else {
                emit(
                    .unnamedInitializer,
                    "An initializer (\(t.elementType.name)\(t.shape)) has an empty name; name it "
                        + "or remove it.", path: path)
                continue
            }
            if !seen.insert(t.name).inserted {
                emit(
                    .duplicateInitializer,
                    "Initializer '\(t.name)' is defined more than once; keep one.", value: t.name,
                    path: path)
            }
            if model.irVersion > 0 && model.irVersion <= 3 {
                if !inputNames.contains(t.name) {
                    emit(
                        .initializerNotInput,
                        "Initializer '\(t.name)' is not a graph input, which IR version "
                            + "\(model.irVersion) requires; list it in the inputs or raise "
                            + "ir_version to 4.", value: t.name, path: path)
                }
            } else if inputNames.contains(t.name) {
                emit(
                    .inputShadowsInitializer,
                    "Graph input '\(t.name)' has the name of an initializer, so the constant is "
                        + "only a default that callers may override (and optimizers cannot fold); "
                        + "remove the input if it is a true constant.", value: t.name, path: path)
            }
            local.names.insert(t.name)
            if origin[t.name] == nil { origin[t.name] = "an initializer" }
            for v in declared where v.name == t.name {
                if let type = v.type, let conflict = initializerConflict(type, t) {
                    emit(
                        .valueInfoConflict,
                        "'\(t.name)' is declared \(type) but its initializer is "
                            + "\(t.elementType.name)\(t.shape) (\(conflict)); fix the declaration.",
                        value: t.name, path: path)
                }
            }
        }
        for s in g.sparseInitializers {
            let name = s.values.name
            checkSparseTensor(s, node: nil, path: path)
            guard !name.isEmpty else {
                emit(
                    .unnamedInitializer,
                    "A sparse initializer has an empty name; name its values tensor.", path: path)
                continue
            }
            if !seen.insert(name).inserted {
                emit(
                    .duplicateInitializer,
                    "Sparse initializer '\(name)' reuses the name of another initializer; rename "
                        + "it.", value: name, path: path)
            }
            local.names.insert(name)
            if origin[name] == nil { origin[name] = "a sparse initializer" }
        }
    }

    /// Why `declared` contradicts the initializer `t`, or `nil` when compatible.
    private func initializerConflict(_ declared: ValueType, _ t: Tensor) -> String? {
        guard case .tensor(let d) = declared else { return "not a dense tensor type" }
        if d.elementType != .undefined && d.elementType != t.elementType {
            return "element type differs"
        }
        guard let shape = d.shape else { return nil }
        if shape.count != t.shape.count { return "rank differs" }
        for (a, b) in zip(shape, t.shape) {
            if case .known(let v) = a, v != b { return "dimension \(v) vs \(b)" }
        }
        return nil
    }

    // MARK: - Order and cycles

    /// Classifies reads of later-defined values as cycles or mere mis-ordering.
    private func checkOrder(
        _ g: Graph, _ ctx: GraphContext, producers: [String: Int], reads: [[String]],
        forwardRefs: [(reader: Int, value: String, producer: Int)]
    ) {
        let n = g.nodes.count
        // Edges producer -> reader for every read of a value produced in this graph.
        var preds = [[(node: Int, value: String)]](repeating: [], count: n)
        var succs = [[Int]](repeating: [], count: n)
        var anyBackEdge = false
        for i in 0..<n {
            for r in reads[i] {
                guard let p = producers[r] else { continue }
                preds[i].append((p, r))
                succs[p].append(i)
                if p >= i { anyBackEdge = true }
            }
        }
        guard anyBackEdge || !forwardRefs.isEmpty else { return }
        // Peel nodes without a live producer or a live reader, as a worklist over counts of
        // live neighbours: O(nodes + edges) in total, however many cycles are reported.
        var isAlive = [Bool](repeating: true, count: n)
        var livePreds = preds.map(\.count)
        var liveSuccs = succs.map(\.count)
        var pending = (0..<n).filter { livePreds[$0] == 0 || liveSuccs[$0] == 0 }
        func remove(_ i: Int, cascade: Bool) {
            guard isAlive[i] else { return }
            isAlive[i] = false
            for (p, _) in preds[i] {
                liveSuccs[p] -= 1
                if cascade && liveSuccs[p] == 0 { pending.append(p) }
            }
            for s in succs[i] {
                livePreds[s] -= 1
                if cascade && livePreds[s] == 0 { pending.append(s) }
            }
        }
        func peel() {
            while let i = pending.popLast() { remove(i, cascade: true) }
        }
        peel()
        let onCycles = Set((0..<n).filter { isAlive[$0] })
        var cursor = 0
        var guardCount = 0
        while guardCount < n {
            while cursor < n && !isAlive[cursor] { cursor += 1 }
            guard cursor < n else { break }
            let start = cursor
            guardCount += 1
            var walk: [Int] = [start]
            var values: [String] = []
            var position: [Int: Int] = [start: 0]
            var current = start
            var cycle: (nodes: [Int], values: [String])?
            while cycle == nil {
                guard let edge = preds[current].first(where: { isAlive[$0.node] }) else {
                    break
                }
                values.append(edge.value)
                if let at = position[edge.node] {
                    cycle = (Array(walk[at...]), Array(values[at...]))
                } else {
                    position[edge.node] = walk.count
                    walk.append(edge.node)
                    current = edge.node
                }
            }
            guard let found = cycle else {
                remove(start, cascade: false)
                continue
            }
            // The walk followed producers backwards; present it in data-flow order.
            let order = found.nodes.reversed().map { g.nodes[$0].label(index: $0) }
            let vals = found.values.reversed().map { "'\($0)'" }
            let first = found.nodes.last ?? start
            emit(
                .graphCycle,
                "Nodes \((order + [order[0]]).joined(separator: " -> ")) form a cycle through "
                    + "\(vals.joined(separator: ", ")); break the cycle.",
                node: g.nodes[first].label(index: first), value: found.values.last, path: ctx.path)
            for c in found.nodes { remove(c, cascade: true) }
            peel()
        }
        for ref in forwardRefs {
            if onCycles.contains(ref.reader) && onCycles.contains(ref.producer) { continue }
            let reader = g.nodes[ref.reader].label(index: ref.reader)
            let producer = g.nodes[ref.producer].label(index: ref.producer)
            emit(
                .unsortedNodes,
                ref.reader == ref.producer
                    ? "Node '\(reader)' reads its own output '\(ref.value)'; break the cycle."
                    : "Node '\(reader)' reads '\(ref.value)', which only the later node "
                        + "'\(producer)' produces; sort the nodes topologically.",
                node: reader, value: ref.value, path: ctx.path)
        }
    }

    // MARK: - Usage

    private func checkUsage(_ g: Graph, _ ctx: GraphContext, reads: [[String]]) {
        var used = Set(g.outputs.map(\.name))
        for r in reads { used.formUnion(r) }
        let initNames = Set(g.initializers.map(\.name) + g.sparseInitializers.map(\.values.name))
        for v in g.inputs where !v.name.isEmpty && !used.contains(v.name) {
            if initNames.contains(v.name) { continue }
            emit(
                .unusedGraphInput,
                "Graph input '\(v.name)' is never read; remove it unless callers must supply it.",
                value: v.name, path: ctx.path)
        }
        var reported = Set<String>()
        for t in g.initializers where !t.name.isEmpty && !used.contains(t.name) {
            guard reported.insert(t.name).inserted else { continue }
            emit(
                .unusedInitializer,
                "Initializer '\(t.name)' is never read; remove it to shrink the model.",
                value: t.name, path: ctx.path)
        }
        for s in g.sparseInitializers where !used.contains(s.values.name) {
            guard !s.values.name.isEmpty, reported.insert(s.values.name).inserted else { continue }
            emit(
                .unusedInitializer,
                "Sparse initializer '\(s.values.name)' is never read; remove it.",
                value: s.values.name, path: ctx.path)
        }
        for (i, node) in g.nodes.enumerated() {
            for o in node.outputs where !o.isEmpty && !used.contains(o) {
                emit(
                    .unusedNodeOutput,
                    "Output '\(o)' of node '\(node.label(index: i))' is never read and is not a "
                        + "graph output; pass an empty name if the op allows omitting it.",
                    node: node.label(index: i), value: o, path: ctx.path)
            }
        }
    }
}

import KilnIR

/// A node of the graph being edited. Stable for the whole edit (removal leaves a tombstone).
public struct NodeRef: Hashable, Comparable, Sendable {
    let id: Int
    public static func < (a: NodeRef, b: NodeRef) -> Bool { a.id < b.id }
}

/// The only way passes change a graph: edits through it keep a use-def index current.
///
/// Built once in O(nodes + edges): the producer of each value, the nodes reading it (including
/// reads from inside subgraphs), graph outputs, and initializers by name. `replaceAllUses`
/// costs O(uses), `remove` is O(1) (a tombstone), `insert(_:before:)` is O(1); `commit()`
/// compacts tombstones and places inserted nodes in one O(nodes) walk, keeping the node order
/// topological as long as every inserted node only reads values defined before its anchor.
///
///     ┌ slots ──────────────┐   before[anchor] = inserted ids, emitted just ahead of anchor
///     │ 0 Conv  1 ✝  2 Relu │   producer["y"] = 2   users["y"] = [5, 7]
///     └─────────────────────┘
public struct GraphEditor {
    public let context: PassContext
    /// The opset imports in effect for this graph (the model's).
    public let opsets: [OpsetImport]
    /// Names visible from enclosing graphs (for subgraphs); never treated as constants.
    let outerNames: Set<String>
    /// Whether this is the main graph (a subgraph always sees its parent node's outputs).
    public var isMainGraph: Bool { outerNames.isEmpty }
    private var base: Graph
    private var slots: [Node?]
    private var before: [Int: [Int]] = [:]
    private var tail: [Int] = []
    private let originalCount: Int
    private var producerOf: [String: Int] = [:]
    private var users: [String: [Int]] = [:]
    private var subgraphReads: [Int: Set<String>] = [:]
    private var outputCount: [String: Int] = [:]
    private var initializerSlots: [Tensor?]
    private var initializerIndex: [String: Int] = [:]
    /// Initializer names a caller may override (listed as graph inputs): not constants.
    private let overridable: Set<String>
    /// Graph inputs that are not initializers.
    private let runtimeInputs: Set<String>
    private(set) var changed = false
    private let typeIndex: [String: TensorType]
    /// Graph inputs dropped with their initializers, removed from `base.inputs` on commit (one
    /// walk, instead of one per removal).
    private var droppedInputs: Set<String> = []

    public init(graph: Graph, opsets: [OpsetImport], irVersion: Int64, context: PassContext,
                outerNames: Set<String> = [])
    {
        self.context = context
        self.opsets = opsets
        self.outerNames = outerNames
        base = graph
        slots = graph.nodes
        originalCount = graph.nodes.count
        initializerSlots = graph.initializers
        let inputNames = Set(graph.inputs.map(\.name))
        var inits = Set<String>()
        for (i, t) in graph.initializers.enumerated() {
            initializerIndex[t.name] = i
            inits.insert(t.name)
        }
        overridable = irVersion >= 4 ? inputNames.intersection(inits) : []
        runtimeInputs = inputNames.subtracting(inits)
        for v in graph.outputs { outputCount[v.name, default: 0] += 1 }
        var types: [String: TensorType] = [:]
        for v in graph.inputs + graph.valueInfo + graph.outputs {
            if types[v.name] == nil, let t = v.type?.tensorType { types[v.name] = t }
        }
        typeIndex = types
        // Sized up front: growing these maps node by node rehashes every key several times,
        // which dominated the pass pipeline on 200k-node graphs.
        producerOf.reserveCapacity(graph.nodes.count)
        users.reserveCapacity(graph.nodes.count + graph.inputs.count + graph.initializers.count)
        for i in graph.nodes.indices { index(i) }
        base.nodes = []
        base.initializers = []
    }

    private mutating func index(_ id: Int) {
        guard let n = slots[id] else { return }
        for o in n.outputs where !o.isEmpty { producerOf[o] = id }
        // A node lists each value it reads once in `users`; inputs are few, so a linear scan
        // of the ones before finds repeats without allocating a set per node.
        for (k, name) in n.inputs.enumerated()
        where !name.isEmpty && !n.inputs[..<k].contains(name) {
            users[name, default: []].append(id)
        }
        if !n.subgraphs.isEmpty {
            var reads = Set<String>()
            for g in n.subgraphs { reads.formUnion(g.outerScopeReads()) }
            subgraphReads[id] = reads
            for name in reads.sorted() where !n.inputs.contains(name) {
                users[name, default: []].append(id)
            }
        } else if !subgraphReads.isEmpty {
            subgraphReads[id] = nil
        }
    }

    private func reads(_ id: Int, _ name: String) -> Bool {
        guard let n = slots[id] else { return false }
        return n.inputs.contains(name) || (subgraphReads[id]?.contains(name) ?? false)
    }

    // MARK: - Queries

    /// Live nodes, optionally of one op type (default domain unless `domain` says otherwise),
    /// in slot order. A snapshot: edits during iteration do not disturb it; check `isLive`.
    public func nodes(opType: String? = nil, domain: String = "") -> [NodeRef] {
        var out: [NodeRef] = []
        for id in slots.indices {
            guard let n = slots[id] else { continue }
            if let opType, n.opType != opType || n.normalizedDomain != domain { continue }
            out.append(NodeRef(id: id))
        }
        return out
    }

    /// Live nodes in topological (commit) order.
    public func orderedNodes() -> [NodeRef] {
        var out: [NodeRef] = []
        out.reserveCapacity(slots.count)
        func emit(_ id: Int) {
            if let b = before[id] { for x in b { emit(x) } }
            if slots[id] != nil { out.append(NodeRef(id: id)) }
        }
        for id in 0..<originalCount { emit(id) }
        for id in tail { emit(id) }
        return out
    }

    public func isLive(_ ref: NodeRef) -> Bool { slots[ref.id] != nil }

    public subscript(ref: NodeRef) -> Node {
        guard let n = slots[ref.id] else { preconditionFailure("node \(ref.id) was removed") }
        return n
    }

    public func input(_ ref: NodeRef, _ i: Int) -> String {
        let n = self[ref]
        return i < n.inputs.count ? n.inputs[i] : ""
    }

    public func output(_ ref: NodeRef, _ i: Int) -> String {
        let n = self[ref]
        return i < n.outputs.count ? n.outputs[i] : ""
    }

    /// The node defining `value` in this graph, if any.
    public func producer(of value: String) -> NodeRef? {
        guard let id = producerOf[value], slots[id] != nil else { return nil }
        return NodeRef(id: id)
    }

    /// The producer of `value` when it has op type `opType` and `value` has exactly one use and
    /// is not a graph output (so the producer may be folded into its consumer).
    public func soleProducer(of value: String, opType: String, domain: String = "") -> NodeRef? {
        guard let p = producer(of: value), self[p].opType == opType,
            self[p].normalizedDomain == domain, hasSingleUse(value)
        else { return nil }
        return p
    }

    /// Live nodes reading `value` (directly or from a subgraph), each once, in slot order.
    public func uses(of value: String) -> [NodeRef] {
        guard let list = users[value] else { return [] }
        var seen = Set<Int>()
        var out: [NodeRef] = []
        for id in list where seen.insert(id).inserted && reads(id, value) {
            out.append(NodeRef(id: id))
        }
        return out.sorted()
    }

    /// Number of reads of `value` by live nodes (a node reading it twice counts twice), plus one
    /// per graph output listing it.
    public func useCount(of value: String) -> Int {
        var n = outputCount[value] ?? 0
        for u in uses(of: value) {
            n += self[u].inputs.filter { $0 == value }.count
            if subgraphReads[u.id]?.contains(value) ?? false { n += 1 }
        }
        return n
    }

    /// `value` is read exactly once, by a node input, and is not a graph output.
    public func hasSingleUse(_ value: String) -> Bool {
        outputCount[value] == nil && useCount(of: value) == 1
    }

    public func isGraphOutput(_ value: String) -> Bool { outputCount[value] != nil }

    /// `value` has no reader and is not a graph output.
    public func isUnused(_ value: String) -> Bool {
        outputCount[value] == nil && uses(of: value).isEmpty
    }

    /// The constant initializer called `name` (not one a caller can override), if any.
    public func constant(_ name: String) -> Tensor? {
        guard !name.isEmpty, !overridable.contains(name), let i = initializerIndex[name] else {
            return nil
        }
        return initializerSlots[i]
    }

    /// Any initializer called `name`, overridable or not.
    public func initializer(_ name: String) -> Tensor? {
        guard let i = initializerIndex[name] else { return nil }
        return initializerSlots[i]
    }

    /// Live initializers in order.
    public var initializers: [Tensor] { initializerSlots.compactMap { $0 } }

    public func isRuntimeInput(_ name: String) -> Bool { runtimeInputs.contains(name) }
    public func isOverridable(_ name: String) -> Bool { overridable.contains(name) }

    /// The graph's inputs, outputs and value infos (nodes and initializers live in the editor).
    public var graphInputs: [ValueInfo] {
        droppedInputs.isEmpty ? base.inputs : base.inputs.filter { !droppedInputs.contains($0.name) }
    }
    public var graphOutputs: [ValueInfo] { base.outputs }

    /// The known type of `value`: a constant's, else the one `infer-shapes` inferred (which
    /// already merges declarations), else the declared one (graph inputs, value_info, outputs).
    public func declaredType(of value: String) -> TensorType? {
        if let t = constant(value) { return TensorType(t.elementType, t.shape) }
        if !overridable.contains(value), let v = context.inferredTypes[value] { return v }
        if let v = typeIndex[value] { return v }
        return nil
    }

    /// The imported version of `domain`.
    public func opsetVersion(_ domain: String = "") -> Int64? {
        let d = domain == "ai.onnx" ? "" : domain
        return opsets.first { ($0.domain == "ai.onnx" ? "" : $0.domain) == d }?.version
    }

    // MARK: - Edits

    /// Replaces node `ref` with `node` (same slot); the index follows.
    public mutating func update(_ ref: NodeRef, _ node: Node) {
        guard let old = slots[ref.id] else { preconditionFailure("updating a removed node") }
        for o in old.outputs where !o.isEmpty && producerOf[o] == ref.id { producerOf[o] = nil }
        slots[ref.id] = node
        index(ref.id)
        changed = true
    }

    /// Makes every reader of `old` read `new` instead, in O(uses of old). Graph outputs keep
    /// their names: use `replaceValue` when `old` may be one.
    public mutating func replaceAllUses(of old: String, with new: String) {
        guard old != new else { return }
        let list = users[old] ?? []
        users[old] = nil
        var seen = Set<Int>()
        for id in list where seen.insert(id).inserted && reads(id, old) {
            guard var n = slots[id] else { continue }
            n.renameInput(old, to: new)
            slots[id] = n
            if var r = subgraphReads[id], r.contains(old) {
                r.remove(old)
                r.insert(new)
                subgraphReads[id] = r
            }
            users[new, default: []].append(id)
        }
        changed = true
    }

    /// Makes `old` compute what `new` computes and returns true; `old` must die afterwards
    /// (its producer is removed by the caller). When `old` is a graph output its name is kept
    /// by renaming `new` (and its producer's output) to `old`; returns false when that is not
    /// possible (then nothing changed).
    public mutating func replaceValue(_ old: String, with new: String) -> Bool {
        guard old != new else { return false }
        guard isGraphOutput(old) else {
            replaceAllUses(of: old, with: new)
            return true
        }
        guard let p = producer(of: new), !isGraphOutput(new) else { return false }
        // `old` keeps its name: the producer of `new` now defines `old`; readers of both follow.
        replaceAllUses(of: old, with: "\u{0}pending")
        var n = self[p]
        for i in n.outputs.indices where n.outputs[i] == new { n.outputs[i] = old }
        producerOf[new] = nil
        producerOf[old] = nil
        update(p, n)
        replaceAllUses(of: new, with: old)
        replaceAllUses(of: "\u{0}pending", with: old)
        return true
    }

    /// Removes `ref` (O(1) tombstone). Its outputs become undefined: rewire readers first.
    public mutating func remove(_ ref: NodeRef) {
        guard let n = slots[ref.id] else { return }
        for o in n.outputs where !o.isEmpty && producerOf[o] == ref.id { producerOf[o] = nil }
        slots[ref.id] = nil
        subgraphReads[ref.id] = nil
        changed = true
    }

    /// Inserts `node` just before `anchor`; its inputs must be defined before `anchor`.
    @discardableResult
    public mutating func insert(_ node: Node, before anchor: NodeRef) -> NodeRef {
        let id = slots.count
        slots.append(node)
        before[anchor.id, default: []].append(id)
        index(id)
        changed = true
        return NodeRef(id: id)
    }

    /// Appends `node` after every other node.
    @discardableResult
    public mutating func append(_ node: Node) -> NodeRef {
        let id = slots.count
        slots.append(node)
        tail.append(id)
        index(id)
        changed = true
        return NodeRef(id: id)
    }

    /// Adds a constant under `tensor.name` (which must be fresh, see `freshName`).
    public mutating func addInitializer(_ tensor: Tensor) {
        precondition(initializerIndex[tensor.name] == nil, "initializer '\(tensor.name)' exists")
        initializerIndex[tensor.name] = initializerSlots.count
        initializerSlots.append(tensor)
        changed = true
    }

    /// A new constant named after `base`; returns its name.
    public mutating func addConstant(_ tensor: Tensor, base: String) -> String {
        var t = tensor
        t.name = context.freshName(base)
        addInitializer(t)
        return t.name
    }

    /// Removes an initializer (callers make sure nothing reads it).
    public mutating func removeInitializer(_ name: String) {
        guard let i = initializerIndex[name] else { return }
        initializerSlots[i] = nil
        initializerIndex[name] = nil
        droppedInputs.insert(name)
        changed = true
    }

    /// A name nothing in the model uses yet, derived from `base`.
    public func freshName(_ base: String) -> String { context.freshName(base) }

    /// Adds to counter `name` of the running pass (`--pass-statistics`).
    public func count(_ name: String, by n: Int = 1) { context.count(name, by: n) }

    // MARK: - Commit

    /// The edited graph: tombstones dropped, inserted nodes placed before their anchors,
    /// value infos of vanished values dropped.
    public func commit() -> Graph {
        var g = base
        if !droppedInputs.isEmpty { g.inputs.removeAll { droppedInputs.contains($0.name) } }
        g.nodes = orderedNodes().map { self[$0] }
        g.initializers = initializers
        if changed {
            var defined = Set(g.initializers.map(\.name))
            for n in g.nodes { defined.formUnion(n.outputs) }
            g.valueInfo.removeAll { !defined.contains($0.name) }
        }
        return g
    }

    /// Checks the index against one rebuilt from scratch (`--verify-each`); throws `passFailed`.
    public func verifyIndex() throws {
        let fresh = GraphEditor(
            graph: commit(), opsets: opsets, irVersion: 10, context: context,
            outerNames: outerNames)
        var mine: [String: [Int]] = [:]
        var theirs: [String: [Int]] = [:]
        let order = orderedNodes()
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1.id, $0) })
        for (name, _) in users { mine[name] = uses(of: name).compactMap { position[$0.id] }.sorted() }
        for (name, _) in fresh.users { theirs[name] = fresh.uses(of: name).map(\.id).sorted() }
        mine = mine.filter { !$0.value.isEmpty }
        theirs = theirs.filter { !$0.value.isEmpty }
        var producersMine: [String: Int] = [:]
        for (name, id) in producerOf where slots[id] != nil { producersMine[name] = position[id] }
        let producersTheirs = fresh.producerOf
        guard mine == theirs, producersMine == producersTheirs else {
            let bad = Set(mine.keys).union(theirs.keys).sorted().first { mine[$0] != theirs[$0] }
                ?? producersMine.keys.sorted().first { producersMine[$0] != producersTheirs[$0] }
            throw KilnError(
                .passFailed, "the editor's use-def index disagrees with the graph",
                at: .init(value: bad, pass: context.currentPass))
        }
    }
}

// MARK: - Entry points

extension Model {
    /// Some node in any graph has one of `opTypes` (any domain): a pass looking for those ops
    /// checks this before paying for an editor's index.
    public func containsOp(_ opTypes: Set<String>) -> Bool {
        func walk(_ g: Graph) -> Bool {
            g.nodes.contains { opTypes.contains($0.opType) || $0.subgraphs.contains(where: walk) }
        }
        return walk(graph)
    }

    /// Runs `body` on an editor over the main graph and commits; `.changed` when it edited.
    public mutating func edit(
        _ context: PassContext, _ body: (inout GraphEditor) throws -> Void
    ) throws -> PassResult {
        var e = GraphEditor(graph: graph, opsets: opsetImports, irVersion: irVersion, context: context)
        try body(&e)
        guard e.changed else { return .unchanged }
        if context.verifyIndex { try e.verifyIndex() }
        graph = e.commit()
        return .changed
    }

    /// Like `edit`, for the main graph and every subgraph (innermost first). Subgraph editors
    /// see enclosing values as `outerNames`.
    public mutating func editAllGraphs(
        _ context: PassContext, _ body: (inout GraphEditor) throws -> Void
    ) throws -> PassResult {
        var changed = false
        graph = try Self.editRecursively(
            graph, outer: [], opsets: opsetImports, irVersion: irVersion, context: context,
            changed: &changed, body)
        return PassResult(changed)
    }

    private static func editRecursively(
        _ g: Graph, outer: Set<String>, opsets: [OpsetImport], irVersion: Int64,
        context: PassContext, changed: inout Bool, _ body: (inout GraphEditor) throws -> Void
    ) throws -> Graph {
        var graph = g
        if graph.nodes.contains(where: { !$0.subgraphs.isEmpty }) {
            var visible = outer
            visible.formUnion(graph.inputs.map(\.name))
            visible.formUnion(graph.initializers.map(\.name))
            for n in graph.nodes { visible.formUnion(n.outputs) }
            for i in graph.nodes.indices where !graph.nodes[i].subgraphs.isEmpty {
                for a in graph.nodes[i].attributes.indices {
                    switch graph.nodes[i].attributes[a].value {
                    case .graph(let sub):
                        let s = try editRecursively(
                            sub, outer: visible, opsets: opsets, irVersion: irVersion,
                            context: context, changed: &changed, body)
                        graph.nodes[i].attributes[a].value = .graph(s)
                    case .graphs(let subs):
                        let s = try subs.map {
                            try editRecursively(
                                $0, outer: visible, opsets: opsets, irVersion: irVersion,
                                context: context, changed: &changed, body)
                        }
                        graph.nodes[i].attributes[a].value = .graphs(s)
                    default: break
                    }
                }
            }
        }
        var e = GraphEditor(
            graph: graph, opsets: opsets, irVersion: irVersion, context: context, outerNames: outer)
        try body(&e)
        guard e.changed else { return graph }
        if context.verifyIndex { try e.verifyIndex() }
        changed = true
        return e.commit()
    }
}

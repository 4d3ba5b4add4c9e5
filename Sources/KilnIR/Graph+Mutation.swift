// MARK: - Lookups and edits that keep `nodes` topologically ordered

extension Graph {
    /// Index of the node producing each value name.
    public func producerIndex() -> [String: Int] {
        var map: [String: Int] = [:]
        for (i, n) in nodes.enumerated() {
            for o in n.outputs where !o.isEmpty { map[o] = i }
        }
        return map
    }

    /// Indices of the nodes consuming each value name (including reads from inside subgraphs).
    public func consumerIndex() -> [String: [Int]] {
        var map: [String: [Int]] = [:]
        for (i, n) in nodes.enumerated() {
            var seen = Set<String>()
            for name in n.inputs where !name.isEmpty && seen.insert(name).inserted {
                map[name, default: []].append(i)
            }
            for g in n.subgraphs {
                for name in g.outerScopeReads() where seen.insert(name).inserted {
                    map[name, default: []].append(i)
                }
            }
        }
        return map
    }

    /// The node producing `value`, if any.
    public func producer(of value: String) -> Node? {
        nodes.first { $0.outputs.contains(value) }
    }

    /// The nodes consuming `value`. One O(nodes) scan without building a whole-graph map; code
    /// asking about many values builds `consumerIndex()` once instead.
    public func consumers(of value: String) -> [Node] {
        nodes.filter { n in
            n.inputs.contains(value) || n.subgraphs.contains { $0.outerScopeReads().contains(value) }
        }
    }

    /// Names read by this graph (and its nested subgraphs) that it does not define itself.
    public func outerScopeReads() -> Set<String> {
        var defined = Set(inputs.map(\.name))
        defined.formUnion(initializers.map(\.name))
        defined.formUnion(sparseInitializers.map(\.values.name))
        var reads = Set<String>()
        for n in nodes {
            for i in n.inputs where !i.isEmpty && !defined.contains(i) { reads.insert(i) }
            for g in n.subgraphs {
                for r in g.outerScopeReads() where !defined.contains(r) { reads.insert(r) }
            }
            for o in n.outputs where !o.isEmpty { defined.insert(o) }
        }
        for o in outputs where !defined.contains(o.name) { reads.insert(o.name) }
        return reads
    }

    /// Rewrites every read of `old` (node inputs, subgraph outer-scope reads, graph outputs) to
    /// `new`. Precondition: `new` is defined before every former reader of `old`.
    public mutating func replaceAllUses(of old: String, with new: String) {
        for i in nodes.indices {
            nodes[i].renameInput(old, to: new)
        }
        for i in outputs.indices where outputs[i].name == old { outputs[i].name = new }
    }

    /// Removes the node at `index`. Its outputs become undefined; callers rewire uses first.
    public mutating func removeNode(at index: Int) {
        nodes.remove(at: index)
    }

    /// Removes all nodes whose indices are in `indices`, preserving the order of the rest.
    public mutating func removeNodes(at indices: Set<Int>) {
        guard !indices.isEmpty else { return }
        nodes = nodes.enumerated().filter { !indices.contains($0.offset) }.map(\.element)
    }

    /// Inserts `node` at the earliest position after the producers of all its inputs, keeping
    /// the order topological. Returns its index.
    @discardableResult
    public mutating func addNode(_ node: Node) -> Int {
        let producers = producerIndex()
        var position = 0
        for i in node.inputs where !i.isEmpty {
            if let p = producers[i] { position = max(position, p + 1) }
        }
        for g in node.subgraphs {
            for r in g.outerScopeReads() {
                if let p = producers[r] { position = max(position, p + 1) }
            }
        }
        nodes.insert(node, at: position)
        return position
    }

    /// Whether every node reads only values produced by earlier nodes (directly or from inside
    /// its subgraphs). O(nodes + edges); a cheap test before `sortTopologically`.
    public func isTopologicallySorted() -> Bool {
        let producers = producerIndex()
        for (i, n) in nodes.enumerated() {
            for r in n.inputs where !r.isEmpty {
                if let p = producers[r], p >= i { return false }
            }
            for g in n.subgraphs {
                for r in g.outerScopeReads() {
                    if let p = producers[r], p >= i { return false }
                }
            }
        }
        return true
    }

    /// Reorders `nodes` topologically (stable: keeps the file order where it is already valid).
    /// Throws `invalidGraph` naming a node on a cycle.
    public mutating func sortTopologically() throws {
        let order = try topologicalOrder()
        nodes = order.map { nodes[$0] }
    }

    /// A stable topological order of node indices, or `invalidGraph` on a cycle.
    public func topologicalOrder() throws -> [Int] {
        let producers = producerIndex()
        var deps = [[Int]](repeating: [], count: nodes.count)
        var indegree = [Int](repeating: 0, count: nodes.count)
        for (i, n) in nodes.enumerated() {
            var reads = Set(n.inputs.filter { !$0.isEmpty })
            for g in n.subgraphs { reads.formUnion(g.outerScopeReads()) }
            for r in reads {
                if let p = producers[r], p != i {
                    deps[p].append(i)
                    indegree[i] += 1
                } else if let p = producers[r], p == i {
                    throw KilnError(
                        .invalidGraph, "node reads its own output '\(r)' (a cycle)",
                        at: .init(node: n.label(index: i), value: r))
                }
            }
        }
        // Kahn's algorithm with a min-heap: always take the lowest ready index, O(n log n).
        var ready = MinHeap(indegree.indices.filter { indegree[$0] == 0 })
        var order: [Int] = []
        order.reserveCapacity(nodes.count)
        while let i = ready.popMin() {
            order.append(i)
            for j in deps[i] {
                indegree[j] -= 1
                if indegree[j] == 0 { ready.insert(j) }
            }
        }
        if order.count != nodes.count {
            let stuck = indegree.indices.first { indegree[$0] > 0 } ?? 0
            throw KilnError(
                .invalidGraph, "the graph has a cycle through this node",
                at: .init(node: nodes[stuck].label(index: stuck)))
        }
        return order
    }
}

extension Node {
    /// Renames reads of `old` in inputs and in subgraphs' outer-scope reads.
    public mutating func renameInput(_ old: String, to new: String) {
        for j in inputs.indices where inputs[j] == old { inputs[j] = new }
        for a in attributes.indices {
            switch attributes[a].value {
            case .graph(var g):
                if g.outerScopeReads().contains(old) {
                    g.renameOuterRead(old, to: new)
                    attributes[a].value = .graph(g)
                }
            case .graphs(var gs):
                for k in gs.indices where gs[k].outerScopeReads().contains(old) {
                    gs[k].renameOuterRead(old, to: new)
                }
                attributes[a].value = .graphs(gs)
            default: break
            }
        }
    }
}

extension Graph {
    fileprivate mutating func renameOuterRead(_ old: String, to new: String) {
        for i in nodes.indices { nodes[i].renameInput(old, to: new) }
        for i in outputs.indices where outputs[i].name == old { outputs[i].name = new }
    }
}

/// A binary min-heap of node indices (for the stable topological sort).
private struct MinHeap {
    private var items: [Int]

    /// `sorted` must be in ascending order (a sorted array is a valid heap).
    init(_ sorted: [Int]) { items = sorted }

    mutating func insert(_ v: Int) {
        items.append(v)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard items[parent] > items[i] else { break }
            items.swapAt(parent, i)
            i = parent
        }
    }

    mutating func popMin() -> Int? {
        guard let last = items.popLast() else { return nil }
        guard !items.isEmpty else { return last }
        let top = items[0]
        items[0] = last
        var i = 0
        while true {
            let (l, r) = (2 * i + 1, 2 * i + 2)
            var m = i
            if l < items.count && items[l] < items[m] { m = l }
            if r < items.count && items[r] < items[m] { m = r }
            guard m != i else { break }
            items.swapAt(i, m)
            i = m
        }
        return top
    }
}

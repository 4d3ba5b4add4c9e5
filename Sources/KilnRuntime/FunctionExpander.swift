import KilnIR

/// Expands calls to model-local functions (ONNX `FunctionProto`) inline at plan time.
///
/// Each call's body is copied with its internal values renamed to unique names, formal inputs
/// and outputs bound to the call's actual names, and attribute references (`ref_attr_name`)
/// resolved from the call's attributes or the function's defaults. Body nodes keep the
/// function's own opset imports, carried to the planner in a private attribute.
struct FunctionExpander {
    static let opsetAttribute = "__kiln_opset_version"
    static let maxDepth = 64
    let context: PlanningContext

    func expand(_ nodes: [Node], opsets: [OpsetImport]?, depth: Int) throws -> [Node] {
        var out: [Node] = []
        for (index, node) in nodes.enumerated() {
            let key = PlanningContext.functionKey(node.normalizedDomain, node.opType, node.overload)
            guard let fn = context.functions[key] else {
                var n = node
                if let opsets, n.attribute(Self.opsetAttribute) == nil {
                    let d = n.normalizedDomain
                    if let v = opsets.first(where: {
                        ($0.domain == "ai.onnx" ? "" : $0.domain) == d
                    })?
                    .version {
                        n.attributes.append(Attribute(name: Self.opsetAttribute, value: .int(v)))
                    }
                }
                out.append(n)
                continue
            }
            guard depth < Self.maxDepth else {
                throw KilnError(
                    .limitExceeded, "function '\(fn.name)' expands more than \(Self.maxDepth) deep",
                    at: .init(node: node.label(index: index)))
            }
            out.append(contentsOf: try inline(fn, call: node, index: index, depth: depth))
        }
        return out
    }

    private func inline(_ fn: Function, call: Node, index: Int, depth: Int) throws -> [Node] {
        let prefix = "__\(fn.name)_\(depth)_\(index)_\(call.outputs.first ?? "")__"
        var rename: [String: String] = [:]
        for (i, formal) in fn.inputs.enumerated() where !formal.isEmpty {
            rename[formal] = i < call.inputs.count ? call.inputs[i] : ""
        }
        for (i, formal) in fn.outputs.enumerated() where !formal.isEmpty {
            rename[formal] = i < call.outputs.count ? call.outputs[i] : prefix + formal
        }
        var body: [Node] = []
        for var n in fn.nodes {
            for o in n.outputs where !o.isEmpty && rename[o] == nil { rename[o] = prefix + o }
            n.attributes = try n.attributes.compactMap { try resolve($0, fn: fn, call: call) }
            for (j, name) in n.inputs.enumerated() where !name.isEmpty {
                if let r = rename[name] { n.inputs[j] = r }
            }
            // Subgraphs may read function-local values by name: rename those reads only.
            if !n.subgraphs.isEmpty {
                let saved = n.inputs
                n.inputs = []
                for (old, new) in rename where old != new { n.renameInput(old, to: new) }
                n.inputs = saved
            }
            n.outputs = n.outputs.map { $0.isEmpty ? "" : (rename[$0] ?? $0) }
            if !n.name.isEmpty { n.name = prefix + n.name }
            body.append(n)
        }
        let opsets = fn.opsetImports.isEmpty ? context.model.opsetImports : fn.opsetImports
        return try expand(body, opsets: opsets, depth: depth + 1)
    }

    /// Binds an attribute reference to the caller's value or the function default; a reference
    /// with neither is dropped (the op's own default applies).
    private func resolve(_ a: Attribute, fn: Function, call: Node) throws -> Attribute? {
        guard let ref = a.referenceName, !ref.isEmpty else { return a }
        if let given = call.attribute(ref) {
            return Attribute(name: a.name, value: given.value)
        }
        if let d = fn.attributeDefaults.first(where: { $0.name == ref }) {
            return Attribute(name: a.name, value: d.value)
        }
        return nil
    }
}

extension Node {
    /// The opset version recorded for nodes inlined from a function body.
    var opsetVersionOverride: Int64? { attribute(FunctionExpander.opsetAttribute)?.int }
}

import KilnIR

/// Replaces calls to model-local functions with their bodies: internal values get fresh names,
/// formal inputs and outputs are bound to the call's values, attribute references
/// (`ref_attr_name`) take the caller's attribute or the function's default. A function is only
/// inlined when its opset imports agree with the model's (otherwise its body would change
/// meaning); nested calls are inlined by later pipeline iterations. Calls in subgraphs are
/// inlined too; functions nothing calls are removed by `eliminate-dead-code`.
struct InlineFunctions: Pass {
    let name = "inline-functions"
    let summary = "inline calls to model-local functions"

    func run(on model: inout Model, context: PassContext) throws -> PassResult {
        guard !model.functions.isEmpty else { return .unchanged }
        var functions: [String: Function] = [:]
        for f in model.functions where compatible(f, model) {
            functions[key(f.domain, f.name, f.overload)] = f
        }
        guard !functions.isEmpty else { return .unchanged }
        return try model.editAllGraphs(context) { g in
            for ref in g.orderedNodes() {
                let call = g[ref]
                guard let f = functions[key(call.domain, call.opType, call.overload)],
                    call.inputs.count <= f.inputs.count, call.outputs.count <= f.outputs.count
                else { continue }
                var rename: [String: String] = [:]
                for (i, formal) in f.inputs.enumerated() where !formal.isEmpty {
                    rename[formal] = i < call.inputs.count ? call.inputs[i] : ""
                }
                for (i, formal) in f.outputs.enumerated() where !formal.isEmpty {
                    let actual = i < call.outputs.count ? call.outputs[i] : ""
                    rename[formal] = actual.isEmpty ? g.freshName(f.name + "_" + formal) : actual
                }
                var body: [Node] = []
                for var n in f.nodes {
                    for o in n.outputs where !o.isEmpty && rename[o] == nil {
                        rename[o] = g.freshName(f.name + "_" + o)
                    }
                    n.attributes = n.attributes.compactMap { resolve($0, f, call) }
                    n.inputs = n.inputs.map { $0.isEmpty ? "" : (rename[$0] ?? $0) }
                    if !n.subgraphs.isEmpty {
                        let saved = n.inputs
                        n.inputs = []
                        for (old, new) in rename.sorted(by: { $0.key < $1.key }) where old != new {
                            n.renameInput(old, to: new)
                        }
                        n.inputs = saved
                    }
                    n.outputs = n.outputs.map { $0.isEmpty ? "" : (rename[$0] ?? $0) }
                    if !n.name.isEmpty { n.name = g.freshName(f.name + "_" + n.name) }
                    body.append(n)
                }
                // Outputs that are passed-through inputs need an Identity to keep their name.
                for (i, formal) in f.outputs.enumerated() where i < call.outputs.count {
                    let actual = call.outputs[i]
                    if !actual.isEmpty, !body.contains(where: { $0.outputs.contains(actual) }) {
                        body.append(
                            Node(opType: "Identity", inputs: [rename[formal] ?? formal], outputs: [actual]))
                    }
                }
                g.remove(ref)
                for n in body { g.insert(n, before: ref) }
                g.count("calls-inlined")
            }
        }
    }

    private func key(_ domain: String, _ name: String, _ overload: String) -> String {
        (domain == "ai.onnx" ? "" : domain) + "::" + name + "::" + overload
    }

    /// The body means the same in the model when every domain it imports has the model's version.
    private func compatible(_ f: Function, _ model: Model) -> Bool {
        f.opsetImports.allSatisfy { model.opsetVersion(for: $0.domain) == $0.version }
            && !f.nodes.contains { !$0.subgraphs.isEmpty }
    }

    private func resolve(_ a: Attribute, _ f: Function, _ call: Node) -> Attribute? {
        guard let ref = a.referenceName, !ref.isEmpty else { return a }
        if let given = call.attribute(ref) { return Attribute(name: a.name, value: given.value) }
        if let d = f.attributeDefaults.first(where: { $0.name == ref }) {
            return Attribute(name: a.name, value: d.value)
        }
        return nil
    }
}

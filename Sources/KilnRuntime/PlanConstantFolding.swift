import KilnIR
import KilnOps

/// Plan-time constant folding: what `InferencePlan` does when `foldConstants` is on.
enum PlanConstantFolding {
    /// Evaluates every node whose inputs are all constant (initializers or outputs of such
    /// nodes) once and turns its outputs into initializers, as onnxruntime does when it creates
    /// a session. Nodes with subgraphs, non-tensor outputs or nondeterministic ops are left
    /// alone. The future `fold-constants` pass should share this.
    static func fold(
        _ model: Model, registry: OpRegistry = FastOps.registry
    ) throws -> Model {
        var m = model
        var known: [String: Tensor] = [:]
        for t in m.graph.initializers { known[t.name] = t }
        let runtimeInputs = Set(m.graph.runtimeInputs.map(\.name))
        for name in runtimeInputs { known[name] = nil }
        // From IR version 4 on, an initializer that is also a graph input is only a default the
        // caller may override; before that every initializer had to be listed as an input.
        if m.irVersion >= 4 {
            for input in m.graph.inputs { known[input.name] = nil }
        }
        var kept: [Node] = []
        for node in m.graph.nodes {
            let inputsKnown = node.inputs.allSatisfy { $0.isEmpty || known[$0] != nil }
            guard inputsKnown, node.subgraphs.isEmpty, !nondeterministic.contains(node.opType),
                let op = registry.lookup(domain: node.domain, opType: node.opType),
                let version = m.opsetVersion(for: node.normalizedDomain)
            else {
                kept.append(node)
                continue
            }
            let ctx = KernelContext(
                node: node, opsetVersion: version,
                inputs: node.inputs.map { $0.isEmpty ? nil : known[$0].map(Value.tensor) })
            let outputs: [Value]
            do {
                outputs = try op.run(ctx)
            } catch var e as KilnError {
                if e.location.node == nil { e.location.node = node.name.isEmpty ? node.opType : node.name }
                throw e
            }
            var tensors: [Tensor] = []
            for v in outputs {
                guard let t = v.tensor else { break }
                tensors.append(t)
            }
            guard tensors.count == outputs.count else {
                kept.append(node)
                continue
            }
            for (name, t) in zip(node.outputs, tensors) where !name.isEmpty {
                var named = t
                named.name = name
                known[name] = named
                m.graph.initializers.append(named)
            }
        }
        m.graph.nodes = kept
        return m
    }

    /// Ops whose outputs differ from run to run: never folded.
    static let nondeterministic: Set<String> = [
        "RandomNormal", "RandomNormalLike", "RandomUniform", "RandomUniformLike", "Multinomial",
        "Bernoulli", "Dropout",
    ]
}

import KilnIR
import KilnOps

/// Runs the shape-inference engine (`ShapeInference` in KilnOps) and hands what it learned to
/// the passes that follow, through the context: every value's inferred type (`declaredType(of:)`
/// consults it) and the node outputs whose contents inference knows without running the model
/// (`Shape → Gather → Concat` arithmetic once dims are known), which `fold-constants` turns into
/// initializers.
///
/// The model itself is not changed: inferred types are not written into `value_info` unless
/// `PassOptions.writeValueInfo` asks for it (`kiln optimize --infer-shapes`), so optimized
/// files stay as small as their input and goldens do not depend on inference.
///
/// Facts are keyed by value name. They stay true while later passes edit the graph, because a
/// pass never gives an existing name a different meaning (rewrites preserve what each value
/// computes, and new values get fresh names).
struct InferShapes: Pass {
    let name = "infer-shapes"
    let summary = "infer value types, shapes and shape arithmetic for the passes that follow"

    func run(on model: inout Model, context: PassContext) throws -> PassResult {
        guard context.options.inferShapes else { return .unchanged }
        // Initializers a caller may override (listed as inputs, IR ≥ 4) are not constants: the
        // engine, like onnx's, would treat their defaults as values, so it sees only the input.
        var subject = model
        if model.irVersion >= 4 {
            let inputs = Set(model.graph.inputs.map(\.name))
            subject.graph.initializers.removeAll { inputs.contains($0.name) }
        }
        let result = ShapeInference.infer(
            subject,
            options: .init(
                registry: context.inferenceRegistry ?? context.registry,
                maxFoldElements: context.options.maxInferredConstantElements))
        var types: [String: TensorType] = [:]
        for (name, t) in result.types {
            if let tt = t.tensorType { types[name] = tt }
        }
        collectSubgraphTypes(result.model.graph, into: &types)
        context.inferredTypes = types
        context.inferredConstants = result.constants
        context.count("typed-values", by: types.count)
        if !result.constants.isEmpty { context.count("known-constants", by: result.constants.count) }
        return .unchanged
    }

    /// Types inferred inside If/Loop/Scan bodies (written by the engine into their `value_info`).
    private func collectSubgraphTypes(_ g: Graph, into types: inout [String: TensorType]) {
        for n in g.nodes {
            for sub in n.subgraphs {
                for v in sub.inputs + sub.valueInfo + sub.outputs where types[v.name] == nil {
                    if let t = v.type?.tensorType { types[v.name] = t }
                }
                collectSubgraphTypes(sub, into: &types)
            }
        }
    }
}

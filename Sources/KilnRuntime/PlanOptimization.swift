import KilnIR
import KilnOps
import KilnPasses

/// What `InferencePlan` does to a model before planning it, with the optimizer's passes, so one
/// implementation serves `kiln optimize` and the runtime (as onnxruntime optimizes a graph when
/// it creates a session):
///
/// - `fuseOperators` (with `foldConstants`): the `-O3` pipeline with Kiln's own fused ops
///   (`PassOptions.kilnOps`, when the registry has their kernels): cleanup, constant folding,
///   Conv+BatchNormalization and per-channel Mul/Add folded into weights, activations run in the
///   epilogue of the op before them (`ai.kiln` FusedConv/FusedGemm/FusedMatMul/
///   FusedBatchNormalization/Gelu), onnxruntime's fusions the runtime has kernels for.
/// - `foldConstants` alone: only `fold-constants`.
///
/// Folding here differs from a file's: the values are needed in memory anyway, so there is no
/// size guard and 8-bit weights are dequantized once (`maxFoldedBytes`, `foldsDequantization`).
/// As in the passes, random ops are never folded, initializers a caller can override (graph
/// inputs with initializers) are not constants. A main-graph node that fails on its constants
/// fails the plan (it would fail every run); in a subgraph it is left for the run to report,
/// since an If branch may never run on those values. Graph inputs and outputs keep their names; fused nodes keep the
/// names of the values they still produce, so observers (`kiln diff`) compare by name.
enum PlanOptimization {
    static func optimize(
        _ model: Model, foldConstants: Bool, fuseOperators: Bool, registry: OpRegistry
    ) throws -> Model {
        var names: [String]
        if fuseOperators {
            names = PassPipeline.passNames(level: 3)
            if !foldConstants { names.removeAll { $0 == "fold-constants" } }
        } else if foldConstants {
            names = ["fold-constants"]
        } else {
            return model
        }
        // Passes drop dead nodes: an op without a kernel is reported first, as unplanned.
        try requireKernels(model.graph, model: model, registry: registry)
        let context = PassContext(registry: registry)
        // Type rules live on the standard ops; the registry's fast wrappers may not carry them.
        context.inferenceRegistry = StandardOps.registry
        context.options.maxFoldedBytes = .max
        context.options.foldsDequantization = true
        context.options.foldingFailuresThrow = true
        context.options.kilnOps =
            registry.lookup(domain: KilnDomain.name, opType: "FusedConv") != nil
        var m = model
        try PassPipeline.named(names).run(on: &m, context: context)
        // Before IR version 4 the pipeline lists new initializers as graph inputs, which would
        // make the fused weights overridable (and not constants for prepared kernels).
        if model.irVersion < 4 {
            let declared = Set(model.graph.inputs.map(\.name))
            m.graph.inputs.removeAll { !declared.contains($0.name) }
        }
        return m
    }

    /// Throws `unsupportedOp` naming the first node (in `graph` or its subgraphs) that neither
    /// `registry` nor a model-local function defines, as `GraphPlan` would.
    static func requireKernels(_ graph: Graph, model: Model, registry: OpRegistry) throws {
        let functions = Set(model.functions.map { ($0.domain == "ai.onnx" ? "" : $0.domain) + "::" + $0.name })
        func check(_ g: Graph) throws {
            for (i, node) in g.nodes.enumerated() {
                let domain = node.normalizedDomain
                if registry.lookup(domain: domain, opType: node.opType) == nil,
                    !functions.contains(domain + "::" + node.opType)
                {
                    let version = model.opsetVersion(for: domain).map { "\($0)" } ?? "none"
                    throw KilnError(
                        .unsupportedOp,
                        "no kernel for op '\(node.opType)' (domain '\(domain.isEmpty ? "ai.onnx" : domain)', opset \(version))",
                        at: .init(node: node.label(index: i)))
                }
                for sub in node.subgraphs { try check(sub) }
            }
        }
        try check(graph)
    }
}

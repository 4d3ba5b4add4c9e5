import KilnIR

/// Fusions into onnxruntime's `com.microsoft` ops (level `-O3`), which Kiln also runs with
/// reference kernels: Conv/Gemm + activation → FusedConv/FusedGemm, MatMul with transposed
/// operands or a scalar scale → FusedMatMul, Erf GELU → Gelu, Gelu(x + b) → BiasGelu,
/// dynamically quantized MatMul chains → DynamicQuantizeMatMul / MatMulIntegerToFloat.
/// Imports `com.microsoft` version 1 when a rule introduces one of these ops. With
/// `PassOptions.kilnOps`, activations fuse into Kiln's `ai.kiln` ops instead (`kilnRules`:
/// Conv/Gemm/MatMul + activation, BatchNormalization + per-channel Mul/Add + activation).
struct FuseContribOps: Pass {
    let name = "fuse-contrib"
    let summary = "fusions to onnxruntime com.microsoft ops (FusedConv, FusedGemm, FusedMatMul, Gelu…)"

    static let rules: [any RewriteRule] =
        FusedActivationFusion.all + [
            FusedMatMulFusion.transpose, FusedMatMulFusion.scale, GeluFusion.microsoft,
            BiasGeluFusion(), QuantizedMatMulFusion(),
        ]

    /// The rules with Kiln's own fused ops (`PassOptions.kilnOps`: the plan and `.klite`).
    /// No DynamicQuantizeMatMul / MatMulIntegerToFloat: Kiln's runtime has only reference
    /// kernels for them, while DynamicQuantizeLinear + MatMulInteger run on fast integer
    /// kernels (fusing them made t2t_bilstm_int8 6x slower).
    static let kilnRules: [any RewriteRule] =
        KilnActivationFusion.all + KilnBatchNormFusion.all + [
            GeluFusion.kiln, FusedMatMulFusion.transpose, FusedMatMulFusion.scale,
            GeluFusion.microsoft, BiasGeluFusion(),
        ]

    func run(on model: inout Model, context: PassContext) throws -> PassResult {
        let rules = context.options.kilnOps ? Self.kilnRules : Self.rules
        let result = try GreedyRewriteDriver(rules).run(on: &model, context: context)
        Self.importRequiredOpsets(into: &model, context: context)
        return result
    }

    /// Imports the domains rewrites introduced (`requireOpset`) that the model lacks.
    static func importRequiredOpsets(into model: inout Model, context: PassContext) {
        for (domain, version) in context.requiredOpsets.sorted(by: { $0.key < $1.key })
        where model.opsetVersion(for: domain) == nil {
            model.opsetImports.append(OpsetImport(domain: domain, version: version))
        }
        context.requiredOpsets = [:]
    }
}

import KilnIR

/// Fusions whose result is standard ONNX (level `-O2`), applied by `GreedyRewriteDriver`:
/// Conv+BatchNormalization, Conv+per-channel Mul/Add, BatchNormalization+per-channel Mul/Add,
/// Gemm/MatMul+bias Add → Gemm, Pad into Conv/AveragePool, scalar Mul into the next Conv,
/// ConvTranspose+bias Add, HardSwish (opset ≥ 14), Swish (opset ≥ 24), LayerNormalization
/// chain (opset ≥ 17), Erf GELU → Gelu (opset ≥ 20), QDQ Conv/MatMul → QLinearConv/QLinearMatMul,
/// or ConvInteger/MatMulInteger + scale when the output stays float. Each rule checks its own
/// opset and legality.
struct FuseStandardOps: Pass {
    let name = "fuse-standard"
    let summary = "fusions to standard ONNX ops (Conv+BN, Gemm bias, Pad+Conv, LayerNorm, Gelu…)"

    static let rules: [any RewriteRule] = [
        ConvBatchNormFusion(), ConvChannelAffineFusion(opType: "Mul"),
        ConvChannelAffineFusion(opType: "Add"), GemmBiasFusion(), PadConvFusion(opType: "Conv"),
        PadConvFusion(opType: "AveragePool"), SwishFusion.hardSwish, SwishFusion.swish,
        LayerNormFusion(), GeluFusion.standard, ConvInputScaleFusion(), ConvTransposeBiasFusion(),
        BatchNormAffineFusion(opType: "Mul"), BatchNormAffineFusion(opType: "Add"),
        QDQLinearFusion(opType: "Conv"), QDQLinearFusion(opType: "MatMul"),
        QDQIntegerFusion(opType: "Conv"), QDQIntegerFusion(opType: "MatMul"),
    ]

    func run(on model: inout Model, context: PassContext) throws -> PassResult {
        // When fuse-contrib follows, an Erf GELU must survive until it becomes com.microsoft
        // Gelu (one node): fuse it here, before scale-conv absorbs its final `· 0.5`.
        // With Kiln's ops, the exact ai.kiln.Gelu takes the form it matches first.
        var rules = Self.rules
        if context.pipeline.contains("fuse-contrib") {
            rules = (context.options.kilnOps ? [GeluFusion.kiln, GeluFusion.microsoft]
                : [GeluFusion.microsoft]) + rules
        }
        let result = try GreedyRewriteDriver(rules).run(on: &model, context: context)
        FuseContribOps.importRequiredOpsets(into: &model, context: context)
        return result
    }
}

import KilnIR

/// The onnxruntime contrib ops (domain `com.microsoft`, plus `SimplifiedLayerNormalization`,
/// which onnxruntime registers in the default domain) that its quantizer and transformer
/// optimizer write.
public enum ContribOps {
    /// Every contrib op with a reference kernel (listed in `StandardOps`).
    public static var all: [any OpDefinition] {
        kernelOps(.reference) + [
            ContribGelu(), FastGelu(), BiasGelu(), QuickGelu(), BiasAdd(),
            SkipLayerNormalization(simplified: false), SkipLayerNormalization(simplified: true),
            SimplifiedLayerNormalization(domain: ""),
            SimplifiedLayerNormalization(domain: "com.microsoft"), ContribLayerNormalization(),
            QLinearBinary(add: true), QLinearBinary(add: false),
            QLinearUnary("QLinearSigmoid"), QLinearUnary("QLinearLeakyRelu"),
            QLinearGlobalAveragePool(), QLinearConcat(),
            MatMulIntegerToFloat(), DynamicQuantizeMatMul(),
            ContribAttention(), MultiHeadAttention(),
        ]
    }

    /// The contrib ops built on `NNKernels` (FusedConv, FusedGemm, FusedMatMul,
    /// DynamicQuantizeLSTM), on `kernels`;
    /// a runtime with fast kernels registers these to replace the reference ones.
    public static func kernelOps(_ kernels: NNKernels) -> [any OpDefinition] {
        [
            FusedConv(kernels: kernels), FusedGemm(kernels: kernels), FusedMatMul(kernels: kernels),
            DynamicQuantizeLSTM(kernels: kernels),
        ]
    }
}

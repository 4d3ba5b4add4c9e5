import KilnIR

/// The catalog of NN ops; those whose inner loops come from `NNKernels` can be built on given
/// kernels (the runtime's `FastOps` uses the C ones).
public enum NNOps {
    /// Every NN op with reference kernels (listed in `StandardOps`).
    public static var all: [any OpDefinition] {
        kernelOps(.reference) + [
            MaxPool(), AveragePool(), LpPool(), GlobalAveragePool(), GlobalMaxPool(),
            GlobalLpPool(),
            BatchNormalization(), InstanceNormalization(), LayerNormalization(),
            GroupNormalization(), RMSNormalization(), LRN(),
            Resize(), Upsample(),
            QuantizeLinear(), DequantizeLinear(), DynamicQuantizeLinear(),
            ConvInteger(), QLinearMatMul(), QLinearConv(),
        ]
    }

    /// Every op that takes `NNKernels`, on `kernels`.
    public static func kernelOps(_ kernels: NNKernels) -> [any OpDefinition] {
        [
            Conv(kernels: kernels), ConvTranspose(kernels: kernels), Gemm(kernels: kernels),
            MatMul(kernels: kernels), RNN(kernels: kernels), GRU(kernels: kernels),
            LSTM(kernels: kernels), MatMulInteger(kernels: kernels),
        ]
    }
}

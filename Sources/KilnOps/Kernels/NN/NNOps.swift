import KilnIR

/// The NN ops whose inner loops come from `NNKernels` (GEMM, im2col), built on given kernels.
public enum NNOps {
    /// Every op that takes `NNKernels`, on `kernels`.
    public static func kernelOps(_ kernels: NNKernels) -> [any OpDefinition] {
        [Conv(kernels: kernels), Gemm(kernels: kernels), MatMul(kernels: kernels)]
    }
}

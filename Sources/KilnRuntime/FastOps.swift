import KilnIR
import KilnOps

/// The standard ops with the GEMM-based ones (Conv, Gemm, MatMul, ...) running on the packed C
/// kernels of `CKilnKernels` instead of the Swift reference loops (semantics are shared: the
/// op files are the same, only `NNKernels` differs), plus float32 fast paths for the
/// element-wise ops between convolutions.
///
///     let plan = try InferencePlan(model: m, options: .init(registry: FastOps.registry))
public enum FastOps {
    /// Every standard op, with the fast kernels installed.
    public static let registry: OpRegistry = {
        var r = StandardOps.registry
        install(into: &r)
        return r
    }()

    /// The op definitions that use `kernels`.
    public static func ops(kernels: NNKernels = .fast) -> [any OpDefinition] {
        NNOps.kernelOps(kernels)
    }

    /// Replaces the GEMM-based ops of `registry` with versions on `kernels`, adds float32
    /// variants of Relu, Add, Mul, Sum, Concat, BatchNormalization, MaxPool, AveragePool and
    /// others to the dispatch table (`OpRegistry.addVariant`: a variant declines the cases it
    /// does not support and the reference kernel runs them), and adds the kernels of Kiln's
    /// `ai.kiln` fused ops. The integer ops are still wrappers with their own fallback.
    public static func install(into registry: inout OpRegistry, kernels: NNKernels = .fast) {
        for op in ops(kernels: kernels) { registry.register(op) }
        for op in ContribOps.kernelOps(kernels) { registry.register(op) }
        installElementwise(into: &registry)
        registry.addVariant(FastDynamicQuantizeLinear(kernels: kernels))
        installReductions(into: &registry)
        installFused(into: &registry, kernels: kernels)
        installInteger(into: &registry)
    }
}

import Foundation
import KilnIR

// onnxruntime's float fusions: FusedConv (Conv + optional sum input Z + activation),
// FusedGemm (Gemm + activation) and FusedMatMul (MatMul with transposes folded in). Each
// delegates to the standard op's shared `compute`, so semantics cannot drift from Conv, Gemm
// and MatMul, and each runs on the `NNKernels` it is built with.

/// `com.microsoft.FusedConv`: `Y = act(Conv(X, W, B) + Z)`; `Z` (optional, the output's shape)
/// is the sum input onnxruntime's Conv+Add fusion adds before the activation.
public struct FusedConv: OpDefinition {
    public var domain: String { "com.microsoft" }
    public var opType: String { "FusedConv" }
    public var kernels: NNKernels

    public init(kernels: NNKernels = .reference) { self.kernels = kernels }

    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let w = try context.tensor(1)
        let b = try context.optionalTensor(2)
        let act = try FusedActivation.conv(context)
        guard let z = try context.optionalTensor(3) else {
            let y = try Conv.compute(
                context, x: x, w: w, bias: b, kernels: kernels, activation: act.map { $0.run })
            return [.tensor(y)]
        }
        let y = try Conv.compute(context, x: x, w: w, bias: b, kernels: kernels, activation: nil)
        guard z.shape == y.shape else {
            throw context.fail("Z has shape \(z.shape), expected the output shape \(y.shape)")
        }
        let zv = try NNTensor.floats(z, context)
        return [
            .tensor(
                try NNTensor.withFloats(y, context) { yv in
                    try NNTensor.output(y.elementType, shape: y.shape.map { Int($0) }, context) {
                        out in
                        for i in out.indices { out[i] = yv[i] + zv[i] }
                        act?.run(out)
                    }
                })
        ]
    }
}

/// `com.microsoft.FusedGemm`: `Y = act(alpha · op(A) · op(B) + beta · C)`.
public struct FusedGemm: OpDefinition {
    public var domain: String { "com.microsoft" }
    public var opType: String { "FusedGemm" }
    public var kernels: NNKernels

    public init(kernels: NNKernels = .reference) { self.kernels = kernels }

    public func run(_ context: KernelContext) throws -> [Value] {
        let act = try FusedActivation.gemm(context)
        return [
            .tensor(try Gemm.compute(context, kernels: kernels, activation: act.map { $0.run }))
        ]
    }
}

/// `com.microsoft.FusedMatMul`: `Y = alpha · op(A) · op(B)` with numpy matmul broadcasting.
///
/// `transBatchA` first moves A's leading dim behind the other batch dims (permutation
/// `[1, …, r-2, 0, r-1]`), then `transA` swaps the last two dims; likewise for B.
public struct FusedMatMul: OpDefinition {
    public var domain: String { "com.microsoft" }
    public var opType: String { "FusedMatMul" }
    public var kernels: NNKernels

    public init(kernels: NNKernels = .reference) { self.kernels = kernels }

    public func run(_ context: KernelContext) throws -> [Value] {
        var a = try context.tensor(0)
        var b = try context.tensor(1)
        if context.int("transBatchA", default: 0) != 0 { a = try Self.batchToRows(a, context) }
        if context.int("transBatchB", default: 0) != 0 { b = try Self.batchToRows(b, context) }
        // Transposing a vector changes nothing (numpy semantics).
        let transA = context.int("transA", default: 0) != 0 && a.shape.count > 1
        let transB = context.int("transB", default: 0) != 0 && b.shape.count > 1
        let y = try MatMul.compute(
            context, a, b, kernels: kernels, alpha: context.float("alpha", default: 1),
            transA: transA, transB: transB)
        return [.tensor(y)]
    }

    /// Permutes `[d0, d1, …, d(r-2), d(r-1)]` to `[d1, …, d(r-2), d0, d(r-1)]`.
    static func batchToRows(_ t: Tensor, _ ctx: KernelContext) throws -> Tensor {
        let d = try NNTensor.dims(t, ctx)
        guard d.count >= 3 else { return t }
        let r = d.count
        let (d0, mid, last) = (d[0], d[1..<(r - 1)].reduce(1, *), d[r - 1])
        let outShape = Array(d[1..<(r - 1)]) + [d0, last]
        return try NNTensor.withFloats(t, ctx) { src in
            try NNTensor.output(t.elementType, shape: outShape, ctx) { dst in
                // src viewed as [d0, mid, last] → dst as [mid, d0, last].
                for i in 0..<d0 {
                    for j in 0..<mid {
                        let s = (i * mid + j) * last
                        let o = (j * d0 + i) * last
                        for k in 0..<last { dst[o + k] = src[s + k] }
                    }
                }
            }
        }
    }
}

import Foundation
import KilnIR

/// ONNX `Gemm` (1, 6, 7, 9, 11, 13): `Y = alpha · op(A) · op(B) + beta · C` with C
/// unidirectionally broadcast to [M, N] (optional since opset 11).
public struct Gemm: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "Gemm" }
    public var kernels: NNKernels

    public init(kernels: NNKernels = .reference) { self.kernels = kernels }

    public func run(_ context: KernelContext) throws -> [Value] {
        [.tensor(try Gemm.compute(context, kernels: kernels, activation: nil))]
    }

    /// Shared with `com.microsoft.FusedGemm`.
    package static func compute(
        _ ctx: KernelContext, kernels: NNKernels,
        activation: ((UnsafeMutableBufferPointer<Float>) -> Void)?
    ) throws -> Tensor {
        let a = try ctx.tensor(0)
        let b = try ctx.tensor(1)
        let c = try ctx.optionalTensor(2)
        guard NNTensor.isFloat(a.elementType), a.elementType == b.elementType else {
            throw ctx.fail("A and B must be the same floating type")
        }
        let ad = try NNTensor.dims(a, ctx)
        let bd = try NNTensor.dims(b, ctx)
        guard ad.count == 2, bd.count == 2 else {
            throw ctx.fail("A \(ad) and B \(bd) must be matrices")
        }
        let transA = ctx.int("transA", default: 0) != 0
        let transB = ctx.int("transB", default: 0) != 0
        let alpha = ctx.float("alpha", default: 1)
        let beta = ctx.float("beta", default: 1)
        let (m, k) = transA ? (ad[1], ad[0]) : (ad[0], ad[1])
        let (k2, n) = transB ? (bd[1], bd[0]) : (bd[0], bd[1])
        guard k == k2 else { throw ctx.fail("inner dims differ: A \(ad), B \(bd)") }
        var cv: [Float]? = nil
        var (cm, cn) = (1, 1)
        if let c {
            let cd = try NNTensor.dims(c, ctx)
            guard cd.count <= 2 else { throw ctx.fail("C must have rank <= 2, got \(cd)") }
            cm = cd.count == 2 ? cd[0] : 1
            cn = cd.last ?? 1
            guard cm == 1 || cm == m, cn == 1 || cn == n else {
                throw ctx.fail("C \(cd) cannot be broadcast to [\(m), \(n)]")
            }
            cv = try NNTensor.floats(c, ctx)
        }
        return try NNTensor.withFloats(a, ctx) { ap in
            try NNTensor.withFloats(b, ctx) { bp in
                try NNTensor.output(a.elementType, shape: [m, n], ctx) { yp in
                    var betaEff: Float = 0
                    if let cv, beta != 0 {
                        for i in 0..<m {
                            for j in 0..<n {
                                yp[i * n + j] = cv[(cm == 1 ? 0 : i) * cn + (cn == 1 ? 0 : j)]
                            }
                        }
                        betaEff = beta
                    }
                    guard m > 0, n > 0, let aBase = ap.baseAddress, let bBase = bp.baseAddress,
                        let y = yp.baseAddress
                    else { return }
                    kernels.gemm(
                        transA, transB, m, n, k, alpha, aBase, ad[1], bBase, bd[1], betaEff, y, n,
                        ctx.threads)
                    if let activation { activation(yp) }
                }
            }
        }
    }
}

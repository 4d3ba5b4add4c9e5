import Foundation
import KilnIR

/// ONNX `MatMul` (1, 9, 13): numpy `matmul` with broadcast batch dims; a 1-D A is a row
/// vector and a 1-D B a column vector, and the added dim is removed from the result.
public struct MatMul: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "MatMul" }
    public var kernels: NNKernels

    public init(kernels: NNKernels = .reference) { self.kernels = kernels }

    public func run(_ context: KernelContext) throws -> [Value] {
        let a = try context.tensor(0)
        let b = try context.tensor(1)
        return [.tensor(try MatMul.compute(context, a, b, kernels: kernels, alpha: 1))]
    }

    /// Shared with `com.microsoft.FusedMatMul` (which adds transposes and alpha up front).
    package static func compute(
        _ ctx: KernelContext, _ a: Tensor, _ b: Tensor, kernels: NNKernels, alpha: Float,
        transA: Bool = false, transB: Bool = false
    ) throws -> Tensor {
        guard NNTensor.isFloat(a.elementType), a.elementType == b.elementType else {
            throw ctx.fail("A and B must be the same floating type")
        }
        var ad = try NNTensor.dims(a, ctx)
        var bd = try NNTensor.dims(b, ctx)
        guard !ad.isEmpty, !bd.isEmpty else { throw ctx.fail("MatMul inputs must not be scalars") }
        let aVector = ad.count == 1
        let bVector = bd.count == 1
        if aVector { ad = [1, ad[0]] }
        if bVector { bd = [bd[0], 1] }
        if transA { ad.swapAt(ad.count - 1, ad.count - 2) }
        if transB { bd.swapAt(bd.count - 1, bd.count - 2) }
        let (m, k) = (ad[ad.count - 2], ad[ad.count - 1])
        let (k2, n) = (bd[bd.count - 2], bd[bd.count - 1])
        guard k == k2 else { throw ctx.fail("inner dims differ: A \(ad), B \(bd)") }
        let aBatch = Array(ad.dropLast(2))
        let bBatch = Array(bd.dropLast(2))
        let batch = try Broadcast.shape([aBatch.map(Int64.init), bBatch.map(Int64.init)])
            .map { Int($0) }
        var outShape = batch + [m, n]
        if aVector { outShape.remove(at: outShape.count - 2) }
        if bVector { outShape.removeLast() }
        let bc = try Broadcast([batch.map(Int64.init), aBatch.map(Int64.init), bBatch.map(Int64.init)])
        let aIdx = bc.indexMap(input: 1)
        let bIdx = bc.indexMap(input: 2)
        let batchCount = batch.reduce(1, *)
        // op(A) as stored: [m, k] or, transposed, [k, m]; leading dims are the stored widths.
        let lda = transA ? m : k
        let ldb = transB ? k : n
        return try NNTensor.withFloats(a, ctx) { ap in
            try NNTensor.withFloats(b, ctx) { bp in
                try NNTensor.output(a.elementType, shape: outShape, ctx) { yp in
                    guard m > 0, n > 0, let aBase = ap.baseAddress, let bBase = bp.baseAddress,
                        let y = yp.baseAddress
                    else { return }
                    // A batch of row-major As against one shared B is one tall GEMM.
                    if !transA, bBatch.reduce(1, *) == 1, aBatch.reduce(1, *) == batchCount {
                        kernels.gemm(
                            false, transB, batchCount * m, n, k, alpha, aBase, lda, bBase, ldb,
                            0, y, n, ctx.threads)
                        return
                    }
                    for i in 0..<batchCount {
                        kernels.gemm(
                            transA, transB, m, n, k, alpha, aBase + aIdx[i] * m * k, lda,
                            bBase + bIdx[i] * k * n, ldb, 0, y + i * m * n, n, ctx.threads)
                    }
                }
            }
        }
    }
}

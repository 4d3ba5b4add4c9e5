/// A `k × n` matrix of 16-bit integers in the pair-interleaved layout of the integer GEMM
/// (`NNKernels.int16Gemm`): for each pair of rows `(2q, 2q+1)` and column `j`, the two values
/// are adjacent, `values[(q·n + j)·2 + r] = B[2q + r][j]`, with a zero row padding an odd `k`.
///
/// Quantized kernels store weights here with their zero points subtracted (8-bit values minus
/// a zero point fit in 16 bits), once per plan.
public struct PackedInt16Matrix: Sendable, Equatable {
    public let k: Int
    public let n: Int
    public let values: [Int16]

    /// Packs row-major `rows[p·n + j]` (`k·n` values).
    public init(k: Int, n: Int, rowMajor rows: [Int16]) {
        precondition(rows.count == k * n, "PackedInt16Matrix: \(rows.count) values for \(k)×\(n)")
        self.k = k
        self.n = n
        let pairs = (k + 1) / 2
        var v = [Int16](repeating: 0, count: pairs * n * 2)
        v.withUnsafeMutableBufferPointer { d in
            rows.withUnsafeBufferPointer { s in
                for p in 0..<k {
                    let base = (p / 2) * n * 2 + (p & 1)
                    let src = p * n
                    for j in 0..<n { d[base + 2 * j] = s[src + j] }
                }
            }
        }
        values = v
    }

    /// The plain-Swift product `C[m×n] = A[m×k] · self` with wrapping 32-bit accumulation: the
    /// definition the C kernel is tested against.
    public static func referenceGemm(
        _ m: Int, _ n: Int, _ k: Int, _ a: UnsafePointer<Int16>, _ lda: Int,
        _ b: UnsafePointer<Int16>, _ c: UnsafeMutablePointer<Int32>, _ ldc: Int
    ) {
        for i in 0..<m {
            let row = c + i * ldc
            row.update(repeating: 0, count: n)
            for p in 0..<k {
                let av = Int32(a[i * lda + p])
                if av == 0 { continue }
                let base = (p / 2) * n * 2 + (p & 1)
                for j in 0..<n { row[j] &+= av &* Int32(b[base + 2 * j]) }
            }
        }
    }
}

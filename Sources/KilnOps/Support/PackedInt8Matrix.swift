/// A `k × n` matrix of integers stored as int8 plus a per-column offset, in the layout of the
/// dot-product integer GEMM (`NNKernels.u8s8Gemm`): the value of row `p`, column `j` is
/// `Int32(stored[p][j]) + columnOffsets[j]`; columns come in panels of 16 and, within a panel,
/// the 16 columns' values of each group of four rows `(4q … 4q+3)` are adjacent,
/// `values[panel·(64·quads + 64) + q·64 + c·4 + r] = stored[4q + r][16·panel + c]`, zero
/// elsewhere (a spare cache line per panel keeps side-by-side panels from aliasing in L1).
///
/// Quantized kernels keep 8-bit weights here with the zero point in the offset (uint8 weights
/// are stored minus 128), so any 8-bit weight with any zero point fits, once per plan.
public struct PackedInt8Matrix: Sendable, Equatable {
    public let k: Int
    public let n: Int
    /// The stored bytes, quad-interleaved.
    public let values: [Int8]
    /// Added to every stored value of the column.
    public let columnOffsets: [Int32]
    /// `Σ_p stored[p][j]` per column (the kernel folds zero points in with it).
    public let columnSums: [Int32]

    /// Packs row-major `stored[p·n + j]` (`k·n` values) with `offsets` (`n` values).
    public init(k: Int, n: Int, stored: [Int8], offsets: [Int32]) {
        precondition(stored.count == k * n && offsets.count == n, "PackedInt8Matrix: bad sizes")
        self.k = k
        self.n = n
        let quads = (k + 3) / 4
        var v = [Int8](repeating: 0, count: (n + 15) / 16 * (quads * 64 + 64))
        var sums = [Int32](repeating: 0, count: n)
        v.withUnsafeMutableBufferPointer { d in
            stored.withUnsafeBufferPointer { s in
                for p in 0..<k {
                    let src = p * n
                    for j in 0..<n {
                        d[Self.offset(p, j, quads: quads)] = s[src + j]
                        sums[j] &+= Int32(s[src + j])
                    }
                }
            }
        }
        values = v
        columnOffsets = offsets
        columnSums = sums
    }

    /// Index in `values` of row `p`, column `j`.
    static func offset(_ p: Int, _ j: Int, quads: Int) -> Int {
        (j / 16) * (quads * 64 + 64) + (p / 4) * 64 + (j % 16) * 4 + (p & 3)
    }

    /// The value at row `p`, column `j` (with its offset).
    public func value(_ p: Int, _ j: Int) -> Int32 {
        Int32(values[Self.offset(p, j, quads: (k + 3) / 4)]) + columnOffsets[j]
    }

    /// The plain-Swift product `C[m×n] = (A[m×k] − aZero) · self` with wrapping 32-bit
    /// accumulation: the definition the C kernel is tested against.
    public static func referenceGemm(
        _ m: Int, _ a: UnsafePointer<UInt8>, _ lda: Int, _ aZero: Int32, _ b: PackedInt8Matrix,
        _ c: UnsafeMutablePointer<Int32>, _ ldc: Int
    ) {
        for i in 0..<m {
            let row = c + i * ldc
            row.update(repeating: 0, count: b.n)
            for p in 0..<b.k {
                let av = Int32(a[i * lda + p]) - aZero
                if av == 0 { continue }
                for j in 0..<b.n { row[j] &+= av &* b.value(p, j) }
            }
        }
    }
}

import CKilnKernels
import Dispatch
import Foundation
import KilnIR
import KilnOps

/// A `k × n` 8-bit matrix packed for the u8×s8 integer GEMM of `CKilnKernels`
/// (`ckiln_qgemm8`), with its zero points in the stored domain and its column sums.
///
/// Stored values are int8: int8 inputs as they are, uint8 inputs minus 128 (the zero points
/// move with them), so one kernel serves every signedness. Built once per plan for constant
/// weights, or per run for computed ones.
struct PackedInt8Matrix: Sendable {
    let k: Int
    let n: Int
    /// Packed bytes (`ckiln_qgemm8_pack_b` layout).
    let bytes: [Int8]
    /// Column sums of the stored values.
    let colSum: [Int32]
    /// Zero point of each column in the stored domain, or nil when every one is 0.
    let colZeroPoint: [Int32]?

    /// Packs row-major `b[p·ldb + j]` (`p < k`, `j < n`): int8 when `signed`, else uint8.
    /// `zeroPoints` holds 1 or `n` raw zero points of B's own type.
    init(k: Int, n: Int, raw: UnsafeRawPointer, ldb: Int, signed: Bool, zeroPoints: [Int32]) {
        precondition(zeroPoints.count == 1 || zeroPoints.count == n, "PackedInt8Matrix: zp count")
        self.k = k
        self.n = n
        var packed = [Int8](repeating: 0, count: ckiln_qgemm8_packed_size(k, n))
        var sums = [Int32](repeating: 0, count: n)
        packed.withUnsafeMutableBufferPointer { d in
            sums.withUnsafeMutableBufferPointer { s in
                ckiln_qgemm8_pack_b(
                    k, n, raw, ldb, signed ? 1 : 0, d.baseAddress, s.baseAddress)
            }
        }
        bytes = packed
        colSum = sums
        let shift: Int32 = signed ? 0 : 128
        let stored = (0..<n).map { zeroPoints[zeroPoints.count == 1 ? 0 : $0] - shift }
        colZeroPoint = stored.allSatisfy { $0 == 0 } ? nil : stored
    }
}

/// The 8-bit integer GEMM and its helpers, split over threads by rows (every output element is
/// computed by one thread, so the result does not depend on the thread count).
enum Int8Gemm {
    /// `acc[m×n] = Σ_p (a[i,p] − aZeroPoint)·(b[p,j] − bZeroPoint[j])` in wrapping int32, for
    /// A already packed (`lda` bytes per row, stored domain: `aStoredZeroPoint` is A's zero
    /// point plus 128 when A was int8).
    static func multiply(
        isa: Int32, m: Int, a: UnsafePointer<UInt8>, lda: Int, aStoredZeroPoint: Int32,
        b: PackedInt8Matrix, acc: UnsafeMutablePointer<Int32>, threads: Int
    ) {
        let kp = ckiln_qgemm8_round_k(b.k)
        let work = Double(m) * Double(b.n) * Double(b.k)
        let parts = min(max(threads, 1), max(1, Int(work / 4e6)), m)
        let chunk = (m + parts - 1) / parts
        let (aAddr, cAddr) = (Int(bitPattern: a), Int(bitPattern: acc))
        let body: @Sendable (Int) -> Void = { t in
            guard let a = UnsafePointer<UInt8>(bitPattern: aAddr),
                let c = UnsafeMutablePointer<Int32>(bitPattern: cAddr)
            else { return }
            let lo = t * chunk
            let rows = min(chunk, m - lo)
            guard rows > 0 else { return }
            let aPart = a + lo * lda
            let cPart = c + lo * b.n
            b.bytes.withUnsafeBufferPointer { bp in
                ckiln_qgemm8(isa, rows, b.n, kp, aPart, lda, bp.baseAddress, cPart, b.n)
            }
            fixup(
                rows: rows, a: aPart, lda: lda, aStoredZeroPoint: aStoredZeroPoint, b: b,
                acc: cPart)
        }
        if parts <= 1 {
            body(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: parts, execute: body)
        }
    }

    /// Applies the zero points to `rows` rows of a product of stored values.
    static func fixup(
        rows: Int, a: UnsafePointer<UInt8>, lda: Int, aStoredZeroPoint: Int32,
        b: PackedInt8Matrix, acc: UnsafeMutablePointer<Int32>
    ) {
        let za = [Int32](repeating: aStoredZeroPoint, count: rows)
        var rowSum: [Int32] = []
        if b.colZeroPoint != nil {
            rowSum = [Int32](repeating: 0, count: rows)
            rowSum.withUnsafeMutableBufferPointer { r in
                ckiln_qgemm8_row_sums(rows, b.k, a, lda, r.baseAddress)
            }
        }
        za.withUnsafeBufferPointer { zp in
            b.colSum.withUnsafeBufferPointer { cs in
                rowSum.withUnsafeBufferPointer { rs in
                    if let zb = b.colZeroPoint {
                        zb.withUnsafeBufferPointer { zbp in
                            ckiln_qgemm8_fixup(
                                rows, b.n, b.k, acc, b.n, zp.baseAddress, cs.baseAddress,
                                zbp.baseAddress, rs.baseAddress)
                        }
                    } else {
                        ckiln_qgemm8_fixup(
                            rows, b.n, b.k, acc, b.n, zp.baseAddress, cs.baseAddress, nil, nil)
                    }
                }
            }
        }
    }

    /// Copies row-major 8-bit `a[m×k]` into packed rows (`ckiln_qgemm8_round_k(k)` bytes).
    static func packA(_ a: UnsafeRawPointer, m: Int, k: Int, signed: Bool) -> [UInt8] {
        let kp = ckiln_qgemm8_round_k(k)
        var out = [UInt8](repeating: 0, count: m * kp)
        out.withUnsafeMutableBufferPointer { d in
            ckiln_qgemm8_pack_a(m, k, a, k, signed ? 1 : 0, d.baseAddress, kp)
        }
        return out
    }
}

/// Reading quantization operands (8-bit tensors, scalar or per-axis zero points and scales)
/// for the fast integer kernels; anything they do not handle returns nil so the caller runs
/// the reference kernel.
enum Int8Operand {
    /// True for uint8/int8 tensors whose payload matches their shape.
    static func isPlain8Bit(_ t: Tensor) -> Bool {
        (t.elementType == .uint8 || t.elementType == .int8)
            && t.elementCount.map { $0 == t.data.count } == true
    }

    /// The zero points in `t` (nil input: one 0), when `t` has the given 8-bit type and 1 or
    /// `count` elements.
    static func zeroPoints(_ t: Tensor?, type: ElementType, count: Int) -> [Int32]? {
        guard let t else { return [0] }
        guard t.elementType == type, let n = t.elementCount, t.data.count == n,
            n == 1 || n == count, t.shape.count <= 1
        else { return nil }
        return t.data.withUnsafeBytes { raw in
            type == .int8
                ? raw.bindMemory(to: Int8.self).map { Int32($0) }
                : raw.bindMemory(to: UInt8.self).map { Int32($0) }
        }
    }

    /// float32 scales with 1 or `count` elements.
    static func scales(_ t: Tensor?, count: Int) -> [Float]? {
        guard let t, t.elementType == .float32, let n = t.elementCount, t.data.count == n * 4,
            n == 1 || n == count, t.shape.count <= 1
        else { return nil }
        return t.values(as: Float.self)
    }

    /// int32 bias with `count` elements.
    static func bias(_ t: Tensor?, count: Int) -> [Int32]? {
        guard let t, t.elementType == .int32, t.elementCount == count, t.data.count == count * 4,
            t.shape.count == 1
        else { return nil }
        return t.values(as: Int32.self)
    }

    /// The requantization multipliers `Float(x_s·w_s) / y_s` of the reference kernel
    /// (`IntegerMath.multiplier`), one per element of `w`.
    static func multipliers(x: Float, w: [Float], y: Float) -> [Float] {
        w.map { Float(x * $0) / y }
    }
}

/// onnxruntime's requantization over int32 accumulators (`ckiln_requantize_u8`).
struct Int8Requantizer: Sendable {
    let scales: [Float]
    let bias: [Int32]?
    let zeroPoint: Int32
    let signed: Bool

    /// Requantizes `rows × cols` accumulators (rows `ldAcc` apart) into `y[i·ysRow + j·ysCol]`;
    /// scale and bias are per row (`perRow`) or per column, starting at `offset`.
    func apply(
        isa: Int32, rows: Int, cols: Int, acc: UnsafePointer<Int32>, ldAcc: Int, perRow: Bool,
        offset: Int, y: UnsafeMutablePointer<UInt8>, ysRow: Int, ysCol: Int
    ) {
        let perChannel = scales.count > 1
        scales.withUnsafeBufferPointer { s in
            let sp = s.baseAddress.map { perChannel ? $0 + offset : $0 }
            let count = perChannel ? (perRow ? rows : cols) : 1
            if let bias {
                bias.withUnsafeBufferPointer { bp in
                    ckiln_requantize_u8(
                        isa, rows, cols, acc, ldAcc, bp.baseAddress.map { $0 + offset },
                        perRow ? 1 : 0, sp, perRow ? 1 : 0, count, zeroPoint, signed ? 1 : 0,
                        y, ysRow, ysCol)
                }
            } else {
                ckiln_requantize_u8(
                    isa, rows, cols, acc, ldAcc, nil, 0, sp, perRow ? 1 : 0, count, zeroPoint,
                    signed ? 1 : 0, y, ysRow, ysCol)
            }
        }
    }
}

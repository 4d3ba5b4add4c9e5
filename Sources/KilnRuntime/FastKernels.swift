import CKilnKernels
import Dispatch
import KilnIR
import KilnOps

/// Instruction-set paths of the C GEMM (`CKilnKernels`), for tests and benchmarks.
public enum FastISA: Int32, Sendable, CaseIterable {
    /// The best path this CPU supports.
    case auto = 0
    /// Portable C.
    case scalar = 1
    /// AVX2 + FMA, 6×16 micro-kernel.
    case avx2 = 2
    /// AVX-512F + FMA, 14×32 micro-kernel.
    case avx512 = 3

    /// The path `auto` resolves to on this machine.
    public static var best: FastISA { FastISA(rawValue: ckiln_sgemm_best_isa()) ?? .scalar }
}

extension NNKernels {
    /// The packed, register-blocked C GEMM and C im2col on the best ISA path.
    public static let fast = NNKernels.fast(isa: .auto)

    /// The C kernels pinned to one ISA path (a path the CPU lacks falls back to the best one).
    public static func fast(isa: FastISA) -> NNKernels {
        let code = isa.rawValue
        return NNKernels(
            name: "fast-\(isa)",
            gemm: { tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, threads in
                FastGemm.run(
                    isa: code, transA: tA, transB: tB, m: m, n: n, k: k, alpha: alpha, a: a,
                    lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc, threads: threads)
            },
            im2col: { x, channels, g, col in
                let rank = Int32(g.rank)
                let dims = [g.input, g.output, g.kernel, g.strides, g.dilations, g.padsBegin]
                    .map { $0.map { Int($0) } }
                dims[0].withUnsafeBufferPointer { i in
                    dims[1].withUnsafeBufferPointer { o in
                        dims[2].withUnsafeBufferPointer { kk in
                            dims[3].withUnsafeBufferPointer { s in
                                dims[4].withUnsafeBufferPointer { d in
                                    dims[5].withUnsafeBufferPointer { p in
                                        ckiln_im2col(
                                            x, channels, rank, i.baseAddress, o.baseAddress,
                                            kk.baseAddress, s.baseAddress, d.baseAddress,
                                            p.baseAddress, col)
                                    }
                                }
                            }
                        }
                    }
                }
            },
            depthwise2D: { x, w, bias, images, channels, g, y in
                let geometry = FastGeometry.plane(g)
                return geometry.withUnsafeBufferPointer { gp in
                    ckiln_depthwise_conv2d(
                        code, x, w, bias, images, channels, gp.baseAddress, CInt(CKILN_ACT_NONE),
                        0, 0, y) == 0
                }
            },
            col2im2D: { col, g, image in
                FastGeometry.plane(g).withUnsafeBufferPointer { gp in
                    ckiln_col2im_add_2d(col, gp.baseAddress, image)
                }
            },
            convGemm: { m, n, k, w, x, plane, ldx, colLo, bias, y, ldy in
                ckiln_conv_sgemm(code, m, n, k, w, x, plane, ldx, colLo, bias, y, ldy)
            },
            int16Gemm: { m, n, k, a, lda, b, c, ldc in
                ckiln_qgemm_s16(code, m, n, k, a, lda, b, c, ldc)
            },
            mlasLogistic: { x, n in ckiln_mlas_logistic(code, x, n) },
            mlasTanh: { x, n in ckiln_mlas_tanh(code, x, n) },
            u8s8Gemm: isa != .scalar && isa != .avx2 && ckiln_qgemm_u8s8_supported() != 0
                ? u8s8Gemm(code) : nil,
            quantizeU8: { x, n, q in
                var scale: Float = 1
                let zero = ckiln_quantize_u8_dynamic(code, x, n, &scale, q)
                return (scale, zero)
            })
    }

    /// The dot-product integer GEMM of `CKilnKernels` on ISA path `code`.
    static func u8s8Gemm(_ code: Int32) -> U8S8Gemm {
        return { m, a, lda, aZero, b, c, ldc in
            b.values.withUnsafeBufferPointer { bp in
                b.columnOffsets.withUnsafeBufferPointer { op in
                    b.columnSums.withUnsafeBufferPointer { sp in
                        ckiln_qgemm_u8s8(
                            code, m, b.n, b.k, a, lda, aZero, bp.baseAddress, op.baseAddress,
                            sp.baseAddress, c, ldc)
                    }
                }
            }
        }
    }
}

/// The flat geometry arrays the C window kernels take.
enum FastGeometry {
    /// ih, iw, oh, ow, kh, kw, strides, dilations, leading pads, trailing pads (2-D only).
    static func plane(_ g: ConvGeometry) -> [Int] {
        precondition(g.rank == 2, "the C window kernels are 2-D")
        return g.input + g.output + g.kernel + g.strides + g.dilations + g.padsBegin + g.padsEnd
    }
}

/// Splits one GEMM across threads by column (or row) blocks; each part runs the C kernel.
enum FastGemm {
    static func run(
        isa: Int32, transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float,
        c: UnsafeMutablePointer<Float>, ldc: Int, threads: Int
    ) {
        let tA: Int32 = transA ? 1 : 0
        let tB: Int32 = transB ? 1 : 0
        // Below ~4 MFLOP per thread the fork/join costs more than it saves.
        let work = Double(m) * Double(n) * Double(k)
        let parts = min(max(threads, 1), max(1, Int(work / 2e6)))
        if parts <= 1 {
            ckiln_sgemm(isa, tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
            return
        }
        // Raw addresses cross the concurrency boundary; each part writes a disjoint block of C.
        let (aAddr, bAddr, cAddr) = (Int(bitPattern: a), Int(bitPattern: b), Int(bitPattern: c))
        let splitColumns = n >= m
        let extent = splitColumns ? n : m
        let align = splitColumns ? 32 : 14
        let chunk = ((extent + parts - 1) / parts + align - 1) / align * align
        var whole = (extent + chunk - 1) / chunk
        // A last part of one row would take the kernel's row-vector (GEMV) path, which sums in
        // another order than the tiles: fold it into the part before, so that the bits of C
        // never depend on the thread count.
        if !splitColumns, whole > 1, extent - (whole - 1) * chunk == 1 { whole -= 1 }
        let count = whole
        DispatchQueue.concurrentPerform(iterations: count) { t in
            guard let a = UnsafePointer<Float>(bitPattern: aAddr),
                let b = UnsafePointer<Float>(bitPattern: bAddr),
                let c = UnsafeMutablePointer<Float>(bitPattern: cAddr)
            else { return }
            let lo = t * chunk
            let len = t == count - 1 ? extent - lo : chunk
            if splitColumns {
                let bPart = transB ? b + lo * ldb : b + lo
                ckiln_sgemm(isa, tA, tB, m, len, k, alpha, a, lda, bPart, ldb, beta, c + lo, ldc)
            } else {
                let aPart = transA ? a + lo : a + lo * lda
                ckiln_sgemm(
                    isa, tA, tB, len, n, k, alpha, aPart, lda, b, ldb, beta, c + lo * ldc, ldc)
            }
        }
    }
}

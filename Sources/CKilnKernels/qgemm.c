// Integer GEMM on 16-bit operands with 32-bit accumulators, for quantized kernels whose zero
// points have already been subtracted (uint8/int8 values minus a zero point fit in int16).
//
//   C[M x N] (int32) = A[M x K] (int16, row-major) * B[K x N] (int16)
//
// B is pre-packed once (usually at plan time) in pair-interleaved form: for each pair of rows
// (2q, 2q+1) and each column j, the two values B[2q][j], B[2q+1][j] are adjacent, so one
// `vpmaddwd` multiplies a broadcast pair of A values by 8 (AVX2) or 16 (AVX-512) column pairs and
// adds the two products into 32-bit lanes. An odd K is padded with a zero row.
//
// Accumulation is modulo 2^32 (the C code uses wrapping unsigned arithmetic on the scalar path;
// the vector instructions wrap by definition), exactly as a 64-bit sum truncated to 32 bits.

#include "CKilnKernels.h"

#include <math.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#define CKILN_X86 1
#include <immintrin.h>
#endif

long ckiln_qgemm_packed_size(long K, long N) { return ((K + 1) / 2) * N * 2; }

void ckiln_qgemm_pack_b(long K, long N, const int16_t *B, long ldb, int16_t *dst) {
    long pairs = (K + 1) / 2;
    for (long q = 0; q < pairs; q++) {
        const int16_t *r0 = B + (2 * q) * ldb;
        const int16_t *r1 = (2 * q + 1 < K) ? B + (2 * q + 1) * ldb : NULL;
        int16_t *d = dst + q * N * 2;
        for (long j = 0; j < N; j++) {
            d[2 * j] = r0[j];
            d[2 * j + 1] = r1 ? r1[j] : 0;
        }
    }
}

static void qgemm_scalar(long M, long N, long K, const int16_t *A, long lda, const int16_t *Bp,
                         int32_t *C, long ldc) {
    long pairs = (K + 1) / 2;
    for (long i = 0; i < M; i++) {
        uint32_t *c = (uint32_t *)(C + i * ldc);
        for (long j = 0; j < N; j++) c[j] = 0;
        const int16_t *a = A + i * lda;
        for (long q = 0; q < pairs; q++) {
            int32_t a0 = a[2 * q];
            int32_t a1 = (2 * q + 1 < K) ? a[2 * q + 1] : 0;
            if (a0 == 0 && a1 == 0) continue;
            const int16_t *b = Bp + q * N * 2;
            for (long j = 0; j < N; j++) {
                c[j] += (uint32_t)(a0 * (int32_t)b[2 * j]) + (uint32_t)(a1 * (int32_t)b[2 * j + 1]);
            }
        }
    }
}

#ifdef CKILN_X86
/// One row of A against column block [j0, j0 + 8*NV) of B, AVX2.
__attribute__((target("avx2"))) static void qgemm_avx2(long M, long N, long K, const int16_t *A,
                                                       long lda, const int16_t *Bp, int32_t *C,
                                                       long ldc) {
    long pairs = (K + 1) / 2;
    for (long i = 0; i < M; i++) {
        const int16_t *a = A + i * lda;
        int32_t *c = C + i * ldc;
        long j0 = 0;
        for (; j0 + 32 <= N; j0 += 32) {
            __m256i acc0 = _mm256_setzero_si256(), acc1 = _mm256_setzero_si256();
            __m256i acc2 = _mm256_setzero_si256(), acc3 = _mm256_setzero_si256();
            for (long q = 0; q < pairs; q++) {
                int32_t a0 = (uint16_t)a[2 * q];
                int32_t a1 = (2 * q + 1 < K) ? (uint16_t)a[2 * q + 1] : 0;
                __m256i av = _mm256_set1_epi32(a0 | (a1 << 16));
                const int16_t *b = Bp + q * N * 2 + 2 * j0;
                acc0 = _mm256_add_epi32(acc0, _mm256_madd_epi16(av, _mm256_loadu_si256((const __m256i *)(b))));
                acc1 = _mm256_add_epi32(acc1, _mm256_madd_epi16(av, _mm256_loadu_si256((const __m256i *)(b + 16))));
                acc2 = _mm256_add_epi32(acc2, _mm256_madd_epi16(av, _mm256_loadu_si256((const __m256i *)(b + 32))));
                acc3 = _mm256_add_epi32(acc3, _mm256_madd_epi16(av, _mm256_loadu_si256((const __m256i *)(b + 48))));
            }
            _mm256_storeu_si256((__m256i *)(c + j0), acc0);
            _mm256_storeu_si256((__m256i *)(c + j0 + 8), acc1);
            _mm256_storeu_si256((__m256i *)(c + j0 + 16), acc2);
            _mm256_storeu_si256((__m256i *)(c + j0 + 24), acc3);
        }
        for (; j0 + 8 <= N; j0 += 8) {
            __m256i acc = _mm256_setzero_si256();
            for (long q = 0; q < pairs; q++) {
                int32_t a0 = (uint16_t)a[2 * q];
                int32_t a1 = (2 * q + 1 < K) ? (uint16_t)a[2 * q + 1] : 0;
                __m256i av = _mm256_set1_epi32(a0 | (a1 << 16));
                const int16_t *b = Bp + q * N * 2 + 2 * j0;
                acc = _mm256_add_epi32(acc, _mm256_madd_epi16(av, _mm256_loadu_si256((const __m256i *)b)));
            }
            _mm256_storeu_si256((__m256i *)(c + j0), acc);
        }
        if (j0 < N) {
            uint32_t *cu = (uint32_t *)c;
            for (long j = j0; j < N; j++) cu[j] = 0;
            for (long q = 0; q < pairs; q++) {
                int32_t a0 = a[2 * q];
                int32_t a1 = (2 * q + 1 < K) ? a[2 * q + 1] : 0;
                const int16_t *b = Bp + q * N * 2;
                for (long j = j0; j < N; j++)
                    cu[j] += (uint32_t)(a0 * (int32_t)b[2 * j]) + (uint32_t)(a1 * (int32_t)b[2 * j + 1]);
            }
        }
    }
}

// AVX-512: blocks of up to 4 rows x 64 columns (16 accumulators); each packed B vector is
// loaded once per block and multiplied by the broadcast A pairs of all its rows.
#define QG_MR 4
__attribute__((target("avx512f,avx512bw"))) static void qgemm_avx512(long M, long N, long K,
                                                                      const int16_t *A, long lda,
                                                                      const int16_t *Bp,
                                                                      int32_t *C, long ldc) {
    long pairs = (K + 1) / 2;
    for (long i0 = 0; i0 < M; i0 += QG_MR) {
        int rows = (int)(M - i0 < QG_MR ? M - i0 : QG_MR);
        // A pairs of this row block, as 32-bit words (zero beyond K and beyond `rows`).
        long j0 = 0;
        for (; j0 + 64 <= N; j0 += 64) {
            __m512i acc[QG_MR][4];
            for (int r = 0; r < QG_MR; r++)
                for (int v = 0; v < 4; v++) acc[r][v] = _mm512_setzero_si512();
            for (long q = 0; q < pairs; q++) {
                const int16_t *b = Bp + q * N * 2 + 2 * j0;
                __m512i b0 = _mm512_loadu_si512((const void *)(b));
                __m512i b1 = _mm512_loadu_si512((const void *)(b + 32));
                __m512i b2 = _mm512_loadu_si512((const void *)(b + 64));
                __m512i b3 = _mm512_loadu_si512((const void *)(b + 96));
                for (int r = 0; r < rows; r++) {
                    const int16_t *a = A + (i0 + r) * lda;
                    int32_t a0 = (uint16_t)a[2 * q];
                    int32_t a1 = (2 * q + 1 < K) ? (uint16_t)a[2 * q + 1] : 0;
                    __m512i av = _mm512_set1_epi32(a0 | (a1 << 16));
                    acc[r][0] = _mm512_add_epi32(acc[r][0], _mm512_madd_epi16(av, b0));
                    acc[r][1] = _mm512_add_epi32(acc[r][1], _mm512_madd_epi16(av, b1));
                    acc[r][2] = _mm512_add_epi32(acc[r][2], _mm512_madd_epi16(av, b2));
                    acc[r][3] = _mm512_add_epi32(acc[r][3], _mm512_madd_epi16(av, b3));
                }
            }
            for (int r = 0; r < rows; r++) {
                int32_t *c = C + (i0 + r) * ldc + j0;
                for (int v = 0; v < 4; v++) _mm512_storeu_si512((void *)(c + 16 * v), acc[r][v]);
            }
        }
        for (; j0 + 16 <= N; j0 += 16) {
            __m512i acc[QG_MR];
            for (int r = 0; r < QG_MR; r++) acc[r] = _mm512_setzero_si512();
            for (long q = 0; q < pairs; q++) {
                __m512i b0 = _mm512_loadu_si512((const void *)(Bp + q * N * 2 + 2 * j0));
                for (int r = 0; r < rows; r++) {
                    const int16_t *a = A + (i0 + r) * lda;
                    int32_t a0 = (uint16_t)a[2 * q];
                    int32_t a1 = (2 * q + 1 < K) ? (uint16_t)a[2 * q + 1] : 0;
                    acc[r] = _mm512_add_epi32(
                        acc[r], _mm512_madd_epi16(_mm512_set1_epi32(a0 | (a1 << 16)), b0));
                }
            }
            for (int r = 0; r < rows; r++)
                _mm512_storeu_si512((void *)(C + (i0 + r) * ldc + j0), acc[r]);
        }
        if (j0 < N) {
            long rest = N - j0;
            for (int r = 0; r < rows; r++) {
                const int16_t *a = A + (i0 + r) * lda;
                uint32_t *cu = (uint32_t *)(C + (i0 + r) * ldc + j0);
                for (long j = 0; j < rest; j++) cu[j] = 0;
                for (long q = 0; q < pairs; q++) {
                    int32_t x0 = a[2 * q];
                    int32_t x1 = (2 * q + 1 < K) ? a[2 * q + 1] : 0;
                    const int16_t *b = Bp + q * N * 2 + 2 * j0;
                    for (long j = 0; j < rest; j++)
                        cu[j] += (uint32_t)(x0 * (int32_t)b[2 * j]) + (uint32_t)(x1 * (int32_t)b[2 * j + 1]);
                }
            }
        }
    }
}
#endif

void ckiln_qgemm_s16(int isa, long M, long N, long K, const int16_t *A, long lda,
                     const int16_t *Bpacked, int32_t *C, long ldc) {
    if (M <= 0 || N <= 0) return;
    if (K <= 0) {
        for (long i = 0; i < M; i++) memset(C + i * ldc, 0, (size_t)N * sizeof(int32_t));
        return;
    }
#ifdef CKILN_X86
    int best = ckiln_sgemm_best_isa();
    if (isa == CKILN_ISA_AUTO || isa > best) isa = best;
    if (isa == CKILN_ISA_AVX512 && __builtin_cpu_supports("avx512bw")) {
        qgemm_avx512(M, N, K, A, lda, Bpacked, C, ldc);
        return;
    }
    if (isa >= CKILN_ISA_AVX2) {
        qgemm_avx2(M, N, K, A, lda, Bpacked, C, ldc);
        return;
    }
#endif
    (void)isa;
    qgemm_scalar(M, N, K, A, lda, Bpacked, C, ldc);
}

// MARK: - uint8 x int8 GEMM with dot-product instructions (AVX-512 VNNI `vpdpbusd`)
//
// B is packed in panels of 16 columns; within a panel, for each group of four rows (4q .. 4q+3)
// the 16 columns' four int8 values are adjacent:
//     dst[p * (64 * quads + 64) + q * 64 + c * 4 + r] = B[4q + r][16p + c]   (zero elsewhere)
// so one `vpdpbusd` multiplies a broadcast quad of A bytes (unsigned) by a panel's 64 bytes
// (signed) and adds the four products into each column's 32-bit lane, and each panel is one
// contiguous stream. Panels are one cache line longer than their data (`qv_panel_bytes`), so
// the streams a kernel reads side by side do not alias in the L1 cache. The products are exact (the non-saturating form adds four 16-bit products
// into 32 bits), and zero points are folded in afterwards with row and column sums, so the
// result equals the int16 GEMM on the zero-point-subtracted operands modulo 2^32.

/// Bytes from one panel to the next.
static inline long qv_panel_bytes(long K) { return ((K + 3) / 4) * 64 + 64; }

long ckiln_qgemm_u8s8_packed_size(long K, long N) { return ((N + 15) / 16) * qv_panel_bytes(K); }

void ckiln_qgemm_u8s8_pack_b(long K, long N, const int8_t *B, long ldb, int8_t *dst) {
    long quads = (K + 3) / 4, panels = (N + 15) / 16;
    memset(dst, 0, (size_t)ckiln_qgemm_u8s8_packed_size(K, N));
    for (long p = 0; p < panels; p++)
        for (long q = 0; q < quads; q++) {
            int8_t *d = dst + p * qv_panel_bytes(K) + q * 64;
            for (long c = 0; c < 16; c++)
                for (long r = 0; r < 4; r++) {
                    long k = 4 * q + r, j = 16 * p + c;
                    d[c * 4 + r] = (k < K && j < N) ? B[k * ldb + j] : 0;
                }
        }
}

int ckiln_qgemm_u8s8_supported(void) {
#ifdef CKILN_X86
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512vnni");
#else
    return 0;
#endif
}

/// The four A bytes of quad q of a row (zero past K) as one little-endian word.
static inline uint32_t qv_quad(const uint8_t *a, long q, long K) {
    long k = 4 * q;
    uint32_t v = 0;
    if (k + 4 <= K) {
        memcpy(&v, a + k, 4);
        return v;
    }
    for (long r = 0; k + r < K; r++) v |= (uint32_t)a[k + r] << (8 * r);
    return v;
}

/// Raw sums C[i, j] = sum_k A[i, k] * B[k, j] (A unsigned, B signed) on the packed B.
static void qgemm_u8s8_raw_scalar(long M, long N, long K, const uint8_t *A, long lda,
                                  const int8_t *Bp, int32_t *C, long ldc) {
    long quads = (K + 3) / 4;
    for (long i = 0; i < M; i++) {
        uint32_t *c = (uint32_t *)(C + i * ldc);
        for (long j = 0; j < N; j++) {
            const int8_t *b = Bp + (j / 16) * qv_panel_bytes(K) + (j % 16) * 4;
            uint32_t s = 0;
            for (long q = 0; q < quads; q++) {
                uint32_t w = qv_quad(A + i * lda, q, K);
                for (int r = 0; r < 4; r++)
                    s += (uint32_t)((int32_t)((w >> (8 * r)) & 0xff) * b[q * 64 + r]);
            }
            c[j] = s;
        }
    }
}

#ifdef CKILN_X86
#define QV_TARGET __attribute__((target("avx512f,avx512bw,avx512vnni")))
#define QV_DOT(acc, a, b) acc = _mm512_dpbusd_epi32(acc, a, b)

/// One row against 8 panels (128 columns): eight independent accumulator chains.
static QV_TARGET void qv_1x8(long quads, long K, const uint8_t *a, const int8_t *b, long ps,
                             int32_t *c) {
    __m512i c0 = _mm512_setzero_si512(), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0,
            c7 = c0;
    for (long q = 0; q < quads; q++) {
        __m512i av = _mm512_set1_epi32((int)qv_quad(a, q, K));
        const int8_t *bq = b + q * 64;
        QV_DOT(c0, av, _mm512_loadu_si512((const void *)(bq)));
        QV_DOT(c1, av, _mm512_loadu_si512((const void *)(bq + ps)));
        QV_DOT(c2, av, _mm512_loadu_si512((const void *)(bq + 2 * ps)));
        QV_DOT(c3, av, _mm512_loadu_si512((const void *)(bq + 3 * ps)));
        QV_DOT(c4, av, _mm512_loadu_si512((const void *)(bq + 4 * ps)));
        QV_DOT(c5, av, _mm512_loadu_si512((const void *)(bq + 5 * ps)));
        QV_DOT(c6, av, _mm512_loadu_si512((const void *)(bq + 6 * ps)));
        QV_DOT(c7, av, _mm512_loadu_si512((const void *)(bq + 7 * ps)));
    }
    _mm512_storeu_si512((void *)(c), c0);
    _mm512_storeu_si512((void *)(c + 16), c1);
    _mm512_storeu_si512((void *)(c + 32), c2);
    _mm512_storeu_si512((void *)(c + 48), c3);
    _mm512_storeu_si512((void *)(c + 64), c4);
    _mm512_storeu_si512((void *)(c + 80), c5);
    _mm512_storeu_si512((void *)(c + 96), c6);
    _mm512_storeu_si512((void *)(c + 112), c7);
}

/// Four rows against 4 panels (64 columns): 16 accumulators, each B vector used four times.
static QV_TARGET void qv_4x4(long quads, long K, const uint8_t *a, long lda, const int8_t *b,
                             long ps, int32_t *c, long ldc) {
    __m512i z = _mm512_setzero_si512();
    __m512i c00 = z, c01 = z, c02 = z, c03 = z, c10 = z, c11 = z, c12 = z, c13 = z;
    __m512i c20 = z, c21 = z, c22 = z, c23 = z, c30 = z, c31 = z, c32 = z, c33 = z;
    for (long q = 0; q < quads; q++) {
        const int8_t *bq = b + q * 64;
        __m512i b0 = _mm512_loadu_si512((const void *)(bq));
        __m512i b1 = _mm512_loadu_si512((const void *)(bq + ps));
        __m512i b2 = _mm512_loadu_si512((const void *)(bq + 2 * ps));
        __m512i b3 = _mm512_loadu_si512((const void *)(bq + 3 * ps));
        __m512i av = _mm512_set1_epi32((int)qv_quad(a, q, K));
        QV_DOT(c00, av, b0); QV_DOT(c01, av, b1); QV_DOT(c02, av, b2); QV_DOT(c03, av, b3);
        av = _mm512_set1_epi32((int)qv_quad(a + lda, q, K));
        QV_DOT(c10, av, b0); QV_DOT(c11, av, b1); QV_DOT(c12, av, b2); QV_DOT(c13, av, b3);
        av = _mm512_set1_epi32((int)qv_quad(a + 2 * lda, q, K));
        QV_DOT(c20, av, b0); QV_DOT(c21, av, b1); QV_DOT(c22, av, b2); QV_DOT(c23, av, b3);
        av = _mm512_set1_epi32((int)qv_quad(a + 3 * lda, q, K));
        QV_DOT(c30, av, b0); QV_DOT(c31, av, b1); QV_DOT(c32, av, b2); QV_DOT(c33, av, b3);
    }
#define QV_ROW(r, x0, x1, x2, x3)                                                              \
    _mm512_storeu_si512((void *)(c + r * ldc), x0);                                            \
    _mm512_storeu_si512((void *)(c + r * ldc + 16), x1);                                       \
    _mm512_storeu_si512((void *)(c + r * ldc + 32), x2);                                       \
    _mm512_storeu_si512((void *)(c + r * ldc + 48), x3);
    QV_ROW(0, c00, c01, c02, c03)
    QV_ROW(1, c10, c11, c12, c13)
    QV_ROW(2, c20, c21, c22, c23)
    QV_ROW(3, c30, c31, c32, c33)
#undef QV_ROW
}

/// One row against one panel, storing the first `cols` columns.
static QV_TARGET void qv_1x1(long quads, long K, const uint8_t *a, const int8_t *b, int32_t *c,
                             long cols) {
    __m512i c0 = _mm512_setzero_si512(), c1 = c0;
    long q = 0;
    for (; q + 2 <= quads; q += 2) {
        QV_DOT(c0, _mm512_set1_epi32((int)qv_quad(a, q, K)),
               _mm512_loadu_si512((const void *)(b + q * 64)));
        QV_DOT(c1, _mm512_set1_epi32((int)qv_quad(a, q + 1, K)),
               _mm512_loadu_si512((const void *)(b + q * 64 + 64)));
    }
    if (q < quads)
        QV_DOT(c0, _mm512_set1_epi32((int)qv_quad(a, q, K)),
               _mm512_loadu_si512((const void *)(b + q * 64)));
    _mm512_mask_storeu_epi32(c, (__mmask16)((1u << cols) - 1), _mm512_add_epi32(c0, c1));
}

static QV_TARGET void qgemm_u8s8_vnni(long M, long N, long K, const uint8_t *A, long lda,
                                      const int8_t *Bp, int32_t *C, long ldc) {
    long quads = (K + 3) / 4;
    long ps = qv_panel_bytes(K);
    long fullPanels = N / 16;
    long i = 0;
    for (; i + 4 <= M; i += 4) {
        long p = 0;
        for (; p + 4 <= fullPanels; p += 4)
            qv_4x4(quads, K, A + i * lda, lda, Bp + p * ps, ps, C + i * ldc + 16 * p, ldc);
        for (long r = 0; r < 4; r++)
            for (long pp = p; pp * 16 < N; pp++) {
                long cols = N - 16 * pp < 16 ? N - 16 * pp : 16;
                qv_1x1(quads, K, A + (i + r) * lda, Bp + pp * ps, C + (i + r) * ldc + 16 * pp,
                       cols);
            }
    }
    for (; i < M; i++) {
        long p = 0;
        for (; p + 8 <= fullPanels; p += 8)
            qv_1x8(quads, K, A + i * lda, Bp + p * ps, ps, C + i * ldc + 16 * p);
        for (; p * 16 < N; p++) {
            long cols = N - 16 * p < 16 ? N - 16 * p : 16;
            qv_1x1(quads, K, A + i * lda, Bp + p * ps, C + i * ldc + 16 * p, cols);
        }
    }
}
#endif

void ckiln_qgemm_u8s8(int isa, long M, long N, long K, const uint8_t *A, long lda, int32_t aZero,
                      const int8_t *Bpacked, const int32_t *colOffset, const int32_t *colSum,
                      int32_t *C, long ldc) {
    if (M <= 0 || N <= 0) return;
#ifdef CKILN_X86
    int vnni = isa != CKILN_ISA_SCALAR && isa != CKILN_ISA_AVX2 && ckiln_qgemm_u8s8_supported();
    if (vnni) {
        qgemm_u8s8_vnni(M, N, K, A, lda, Bpacked, C, ldc);
    } else
#endif
    {
        (void)isa;
        qgemm_u8s8_raw_scalar(M, N, K, A, lda, Bpacked, C, ldc);
    }
    // sum_k (a - za)(b + o) = sum ab + o * sum a - za * sum b - K * za * o, modulo 2^32.
    uint32_t za = (uint32_t)aZero;
    for (long i = 0; i < M; i++) {
        uint32_t rowSum = 0;
        const uint8_t *a = A + i * lda;
        for (long k = 0; k < K; k++) rowSum += a[k];
        uint32_t *c = (uint32_t *)(C + i * ldc);
        for (long j = 0; j < N; j++) {
            uint32_t o = (uint32_t)colOffset[j];
            c[j] += o * rowSum - za * (uint32_t)colSum[j] - (uint32_t)K * za * o;
        }
    }
}

// MARK: - Dynamic uint8 quantization (onnxruntime's parameters)

#ifdef CKILN_X86
__attribute__((target("avx512f,avx512bw"))) static void qv_range(const float *x, long n,
                                                                  float *lo, float *hi) {
    // MINPS/MAXPS return the second operand when either is NaN, so NaNs are skipped, and
    // the accumulators start at 0 (the range always includes 0), as in the Swift definition.
    __m512 vlo = _mm512_setzero_ps(), vhi = _mm512_setzero_ps();
    long i = 0;
    for (; i + 16 <= n; i += 16) {
        __m512 v = _mm512_loadu_ps(x + i);
        vlo = _mm512_min_ps(v, vlo);
        vhi = _mm512_max_ps(v, vhi);
    }
    if (i < n) {
        __mmask16 m = (__mmask16)((1u << (n - i)) - 1);
        __m512 v = _mm512_maskz_loadu_ps(m, x + i);
        vlo = _mm512_min_ps(v, vlo);
        vhi = _mm512_max_ps(v, vhi);
    }
    *lo = _mm512_reduce_min_ps(vlo);
    *hi = _mm512_reduce_max_ps(vhi);
}

__attribute__((target("avx512f,avx512bw"))) static void qv_quantize(const float *x, long n,
                                                                     float scale, float zf,
                                                                     uint8_t *q) {
    __m512 vs = _mm512_set1_ps(scale), vz = _mm512_set1_ps(zf);
    __m512 v0 = _mm512_setzero_ps(), v255 = _mm512_set1_ps(255.0f);
    for (long i = 0; i < n; i += 16) {
        __mmask16 m = n - i >= 16 ? (__mmask16)0xffff : (__mmask16)((1u << (n - i)) - 1);
        __m512 v = _mm512_maskz_loadu_ps(m, x + i);
        __m512 r = _mm512_add_ps(
            _mm512_roundscale_ps(_mm512_div_ps(v, vs), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC),
            vz);
        __mmask16 nan = _mm512_cmp_ps_mask(r, r, _CMP_UNORD_Q);
        r = _mm512_min_ps(_mm512_max_ps(r, v0), v255);
        r = _mm512_mask_mov_ps(r, nan, vz);
        _mm512_mask_cvtepi32_storeu_epi8(q + i, m, _mm512_cvttps_epi32(r));
    }
}
#endif

int32_t ckiln_quantize_u8_dynamic(int isa, const float *x, long n, float *scale, uint8_t *q) {
    float lo = 0, hi = 0;
#ifdef CKILN_X86
    int vec = isa != CKILN_ISA_SCALAR && isa != CKILN_ISA_AVX2 &&
              ckiln_sgemm_best_isa() == CKILN_ISA_AVX512 && __builtin_cpu_supports("avx512bw");
    if (vec) qv_range(x, n, &lo, &hi);
    else
#else
    int vec = 0;
#endif
        for (long i = 0; i < n; i++) {
            float v = x[i];
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
    float s = hi == lo ? 1.0f : (hi - lo) / 255.0f;
    float t = 0 - lo / s;
    t = 0 >= t ? 0 : t; // NaN (an infinite range) ends at 0
    t = 255 < t ? 255 : t;
    float zf = nearbyintf(t);
    *scale = s;
#ifdef CKILN_X86
    if (vec) {
        qv_quantize(x, n, s, zf, q);
        return (int32_t)zf;
    }
#endif
    for (long i = 0; i < n; i++) {
        float r = nearbyintf(x[i] / s) + zf;
        if (r != r) r = zf;
        r = r < 0 ? 0 : r;
        r = r > 255 ? 255 : r;
        q[i] = (uint8_t)r;
    }
    return (int32_t)zf;
}

// Packed, register-blocked single-precision GEMM (the BLIS/GotoBLAS scheme).
//
//   for jc in N step NC:                       B block  (KC x NC)  packed once, lives in L3
//     for pc in K step KC:
//       pack B[pc:pc+KC, jc:jc+NC] into NR-wide column panels
//       for ic in M step MC:                   A block  (MC x KC)  packed, lives in L2
//         pack alpha * A[ic:ic+MC, pc:pc+KC] into MR-tall row panels
//         for jr in NC step NR:                B micro-panel (KC x NR) stays in L1
//           for ir in MC step MR:
//             C[ir:ir+MR, jr:jr+NR] += Apanel * Bpanel     (micro-kernel, all in registers)
//
// Panels are zero-padded to full MR/NR so the micro-kernel has no edge cases; partial tiles of
// C are computed into a small buffer and added. beta is applied to C once before the K loop.

#include "CKilnKernels.h"

#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#define CKILN_X86 1
#include <immintrin.h>
#endif

#define KC_BLOCK 256
#define MC_BLOCK 168  // a multiple of 14 and 6
#define NC_BLOCK 2048 // a multiple of 32 and 16
#ifndef DIRECT_B_MAX_M
// Reading B in place for small M (instead of packing it) measured mixed on Zen 4: faster for
// some widths, much slower for others (L1 set conflicts from the row stride). Off by default.
#define DIRECT_B_MAX_M 0
#endif
#define MAX_TILE (14 * 32) // largest MR * NR of any micro-kernel

/// C[MR x NR] += Apanel (k-major, MR per k) * B (NR per k, rows `ldb` apart).
typedef void (*micro_kernel_fn)(long kc, const float *a, const float *b, long ldb, float *c,
                                long ldc);

// MARK: - Portable micro-kernel (4 x 16)

#define SC_MR 4
#define SC_NR 16

static void kernel_scalar(long kc, const float *a, const float *b, long ldb, float *c,
                          long ldc) {
    float acc[SC_MR][SC_NR];
    memset(acc, 0, sizeof acc);
    for (long p = 0; p < kc; p++) {
        const float *bp = b + p * ldb;
        const float *ap = a + p * SC_MR;
        for (int i = 0; i < SC_MR; i++) {
            float av = ap[i];
            for (int j = 0; j < SC_NR; j++) acc[i][j] += av * bp[j];
        }
    }
    for (int i = 0; i < SC_MR; i++)
        for (int j = 0; j < SC_NR; j++) c[i * ldc + j] += acc[i][j];
}

#ifdef CKILN_X86

// MARK: - AVX2 + FMA micro-kernel (6 x 16)

#define AVX2_MR 6
#define AVX2_NR 16

__attribute__((target("avx2,fma"))) static void kernel_avx2(long kc, const float *a,
                                                             const float *b, long ldb,
                                                             float *c, long ldc) {
    __m256 c00 = _mm256_setzero_ps(), c01 = _mm256_setzero_ps();
    __m256 c10 = _mm256_setzero_ps(), c11 = _mm256_setzero_ps();
    __m256 c20 = _mm256_setzero_ps(), c21 = _mm256_setzero_ps();
    __m256 c30 = _mm256_setzero_ps(), c31 = _mm256_setzero_ps();
    __m256 c40 = _mm256_setzero_ps(), c41 = _mm256_setzero_ps();
    __m256 c50 = _mm256_setzero_ps(), c51 = _mm256_setzero_ps();
    for (long p = 0; p < kc; p++) {
        __m256 b0 = _mm256_loadu_ps(b), b1 = _mm256_loadu_ps(b + 8);
        __m256 av;
#define AVX2_ROW(i)                                                                             \
    av = _mm256_broadcast_ss(a + i);                                                            \
    c##i##0 = _mm256_fmadd_ps(av, b0, c##i##0);                                                 \
    c##i##1 = _mm256_fmadd_ps(av, b1, c##i##1);
        AVX2_ROW(0) AVX2_ROW(1) AVX2_ROW(2) AVX2_ROW(3) AVX2_ROW(4) AVX2_ROW(5)
#undef AVX2_ROW
        a += AVX2_MR;
        b += ldb;
    }
#define AVX2_STORE(i)                                                                           \
    _mm256_storeu_ps(c + i * ldc, _mm256_add_ps(_mm256_loadu_ps(c + i * ldc), c##i##0));        \
    _mm256_storeu_ps(c + i * ldc + 8, _mm256_add_ps(_mm256_loadu_ps(c + i * ldc + 8), c##i##1));
    AVX2_STORE(0) AVX2_STORE(1) AVX2_STORE(2) AVX2_STORE(3) AVX2_STORE(4) AVX2_STORE(5)
#undef AVX2_STORE
}

// MARK: - AVX-512F micro-kernel (14 x 32)

#define AVX512_MR 14
#define AVX512_NR 32

__attribute__((target("avx512f,fma"))) static void kernel_avx512(long kc, const float *a,
                                                                 const float *b, long ldb,
                                                                 float *c, long ldc) {
#define Z(i) __m512 c##i##0 = _mm512_setzero_ps(), c##i##1 = _mm512_setzero_ps();
    Z(0) Z(1) Z(2) Z(3) Z(4) Z(5) Z(6) Z(7) Z(8) Z(9) Z(10) Z(11) Z(12) Z(13)
#undef Z
    for (long p = 0; p < kc; p++) {
        __m512 b0 = _mm512_loadu_ps(b), b1 = _mm512_loadu_ps(b + 16);
        __m512 av;
#define ROW(i)                                                                                  \
    av = _mm512_set1_ps(a[i]);                                                                  \
    c##i##0 = _mm512_fmadd_ps(av, b0, c##i##0);                                                 \
    c##i##1 = _mm512_fmadd_ps(av, b1, c##i##1);
        ROW(0) ROW(1) ROW(2) ROW(3) ROW(4) ROW(5) ROW(6)
        ROW(7) ROW(8) ROW(9) ROW(10) ROW(11) ROW(12) ROW(13)
#undef ROW
        a += AVX512_MR;
        b += ldb;
    }
#define ST(i)                                                                                   \
    _mm512_storeu_ps(c + i * ldc, _mm512_add_ps(_mm512_loadu_ps(c + i * ldc), c##i##0));        \
    _mm512_storeu_ps(c + i * ldc + 16, _mm512_add_ps(_mm512_loadu_ps(c + i * ldc + 16), c##i##1));
    ST(0) ST(1) ST(2) ST(3) ST(4) ST(5) ST(6) ST(7) ST(8) ST(9) ST(10) ST(11) ST(12) ST(13)
#undef ST
}

/// Edge tiles of the AVX-512 path: `R` (< 14) rows of the packed A panel, and 16 or 32 columns
/// (`W` vectors) written to C through column masks, so a partial tile costs in proportion to its
/// size instead of a full 14 x 32 tile. Per element the sums are those of `kernel_avx512` (the
/// same FMA chain over k, then added to C), so results do not depend on where a tile is cut.
__attribute__((target("avx512f,fma"), always_inline)) static inline void
edge_avx512(const int R, const int W, long kc, const float *a, const float *b, long ldb,
            float *c, long ldc, __mmask16 m0, __mmask16 m1) {
    __m512 acc0[AVX512_MR], acc1[AVX512_MR];
#pragma clang loop unroll(full)
    for (int i = 0; i < R; i++) {
        acc0[i] = _mm512_setzero_ps();
        acc1[i] = _mm512_setzero_ps();
    }
    for (long p = 0; p < kc; p++) {
        __m512 b0 = _mm512_loadu_ps(b);
        __m512 b1 = W == 2 ? _mm512_loadu_ps(b + 16) : b0;
#pragma clang loop unroll(full)
        for (int i = 0; i < R; i++) {
            __m512 av = _mm512_set1_ps(a[i]);
            acc0[i] = _mm512_fmadd_ps(av, b0, acc0[i]);
            if (W == 2) acc1[i] = _mm512_fmadd_ps(av, b1, acc1[i]);
        }
        a += AVX512_MR;
        b += ldb;
    }
#pragma clang loop unroll(full)
    for (int i = 0; i < R; i++) {
        float *ci = c + i * ldc;
        _mm512_mask_storeu_ps(ci, m0, _mm512_add_ps(_mm512_maskz_loadu_ps(m0, ci), acc0[i]));
        if (W == 2)
            _mm512_mask_storeu_ps(ci + 16, m1,
                                  _mm512_add_ps(_mm512_maskz_loadu_ps(m1, ci + 16), acc1[i]));
    }
}

typedef void (*edge_kernel_fn)(long kc, const float *a, const float *b, long ldb, float *c,
                               long ldc, __mmask16 m0, __mmask16 m1);

#define EDGE(R, W)                                                                              \
    __attribute__((target("avx512f,fma"))) static void edge_avx512_##R##_##W(                   \
        long kc, const float *a, const float *b, long ldb, float *c, long ldc, __mmask16 m0,    \
        __mmask16 m1) {                                                                         \
        edge_avx512(R, W, kc, a, b, ldb, c, ldc, m0, m1);                                       \
    }
#define EDGE_ROWS(R) EDGE(R, 1) EDGE(R, 2)
EDGE_ROWS(1) EDGE_ROWS(2) EDGE_ROWS(3) EDGE_ROWS(4) EDGE_ROWS(5) EDGE_ROWS(6) EDGE_ROWS(7)
EDGE_ROWS(8) EDGE_ROWS(9) EDGE_ROWS(10) EDGE_ROWS(11) EDGE_ROWS(12) EDGE_ROWS(13)
EDGE_ROWS(14)
#undef EDGE_ROWS
#undef EDGE

#define EDGE_PAIR(R) {edge_avx512_##R##_1, edge_avx512_##R##_2}
static const edge_kernel_fn edgeKernels[AVX512_MR][2] = {
    EDGE_PAIR(1),  EDGE_PAIR(2),  EDGE_PAIR(3),  EDGE_PAIR(4),  EDGE_PAIR(5),
    EDGE_PAIR(6),  EDGE_PAIR(7),  EDGE_PAIR(8),  EDGE_PAIR(9),  EDGE_PAIR(10),
    EDGE_PAIR(11), EDGE_PAIR(12), EDGE_PAIR(13), EDGE_PAIR(14),
};
#undef EDGE_PAIR

/// A partial AVX-512 tile of `rows` x `cols` (rows <= 14, cols <= 32) added into C.
static void edge_tile_avx512(long kc, const float *a, const float *b, long ldb, float *c,
                             long ldc, long rows, long cols) {
    __mmask16 m0 = cols >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << cols) - 1);
    __mmask16 m1 = cols >= 32 ? (__mmask16)0xFFFF
                   : cols > 16 ? (__mmask16)((1u << (cols - 16)) - 1)
                               : (__mmask16)0;
    edgeKernels[rows - 1][cols > 16 ? 1 : 0](kc, a, b, ldb, c, ldc, m0, m1);
}

#endif // CKILN_X86

// MARK: - Dispatch

int ckiln_sgemm_best_isa(void) {
#ifdef CKILN_X86
    static int cached = 0;
    // Relaxed atomics: threads may race to fill the cache, and every one computes the same
    // value, but a plain int would still be a data race (ThreadSanitizer reports it).
    int seen = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (seen) return seen;
    __builtin_cpu_init();
    int isa = CKILN_ISA_SCALAR;
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma"))
        isa = CKILN_ISA_AVX512;
    else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        isa = CKILN_ISA_AVX2;
    __atomic_store_n(&cached, isa, __ATOMIC_RELAXED);
    return isa;
#else
    return CKILN_ISA_SCALAR;
#endif
}

static int resolve_isa(int isa) {
    int best = ckiln_sgemm_best_isa();
    if (isa == CKILN_ISA_AUTO || isa > best) return best;
    return isa;
}

// MARK: - Packing

/// Packs alpha * op(A)[i0:i0+mc, p0:p0+kc] into row panels of `mr` rows, k-major, zero-padded.
static void pack_a(int transA, const float *A, long lda, long i0, long p0, long mc, long kc,
                   int mr, float alpha, float *dst) {
    for (long ir = 0; ir < mc; ir += mr) {
        long rows = mc - ir < mr ? mc - ir : mr;
        if (!transA) {
            // Row by row: contiguous reads, stores `mr` apart (cheaper than 14 read streams).
            for (long r = 0; r < rows; r++) {
                const float *src = A + (i0 + ir + r) * lda + p0;
                float *d = dst + r;
                if (alpha == 1.0f) {
                    for (long p = 0; p < kc; p++) d[p * mr] = src[p];
                } else {
                    for (long p = 0; p < kc; p++) d[p * mr] = alpha * src[p];
                }
            }
        } else {
            for (long p = 0; p < kc; p++) {
                const float *src = A + (p0 + p) * lda + i0 + ir;
                for (long r = 0; r < rows; r++) dst[p * mr + r] = alpha * src[r];
            }
        }
        if (rows < mr)
            for (long p = 0; p < kc; p++)
                for (long r = rows; r < mr; r++) dst[p * mr + r] = 0.0f;
        dst += kc * mr;
    }
}

/// Packs op(B)[p0:p0+kc, j0:j0+nc] into column panels of `nr` columns, k-major, zero-padded.
static void pack_b(int transB, const float *B, long ldb, long p0, long j0, long kc, long nc,
                   int nr, float *dst) {
    for (long jr = 0; jr < nc; jr += nr) {
        long cols = nc - jr < nr ? nc - jr : nr;
        if (!transB) {
            for (long p = 0; p < kc; p++) {
                const float *src = B + (p0 + p) * ldb + j0 + jr;
                float *d = dst + p * nr;
                memcpy(d, src, (size_t)cols * sizeof(float));
                for (long j = cols; j < nr; j++) d[j] = 0.0f;
            }
        } else {
            for (long j = 0; j < cols; j++) {
                const float *src = B + (j0 + jr + j) * ldb + p0;
                for (long p = 0; p < kc; p++) dst[p * nr + j] = src[p];
            }
            if (cols < nr)
                for (long p = 0; p < kc; p++)
                    for (long j = cols; j < nr; j++) dst[p * nr + j] = 0.0f;
        }
        dst += kc * nr;
    }
}


// MARK: - Row-vector case (M == 1)

/// y[0:n] += sum_k x[k] * B(k, :) with B row-major (rows of n), or, transposed, y[j] += dot(x, B[j]).
static void gemv_scalar(int transB, long n, long k, const float *x, const float *B, long ldb,
                        float *y) {
    if (!transB) {
        for (long p = 0; p < k; p++) {
            float xv = x[p];
            const float *row = B + p * ldb;
            for (long j = 0; j < n; j++) y[j] += xv * row[j];
        }
    } else {
        for (long j = 0; j < n; j++) {
            const float *row = B + j * ldb;
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            long p = 0;
            for (; p + 4 <= k; p += 4) {
                s0 += x[p] * row[p];
                s1 += x[p + 1] * row[p + 1];
                s2 += x[p + 2] * row[p + 2];
                s3 += x[p + 3] * row[p + 3];
            }
            for (; p < k; p++) s0 += x[p] * row[p];
            y[j] += (s0 + s1) + (s2 + s3);
        }
    }
}

#ifdef CKILN_X86
__attribute__((target("avx512f,fma"))) static void gemv_avx512(int transB, long n, long k,
                                                               const float *x, const float *B,
                                                               long ldb, float *y) {
    if (!transB) {
        // Four rows of B per pass over y halve the y traffic.
        long p = 0;
        for (; p + 4 <= k; p += 4) {
            __m512 x0 = _mm512_set1_ps(x[p]), x1 = _mm512_set1_ps(x[p + 1]);
            __m512 x2 = _mm512_set1_ps(x[p + 2]), x3 = _mm512_set1_ps(x[p + 3]);
            const float *r0 = B + p * ldb, *r1 = r0 + ldb, *r2 = r1 + ldb, *r3 = r2 + ldb;
            long j = 0;
            for (; j + 16 <= n; j += 16) {
                __m512 acc = _mm512_loadu_ps(y + j);
                acc = _mm512_fmadd_ps(x0, _mm512_loadu_ps(r0 + j), acc);
                acc = _mm512_fmadd_ps(x1, _mm512_loadu_ps(r1 + j), acc);
                acc = _mm512_fmadd_ps(x2, _mm512_loadu_ps(r2 + j), acc);
                acc = _mm512_fmadd_ps(x3, _mm512_loadu_ps(r3 + j), acc);
                _mm512_storeu_ps(y + j, acc);
            }
            for (; j < n; j++)
                y[j] += x[p] * r0[j] + x[p + 1] * r1[j] + x[p + 2] * r2[j] + x[p + 3] * r3[j];
        }
        for (; p < k; p++) {
            __m512 xv = _mm512_set1_ps(x[p]);
            const float *row = B + p * ldb;
            long j = 0;
            for (; j + 16 <= n; j += 16)
                _mm512_storeu_ps(y + j, _mm512_fmadd_ps(xv, _mm512_loadu_ps(row + j),
                                                        _mm512_loadu_ps(y + j)));
            for (; j < n; j++) y[j] += x[p] * row[j];
        }
    } else {
        // Four rows of B per pass: eight independent accumulator chains, x loaded once for all.
        long j = 0;
        for (; j + 4 <= n; j += 4) {
            const float *r0 = B + j * ldb, *r1 = r0 + ldb, *r2 = r1 + ldb, *r3 = r2 + ldb;
            __m512 a0 = _mm512_setzero_ps(), a1 = _mm512_setzero_ps();
            __m512 a2 = _mm512_setzero_ps(), a3 = _mm512_setzero_ps();
            long p = 0;
            for (; p + 16 <= k; p += 16) {
                __m512 xv = _mm512_loadu_ps(x + p);
                a0 = _mm512_fmadd_ps(xv, _mm512_loadu_ps(r0 + p), a0);
                a1 = _mm512_fmadd_ps(xv, _mm512_loadu_ps(r1 + p), a1);
                a2 = _mm512_fmadd_ps(xv, _mm512_loadu_ps(r2 + p), a2);
                a3 = _mm512_fmadd_ps(xv, _mm512_loadu_ps(r3 + p), a3);
            }
            if (p < k) {
                __mmask16 m = (__mmask16)((1u << (k - p)) - 1);
                __m512 xv = _mm512_maskz_loadu_ps(m, x + p);
                a0 = _mm512_fmadd_ps(xv, _mm512_maskz_loadu_ps(m, r0 + p), a0);
                a1 = _mm512_fmadd_ps(xv, _mm512_maskz_loadu_ps(m, r1 + p), a1);
                a2 = _mm512_fmadd_ps(xv, _mm512_maskz_loadu_ps(m, r2 + p), a2);
                a3 = _mm512_fmadd_ps(xv, _mm512_maskz_loadu_ps(m, r3 + p), a3);
            }
            y[j] += _mm512_reduce_add_ps(a0);
            y[j + 1] += _mm512_reduce_add_ps(a1);
            y[j + 2] += _mm512_reduce_add_ps(a2);
            y[j + 3] += _mm512_reduce_add_ps(a3);
        }
        for (; j < n; j++) {
            const float *row = B + j * ldb;
            __m512 a0 = _mm512_setzero_ps(), a1 = _mm512_setzero_ps();
            long p = 0;
            for (; p + 32 <= k; p += 32) {
                a0 = _mm512_fmadd_ps(_mm512_loadu_ps(x + p), _mm512_loadu_ps(row + p), a0);
                a1 = _mm512_fmadd_ps(_mm512_loadu_ps(x + p + 16), _mm512_loadu_ps(row + p + 16),
                                     a1);
            }
            float s = _mm512_reduce_add_ps(_mm512_add_ps(a0, a1));
            for (; p < k; p++) s += x[p] * row[p];
            y[j] += s;
        }
    }
}
#endif

// MARK: - Driver

/// Per-thread packing buffers, grown on demand and kept: many convolutions are small, and a
/// malloc/free pair per call (often mmap/munmap for the B panel) costs more than the packing.
static _Thread_local float *tlsBuf[2];
static _Thread_local size_t tlsCap[2];

static float *scratch(int which, size_t floats) {
    if (tlsCap[which] < floats) {
        free(tlsBuf[which]);
        size_t bytes = (floats * sizeof(float) + 63) / 64 * 64;
        tlsBuf[which] = (float *)aligned_alloc(64, bytes);
        tlsCap[which] = tlsBuf[which] ? floats : 0;
    }
    return tlsBuf[which];
}

/// Where the GEMM's B comes from: a row-major (or transposed) matrix, or, when `geom` is set,
/// the im2col unfolding of one image group `x` (2-D plane geometry: ih, iw, oh, ow, kh, kw,
/// sh, sw, dh, dw, ph, pw), packed straight into B panels without materializing the columns.
typedef struct {
    int transB;
    const float *B;
    long ldb;
    const float *x;
    const long *geom;
    long colBase; ///< absolute output position of column 0 (conv source)
} b_source;

/// Writes unfolded values for output columns [a, b) of one output row into `d`: zero for
/// columns outside [lo, hi) (their tap falls left or right of the image), else srow[o * sw].
static inline void conv_row_piece(const float *restrict srow, long sw, long lo, long hi, long a,
                                  long b, float *restrict d) {
    long s0 = lo < a ? a : (lo > b ? b : lo);
    long s1 = hi < s0 ? s0 : (hi > b ? b : hi);
    for (long o = a; o < s0; o++) d[o - a] = 0.0f;
    if (sw == 1) {
        const float *restrict s = srow + s0;
        float *restrict dd = d + (s0 - a);
        for (long e = 0; e < s1 - s0; e++) dd[e] = s[e];
    } else {
        for (long o = s0; o < s1; o++) d[o - a] = srow[o * sw];
    }
    for (long o = s1; o < b; o++) d[o - a] = 0.0f;
}

/// Packs rows p0..p0+kc, columns j0..j0+nc of im2col(x) into `nr`-wide column panels, k-major,
/// zero-padded (the layout of `pack_b`), walking each unfolded row once along the output rows.
static void pack_b_conv(const b_source *src, long p0, long j0, long kc, long nc, int nr,
                        float *dst) {
    const long *g = src->geom;
    long ih = g[0], iw = g[1], ow = g[3], kh = g[4], kw = g[5];
    long sh = g[6], sw = g[7], dh = g[8], dw = g[9], ph = g[10], pw = g[11];
    long taps = kh * kw;
    long panelStride = kc * nr;
    long abs0 = src->colBase + j0;
    long oy0 = abs0 / ow, ox0 = abs0 % ow;
    long c = p0 / taps, t = p0 % taps;
    long ky = t / kw, kx = t % kw;
    for (long p = 0; p < kc; p++) {
        const float *img = src->x + c * ih * iw;
        long off = kx * dw - pw;
        // Output columns whose input column is inside the image: [lo, hi).
        long lo = off < 0 ? (-off + sw - 1) / sw : 0;
        long lim = iw - 1 - off;
        long hi = lim < 0 ? 0 : lim / sw + 1;
        float *pd = dst + p * nr;
        long poff = 0;
        long oy = oy0, ox = ox0, j = 0;
        while (j < nc) {
            long run = ow - ox < nc - j ? ow - ox : nc - j;
            long iy = oy * sh - ph + ky * dh;
            int inside = iy >= 0 && iy < ih;
            const float *srow = img + (inside ? iy * iw + off : 0);
            long end = ox + run;
            while (ox < end) {
                long len = nr - poff < end - ox ? nr - poff : end - ox;
                float *d = pd + poff;
                if (inside) {
                    conv_row_piece(srow, sw, lo, hi, ox, ox + len, d);
                } else {
                    for (long e = 0; e < len; e++) d[e] = 0.0f;
                }
                ox += len;
                poff += len;
                if (poff == nr) {
                    poff = 0;
                    pd += panelStride;
                }
            }
            j += run;
            ox = 0;
            oy++;
        }
        if (poff)
            for (long e = poff; e < nr; e++) pd[e] = 0.0f;
        if (++kx == kw) {
            kx = 0;
            if (++ky == kh) {
                ky = 0;
                c++;
            }
        }
    }
}

/// The blocked loops. With `init`, C is not read: the first K block stores `rowBias[i]` (or
/// 0) into each tile just before the micro-kernel adds to it, so no separate pass clears C and
/// every element is bias + (sum of products), as after a fill and a beta = 1 GEMM.
static void sgemm_blocked(int path, int transA, long M, long N, long K, float alpha,
                          const float *A, long lda, const b_source *bs, const float *rowBias,
                          int init, float *C, long ldc) {
    micro_kernel_fn kernel = kernel_scalar;
    int mr = SC_MR, nr = SC_NR;
    switch (path) {
#ifdef CKILN_X86
    case CKILN_ISA_AVX512:
        kernel = kernel_avx512;
        mr = AVX512_MR;
        nr = AVX512_NR;
        break;
    case CKILN_ISA_AVX2:
        kernel = kernel_avx2;
        mr = AVX2_MR;
        nr = AVX2_NR;
        break;
#endif
    default:
        break;
    }

    long kcMax = K < KC_BLOCK ? K : KC_BLOCK;
    long mcMax = M < MC_BLOCK ? M : MC_BLOCK;
    long ncMax = N < NC_BLOCK ? N : NC_BLOCK;
    long mcPad = (mcMax + mr - 1) / mr * mr;
    long ncPad = (ncMax + nr - 1) / nr * nr;
    float *packA = scratch(0, (size_t)mcPad * kcMax);
    float *packB = scratch(1, (size_t)ncPad * kcMax);
    float tile[MAX_TILE];
    if (!packA || !packB) { // out of memory: leave the plain triple loop to do the work
        for (long i = 0; i < M; i++) {
            if (init)
                for (long j = 0; j < N; j++) C[i * ldc + j] = rowBias ? rowBias[i] : 0.0f;
            for (long p = 0; p < K; p++) {
                float av = alpha * (transA ? A[p * lda + i] : A[i * lda + p]);
                for (long j = 0; j < N; j++) {
                    float bv;
                    if (bs->geom) {
                        const long *g = bs->geom;
                        long taps = g[4] * g[5], t = p % taps, pos = bs->colBase + j;
                        long iy = pos / g[3] * g[6] - g[10] + t / g[5] * g[8];
                        long ix = pos % g[3] * g[7] - g[11] + t % g[5] * g[9];
                        int in = iy >= 0 && iy < g[0] && ix >= 0 && ix < g[1];
                        bv = in ? bs->x[(p / taps * g[0] + iy) * g[1] + ix] : 0.0f;
                    } else {
                        bv = bs->transB ? bs->B[j * bs->ldb + p] : bs->B[p * bs->ldb + j];
                    }
                    C[i * ldc + j] += av * bv;
                }
            }
        }
        return;
    }

    // With few rows of A, packing B would cost about as much as using it (1/M of the work):
    // full-width panels of a row-major B are then read in place.
    int directB = !bs->geom && !bs->transB && M <= DIRECT_B_MAX_M;
    for (long jc = 0; jc < N; jc += NC_BLOCK) {
        long nc = N - jc < NC_BLOCK ? N - jc : NC_BLOCK;
        for (long pc = 0; pc < K; pc += KC_BLOCK) {
            long kc = K - pc < KC_BLOCK ? K - pc : KC_BLOCK;
            long fullCols = directB ? nc / nr * nr : 0;
            if (bs->geom)
                pack_b_conv(bs, pc, jc, kc, nc, nr, packB);
            else if (fullCols < nc)
                pack_b(bs->transB, bs->B, bs->ldb, pc, jc + fullCols, kc, nc - fullCols, nr,
                       packB);
            int first = init && pc == 0;
            for (long ic = 0; ic < M; ic += MC_BLOCK) {
                long mc = M - ic < MC_BLOCK ? M - ic : MC_BLOCK;
                pack_a(transA, A, lda, ic, pc, mc, kc, mr, alpha, packA);
                for (long jr = 0; jr < nc; jr += nr) {
                    long cols = nc - jr < nr ? nc - jr : nr;
                    const float *bp;
                    long bStride;
                    if (jr < fullCols) {
                        bp = bs->B + pc * bs->ldb + jc + jr;
                        bStride = bs->ldb;
                    } else {
                        bp = packB + ((jr - fullCols) / nr) * kc * nr;
                        bStride = nr;
                    }
                    for (long ir = 0; ir < mc; ir += mr) {
                        long rows = mc - ir < mr ? mc - ir : mr;
                        const float *ap = packA + (ir / mr) * kc * mr;
                        float *cp = C + (ic + ir) * ldc + jc + jr;
                        if (first) {
                            for (long i = 0; i < rows; i++) {
                                float v = rowBias ? rowBias[ic + ir + i] : 0.0f;
                                for (long j = 0; j < cols; j++) cp[i * ldc + j] = v;
                            }
                        }
                        if (rows == mr && cols == nr) {
                            kernel(kc, ap, bp, bStride, cp, ldc);
#ifdef CKILN_X86
                        } else if (kernel == kernel_avx512) {
                            edge_tile_avx512(kc, ap, bp, bStride, cp, ldc, rows, cols);
#endif
                        } else {
                            memset(tile, 0, (size_t)mr * nr * sizeof(float));
                            kernel(kc, ap, bp, bStride, tile, nr);
                            for (long i = 0; i < rows; i++)
                                for (long j = 0; j < cols; j++) cp[i * ldc + j] += tile[i * nr + j];
                        }
                    }
                }
            }
        }
    }
}

void ckiln_sgemm(int isa, int transA, int transB, long M, long N, long K, float alpha,
                 const float *A, long lda, const float *B, long ldb, float beta, float *C,
                 long ldc) {
    if (M <= 0 || N <= 0) return;
    int path = resolve_isa(isa);
    int blocked = K > 0 && alpha != 0.0f && M != 1;
    // C = beta * C first, so the K loop only accumulates (the blocked loops clear C per tile).
    if (beta == 0.0f) {
        if (!blocked)
            for (long i = 0; i < M; i++) memset(C + i * ldc, 0, (size_t)N * sizeof(float));
    } else if (beta != 1.0f) {
        for (long i = 0; i < M; i++)
            for (long j = 0; j < N; j++) C[i * ldc + j] *= beta;
    }
    if (K <= 0 || alpha == 0.0f) return;

    if (M == 1) {
        float stackX[1024];
        float *x = K <= 1024 ? stackX : (float *)malloc((size_t)K * sizeof(float));
        if (x) {
            for (long p = 0; p < K; p++) x[p] = alpha * (transA ? A[p * lda] : A[p]);
#ifdef CKILN_X86
            if (path == CKILN_ISA_AVX512)
                gemv_avx512(transB, N, K, x, B, ldb, C);
            else
#endif
                gemv_scalar(transB, N, K, x, B, ldb, C);
            if (x != stackX) free(x);
            return;
        }
    }
    b_source bs = {transB, B, ldb, NULL, NULL, 0};
    sgemm_blocked(path, transA, M, N, K, alpha, A, lda, &bs, NULL, blocked && beta == 0.0f, C,
                  ldc);
}

void ckiln_conv_sgemm(int isa, long M, long N, long K, const float *W, const float *x,
                      const long *geometry, long ldx, long colBase, const float *bias, float *C,
                      long ldc) {
    if (M <= 0 || N <= 0) return;
    if (K <= 0) {
        for (long i = 0; i < M; i++)
            for (long j = 0; j < N; j++) C[i * ldc + j] = bias ? bias[i] : 0.0f;
        return;
    }
    b_source bs = {0, x + colBase, ldx, NULL, NULL, 0};
    if (geometry) {
        bs.B = NULL;
        bs.x = x;
        bs.geom = geometry;
        bs.colBase = colBase;
    }
    sgemm_blocked(resolve_isa(isa), 0, M, N, K, 1.0f, W, K, &bs, bias, 1, C, ldc);
}

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

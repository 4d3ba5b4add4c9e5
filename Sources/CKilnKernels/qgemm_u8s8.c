// 8-bit integer GEMM (unsigned x signed bytes, int32 accumulators) for the quantized kernels
// MatMulInteger, ConvInteger, QLinearMatMul and QLinearConv.
//
//   C[M x N] (int32) = A[M x Kp] (uint8, row-major, zero past K) * B[K x N] (int8, packed)
//
// Signed A is stored as a ^ 0x80 (= a + 128) and unsigned B as b - 128, so every case is
// u8 x s8; the zero points absorb the shifts and `ckiln_qgemm8_fixup` applies them:
//
//   sum_k (a - za)(b - zb) = sum_k a*b - za*colSum[j] - zb[j]*rowSum[i] + K*za*zb[j]
//
// Packed B: column blocks of 16, within a block quads of 4 consecutive k rows, so that one
// 32-bit lane holds B[4q..4q+3][j] (zero past K and past N):
//
//   dst[(jb * Kq + q) * 64 + jj * 4 + r] = B[4q + r][16 jb + jj]
//
// Paths: AVX-512 VNNI `vpdpbusd` (6 rows x 64 columns per register block); AVX2 `vpmaddubsw`
// on A split into its low 7 bits and its top bit (the pair sums then fit int16 exactly:
// 127*128*2 < 2^15 and 1*128*2 < 2^15) widened by `vpmaddwd`; portable C. All are exact:
// accumulation is modulo 2^32, i.e. the 64-bit sum truncated to 32 bits.

#include "CKilnKernels.h"  // CKILN_ISA_* and this file's declarations (CKilnQGemm8.h)

#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#define Q8_X86 1
#include <immintrin.h>
#endif

#define Q8_NB 16

long ckiln_qgemm8_round_k(long K) { return (K + 3) / 4 * 4; }

long ckiln_qgemm8_packed_size(long K, long N) {
    return ckiln_qgemm8_round_k(K) * ((N + Q8_NB - 1) / Q8_NB * Q8_NB);
}

int ckiln_qgemm8_best_isa(void) {
#ifdef Q8_X86
    static int cached = 0;
    // Relaxed atomics: threads may race to fill the cache, and every one computes the same
    // value, but a plain int would still be a data race (ThreadSanitizer reports it).
    int seen = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (seen) return seen;
    __builtin_cpu_init();
    int isa = CKILN_ISA_SCALAR;
    if (__builtin_cpu_supports("avx512vnni") && __builtin_cpu_supports("avx512bw"))
        isa = CKILN_ISA_AVX512;
    else if (__builtin_cpu_supports("avx2"))
        isa = CKILN_ISA_AVX2;
    __atomic_store_n(&cached, isa, __ATOMIC_RELAXED);
    return isa;
#else
    return CKILN_ISA_SCALAR;
#endif
}

static int q8_resolve(int isa) {
    int best = ckiln_qgemm8_best_isa();
    if (isa == CKILN_ISA_AUTO || isa > best) return best;
    return isa;
}

void ckiln_qgemm8_pack_b(long K, long N, const void *B, long ldb, int bSigned, int8_t *dst,
                         int32_t *colSum) {
    long Kq = ckiln_qgemm8_round_k(K) / 4;
    long blocks = (N + Q8_NB - 1) / Q8_NB;
    memset(dst, 0, (size_t)(Kq * 4 * blocks * Q8_NB));
    const uint8_t *bu = (const uint8_t *)B;
    const int8_t *bs = (const int8_t *)B;
    for (long j = 0; j < N; j++) colSum[j] = 0;
    for (long p = 0; p < K; p++) {
        long q = p / 4, r = p % 4;
        for (long j = 0; j < N; j++) {
            int v = bSigned ? bs[p * ldb + j] : (int)bu[p * ldb + j] - 128;
            dst[((j / Q8_NB) * Kq + q) * 64 + (j % Q8_NB) * 4 + r] = (int8_t)v;
            colSum[j] += v;
        }
    }
}

void ckiln_qgemm8_pack_a(long M, long K, const void *A, long lda, int aSigned, uint8_t *dst,
                         long ldd) {
    const uint8_t *a = (const uint8_t *)A;
    uint8_t mask = aSigned ? 0x80 : 0;
    for (long i = 0; i < M; i++) {
        const uint8_t *s = a + i * lda;
        uint8_t *d = dst + i * ldd;
        for (long p = 0; p < K; p++) d[p] = s[p] ^ mask;
        for (long p = K; p < ldd; p++) d[p] = 0;
    }
}

void ckiln_qgemm8_row_sums(long M, long K, const uint8_t *A, long lda, int32_t *rowSum) {
    for (long i = 0; i < M; i++) {
        int32_t s = 0;
        const uint8_t *r = A + i * lda;
        for (long p = 0; p < K; p++) s += r[p];
        rowSum[i] = s;
    }
}

void ckiln_qgemm8_fixup(long M, long N, long K, int32_t *C, long ldc, const int32_t *rowZa,
                        const int32_t *colSum, const int32_t *colZb, const int32_t *rowSum) {
    for (long i = 0; i < M; i++) {
        uint32_t *c = (uint32_t *)(C + i * ldc);
        uint32_t za = (uint32_t)rowZa[i];
        if (za != 0) {
            uint32_t kza = (uint32_t)K * za;
            if (colZb) {
                for (long j = 0; j < N; j++)
                    c[j] += kza * (uint32_t)colZb[j] - za * (uint32_t)colSum[j];
            } else {
                for (long j = 0; j < N; j++) c[j] -= za * (uint32_t)colSum[j];
            }
        }
        if (colZb && rowSum) {
            uint32_t rs = (uint32_t)rowSum[i];
            for (long j = 0; j < N; j++) c[j] -= rs * (uint32_t)colZb[j];
        }
    }
}

// MARK: - Portable

static void q8_scalar(long M, long N, long Kp, const uint8_t *A, long lda, const int8_t *Bp,
                      int32_t *C, long ldc) {
    long Kq = Kp / 4;
    for (long i = 0; i < M; i++) {
        const uint8_t *a = A + i * lda;
        uint32_t *c = (uint32_t *)(C + i * ldc);
        for (long j = 0; j < N; j++) {
            const int8_t *b = Bp + (j / Q8_NB) * Kq * 64 + (j % Q8_NB) * 4;
            uint32_t s = 0;
            for (long q = 0; q < Kq; q++) {
                const int8_t *bq = b + q * 64;
                const uint8_t *aq = a + 4 * q;
                s += (uint32_t)(aq[0] * bq[0] + aq[1] * bq[1] + aq[2] * bq[2] + aq[3] * bq[3]);
            }
            c[j] = s;
        }
    }
}

#ifdef Q8_X86
static inline uint32_t q8_quad(const uint8_t *a) {
    uint32_t v;
    memcpy(&v, a, 4);
    return v;
}

// MARK: - AVX2

/// Exact u8 x s8 quad dot products on 8 lanes: A split as lo7 + 128 * top bit.
__attribute__((target("avx2"))) static inline __m256i q8_avx2_dot(__m256i acc, __m256i lo,
                                                                  __m256i hi, __m256i b,
                                                                  __m256i ones, __m256i w128) {
    __m256i pl = _mm256_maddubs_epi16(lo, b);
    __m256i ph = _mm256_maddubs_epi16(hi, b);
    acc = _mm256_add_epi32(acc, _mm256_madd_epi16(pl, ones));
    return _mm256_add_epi32(acc, _mm256_madd_epi16(ph, w128));
}

#define Q8_AVX2_MR 4
__attribute__((target("avx2"))) static void q8_avx2(long M, long N, long Kp, const uint8_t *A,
                                                    long lda, const int8_t *Bp, int32_t *C,
                                                    long ldc) {
    long Kq = Kp / 4;
    long blocks = (N + Q8_NB - 1) / Q8_NB;
    const __m256i ones = _mm256_set1_epi16(1);
    const __m256i w128 = _mm256_set1_epi16(128);
    for (long i0 = 0; i0 < M; i0 += Q8_AVX2_MR) {
        int rows = (int)(M - i0 < Q8_AVX2_MR ? M - i0 : Q8_AVX2_MR);
        for (long jb = 0; jb < blocks; jb++) {
            __m256i acc[Q8_AVX2_MR][2];
            for (int r = 0; r < Q8_AVX2_MR; r++) acc[r][0] = acc[r][1] = _mm256_setzero_si256();
            const int8_t *b = Bp + jb * Kq * 64;
            for (long q = 0; q < Kq; q++) {
                __m256i b0 = _mm256_loadu_si256((const __m256i *)(b + q * 64));
                __m256i b1 = _mm256_loadu_si256((const __m256i *)(b + q * 64 + 32));
                for (int r = 0; r < rows; r++) {
                    uint32_t v = q8_quad(A + (i0 + r) * lda + 4 * q);
                    __m256i lo = _mm256_set1_epi32((int)(v & 0x7F7F7F7Fu));
                    __m256i hi = _mm256_set1_epi32((int)((v >> 7) & 0x01010101u));
                    acc[r][0] = q8_avx2_dot(acc[r][0], lo, hi, b0, ones, w128);
                    acc[r][1] = q8_avx2_dot(acc[r][1], lo, hi, b1, ones, w128);
                }
            }
            long j0 = jb * Q8_NB;
            long cols = N - j0 < Q8_NB ? N - j0 : Q8_NB;
            for (int r = 0; r < rows; r++) {
                int32_t *c = C + (i0 + r) * ldc + j0;
                if (cols == Q8_NB) {
                    _mm256_storeu_si256((__m256i *)c, acc[r][0]);
                    _mm256_storeu_si256((__m256i *)(c + 8), acc[r][1]);
                } else {
                    int32_t tmp[16];
                    _mm256_storeu_si256((__m256i *)tmp, acc[r][0]);
                    _mm256_storeu_si256((__m256i *)(tmp + 8), acc[r][1]);
                    memcpy(c, tmp, (size_t)cols * sizeof(int32_t));
                }
            }
        }
    }
}

// MARK: - AVX-512 VNNI

#define Q8_VNNI_MR 6
__attribute__((target("avx512f,avx512bw,avx512vnni"))) static void q8_vnni(
    long M, long N, long Kp, const uint8_t *A, long lda, const int8_t *Bp, int32_t *C, long ldc) {
    long Kq = Kp / 4;
    long blocks = (N + Q8_NB - 1) / Q8_NB;
    for (long i0 = 0; i0 < M; i0 += Q8_VNNI_MR) {
        int rows = (int)(M - i0 < Q8_VNNI_MR ? M - i0 : Q8_VNNI_MR);
        long jb = 0;
        for (; jb + 4 <= blocks; jb += 4) {
            __m512i acc[Q8_VNNI_MR][4];
            for (int r = 0; r < Q8_VNNI_MR; r++)
                for (int v = 0; v < 4; v++) acc[r][v] = _mm512_setzero_si512();
            const int8_t *b = Bp + jb * Kq * 64;
            const long bs = Kq * 64;
            if (rows == Q8_VNNI_MR) {
                const uint8_t *a0 = A + i0 * lda;
                for (long q = 0; q < Kq; q++) {
                    __m512i b0 = _mm512_loadu_si512((const void *)(b + q * 64));
                    __m512i b1 = _mm512_loadu_si512((const void *)(b + bs + q * 64));
                    __m512i b2 = _mm512_loadu_si512((const void *)(b + 2 * bs + q * 64));
                    __m512i b3 = _mm512_loadu_si512((const void *)(b + 3 * bs + q * 64));
                    for (int r = 0; r < Q8_VNNI_MR; r++) {
                        __m512i av = _mm512_set1_epi32((int)q8_quad(a0 + r * lda + 4 * q));
                        acc[r][0] = _mm512_dpbusd_epi32(acc[r][0], av, b0);
                        acc[r][1] = _mm512_dpbusd_epi32(acc[r][1], av, b1);
                        acc[r][2] = _mm512_dpbusd_epi32(acc[r][2], av, b2);
                        acc[r][3] = _mm512_dpbusd_epi32(acc[r][3], av, b3);
                    }
                }
            } else {
                for (long q = 0; q < Kq; q++) {
                    __m512i b0 = _mm512_loadu_si512((const void *)(b + q * 64));
                    __m512i b1 = _mm512_loadu_si512((const void *)(b + bs + q * 64));
                    __m512i b2 = _mm512_loadu_si512((const void *)(b + 2 * bs + q * 64));
                    __m512i b3 = _mm512_loadu_si512((const void *)(b + 3 * bs + q * 64));
                    for (int r = 0; r < rows; r++) {
                        __m512i av =
                            _mm512_set1_epi32((int)q8_quad(A + (i0 + r) * lda + 4 * q));
                        acc[r][0] = _mm512_dpbusd_epi32(acc[r][0], av, b0);
                        acc[r][1] = _mm512_dpbusd_epi32(acc[r][1], av, b1);
                        acc[r][2] = _mm512_dpbusd_epi32(acc[r][2], av, b2);
                        acc[r][3] = _mm512_dpbusd_epi32(acc[r][3], av, b3);
                    }
                }
            }
            long j0 = jb * Q8_NB;
            for (int r = 0; r < rows; r++) {
                int32_t *c = C + (i0 + r) * ldc + j0;
                for (int v = 0; v < 4; v++) {
                    long cols = N - (j0 + 16 * v);
                    __mmask16 m = cols >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << cols) - 1);
                    _mm512_mask_storeu_epi32(c + 16 * v, m, acc[r][v]);
                }
            }
        }
        for (; jb < blocks; jb++) {
            __m512i acc[Q8_VNNI_MR];
            for (int r = 0; r < Q8_VNNI_MR; r++) acc[r] = _mm512_setzero_si512();
            const int8_t *b = Bp + jb * Kq * 64;
            for (long q = 0; q < Kq; q++) {
                __m512i b0 = _mm512_loadu_si512((const void *)(b + q * 64));
                for (int r = 0; r < rows; r++) {
                    __m512i av = _mm512_set1_epi32((int)q8_quad(A + (i0 + r) * lda + 4 * q));
                    acc[r] = _mm512_dpbusd_epi32(acc[r], av, b0);
                }
            }
            long j0 = jb * Q8_NB;
            long cols = N - j0;
            __mmask16 m = cols >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << cols) - 1);
            for (int r = 0; r < rows; r++)
                _mm512_mask_storeu_epi32(C + (i0 + r) * ldc + j0, m, acc[r]);
        }
    }
}
#endif

void ckiln_qgemm8(int isa, long M, long N, long Kp, const uint8_t *A, long lda,
                  const int8_t *Bpacked, int32_t *C, long ldc) {
    if (M <= 0 || N <= 0) return;
    if (Kp <= 0) {
        for (long i = 0; i < M; i++) memset(C + i * ldc, 0, (size_t)N * sizeof(int32_t));
        return;
    }
    isa = q8_resolve(isa);
#ifdef Q8_X86
    if (isa == CKILN_ISA_AVX512) {
        q8_vnni(M, N, Kp, A, lda, Bpacked, C, ldc);
        return;
    }
    if (isa == CKILN_ISA_AVX2) {
        q8_avx2(M, N, Kp, A, lda, Bpacked, C, ldc);
        return;
    }
#endif
    q8_scalar(M, N, Kp, A, lda, Bpacked, C, ldc);
}

// MARK: - Convolution helpers

void ckiln_chw_to_hwc_u8(const uint8_t *x, long channels, long plane, uint8_t mask,
                         uint8_t *dst) {
    ckiln_transpose_u8(channels, plane, x, plane, dst, channels);
    if (mask)
        for (long i = 0; i < channels * plane; i++) dst[i] ^= mask;
}

void ckiln_im2row_hwc_u8(const uint8_t *xh, long channels, const long *geometry, uint8_t pad,
                         uint8_t *dst, long ldd) {
    long ih = geometry[0], iw = geometry[1], oh = geometry[2], ow = geometry[3];
    long kh = geometry[4], kw = geometry[5], sh = geometry[6], sw = geometry[7];
    long dh = geometry[8], dw = geometry[9], ph = geometry[10], pw = geometry[11];
    long K = channels * kh * kw;
    size_t cb = (size_t)channels;
    for (long y = 0; y < oh; y++) {
        for (long xo = 0; xo < ow; xo++) {
            uint8_t *d = dst + (y * ow + xo) * ldd;
            for (long a = 0; a < kh; a++) {
                long r = y * sh - ph + a * dh;
                if (r < 0 || r >= ih) {
                    memset(d, pad, cb * (size_t)kw);
                    d += cb * (size_t)kw;
                    continue;
                }
                long col0 = xo * sw - pw;
                if (dw == 1 && col0 >= 0 && col0 + kw <= iw) {
                    // The whole kernel row is inside the image: one contiguous run.
                    const uint8_t *src = xh + (r * iw + col0) * channels;
                    long run = channels * kw;
                    if (run >= 16) {
                        memcpy(d, src, (size_t)run);
                    } else {
                        for (long c = 0; c < run; c++) d[c] = src[c];
                    }
                    d += run;
                    continue;
                }
                for (long b = 0; b < kw; b++) {
                    long cc = col0 + b * dw;
                    if (cc < 0 || cc >= iw) {
                        memset(d, pad, cb);
                    } else if (channels < 16) {
                        const uint8_t *src = xh + (r * iw + cc) * channels;
                        for (long c = 0; c < channels; c++) d[c] = src[c];
                    } else {
                        memcpy(d, xh + (r * iw + cc) * channels, cb);
                    }
                    d += cb;
                }
            }
            if (ldd > K) memset(dst + (y * ow + xo) * ldd + K, 0, (size_t)(ldd - K));
        }
    }
}

#ifdef Q8_X86
/// o[xo] += ((row[xo * sw + off] ^ mask) - za) * wv for xo in [lo, hi), 16 at a time (unit and
/// double strides); returns where the scalar loop must continue.
__attribute__((target("avx512f,avx512bw,avx512vl"))) static long q8_dw_taps512(
    uint32_t *o, const uint8_t *row, long off, long lo, long hi, long sw, uint8_t mask,
    int32_t za, int32_t wv) {
    __m512i vza = _mm512_set1_epi32(za), vw = _mm512_set1_epi32(wv);
    __m512i low = _mm512_set1_epi32(0xFF);
    __m128i m8 = _mm_set1_epi8((char)mask);
    long xo = lo;
    if (sw == 1) {
        for (; xo + 16 <= hi; xo += 16) {
            __m128i b = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(row + xo + off)), m8);
            __m512i v = _mm512_sub_epi32(_mm512_cvtepu8_epi32(b), vza);
            __m512i acc = _mm512_loadu_si512((const void *)(o + xo));
            _mm512_storeu_si512((void *)(o + xo), _mm512_add_epi32(acc, _mm512_mullo_epi32(v, vw)));
        }
        if (xo < hi) {
            __mmask16 m = (__mmask16)((1u << (hi - xo)) - 1);
            __m128i b = _mm_xor_si128(_mm_maskz_loadu_epi8(m, row + xo + off), m8);
            __m512i v = _mm512_sub_epi32(_mm512_cvtepu8_epi32(b), vza);
            __m512i acc = _mm512_maskz_loadu_epi32(m, o + xo);
            _mm512_mask_storeu_epi32(o + xo, m, _mm512_add_epi32(acc, _mm512_mullo_epi32(v, vw)));
            xo = hi;
        }
    } else if (sw == 2) {
        __m256i m16 = _mm256_set1_epi8((char)mask);
        for (; xo + 16 <= hi; xo += 16) {
            // 31 bytes: the last odd byte is not needed and may lie past the image.
            __m256i b = _mm256_maskz_loadu_epi8(0x7FFFFFFFu, row + 2 * xo + off);
            __m512i v = _mm512_and_si512(_mm512_cvtepu16_epi32(_mm256_xor_si256(b, m16)), low);
            v = _mm512_sub_epi32(v, vza);
            __m512i acc = _mm512_loadu_si512((const void *)(o + xo));
            _mm512_storeu_si512((void *)(o + xo), _mm512_add_epi32(acc, _mm512_mullo_epi32(v, vw)));
        }
        if (xo < hi) {
            long n = hi - xo;
            __mmask16 m = (__mmask16)((1u << n) - 1);
            __mmask32 mb = (__mmask32)((1ull << (2 * n - 1)) - 1);
            __m256i b = _mm256_maskz_loadu_epi8(mb, row + 2 * xo + off);
            __m512i v = _mm512_and_si512(_mm512_cvtepu16_epi32(_mm256_xor_si256(b, m16)), low);
            v = _mm512_sub_epi32(v, vza);
            __m512i acc = _mm512_maskz_loadu_epi32(m, o + xo);
            _mm512_mask_storeu_epi32(o + xo, m, _mm512_add_epi32(acc, _mm512_mullo_epi32(v, vw)));
            xo = hi;
        }
    }
    return xo;
}
#endif

void ckiln_qdepthwise_u8(int isa, const uint8_t *x, long channels, const long *geometry,
                         uint8_t mask, int32_t za, const int16_t *w, int32_t *acc) {
    isa = q8_resolve(isa);
    long ih = geometry[0], iw = geometry[1], oh = geometry[2], ow = geometry[3];
    long kh = geometry[4], kw = geometry[5], sh = geometry[6], sw = geometry[7];
    long dh = geometry[8], dw = geometry[9], ph = geometry[10], pw = geometry[11];
    // Output columns whose tap b lands inside a row: los[b] <= xo < his[b] (the same for
    // every row, so computed once; kernels wider than 64 compute it per tap).
    long los[64], his[64];
    for (long b = 0; b < kw && b < 64; b++) {
        long off = b * dw - pw;
        los[b] = off >= 0 ? 0 : (-off + sw - 1) / sw;
        his[b] = iw - off <= 0 ? 0 : (iw - off + sw - 1) / sw;
        if (his[b] > ow) his[b] = ow;
    }
    for (long c = 0; c < channels; c++) {
        const uint8_t *plane = x + c * ih * iw;
        const int16_t *wc = w + c * kh * kw;
        int32_t *out = acc + c * oh * ow;
        for (long i = 0; i < oh * ow; i++) out[i] = 0;
        for (long y = 0; y < oh; y++) {
            uint32_t *o = (uint32_t *)(out + y * ow);
            for (long a = 0; a < kh; a++) {
                long r = y * sh - ph + a * dh;
                if (r < 0 || r >= ih) continue;
                const uint8_t *row = plane + r * iw;
                for (long b = 0; b < kw; b++) {
                    int32_t wv = wc[a * kw + b];
                    if (wv == 0) continue;
                    long off = b * dw - pw;
                    long lo, hi;
                    if (b < 64) {
                        lo = los[b];
                        hi = his[b];
                    } else {
                        lo = off >= 0 ? 0 : (-off + sw - 1) / sw;
                        hi = iw - off <= 0 ? 0 : (iw - off + sw - 1) / sw;
                        if (hi > ow) hi = ow;
                    }
#ifdef Q8_X86
                    if (isa == CKILN_ISA_AVX512)
                        lo = q8_dw_taps512(o, row, off, lo, hi, sw, mask, za, wv);
#endif
                    if (sw == 1) {
                        const uint8_t *src = row + off;
                        for (long xo = lo; xo < hi; xo++)
                            o[xo] += (uint32_t)(((int32_t)(src[xo] ^ mask) - za) * wv);
                    } else {
                        for (long xo = lo; xo < hi; xo++)
                            o[xo] +=
                                (uint32_t)(((int32_t)(row[xo * sw + off] ^ mask) - za) * wv);
                    }
                }
            }
        }
    }
}

// MARK: - Requantization

/// onnxruntime's requantization (MLAS `MlasRequantizeOutput`): float(acc + bias) * scale,
/// clamped to the output range minus the zero point, rounded half to even, plus zero point.
/// Round half to even for |f| < 2^22 (adding and removing 1.5 * 2^23 rounds in the FPU's
/// default mode), without a libm call.
static inline int32_t q8_round(float f) {
    volatile float magic = 12582912.0f;  // volatile: the compiler must not fold the pair away
    return (int32_t)((f + magic) - magic);
}

static inline int32_t q8_requant1(int32_t v, float scale, float lo, float hi, int32_t zp) {
    float f = (float)v * scale;
    f = f < lo ? lo : f;
    f = f > hi ? hi : f;
    return q8_round(f) + zp;
}

#ifdef Q8_X86
/// One contiguous row, 16 lanes at a time; returns how many columns it did.
__attribute__((target("avx512f,avx512bw"))) static long q8_requant_row512(
    const int32_t *a, long cols, const int32_t *bias, int biasVector, const float *scale,
    int scaleVector, float lo, float hi, int32_t zp, int outSigned, uint8_t *y) {
    __m512 vlo = _mm512_set1_ps(lo), vhi = _mm512_set1_ps(hi);
    __m512i vzp = _mm512_set1_epi32(zp);
    __m512 vs = _mm512_set1_ps(scale[0]);
    long j = 0;
    for (; j + 16 <= cols; j += 16) {
        __m512i v = _mm512_loadu_si512((const void *)(a + j));
        if (bias)
            v = _mm512_add_epi32(v, biasVector ? _mm512_loadu_si512((const void *)(bias + j))
                                               : _mm512_set1_epi32(bias[0]));
        __m512 s = scaleVector ? _mm512_loadu_ps(scale + j) : vs;
        __m512 f = _mm512_mul_ps(_mm512_cvtepi32_ps(v), s);
        f = _mm512_min_ps(_mm512_max_ps(f, vlo), vhi);
        __m512i q = _mm512_add_epi32(
            _mm512_cvt_roundps_epi32(f, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC), vzp);
        __m128i b = outSigned ? _mm512_cvtsepi32_epi8(q) : _mm512_cvtusepi32_epi8(q);
        _mm_storeu_si128((__m128i *)(y + j), b);
    }
    if (j < cols) {
        __mmask16 m = (__mmask16)((1u << (cols - j)) - 1);
        __m512i v = _mm512_maskz_loadu_epi32(m, a + j);
        if (bias)
            v = _mm512_add_epi32(v, biasVector ? _mm512_maskz_loadu_epi32(m, bias + j)
                                               : _mm512_set1_epi32(bias[0]));
        __m512 s = scaleVector ? _mm512_maskz_loadu_ps(m, scale + j) : vs;
        __m512 f = _mm512_mul_ps(_mm512_cvtepi32_ps(v), s);
        f = _mm512_min_ps(_mm512_max_ps(f, vlo), vhi);
        __m512i q = _mm512_add_epi32(
            _mm512_cvt_roundps_epi32(f, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC), vzp);
        if (outSigned)
            _mm512_mask_cvtsepi32_storeu_epi8(y + j, m, q);
        else
            _mm512_mask_cvtusepi32_storeu_epi8(y + j, m, q);
        j = cols;
    }
    return j;
}
#endif

void ckiln_requantize_u8(int isa, long rows, long cols, const int32_t *acc, long ldAcc,
                         const int32_t *bias, int biasPerRow, const float *scale,
                         int scalePerRow, long scaleCount, int32_t zp, int outSigned,
                         uint8_t *y, long ysRow, long ysCol) {
    float qlo = outSigned ? -128.0f : 0.0f, qhi = outSigned ? 127.0f : 255.0f;
    float lo = qlo - (float)zp, hi = qhi - (float)zp;
    isa = q8_resolve(isa);
    for (long i = 0; i < rows; i++) {
        const int32_t *a = acc + i * ldAcc;
        uint8_t *yr = y + i * ysRow;
        long j = 0;
#ifdef Q8_X86
        if (isa == CKILN_ISA_AVX512 && ysCol == 1) {
            const float *s = scaleCount == 1 ? scale : (scalePerRow ? scale + i : scale);
            int vector = scaleCount != 1 && !scalePerRow;
            const int32_t *b = bias && biasPerRow ? bias + i : bias;
            j = q8_requant_row512(a, cols, b, !biasPerRow, s, vector, lo, hi, zp, outSigned, yr);
        }
#endif
        for (; j < cols; j++) {
            int32_t v = a[j];
            if (bias) v = (int32_t)((uint32_t)v + (uint32_t)bias[biasPerRow ? i : j]);
            float s = scaleCount == 1 ? scale[0] : scale[scalePerRow ? i : j];
            yr[j * ysCol] = (uint8_t)q8_requant1(v, s, lo, hi, zp);
        }
    }
}

#ifdef Q8_X86
/// dst[j][i] = src[i][j] for one 16 x 16 byte block (SSE2: four rounds of unpacks).
static inline void q8_transpose16(const uint8_t *src, long lds, uint8_t *dst, long ldd) {
    __m128i r[16], t[16];
    for (int i = 0; i < 16; i++) r[i] = _mm_loadu_si128((const __m128i *)(src + i * lds));
    for (int i = 0; i < 8; i++) {
        t[2 * i] = _mm_unpacklo_epi8(r[2 * i], r[2 * i + 1]);
        t[2 * i + 1] = _mm_unpackhi_epi8(r[2 * i], r[2 * i + 1]);
    }
    for (int i = 0; i < 4; i++) {
        for (int k = 0; k < 2; k++) {
            r[4 * i + k] = _mm_unpacklo_epi16(t[4 * i + k], t[4 * i + 2 + k]);
            r[4 * i + 2 + k] = _mm_unpackhi_epi16(t[4 * i + k], t[4 * i + 2 + k]);
        }
    }
    for (int i = 0; i < 2; i++) {
        for (int k = 0; k < 4; k++) {
            t[8 * i + k] = _mm_unpacklo_epi32(r[8 * i + k], r[8 * i + 4 + k]);
            t[8 * i + 4 + k] = _mm_unpackhi_epi32(r[8 * i + k], r[8 * i + 4 + k]);
        }
    }
    for (int k = 0; k < 8; k++) {
        r[k] = _mm_unpacklo_epi64(t[k], t[8 + k]);
        r[8 + k] = _mm_unpackhi_epi64(t[k], t[8 + k]);
    }
    // r[c] now holds column c' of the block for a fixed interleaving: map it back.
    static const int order[16] = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};
    for (int k = 0; k < 16; k++) _mm_storeu_si128((__m128i *)(dst + order[k] * ldd), r[k]);
}
#endif

void ckiln_transpose_u8(long rows, long cols, const uint8_t *src, long lds, uint8_t *dst,
                        long ldd) {
    long i0 = 0;
#ifdef Q8_X86
    for (; i0 + 16 <= rows; i0 += 16) {
        long j0 = 0;
        for (; j0 + 16 <= cols; j0 += 16)
            q8_transpose16(src + i0 * lds + j0, lds, dst + j0 * ldd + i0, ldd);
        for (long j = j0; j < cols; j++)
            for (long i = i0; i < i0 + 16; i++) dst[j * ldd + i] = src[i * lds + j];
    }
#endif
    for (long j = 0; j < cols; j++)
        for (long i = i0; i < rows; i++) dst[j * ldd + i] = src[i * lds + j];
}

// MARK: - QuantizeLinear / DequantizeLinear (per tensor)

#ifdef Q8_X86
__attribute__((target("avx512f,avx512bw"))) static long q8_quantize512(
    const float *x, long n, float scale, int32_t zp, int outSigned, uint8_t *y, int *nan) {
    float qlo = outSigned ? -128.0f : 0.0f, qhi = outSigned ? 127.0f : 255.0f;
    __m512 vs = _mm512_set1_ps(scale);
    __m512 vlo = _mm512_set1_ps(qlo - (float)zp), vhi = _mm512_set1_ps(qhi - (float)zp);
    __m512i vzp = _mm512_set1_epi32(zp);
    __mmask16 bad = 0;
    long i = 0;
    for (; i + 16 <= n; i += 16) {
        __m512 v = _mm512_div_ps(_mm512_loadu_ps(x + i), vs);
        bad |= _mm512_cmp_ps_mask(v, v, _CMP_UNORD_Q);
        v = _mm512_min_ps(_mm512_max_ps(v, vlo), vhi);
        __m512i q = _mm512_add_epi32(
            _mm512_cvt_roundps_epi32(v, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC), vzp);
        __m128i b = outSigned ? _mm512_cvtsepi32_epi8(q) : _mm512_cvtusepi32_epi8(q);
        _mm_storeu_si128((__m128i *)(y + i), b);
    }
    if (bad) *nan = 1;
    return i;
}

__attribute__((target("avx512f,avx512bw"))) static long q8_dequantize512(
    const uint8_t *x, long n, int inSigned, int32_t zp, float scale, float *y) {
    __m512 vs = _mm512_set1_ps(scale);
    __m512i vzp = _mm512_set1_epi32(zp);
    long i = 0;
    for (; i + 16 <= n; i += 16) {
        __m128i b = _mm_loadu_si128((const __m128i *)(x + i));
        __m512i v = inSigned ? _mm512_cvtepi8_epi32(b) : _mm512_cvtepu8_epi32(b);
        __m512 f = _mm512_cvtepi32_ps(_mm512_sub_epi32(v, vzp));
        _mm512_storeu_ps(y + i, _mm512_mul_ps(f, vs));
    }
    return i;
}
#endif

int ckiln_quantize_u8(int isa, const float *x, long n, float scale, int32_t zp, int outSigned,
                      uint8_t *y) {
    float qlo = outSigned ? -128.0f : 0.0f, qhi = outSigned ? 127.0f : 255.0f;
    float lo = qlo - (float)zp, hi = qhi - (float)zp;
    int nan = 0;
    long i = 0;
    isa = q8_resolve(isa);
#ifdef Q8_X86
    if (isa == CKILN_ISA_AVX512) i = q8_quantize512(x, n, scale, zp, outSigned, y, &nan);
#endif
    for (; i < n; i++) {
        float v = x[i] / scale;
        if (v != v) {
            nan = 1;
            continue;
        }
        v = v < lo ? lo : (v > hi ? hi : v);
        y[i] = (uint8_t)(q8_round(v) + zp);
    }
    return nan;
}

void ckiln_dequantize_u8(int isa, const uint8_t *x, long n, int inSigned, int32_t zp, float scale,
                         float *y) {
    long i = 0;
    isa = q8_resolve(isa);
#ifdef Q8_X86
    if (isa == CKILN_ISA_AVX512) i = q8_dequantize512(x, n, inSigned, zp, scale, y);
#endif
    for (; i < n; i++) {
        int32_t v = inSigned ? (int32_t)(int8_t)x[i] : (int32_t)x[i];
        y[i] = (float)(v - zp) * scale;
    }
}

void ckiln_dequantize_i32(const int32_t *x, long outer, long axisDim, long inner,
                          const float *scale, int perAxis, float *y) {
    for (long o = 0; o < outer; o++) {
        for (long a = 0; a < axisDim; a++) {
            float s = scale[perAxis ? a : 0];
            const int32_t *xp = x + (o * axisDim + a) * inner;
            float *yp = y + (o * axisDim + a) * inner;
            for (long i = 0; i < inner; i++) yp[i] = (float)xp[i] * s;
        }
    }
}

#ifdef Q8_X86
/// A 4 x 4 int32 block transposed with SSE (baseline x86-64).
static inline void q8_transpose4_i32(const int32_t *src, long lds, int32_t *dst, long ldd) {
    __m128 r0 = _mm_castsi128_ps(_mm_loadu_si128((const __m128i *)(src)));
    __m128 r1 = _mm_castsi128_ps(_mm_loadu_si128((const __m128i *)(src + lds)));
    __m128 r2 = _mm_castsi128_ps(_mm_loadu_si128((const __m128i *)(src + 2 * lds)));
    __m128 r3 = _mm_castsi128_ps(_mm_loadu_si128((const __m128i *)(src + 3 * lds)));
    _MM_TRANSPOSE4_PS(r0, r1, r2, r3);
    _mm_storeu_si128((__m128i *)(dst), _mm_castps_si128(r0));
    _mm_storeu_si128((__m128i *)(dst + ldd), _mm_castps_si128(r1));
    _mm_storeu_si128((__m128i *)(dst + 2 * ldd), _mm_castps_si128(r2));
    _mm_storeu_si128((__m128i *)(dst + 3 * ldd), _mm_castps_si128(r3));
}
#endif

void ckiln_transpose_i32(long rows, long cols, const int32_t *src, long lds, int32_t *dst,
                         long ldd) {
    const long tile = 32;
    for (long i0 = 0; i0 < rows; i0 += tile) {
        long i1 = i0 + tile < rows ? i0 + tile : rows;
        for (long j0 = 0; j0 < cols; j0 += tile) {
            long j1 = j0 + tile < cols ? j0 + tile : cols;
            long i = i0;
#ifdef Q8_X86
            for (; i + 4 <= i1; i += 4) {
                long j = j0;
                for (; j + 4 <= j1; j += 4)
                    q8_transpose4_i32(src + i * lds + j, lds, dst + j * ldd + i, ldd);
                for (; j < j1; j++)
                    for (long r = i; r < i + 4; r++) dst[j * ldd + r] = src[r * lds + j];
            }
#endif
            for (; i < i1; i++)
                for (long j = j0; j < j1; j++) dst[j * ldd + i] = src[i * lds + j];
        }
    }
}

// onnxruntime's float32 logistic and tanh approximations (MLAS), vectorised. Bit-identical to
// the scalar definition in Swift (`MlasMath`): the same clamp, the same fused multiply-adds in
// the same order, one IEEE division; vector FMA rounds exactly like scalar fmaf.

#include "CKilnKernels.h"

#include <math.h>

#if defined(__x86_64__) || defined(__i386__)
#define CKILN_X86 1
#include <immintrin.h>
#endif

#define L_LO -18.0f
#define L_HI 18.0f
static const float LA[5] = {4.37031012579801e-11f, 1.15627324459942e-07f, 6.08574864600143e-05f,
                            8.51377133304701e-03f, 2.48287947061529e-01f};
static const float LB[6] = {6.10247389755681e-13f, 5.76102136993427e-09f, 6.29106785017040e-06f,
                            1.70198817374094e-03f, 1.16817656904453e-01f, 9.93151921023180e-01f};
#define T_LO -9.0f
#define T_HI 9.0f
static const float TA[7] = {-2.76076847742355e-16f, 2.00018790482477e-13f, -8.60467152213735e-11f,
                            5.12229709037114e-08f,  1.48572235717979e-05f, 6.37261928875436e-04f,
                            4.89352455891786e-03f};
static const float TB[4] = {1.19825839466702e-06f, 1.18534705686654e-04f, 2.26843463243900e-03f,
                            4.89352518554385e-03f};

static inline float logistic1(float x) {
    if (x != x) return x;
    float v = x < L_LO ? L_LO : (x > L_HI ? L_HI : x);
    float v2 = v * v;
    float p = fmaf(v2, LA[0], LA[1]);
    p = fmaf(p, v2, LA[2]);
    p = fmaf(p, v2, LA[3]);
    p = fmaf(p, v2, LA[4]);
    p = p * v;
    float q = fmaf(v2, LB[0], LB[1]);
    q = fmaf(q, v2, LB[2]);
    q = fmaf(q, v2, LB[3]);
    q = fmaf(q, v2, LB[4]);
    q = fmaf(q, v2, LB[5]);
    float r = p / q + 0.5f;
    return r < 0.0f ? 0.0f : r;
}

static inline float tanh1(float x) {
    if (x != x) return x;
    float v = x < T_LO ? T_LO : (x > T_HI ? T_HI : x);
    float v2 = v * v;
    float p = fmaf(v2, TA[0], TA[1]);
    for (int i = 2; i < 7; i++) p = fmaf(p, v2, TA[i]);
    p = p * v;
    float q = fmaf(v2, TB[0], TB[1]);
    q = fmaf(q, v2, TB[2]);
    q = fmaf(q, v2, TB[3]);
    return p / q;
}

#ifdef CKILN_X86
// NaN lanes: max/min with a NaN second operand return the second operand in x86, so clamp as
// max(lo, x) then min(hi, .) returns x's NaN... use explicit blend on the unordered mask.
__attribute__((target("avx512f"))) static void logistic_avx512(float *x, long n) {
    long i = 0;
    for (; i + 16 <= n; i += 16) {
        __m512 xv = _mm512_loadu_ps(x + i);
        __mmask16 nan = _mm512_cmp_ps_mask(xv, xv, _CMP_UNORD_Q);
        __m512 v = _mm512_min_ps(_mm512_max_ps(xv, _mm512_set1_ps(L_LO)), _mm512_set1_ps(L_HI));
        __m512 v2 = _mm512_mul_ps(v, v);
        __m512 p = _mm512_fmadd_ps(v2, _mm512_set1_ps(LA[0]), _mm512_set1_ps(LA[1]));
        p = _mm512_fmadd_ps(p, v2, _mm512_set1_ps(LA[2]));
        p = _mm512_fmadd_ps(p, v2, _mm512_set1_ps(LA[3]));
        p = _mm512_fmadd_ps(p, v2, _mm512_set1_ps(LA[4]));
        p = _mm512_mul_ps(p, v);
        __m512 q = _mm512_fmadd_ps(v2, _mm512_set1_ps(LB[0]), _mm512_set1_ps(LB[1]));
        q = _mm512_fmadd_ps(q, v2, _mm512_set1_ps(LB[2]));
        q = _mm512_fmadd_ps(q, v2, _mm512_set1_ps(LB[3]));
        q = _mm512_fmadd_ps(q, v2, _mm512_set1_ps(LB[4]));
        q = _mm512_fmadd_ps(q, v2, _mm512_set1_ps(LB[5]));
        __m512 r = _mm512_add_ps(_mm512_div_ps(p, q), _mm512_set1_ps(0.5f));
        r = _mm512_max_ps(r, _mm512_setzero_ps());
        _mm512_storeu_ps(x + i, _mm512_mask_blend_ps(nan, r, xv));
    }
    for (; i < n; i++) x[i] = logistic1(x[i]);
}

__attribute__((target("avx512f"))) static void tanh_avx512(float *x, long n) {
    long i = 0;
    for (; i + 16 <= n; i += 16) {
        __m512 xv = _mm512_loadu_ps(x + i);
        __mmask16 nan = _mm512_cmp_ps_mask(xv, xv, _CMP_UNORD_Q);
        __m512 v = _mm512_min_ps(_mm512_max_ps(xv, _mm512_set1_ps(T_LO)), _mm512_set1_ps(T_HI));
        __m512 v2 = _mm512_mul_ps(v, v);
        __m512 p = _mm512_fmadd_ps(v2, _mm512_set1_ps(TA[0]), _mm512_set1_ps(TA[1]));
        for (int k = 2; k < 7; k++) p = _mm512_fmadd_ps(p, v2, _mm512_set1_ps(TA[k]));
        p = _mm512_mul_ps(p, v);
        __m512 q = _mm512_fmadd_ps(v2, _mm512_set1_ps(TB[0]), _mm512_set1_ps(TB[1]));
        q = _mm512_fmadd_ps(q, v2, _mm512_set1_ps(TB[2]));
        q = _mm512_fmadd_ps(q, v2, _mm512_set1_ps(TB[3]));
        _mm512_storeu_ps(x + i, _mm512_mask_blend_ps(nan, _mm512_div_ps(p, q), xv));
    }
    for (; i < n; i++) x[i] = tanh1(x[i]);
}

__attribute__((target("avx2,fma"))) static void logistic_avx2(float *x, long n) {
    long i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 xv = _mm256_loadu_ps(x + i);
        __m256 nan = _mm256_cmp_ps(xv, xv, _CMP_UNORD_Q);
        __m256 v = _mm256_min_ps(_mm256_max_ps(xv, _mm256_set1_ps(L_LO)), _mm256_set1_ps(L_HI));
        __m256 v2 = _mm256_mul_ps(v, v);
        __m256 p = _mm256_fmadd_ps(v2, _mm256_set1_ps(LA[0]), _mm256_set1_ps(LA[1]));
        p = _mm256_fmadd_ps(p, v2, _mm256_set1_ps(LA[2]));
        p = _mm256_fmadd_ps(p, v2, _mm256_set1_ps(LA[3]));
        p = _mm256_fmadd_ps(p, v2, _mm256_set1_ps(LA[4]));
        p = _mm256_mul_ps(p, v);
        __m256 q = _mm256_fmadd_ps(v2, _mm256_set1_ps(LB[0]), _mm256_set1_ps(LB[1]));
        q = _mm256_fmadd_ps(q, v2, _mm256_set1_ps(LB[2]));
        q = _mm256_fmadd_ps(q, v2, _mm256_set1_ps(LB[3]));
        q = _mm256_fmadd_ps(q, v2, _mm256_set1_ps(LB[4]));
        q = _mm256_fmadd_ps(q, v2, _mm256_set1_ps(LB[5]));
        __m256 r = _mm256_add_ps(_mm256_div_ps(p, q), _mm256_set1_ps(0.5f));
        r = _mm256_max_ps(r, _mm256_setzero_ps());
        _mm256_storeu_ps(x + i, _mm256_blendv_ps(r, xv, nan));
    }
    for (; i < n; i++) x[i] = logistic1(x[i]);
}

__attribute__((target("avx2,fma"))) static void tanh_avx2(float *x, long n) {
    long i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 xv = _mm256_loadu_ps(x + i);
        __m256 nan = _mm256_cmp_ps(xv, xv, _CMP_UNORD_Q);
        __m256 v = _mm256_min_ps(_mm256_max_ps(xv, _mm256_set1_ps(T_LO)), _mm256_set1_ps(T_HI));
        __m256 v2 = _mm256_mul_ps(v, v);
        __m256 p = _mm256_fmadd_ps(v2, _mm256_set1_ps(TA[0]), _mm256_set1_ps(TA[1]));
        for (int k = 2; k < 7; k++) p = _mm256_fmadd_ps(p, v2, _mm256_set1_ps(TA[k]));
        p = _mm256_mul_ps(p, v);
        __m256 q = _mm256_fmadd_ps(v2, _mm256_set1_ps(TB[0]), _mm256_set1_ps(TB[1]));
        q = _mm256_fmadd_ps(q, v2, _mm256_set1_ps(TB[2]));
        q = _mm256_fmadd_ps(q, v2, _mm256_set1_ps(TB[3]));
        _mm256_storeu_ps(x + i, _mm256_blendv_ps(_mm256_div_ps(p, q), xv, nan));
    }
    for (; i < n; i++) x[i] = tanh1(x[i]);
}
#endif

void ckiln_mlas_logistic(int isa, float *x, long n) {
#ifdef CKILN_X86
    int best = ckiln_sgemm_best_isa();
    if (isa == CKILN_ISA_AUTO || isa > best) isa = best;
    if (isa == CKILN_ISA_AVX512) { logistic_avx512(x, n); return; }
    if (isa == CKILN_ISA_AVX2) { logistic_avx2(x, n); return; }
#endif
    (void)isa;
    for (long i = 0; i < n; i++) x[i] = logistic1(x[i]);
}

void ckiln_mlas_tanh(int isa, float *x, long n) {
#ifdef CKILN_X86
    int best = ckiln_sgemm_best_isa();
    if (isa == CKILN_ISA_AUTO || isa > best) isa = best;
    if (isa == CKILN_ISA_AVX512) { tanh_avx512(x, n); return; }
    if (isa == CKILN_ISA_AVX2) { tanh_avx2(x, n); return; }
#endif
    (void)isa;
    for (long i = 0; i < n; i++) x[i] = tanh1(x[i]);
}

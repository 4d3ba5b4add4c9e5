// Vectorised float32 erf and row softmax.
//
// erf follows the algorithm of onnxruntime's MLAS erf kernel (so Kiln's fast Erf tracks
// onnxruntime's CPU output): |x| is clamped to 3.925; below 0.921875 an odd polynomial in x²,
// above it 1 − exp(−q(|x|)) with q a degree-8 polynomial and exp by range reduction to
// [−ln2/2, ln2/2], a degree-6 polynomial and a power-of-two scale; the sign of x is restored.
// Softmax uses the same exp (max-subtracted, so arguments are ≤ 0).

#include "CKilnKernels.h"

#include <math.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#define CKILN_X86 1
#include <immintrin.h>
#endif

static const float E_UPPER = 3.925f, E_SPLIT = 0.921875f;
static const float ES[6] = {-5.99104969e-4f, 4.99339588e-3f, -2.67667342e-2f,
                            1.12818025e-1f,  -3.76124859e-1f, 1.28379151e-1f};
static const float EB[7] = {1.72948930e-5f, -3.83208680e-4f, 3.88393435e-3f, -2.42545605e-2f,
                            1.06777847e-1f, 6.34846687e-1f,  1.28717512e-1f};
static const float X_LO = -88.3762626647949f, X_HI = 88.3762626647950f;
static const float X_L2R = 1.44269504088896341f, X_L2H = -6.93145752e-1f, X_L2L = -1.42860677e-6f;
static const float XP[7] = {1.38319808e-3f, 8.37550033e-3f, 4.16689515e-2f, 1.66664466e-1f,
                            4.99999851e-1f, 1.00000000e+0f, 1.00000000e+0f};
static const float X_C = 1.25829120e+7f;

/// exp(t) for t in [X_LO, X_HI] (callers clamp).
static inline float exp1(float t) {
    float r = fmaf(X_L2R, t, X_C) - X_C;
    float fx = fmaf(r, X_L2H, t);
    fx = fmaf(r, X_L2L, fx);
    float y = XP[0];
    for (int i = 1; i < 7; i++) y = fmaf(y, fx, XP[i]);
    return ldexpf(y, (int)r);
}

static inline float erf1(float x) {
    if (x != x) return x;
    float ax = fabsf(x);
    float res;
    if (ax > E_SPLIT) {
        ax = ax < E_UPPER ? ax : E_UPPER;
        float q = EB[0];
        for (int i = 1; i < 7; i++) q = fmaf(q, ax, EB[i]);
        q = fmaf(q, ax, ax);
        float t = -q > X_LO ? -q : X_LO;
        res = 1.0f - exp1(t);
    } else {
        float s = ax * ax;
        float p = ES[0];
        for (int i = 1; i < 6; i++) p = fmaf(p, s, ES[i]);
        res = fmaf(p, ax, ax);
    }
    return signbit(x) ? -res : res;
}

#ifdef CKILN_X86
__attribute__((target("avx512f"))) static inline __m512 exp16(__m512 t) {
    __m512 c = _mm512_set1_ps(X_C);
    __m512 r = _mm512_sub_ps(_mm512_fmadd_ps(_mm512_set1_ps(X_L2R), t, c), c);
    __m512 fx = _mm512_fmadd_ps(r, _mm512_set1_ps(X_L2H), t);
    fx = _mm512_fmadd_ps(r, _mm512_set1_ps(X_L2L), fx);
    __m512 y = _mm512_set1_ps(XP[0]);
    for (int i = 1; i < 7; i++) y = _mm512_fmadd_ps(y, fx, _mm512_set1_ps(XP[i]));
    __m512i e = _mm512_slli_epi32(_mm512_add_epi32(_mm512_cvttps_epi32(r), _mm512_set1_epi32(127)), 23);
    return _mm512_mul_ps(y, _mm512_castsi512_ps(e));
}

__attribute__((target("avx512f,avx512dq"))) static void erf_avx512(const float *x, float *y, long n) {
    long i = 0;
    const __m512 signMask = _mm512_set1_ps(-0.0f);
    for (; i + 16 <= n; i += 16) {
        __m512 v = _mm512_loadu_ps(x + i);
        __mmask16 nan = _mm512_cmp_ps_mask(v, v, _CMP_UNORD_Q);
        __m512 sign = _mm512_and_ps(v, signMask);
        __m512 ax = _mm512_min_ps(_mm512_andnot_ps(signMask, v), _mm512_set1_ps(E_UPPER));
        __mmask16 big = _mm512_cmp_ps_mask(ax, _mm512_set1_ps(E_SPLIT), _CMP_GT_OQ);
        __m512 s = _mm512_mul_ps(ax, ax);
        __m512 p = _mm512_set1_ps(ES[0]);
        for (int k = 1; k < 6; k++) p = _mm512_fmadd_ps(p, s, _mm512_set1_ps(ES[k]));
        __m512 small = _mm512_fmadd_ps(p, ax, ax);
        __m512 q = _mm512_set1_ps(EB[0]);
        for (int k = 1; k < 7; k++) q = _mm512_fmadd_ps(q, ax, _mm512_set1_ps(EB[k]));
        q = _mm512_fmadd_ps(q, ax, ax);
        __m512 t = _mm512_max_ps(_mm512_xor_ps(q, signMask), _mm512_set1_ps(X_LO));
        __m512 bigv = _mm512_sub_ps(_mm512_set1_ps(1.0f), exp16(t));
        __m512 r = _mm512_or_ps(_mm512_mask_blend_ps(big, small, bigv), sign);
        _mm512_storeu_ps(y + i, _mm512_mask_blend_ps(nan, r, v));
    }
    for (; i < n; i++) y[i] = erf1(x[i]);
}

__attribute__((target("avx512f"))) static void softmax_avx512(const float *x, float *y, long rows,
                                                             long dim, int logSoftmax) {
    for (long r = 0; r < rows; r++) {
        const float *row = x + r * dim;
        float *out = y + r * dim;
        float m = -INFINITY;
        for (long j = 0; j < dim; j++) m = row[j] > m ? row[j] : m;
        if (!(m > -INFINITY) || m == INFINITY) {
            // all -inf, NaN-only or +inf rows: scalar definition
            float s = 0;
            for (long j = 0; j < dim; j++) { out[j] = expf(row[j] - m); s += out[j]; }
            for (long j = 0; j < dim; j++) out[j] = logSoftmax ? (row[j] - m) - logf(s) : out[j] / s;
            continue;
        }
        __m512 vm = _mm512_set1_ps(m);
        __m512 acc = _mm512_setzero_ps();
        long j = 0;
        for (; j + 16 <= dim; j += 16) {
            __m512 t = _mm512_max_ps(_mm512_sub_ps(_mm512_loadu_ps(row + j), vm), _mm512_set1_ps(X_LO));
            __m512 e = exp16(t);
            _mm512_storeu_ps(out + j, e);
            acc = _mm512_add_ps(acc, e);
        }
        float s = _mm512_reduce_add_ps(acc);
        for (; j < dim; j++) {
            float t = row[j] - m;
            t = t > X_LO ? t : X_LO;
            out[j] = exp1(t);
            s += out[j];
        }
        if (logSoftmax) {
            float ls = logf(s);
            for (j = 0; j < dim; j++) out[j] = (row[j] - m) - ls;
        } else {
            __m512 vs = _mm512_set1_ps(s);
            for (j = 0; j + 16 <= dim; j += 16)
                _mm512_storeu_ps(out + j, _mm512_div_ps(_mm512_loadu_ps(out + j), vs));
            for (; j < dim; j++) out[j] /= s;
        }
    }
}
#endif

void ckiln_erf(int isa, const float *x, float *y, long n) {
#ifdef CKILN_X86
    int best = ckiln_sgemm_best_isa();
    if (isa == CKILN_ISA_AUTO || isa > best) isa = best;
    if (isa == CKILN_ISA_AVX512 && __builtin_cpu_supports("avx512dq")) { erf_avx512(x, y, n); return; }
#endif
    (void)isa;
    for (long i = 0; i < n; i++) y[i] = erf1(x[i]);
}

static void softmax_scalar(const float *x, float *y, long rows, long dim, int logSoftmax) {
    for (long r = 0; r < rows; r++) {
        const float *row = x + r * dim;
        float *out = y + r * dim;
        float m = -INFINITY;
        for (long j = 0; j < dim; j++) m = row[j] > m ? row[j] : m;
        float s = 0;
        int special = !(m > -INFINITY) || m == INFINITY;
        for (long j = 0; j < dim; j++) {
            float t = row[j] - m;
            if (special) out[j] = expf(t);
            else out[j] = exp1(t > X_LO ? t : X_LO);
            s += out[j];
        }
        if (logSoftmax) {
            float ls = logf(s);
            for (long j = 0; j < dim; j++) out[j] = (row[j] - m) - ls;
        } else {
            for (long j = 0; j < dim; j++) out[j] /= s;
        }
    }
}

void ckiln_softmax_rows(int isa, const float *x, float *y, long rows, long dim, int logSoftmax) {
#ifdef CKILN_X86
    int best = ckiln_sgemm_best_isa();
    if (isa == CKILN_ISA_AUTO || isa > best) isa = best;
    if (isa == CKILN_ISA_AVX512) { softmax_avx512(x, y, rows, dim, logSoftmax); return; }
#endif
    (void)isa;
    softmax_scalar(x, y, rows, dim, logSoftmax);
}

// Memory-bound NN kernels: activations, per-channel affine (inference BatchNormalization),
// direct depthwise 2-D convolution and 2-D max/average pooling.
//
// Windowed kernels first copy each input plane into a padded buffer split by stride phase,
//
//   buf[row][phase][j] = padded[row][j * stride + phase]      (padding = 0, or -inf for max)
//
// so every kernel tap reads a contiguous run of that buffer for a whole output row: no bounds
// checks and unit-stride inner loops for any stride, dilation and padding. The bodies live in
// nn_body.h, compiled three times (portable, AVX2+FMA, AVX-512F) and chosen at run time.

#include "CKilnKernels.h"

#include <math.h>
#include <stdlib.h>

#if defined(__x86_64__) || defined(__i386__)
#define CKILN_X86 1
#endif

/// Padded extent of one axis: the image with its leading pad, grown to cover every window.
static long padded_extent(long base, long out, long stride, long k, long dilation) {
    long need = out > 0 ? (out - 1) * stride + (k - 1) * dilation + 1 : 0;
    return need > base ? need : base;
}

#define KFN(name) name##_portable
#define KTARGET
#include "nn_body.h"
#undef KFN
#undef KTARGET

#ifdef CKILN_X86
#define KFN(name) name##_avx2
#define KTARGET __attribute__((target("avx2,fma")))
#include "nn_body.h"
#undef KFN
#undef KTARGET

#define KFN(name) name##_avx512
#define KTARGET __attribute__((target("avx512f,avx2,fma")))
#include "nn_body.h"
#undef KFN
#undef KTARGET
#endif

static int nn_isa(int isa) {
    int best = ckiln_sgemm_best_isa();
    return (isa == CKILN_ISA_AUTO || isa > best) ? best : isa;
}

/// A per-thread scratch buffer, grown on demand and kept (as in sgemm.c).
static _Thread_local float *scratchBuf;
static _Thread_local size_t scratchCap;

static float *scratch(size_t floats) {
    if (scratchCap < floats) {
        free(scratchBuf);
        size_t bytes = (floats * sizeof(float) + 63) / 64 * 64;
        scratchBuf = (float *)aligned_alloc(64, bytes);
        scratchCap = scratchBuf ? floats : 0;
    }
    return scratchBuf;
}

void ckiln_activate(int isa, float *y, long n, int kind, float alpha, float beta) {
    if (n <= 0 || kind == CKILN_ACT_NONE) return;
    switch (nn_isa(isa)) {
#ifdef CKILN_X86
    case CKILN_ISA_AVX512: activate_avx512(y, n, kind, alpha, beta); return;
    case CKILN_ISA_AVX2: activate_avx2(y, n, kind, alpha, beta); return;
#endif
    default: activate_portable(y, n, kind, alpha, beta); return;
    }
}

void ckiln_channel_affine(int isa, const float *x, float *y, long images, long channels,
                          long size, const float *scale, const float *shift, int act,
                          float alpha, float beta) {
    switch (nn_isa(isa)) {
#ifdef CKILN_X86
    case CKILN_ISA_AVX512:
        channel_affine_avx512(x, y, images, channels, size, scale, shift, act, alpha, beta);
        return;
    case CKILN_ISA_AVX2:
        channel_affine_avx2(x, y, images, channels, size, scale, shift, act, alpha, beta);
        return;
#endif
    default:
        channel_affine_portable(x, y, images, channels, size, scale, shift, act, alpha, beta);
        return;
    }
}

/// Floats of padded buffer needed for geometry `g` (ih, iw, oh, ow, kh, kw, sh, sw, dh, dw,
/// ph, pw), or 0 when a dimension is not positive.
static size_t plane_buffer(const long *g) {
    for (int i = 0; i < 10; i++)
        if (g[i] <= 0) return 0;
    long rows = padded_extent(g[0] + g[10], g[2], g[6], g[4], g[8]);
    long len = (padded_extent(g[1] + g[11], g[3], g[7], g[5], g[9]) + g[7] - 1) / g[7];
    return (size_t)rows * (size_t)g[7] * (size_t)len + (size_t)g[3];
}

int ckiln_depthwise_conv2d(int isa, const float *x, const float *w, const float *bias,
                           long images, long channels, const long *geometry, int act,
                           float alpha, float beta, float *y) {
    size_t need = plane_buffer(geometry);
    if (need == 0) return 0;
    float *buf = scratch(need);
    if (!buf) return -1;
    switch (nn_isa(isa)) {
#ifdef CKILN_X86
    case CKILN_ISA_AVX512:
        depthwise_conv2d_avx512(x, w, bias, images, channels, geometry, act, alpha, beta, y, buf);
        break;
    case CKILN_ISA_AVX2:
        depthwise_conv2d_avx2(x, w, bias, images, channels, geometry, act, alpha, beta, y, buf);
        break;
#endif
    default:
        depthwise_conv2d_portable(x, w, bias, images, channels, geometry, act, alpha, beta, y,
                                  buf);
        break;
    }
    return 0;
}

int ckiln_pool2d(int isa, const float *x, long planes, const long *geometry, int kind,
                 int countIncludePad, float *y) {
    size_t need = plane_buffer(geometry);
    if (need == 0) return 0;
    float *buf = scratch(need);
    if (!buf) return -1;
    switch (nn_isa(isa)) {
#ifdef CKILN_X86
    case CKILN_ISA_AVX512: pool2d_avx512(x, planes, geometry, kind, countIncludePad, y, buf); break;
    case CKILN_ISA_AVX2: pool2d_avx2(x, planes, geometry, kind, countIncludePad, y, buf); break;
#endif
    default: pool2d_portable(x, planes, geometry, kind, countIncludePad, y, buf); break;
    }
    return 0;
}

#ifndef CKILN_KERNELS_H
#define CKILN_KERNELS_H
/// Hot kernels in C (GEMM, convolution). Each has a portable path and, where the CPU supports it,
/// an AVX2/AVX-512 path chosen at run time. Every kernel is tested against its reference in Swift.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

int ckiln_version(void);

/// Instruction-set paths of the single-precision GEMM.
enum {
    CKILN_ISA_AUTO = 0,    ///< the best path the CPU supports
    CKILN_ISA_SCALAR = 1,  ///< portable C (auto-vectorised at most to the baseline ISA)
    CKILN_ISA_AVX2 = 2,    ///< AVX2 + FMA, 6x16 micro-kernel
    CKILN_ISA_AVX512 = 3,  ///< AVX-512F + FMA, 14x32 micro-kernel
};

/// The path `CKILN_ISA_AUTO` resolves to on this CPU.
int ckiln_sgemm_best_isa(void);

/// Row-major single-precision GEMM:
///     C[M x N] = alpha * op(A)[M x K] * op(B)[K x N] + beta * C
/// where op(X) is X or its transpose. `lda`, `ldb`, `ldc` are row strides in elements of the
/// matrices as stored (A is K x M when transposed). When beta == 0, C is not read (NaNs in C do
/// not propagate). `isa` selects the path (CKILN_ISA_AUTO for the best); a path the CPU lacks falls
/// back to the best one it has. Single-threaded; callers split M or N across threads.
void ckiln_sgemm(int isa, int transA, int transB, long M, long N, long K, float alpha,
                 const float *A, long lda, const float *B, long ldb, float beta, float *C,
                 long ldc);

/// Convolution of one image group as one GEMM, with bias, overwriting C:
///     C[M x N] = W[M x K] * im2col(x)[K, colBase .. colBase + N) + bias (per row, or 0)
/// W is row-major (rows K apart). With `geometry` (2-D plane geometry: ih, iw, oh, ow, kh, kw,
/// sh, sw, dh, dw, ph, pw; x is [K / (kh * kw), ih, iw]) the unfolded columns are packed
/// straight into the GEMM's B panels, never materialized; with `geometry` NULL, x is the
/// [K x ldx] matrix itself (a 1x1, stride-1, unpadded convolution). Every element's value is
/// the same whatever part of the columns or rows a call computes, so callers split columns
/// (colBase) or rows (W, bias and C offsets) across threads with bit-identical results.
void ckiln_conv_sgemm(int isa, long M, long N, long K, const float *W, const float *x,
                      const long *geometry, long ldx, long colBase, const float *bias, float *C,
                      long ldc);

/// im2col for an N-d convolution of one image and one group.
///
/// `x` is [channels, spatial...] (contiguous), `col` receives [channels * prod(kernel), prod(out)]
/// rows. Arrays of length `rank` give input dims, output dims, kernel dims, strides, dilations
/// and leading pads. Out-of-image taps are zero.
void ckiln_im2col(const float *x, long channels, int rank, const long *inDims,
                  const long *outDims, const long *kernel, const long *strides,
                  const long *dilations, const long *padsBegin, float *col);

/// col2im of a 2-D ConvTranspose: adds the `prod(kernel)` rows of `col` (one row per kernel tap,
/// one column per input position, [kh * kw, oh * ow]) into `image` [ih x iw]. `geometry` holds
/// the 12 values of `ckiln_depthwise_conv2d` with the roles of the window op: ih, iw are the
/// image (the ConvTranspose output), oh, ow the positions (its input). Out-of-image targets are
/// skipped. Each image element's sum is formed in tap order, as in the reference loop.
void ckiln_col2im_add_2d(const float *col, const long *geometry, float *image);

/// Activations fused into the NN kernels (`alpha`/`beta`: LeakyRelu slope; Clip min, max).
enum {
    CKILN_ACT_NONE = 0,
    CKILN_ACT_RELU = 1,        ///< x < 0 ? 0 : x (NaN stays NaN)
    CKILN_ACT_LEAKY_RELU = 2,  ///< x < 0 ? alpha * x : x
    CKILN_ACT_CLIP = 3,        ///< min(max(x, alpha), beta) (NaN stays NaN)
    CKILN_ACT_SIGMOID = 4,     ///< 1 / (1 + exp(-x))
    CKILN_ACT_HARD_SIGMOID = 5, ///< min(max(alpha * x + beta, 0), 1) (NaN stays NaN)
    CKILN_ACT_GELU_ERF = 6,    ///< (x * (erf(x / alpha) + 1)) * beta, erf as `ckiln_erf`
};

/// Applies activation `kind` to `y[0:n]` in place.
void ckiln_activate(int isa, float *y, long n, int kind, float alpha, float beta);

/// y[i, c, :] = activation(x[i, c, :] * scale[c] + shift[c]) over `size` elements per plane
/// (inference BatchNormalization and per-channel Mul/Add). `x` may equal `y`.
void ckiln_channel_affine(int isa, const float *x, float *y, long images, long channels,
                          long size, const float *scale, const float *shift, int act,
                          float alpha, float beta);

/// Direct depthwise 2-D convolution (one input and one output channel per group):
///     y[i, c] = activation(bias[c] + x[i, c] (*) w[c])
/// `geometry` holds 12 values: ih, iw, oh, ow, kh, kw, strideH, strideW, dilationH, dilationW,
/// padTop, padLeft (trailing pads are implied by the output size). `bias` may be NULL.
/// Returns 0, or -1 when the scratch buffer cannot be allocated (nothing is written).
int ckiln_depthwise_conv2d(int isa, const float *x, const float *w, const float *bias,
                           long images, long channels, const long *geometry, int act,
                           float alpha, float beta, float *y);

/// 2-D pooling of `planes` images [ih x iw]. `geometry` holds the 12 values of
/// `ckiln_depthwise_conv2d` plus padBottom and padRight. `kind` 0 is max (out-of-image taps
/// ignored), 1 is average (divided by the in-image tap count, or with `countIncludePad` by the
/// taps inside the padded input). Returns 0, or -1 when out of memory.
int ckiln_pool2d(int isa, const float *x, long planes, const long *geometry, int kind,
                 int countIncludePad, float *y);


/// Number of int16 values `ckiln_qgemm_pack_b` writes for a K x N matrix: ceil(K/2) * N * 2.
long ckiln_qgemm_packed_size(long K, long N);

/// Packs row-major int16 B[K x N] (rows `ldb` apart) into the pair-interleaved layout of
/// `ckiln_qgemm_s16`: dst[(q * N + j) * 2 + r] = B[2q + r][j], zero where 2q + r >= K.
void ckiln_qgemm_pack_b(long K, long N, const int16_t *B, long ldb, int16_t *dst);

/// Integer GEMM with 32-bit wrapping accumulation: C[M x N] = A[M x K] * B[K x N], A row-major
/// int16 (rows `lda` apart), B packed by `ckiln_qgemm_pack_b`, C row-major int32 (rows `ldc`
/// apart, overwritten). For quantized kernels: operands are 8-bit values minus their zero
/// points. Single-threaded; callers split M or N.
void ckiln_qgemm_s16(int isa, long M, long N, long K, const int16_t *A, long lda,
                     const int16_t *Bpacked, int32_t *C, long ldc);

/// Number of int8 values `ckiln_qgemm_u8s8_pack_b` writes for a K x N matrix:
/// ceil(N/16) * (ceil(K/4) * 64 + 64).
long ckiln_qgemm_u8s8_packed_size(long K, long N);

/// Packs row-major int8 B[K x N] (rows `ldb` apart) into the layout of `ckiln_qgemm_u8s8`:
/// panels of 16 columns, quads of rows interleaved within a panel,
/// dst[p * (ceil(K/4) * 64 + 64) + q * 64 + c * 4 + r] = B[4q + r][16p + c], zero elsewhere
/// (each panel carries one spare cache line so side-by-side panels do not alias in L1).
void ckiln_qgemm_u8s8_pack_b(long K, long N, const int8_t *B, long ldb, int8_t *dst);

/// 1 when this CPU has the dot-product instructions (AVX-512 VNNI) of `ckiln_qgemm_u8s8`; the
/// portable path is exact too but slower than `ckiln_qgemm_s16`.
int ckiln_qgemm_u8s8_supported(void);

/// Integer GEMM on uint8 A and int8 B with zero points, 32-bit wrapping accumulation:
///     C[i, j] = sum_k (A[i, k] - aZero) * (B[k, j] + colOffset[j])
/// A row-major uint8 (rows `lda` apart), B packed by `ckiln_qgemm_u8s8_pack_b`, `colSum[j]` =
/// sum_k B[k, j] (as packed), C row-major int32 (rows `ldc` apart, overwritten). Equal, modulo
/// 2^32, to `ckiln_qgemm_s16` on the zero-point-subtracted values. Single-threaded.
void ckiln_qgemm_u8s8(int isa, long M, long N, long K, const uint8_t *A, long lda, int32_t aZero,
                      const int8_t *Bpacked, const int32_t *colOffset, const int32_t *colSum,
                      int32_t *C, long ldc);

/// onnxruntime's dynamic uint8 quantization of x[0:n]: the range [min(0, x), max(0, x)] (NaN
/// skipped), scale = range / 255 (1 when empty), zero point = round_half_even(clamp(-min /
/// scale, 0, 255)), q = clamp(round_half_even(x / scale) + zero point, 0, 255) (NaN -> zero
/// point). Writes the scale, returns the zero point; bit-identical on every path.
int32_t ckiln_quantize_u8_dynamic(int isa, const float *x, long n, float *scale, uint8_t *q);


/// onnxruntime's MLAS float32 logistic (`MlasComputeLogistic`) and tanh (`MlasComputeTanh`)
/// approximations, in place over `n` values; bit-identical on every ISA path (and to Kiln's
/// Swift `MlasMath`). NaN propagates.
void ckiln_mlas_logistic(int isa, float *x, long n);
void ckiln_mlas_tanh(int isa, float *x, long n);


/// float32 erf over `n` values (onnxruntime MLAS's algorithm: odd polynomial below 0.921875,
/// 1 − exp(−q(|x|)) above, |x| clamped to 3.925); `y` may equal `x`. NaN propagates.
void ckiln_erf(int isa, const float *x, float *y, long n);

/// Softmax (or log-softmax) of each of `rows` contiguous rows of `dim` float32 values:
/// max-subtracted, polynomial exp, sum, divide. `y` may equal `x` only for softmax.
void ckiln_softmax_rows(int isa, const float *x, float *y, long rows, long dim, int logSoftmax);

#ifdef __cplusplus
}
#endif

#include "CKilnQGemm8.h"  // 8-bit integer GEMM, convolution and requantization
#endif

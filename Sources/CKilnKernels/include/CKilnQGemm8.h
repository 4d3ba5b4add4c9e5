#ifndef CKILN_QGEMM8_H
#define CKILN_QGEMM8_H
/// 8-bit integer GEMM (u8 x s8 -> s32) and the convolution and requantization helpers of the
/// quantized kernels (MatMulInteger, ConvInteger, QLinearMatMul, QLinearConv). Paths: AVX-512
/// VNNI (`vpdpbusd`), AVX2 (`vpmaddubsw`, exact), portable C; chosen at run time with the
/// `CKILN_ISA_*` codes of CKilnKernels.h (`CKILN_ISA_AVX512` is the VNNI path). Every result is
/// exact: 32-bit accumulation wraps, as the 64-bit sum truncated to 32 bits would.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The path `CKILN_ISA_AUTO` resolves to for the 8-bit kernels on this CPU.
int ckiln_qgemm8_best_isa(void);

/// K rounded up to a multiple of 4: the row length (at least) of packed A.
long ckiln_qgemm8_round_k(long K);

/// Bytes `ckiln_qgemm8_pack_b` writes for a K x N matrix.
long ckiln_qgemm8_packed_size(long K, long N);

/// Packs row-major B[K x N] (rows `ldb` elements apart; int8 when `bSigned`, else uint8 stored
/// as b - 128) into the layout of `ckiln_qgemm8` and writes the column sums of the stored int8
/// values to `colSum[N]`.
void ckiln_qgemm8_pack_b(long K, long N, const void *B, long ldb, int bSigned, int8_t *dst,
                         int32_t *colSum);

/// Copies row-major A[M x K] (uint8, or int8 when `aSigned`, stored as a ^ 0x80 = a + 128)
/// into rows `ldd` bytes apart, zero from K to `ldd` (`ldd` >= `ckiln_qgemm8_round_k(K)`).
void ckiln_qgemm8_pack_a(long M, long K, const void *A, long lda, int aSigned, uint8_t *dst,
                         long ldd);

/// rowSum[i] = sum of the first K stored bytes of row i of packed A.
void ckiln_qgemm8_row_sums(long M, long K, const uint8_t *A, long lda, int32_t *rowSum);

/// C[M x N] = A[M x Kp] * B (packed). A is packed (`Kp` a multiple of 4, zero past K), C
/// row-major int32 rows `ldc` apart, overwritten. Single-threaded; callers split M.
void ckiln_qgemm8(int isa, long M, long N, long Kp, const uint8_t *A, long lda,
                  const int8_t *Bpacked, int32_t *C, long ldc);

/// Applies zero points to a `ckiln_qgemm8` product of stored values:
///     C[i][j] += K*rowZa[i]*colZb[j] - rowZa[i]*colSum[j] - colZb[j]*rowSum[i]
/// `rowZa[M]` are A's zero points in the stored domain; `colZb[N]` B's (NULL when all zero,
/// then `rowSum` is not read). Wrapping 32-bit arithmetic.
void ckiln_qgemm8_fixup(long M, long N, long K, int32_t *C, long ldc, const int32_t *rowZa,
                        const int32_t *colSum, const int32_t *colZb, const int32_t *rowSum);

/// Transposes `x[channels, plane]` (8-bit) to `dst[plane, channels]`, xoring with `mask`.
void ckiln_chw_to_hwc_u8(const uint8_t *x, long channels, long plane, uint8_t mask,
                         uint8_t *dst);

/// Unfolds one group of one 2-D image stored channels-last, `xh[ih, iw, channels]`, into rows
/// of packed A: row `oy * ow + ox` holds the taps in (kernel row, kernel column, channel)
/// order, then zeros up to `ldd`; taps in the padding get `pad` (the zero point in the stored
/// domain). `geometry` holds ih, iw, oh, ow, kh, kw, strideH, strideW, dilationH, dilationW,
/// padTop, padLeft.
void ckiln_im2row_hwc_u8(const uint8_t *xh, long channels, const long *geometry, uint8_t pad,
                         uint8_t *dst, long ldd);

/// Direct depthwise 2-D integer convolution of `channels` planes (geometry as above):
///     acc[c][o] = sum over in-image taps of ((x ^ mask) - za) * w[c][tap]
/// with `w` the weights minus their zero point. Wrapping 32-bit accumulation.
void ckiln_qdepthwise_u8(int isa, const uint8_t *x, long channels, const long *geometry,
                         uint8_t mask, int32_t za, const int16_t *w, int32_t *acc);

/// onnxruntime's requantization of `rows x cols` int32 values (rows `ldAcc` apart):
///     y = saturate(round_half_even((float)(acc + bias) * scale) + zp)
/// (MLAS clamps in float before rounding: the same result). `bias` (may be NULL) and `scale`
/// (`scaleCount` 1, or one per row / per column) are indexed by row when `biasPerRow` /
/// `scalePerRow`. Output uint8 or int8 (`outSigned`) at `y[i*ysRow + j*ysCol]`.
void ckiln_requantize_u8(int isa, long rows, long cols, const int32_t *acc, long ldAcc,
                         const int32_t *bias, int biasPerRow, const float *scale,
                         int scalePerRow, long scaleCount, int32_t zp, int outSigned,
                         uint8_t *y, long ysRow, long ysCol);

/// dst[j][i] = src[i][j] for a rows x cols byte matrix (blocked).
void ckiln_transpose_u8(long rows, long cols, const uint8_t *src, long lds, uint8_t *dst,
                        long ldd);

/// dst[j][i] = src[i][j] for a rows x cols int32 matrix, in 32 x 32 tiles (ConvInteger's
/// [plane, channels] accumulators to NCHW; element by element, its strided writes missed the
/// cache on large planes).
void ckiln_transpose_i32(long rows, long cols, const int32_t *src, long lds, int32_t *dst,
                         long ldd);

/// QuantizeLinear per tensor: y = saturate(round_half_even(x / scale) + zp) into uint8 or
/// int8 (`outSigned`), the division in float32 as onnxruntime and the ONNX reference do.
/// Returns 1 when some x / scale is NaN (those outputs are unspecified), else 0.
int ckiln_quantize_u8(int isa, const float *x, long n, float scale, int32_t zp, int outSigned,
                      uint8_t *y);

/// DequantizeLinear per tensor: y = (float)(x - zp) * scale for uint8 or int8 (`inSigned`) x.
void ckiln_dequantize_u8(int isa, const uint8_t *x, long n, int inSigned, int32_t zp, float scale,
                         float *y);

/// DequantizeLinear of int32 without zero point: y = (float)x * scale over x viewed as
/// [outer, axisDim, inner], one scale per `axisDim` slice (`perAxis`) or one in all.
void ckiln_dequantize_i32(const int32_t *x, long outer, long axisDim, long inner,
                          const float *scale, int perAxis, float *y);

#ifdef __cplusplus
}
#endif
#endif

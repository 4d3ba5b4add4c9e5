// im2col: unfolds convolution windows into the columns of a matrix so convolution becomes GEMM.
//
//   col[(c, k...), (o...)] = x[c, o * stride - pad + k * dilation]   (0 outside the image)

#include "CKilnKernels.h"

#include <string.h>

static void im2col_2d(const float *x, long channels, long ih, long iw, long oh, long ow, long kh,
                      long kw, long sh, long sw, long dh, long dw, long ph, long pw, float *col) {
    long outSize = oh * ow;
    for (long c = 0; c < channels; c++) {
        const float *img = x + c * ih * iw;
        for (long ky = 0; ky < kh; ky++) {
            for (long kx = 0; kx < kw; kx++) {
                float *dst = col + ((c * kh + ky) * kw + kx) * outSize;
                // Output columns whose input column is inside the image: [owLo, owHi).
                long off = kx * dw - pw;
                long owLo = 0, owHi = ow;
                if (off < 0) owLo = (-off + sw - 1) / sw;
                if (owLo > ow) owLo = ow;
                // largest ox with ox*sw + off <= iw - 1
                long lim = iw - 1 - off;
                owHi = lim < 0 ? 0 : lim / sw + 1;
                if (owHi > ow) owHi = ow;
                if (owHi < owLo) owHi = owLo;
                for (long oy = 0; oy < oh; oy++) {
                    long y = oy * sh - ph + ky * dh;
                    float *d = dst + oy * ow;
                    if (y < 0 || y >= ih) {
                        memset(d, 0, (size_t)ow * sizeof(float));
                        continue;
                    }
                    const float *srow = img + y * iw + off;
                    for (long ox = 0; ox < owLo; ox++) d[ox] = 0.0f;
                    if (sw == 1) {
                        memcpy(d + owLo, srow + owLo, (size_t)(owHi - owLo) * sizeof(float));
                    } else {
                        for (long ox = owLo; ox < owHi; ox++) d[ox] = srow[ox * sw];
                    }
                    for (long ox = owHi; ox < ow; ox++) d[ox] = 0.0f;
                }
            }
        }
    }
}

void ckiln_im2col(const float *x, long channels, int rank, const long *inDims,
                  const long *outDims, const long *kernel, const long *strides,
                  const long *dilations, const long *padsBegin, float *col) {
    if (rank == 2) {
        im2col_2d(x, channels, inDims[0], inDims[1], outDims[0], outDims[1], kernel[0],
                  kernel[1], strides[0], strides[1], dilations[0], dilations[1], padsBegin[0],
                  padsBegin[1], col);
        return;
    }
    if (rank == 1) {
        im2col_2d(x, channels, 1, inDims[0], 1, outDims[0], 1, kernel[0], 1, strides[0], 1,
                  dilations[0], 0, padsBegin[0], col);
        return;
    }
    // Generic rank: odometer over kernel offsets and output positions.
    long inSize = 1, outSize = 1, kSize = 1;
    for (int d = 0; d < rank; d++) {
        inSize *= inDims[d];
        outSize *= outDims[d];
        kSize *= kernel[d];
    }
    long kidx[16], oidx[16];
    if (rank > 16) return;
    for (long c = 0; c < channels; c++) {
        const float *img = x + c * inSize;
        for (int d = 0; d < rank; d++) kidx[d] = 0;
        for (long kf = 0; kf < kSize; kf++) {
            float *dst = col + (c * kSize + kf) * outSize;
            for (int d = 0; d < rank; d++) oidx[d] = 0;
            for (long of = 0; of < outSize; of++) {
                long src = 0;
                int inside = 1;
                for (int d = 0; d < rank; d++) {
                    long p = oidx[d] * strides[d] - padsBegin[d] + kidx[d] * dilations[d];
                    if (p < 0 || p >= inDims[d]) {
                        inside = 0;
                        break;
                    }
                    src = src * inDims[d] + p;
                }
                dst[of] = inside ? img[src] : 0.0f;
                for (int d = rank - 1; d >= 0; d--) {
                    if (++oidx[d] < outDims[d]) break;
                    oidx[d] = 0;
                }
            }
            for (int d = rank - 1; d >= 0; d--) {
                if (++kidx[d] < kernel[d]) break;
                kidx[d] = 0;
            }
        }
    }
}

// col2im (the scatter of ConvTranspose), 2-D:
//
//   image[o * stride - pad + k * dilation] += col[k, o]      for every in-image target
//
// Rows are added in kernel-tap order and, within a row, in position order: for a fixed tap each
// image element receives at most one value, so every element's sum is formed in the same order
// as the generic reference loop (bit-identical results).
void ckiln_col2im_add_2d(const float *col, const long *geometry, float *image) {
    long ih = geometry[0], iw = geometry[1], oh = geometry[2], ow = geometry[3];
    long kh = geometry[4], kw = geometry[5], sh = geometry[6], sw = geometry[7];
    long dh = geometry[8], dw = geometry[9], ph = geometry[10], pw = geometry[11];
    long positions = oh * ow;
    for (long ky = 0; ky < kh; ky++) {
        for (long kx = 0; kx < kw; kx++) {
            const float *src = col + (ky * kw + kx) * positions;
            long off = kx * dw - pw;
            long owLo = 0, owHi;
            if (off < 0) owLo = (-off + sw - 1) / sw;
            if (owLo > ow) owLo = ow;
            long lim = iw - 1 - off;
            owHi = lim < 0 ? 0 : lim / sw + 1;
            if (owHi > ow) owHi = ow;
            if (owHi < owLo) owHi = owLo;
            for (long oy = 0; oy < oh; oy++) {
                long y = oy * sh - ph + ky * dh;
                if (y < 0 || y >= ih) continue;
                float *drow = image + y * iw + off;
                const float *s = src + oy * ow;
                if (sw == 1) {
                    for (long ox = owLo; ox < owHi; ox++) drow[ox] += s[ox];
                } else {
                    for (long ox = owLo; ox < owHi; ox++) drow[ox * sw] += s[ox];
                }
            }
        }
    }
}

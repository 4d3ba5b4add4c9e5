// Bodies of the element-wise, depthwise-convolution and pooling kernels of nnops.c.
//
// Included once per instruction-set path with KFN(name) (the function name suffix) and KTARGET
// (a target attribute, or nothing for the portable path) defined, so one C source is compiled
// as portable, AVX2 and AVX-512 code; the compiler vectorises the unit-stride inner loops.
// Not a public header.

KTARGET static void KFN(activate)(float *restrict y, long n, int kind, float alpha, float beta) {
    switch (kind) {
    case CKILN_ACT_RELU:
        for (long i = 0; i < n; i++) y[i] = y[i] < 0.0f ? 0.0f : y[i]; // NaN stays NaN
        break;
    case CKILN_ACT_LEAKY_RELU:
        for (long i = 0; i < n; i++) y[i] = y[i] < 0.0f ? alpha * y[i] : y[i];
        break;
    case CKILN_ACT_CLIP:
        for (long i = 0; i < n; i++) {
            float v = y[i];
            v = v < alpha ? alpha : v;
            y[i] = v > beta ? beta : v; // NaN fails both comparisons and stays NaN
        }
        break;
    case CKILN_ACT_SIGMOID:
        for (long i = 0; i < n; i++) {
            float v = y[i];
            if (v >= 0.0f) {
                y[i] = 1.0f / (1.0f + expf(-v));
            } else {
                float e = expf(v);
                y[i] = e / (1.0f + e);
            }
        }
        break;
    case CKILN_ACT_HARD_SIGMOID:
        for (long i = 0; i < n; i++) {
            float v = alpha * y[i] + beta;
            v = v < 0.0f ? 0.0f : v;
            y[i] = v > 1.0f ? 1.0f : v; // NaN fails both comparisons and stays NaN
        }
        break;
    case CKILN_ACT_GELU_ERF:
        // (x * (erf(x / alpha) + 1)) * beta, in blocks through the shared MLAS erf.
        for (long i0 = 0; i0 < n; i0 += 256) {
            float t[256];
            long m = n - i0 < 256 ? n - i0 : 256;
            float *restrict v = y + i0;
            for (long i = 0; i < m; i++) t[i] = v[i] / alpha;
            ckiln_erf(CKILN_ISA_AUTO, t, t, m);
            for (long i = 0; i < m; i++) v[i] = (v[i] * (t[i] + 1.0f)) * beta;
        }
        break;
    default:
        break;
    }
}

KTARGET static void KFN(channel_affine)(const float *restrict x, float *restrict y, long images,
                                        long channels, long size, const float *scale,
                                        const float *shift, int act, float alpha, float beta) {
    for (long img = 0; img < images; img++) {
        for (long c = 0; c < channels; c++) {
            const float *src = x + (img * channels + c) * size;
            float *dst = y + (img * channels + c) * size;
            float a = scale[c], b = shift[c];
            for (long i = 0; i < size; i++) dst[i] = src[i] * a + b;
            if (act) KFN(activate)(dst, size, act, alpha, beta);
        }
    }
}

/// Copies one plane [ih x iw] into `buf` as `rows` padded rows, each split into `sw` phases of
/// `len` elements: buf[(r * sw + p) * len + j] = padded[r][j * sw + p], where padded has `ph`
/// rows and `pw` columns of `fill` before the image and `fill` after it.
KTARGET static void KFN(pad_phases)(const float *restrict x, long ih, long iw, long ph, long pw,
                                    long rows, long sw, long len, float fill,
                                    float *restrict buf) {
    for (long r = 0; r < rows; r++) {
        long iy = r - ph;
        const float *src = (iy >= 0 && iy < ih) ? x + iy * iw : 0;
        for (long p = 0; p < sw; p++) {
            float *restrict d = buf + (r * sw + p) * len;
            // In-image j: 0 <= j * sw + p - pw < iw.
            long lo = 0, hi = 0;
            if (src) {
                long first = pw - p;
                lo = first <= 0 ? 0 : (first + sw - 1) / sw;
                long last = iw - 1 + pw - p;
                hi = last < 0 ? 0 : last / sw + 1;
                if (hi > len) hi = len;
                if (lo > hi) lo = hi;
            }
            for (long j = 0; j < lo; j++) d[j] = fill;
            const float *restrict s = src ? src + p - pw : 0;
            if (sw == 1) {
                for (long j = lo; j < hi; j++) d[j] = s[j];
            } else {
                for (long j = lo; j < hi; j++) d[j] = s[j * sw];
            }
            for (long j = hi; j < len; j++) d[j] = fill;
        }
    }
}

KTARGET static void KFN(depthwise_conv2d)(const float *x, const float *w, const float *bias,
                                          long images, long channels, const long *g, int act,
                                          float alpha, float beta, float *y, float *buf) {
    long ih = g[0], iw = g[1], oh = g[2], ow = g[3], kh = g[4], kw = g[5];
    long sh = g[6], sw = g[7], dh = g[8], dw = g[9], ph = g[10], pw = g[11];
    long rows = padded_extent(ih + ph, oh, sh, kh, dh);
    long len = (padded_extent(iw + pw, ow, sw, kw, dw) + sw - 1) / sw;
    for (long img = 0; img < images; img++) {
        for (long c = 0; c < channels; c++) {
            const float *src = x + (img * channels + c) * ih * iw;
            float *dst = y + (img * channels + c) * oh * ow;
            const float *wc = w + c * kh * kw;
            float b0 = bias ? bias[c] : 0.0f;
            KFN(pad_phases)(src, ih, iw, ph, pw, rows, sw, len, 0.0f, buf);
            for (long oy = 0; oy < oh; oy++) {
                float *restrict o = dst + oy * ow;
                for (long ox = 0; ox < ow; ox++) o[ox] = b0;
                for (long ky = 0; ky < kh; ky++) {
                    const float *row = buf + (oy * sh + ky * dh) * sw * len;
                    const float *wr = wc + ky * kw;
                    long kx = 0;
                    for (; kx + 3 <= kw; kx += 3) {
                        long t0 = kx * dw, t1 = t0 + dw, t2 = t1 + dw;
                        const float *restrict p0 = row + (t0 % sw) * len + t0 / sw;
                        const float *restrict p1 = row + (t1 % sw) * len + t1 / sw;
                        const float *restrict p2 = row + (t2 % sw) * len + t2 / sw;
                        float w0 = wr[kx], w1 = wr[kx + 1], w2 = wr[kx + 2];
                        for (long ox = 0; ox < ow; ox++)
                            o[ox] = ((o[ox] + w0 * p0[ox]) + w1 * p1[ox]) + w2 * p2[ox];
                    }
                    for (; kx < kw; kx++) {
                        long t = kx * dw;
                        const float *restrict p = row + (t % sw) * len + t / sw;
                        float wv = wr[kx];
                        for (long ox = 0; ox < ow; ox++) o[ox] = o[ox] + wv * p[ox];
                    }
                }
                if (act) KFN(activate)(o, ow, act, alpha, beta);
            }
        }
    }
}

KTARGET static void KFN(pool2d)(const float *x, long planes, const long *g, int kind,
                                int countIncludePad, float *y, float *buf) {
    long ih = g[0], iw = g[1], oh = g[2], ow = g[3], kh = g[4], kw = g[5];
    long sh = g[6], sw = g[7], dh = g[8], dw = g[9], ph = g[10], pw = g[11];
    long peh = g[12], pew = g[13];
    long rows = padded_extent(ih + ph, oh, sh, kh, dh);
    long len = (padded_extent(iw + pw, ow, sw, kw, dw) + sw - 1) / sw;
    int isMax = kind == 0;
    float *restrict colCount = buf + rows * sw * len;
    for (long ox = 0; ox < ow; ox++) {
        long n = 0;
        for (long kx = 0; kx < kw; kx++) {
            long ix = ox * sw - pw + kx * dw;
            long lo = countIncludePad ? -pw : 0, hi = countIncludePad ? iw + pew : iw;
            if (ix >= lo && ix < hi) n++;
        }
        colCount[ox] = (float)n;
    }
    for (long pl = 0; pl < planes; pl++) {
        KFN(pad_phases)(x + pl * ih * iw, ih, iw, ph, pw, rows, sw, len,
                        isMax ? -__builtin_inff() : 0.0f, buf);
        float *dst = y + pl * oh * ow;
        for (long oy = 0; oy < oh; oy++) {
            float *restrict o = dst + oy * ow;
            long rowCount = 0;
            for (long ky = 0; ky < kh; ky++) {
                long iy = oy * sh - ph + ky * dh;
                long lo = countIncludePad ? -ph : 0, hi = countIncludePad ? ih + peh : ih;
                if (iy >= lo && iy < hi) rowCount++;
            }
            float init = isMax ? -__builtin_inff() : 0.0f;
            for (long ox = 0; ox < ow; ox++) o[ox] = init;
            for (long ky = 0; ky < kh; ky++) {
                const float *row = buf + (oy * sh + ky * dh) * sw * len;
                for (long kx = 0; kx < kw; kx++) {
                    long t = kx * dw;
                    const float *restrict p = row + (t % sw) * len + t / sw;
                    if (isMax) {
                        for (long ox = 0; ox < ow; ox++) o[ox] = p[ox] > o[ox] ? p[ox] : o[ox];
                    } else {
                        for (long ox = 0; ox < ow; ox++) o[ox] += p[ox];
                    }
                }
            }
            if (!isMax) {
                float rc = (float)rowCount;
                for (long ox = 0; ox < ow; ox++) {
                    float n = rc * colCount[ox];
                    o[ox] = n > 0.0f ? o[ox] / n : 0.0f;
                }
            }
        }
    }
}

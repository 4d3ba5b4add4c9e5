import Foundation
import KilnIR

/// AffineGrid, Col2Im, CenterCropPad and DeformConv: image-space ops around sampling and
/// patch extraction.
enum SpatialOps {
    static let all: [any OpDefinition] = [
        ClosureOp("AffineGrid") { c in [.tensor(try affineGrid(c))] },
        ClosureOp("Col2Im") { c in [.tensor(try col2Im(c))] },
        ClosureOp("CenterCropPad") { c in [.tensor(try centerCropPad(c))] },
        ClosureOp("DeformConv") { c in [.tensor(try deformConv(c))] },
    ]

    // MARK: - AffineGrid

    /// Normalized sampling grid `theta · (x, y[, z], 1)` for an output of `size` (N, C, H, W)
    /// or (N, C, D, H, W); the grid's last axis is ordered x, y[, z] as GridSample expects.
    static func affineGrid(_ c: KernelContext) throws -> Tensor {
        let theta = try c.tensor(0)
        let size = try c.tensor(1).int64s()
        let align = c.int("align_corners", default: 0) != 0
        guard size.count == 4 || size.count == 5 else {
            throw c.fail("size must hold 4 or 5 values, got \(size)")
        }
        let r = size.count - 2
        let n = Int(size[0])
        let spatial = size[2...].map { Int($0) }
        guard spatial.allSatisfy({ $0 >= 0 }), size[0] >= 0 else {
            throw c.fail("size \(size) has a negative dimension")
        }
        guard theta.dims == [n, r, r + 1] else {
            throw c.fail("theta must be (\(n), \(r), \(r + 1)), got \(theta.dims)")
        }
        let count = try Checked.product([Int64(n)] + spatial.map(Int64.init) + [Int64(r)])
        let tv = try theta.doubles()
        // Base coordinates per spatial dim, in the dim's own order (D/H/W).
        let base: [[Double]] = spatial.map { s in
            (0..<s).map { i in
                if align { return s > 1 ? -1 + 2 * Double(i) / Double(s - 1) : -1 }
                return -1 + (2 * Double(i) + 1) / Double(s)
            }
        }
        var out = [Double](repeating: 0, count: count)
        var o = 0
        for b in 0..<n {
            let t = b * r * (r + 1)
            forEachIndex(spatial) { _, idx in
                // Homogeneous point ordered (x, y[, z], 1): x is the last spatial dim.
                var p = [Double](repeating: 1, count: r + 1)
                for k in 0..<r { p[k] = base[r - 1 - k][idx[r - 1 - k]] }
                for row in 0..<r {
                    var s = 0.0
                    for col in 0...r { s += tv[t + row * (r + 1) + col] * p[col] }
                    out[o + row] = s
                }
                o += r
            }
        }
        let shape = ([n] + spatial + [r]).map(Int64.init)
        return try Tensor.fromDoubles(out, shape: shape, as: theta.elementType)
    }

    // MARK: - Col2Im

    /// Rearranges column blocks (N, C·∏block, L) back into an image (N, C, *image_shape),
    /// summing overlapping contributions (the inverse of im2col).
    static func col2Im(_ c: KernelContext) throws -> Tensor {
        let x = try c.tensor(0)
        let image = try c.tensor(1).int64s().map { Int($0) }
        let block = try c.tensor(2).int64s().map { Int($0) }
        let r = image.count
        guard r >= 1, block.count == r, image.allSatisfy({ $0 > 0 }),
            block.allSatisfy({ $0 > 0 })
        else { throw c.fail("image_shape \(image) and block_shape \(block) are invalid") }
        let dil = try c.ints("dilations", count: r, default: 1)
        let strides = try c.ints("strides", count: r, default: 1)
        let pads = try c.ints("pads", count: 2 * r, default: 0)
        let xd = x.dims
        let blockSize = try Checked.product(block.map(Int64.init))
        guard xd.count == 3, xd[1] % blockSize == 0 else {
            throw c.fail("input \(xd) must be (N, C*prod(block_shape), L)")
        }
        let (n, ch) = (xd[0], xd[1] / blockSize)
        var cols: [Int] = []
        for i in 0..<r {
            let span = dil[i] * (block[i] - 1) + 1
            guard strides[i] > 0 else { throw c.fail("strides must be positive") }
            let v = (image[i] + pads[i] + pads[i + r] - span) / strides[i] + 1
            guard v >= 1 else { throw c.fail("no sliding block fits along axis \(i)") }
            cols.append(v)
        }
        let l = cols.reduce(1, *)
        guard xd[2] == l else { throw c.fail("L is \(xd[2]), expected \(l) blocks") }
        let imageSize = try Checked.product(image.map(Int64.init))
        _ = try Checked.product([Int64(n), Int64(ch), Int64(imageSize)])
        let xv = try x.doubles()
        let imStrides = rowMajorStrides(image)
        var out = [Double](repeating: 0, count: n * ch * imageSize)
        for b in 0..<n {
            for ci in 0..<ch {
                let outBase = (b * ch + ci) * imageSize
                forEachIndex(block) { k, kidx in
                    let inBase = ((b * ch + ci) * blockSize + k) * l
                    forEachIndex(cols) { p, pidx in
                        var off = 0
                        for i in 0..<r {
                            let pos = pidx[i] * strides[i] - pads[i] + kidx[i] * dil[i]
                            if pos < 0 || pos >= image[i] { return }
                            off += pos * imStrides[i]
                        }
                        out[outBase + off] += xv[inBase + p]
                    }
                }
            }
        }
        let shape = ([n, ch] + image).map(Int64.init)
        return try Tensor.fromDoubles(out, shape: shape, as: x.elementType)
    }

    // MARK: - CenterCropPad

    /// Center-crops or zero-pads each listed axis to the requested length (an odd difference
    /// puts the extra element at the end).
    static func centerCropPad(_ c: KernelContext) throws -> Tensor {
        let x = try c.tensor(0)
        let target = try c.tensor(1).int64s()
        let d = x.dims
        let axes = try c.ints("axes").map {
            try Axis.normalize($0, rank: d.count, op: "CenterCropPad")
        } ?? Array(0..<d.count)
        guard axes.count == target.count else {
            throw c.fail("shape has \(target.count) values for \(axes.count) axes")
        }
        var outDims = d
        for (a, s) in zip(axes, target) {
            guard s >= 0 else { throw c.fail("negative target size \(s)") }
            outDims[a] = Int(s)
        }
        _ = try Checked.product(outDims.map(Int64.init))
        // Per axis: output index j reads input index j + shift (negative shift pads in front).
        let shift = (0..<d.count).map { i -> Int in
            let diff = d[i] - outDims[i]
            return diff >= 0 ? diff / 2 : -((-diff) / 2)
        }
        let zero: Tensor =
            x.elementType == .string
            ? Tensor(elementType: .string, shape: [1], strings: [Data()])
            : try Tensor.fromDoubles([0], shape: [1], as: x.elementType)
        let padIndex = x.elementCount ?? 0
        let st = rowMajorStrides(d)
        var index: [Int] = []
        index.reserveCapacity(outDims.reduce(1, *))
        forEachIndex(outDims) { _, idx in
            var off = 0
            for i in 0..<d.count {
                let j = idx[i] + shift[i]
                if j < 0 || j >= d[i] {
                    index.append(padIndex)
                    return
                }
                off += j * st[i]
            }
            index.append(off)
        }
        return x.appendingElements(of: zero).gathered(index, shape: outDims.map(Int64.init))
    }

    // MARK: - DeformConv

    /// 2-D deformable convolution: each kernel tap samples X bilinearly (zero outside) at its
    /// regular position plus a learned offset, optionally scaled by a mask.
    static func deformConv(_ c: KernelContext) throws -> Tensor {
        let x = try c.tensor(0)
        let w = try c.tensor(1)
        let offset = try c.tensor(2)
        let bias = try c.optionalTensor(3)?.doubles()
        let mask = try c.optionalTensor(4)?.doubles()
        let xd = x.dims
        let wd = w.dims
        guard xd.count == 4, wd.count == 4 else {
            throw KilnError(
                .unsupportedFeature, "DeformConv: only 2-D inputs are supported, got \(xd)",
                at: c.location)
        }
        let (n, ic, ih, iw) = (xd[0], xd[1], xd[2], xd[3])
        let (oc, icg, kh, kw) = (wd[0], wd[1], wd[2], wd[3])
        let group = Int(c.int("group", default: 1))
        let og = Int(c.int("offset_group", default: 1))
        guard group > 0, og > 0, icg * group == ic, oc % group == 0, ic % og == 0 else {
            throw c.fail("X \(xd), W \(wd), group \(group), offset_group \(og) are inconsistent")
        }
        let ks = try c.ints("kernel_shape", count: 2, default: 0)
        guard ks == [0, 0] || ks == [kh, kw] else { throw c.fail("kernel_shape differs from W") }
        let st = try c.ints("strides", count: 2, default: 1)
        let dl = try c.ints("dilations", count: 2, default: 1)
        let pd = try c.ints("pads", count: 4, default: 0)
        let od = offset.dims
        guard od.count == 4, od[0] == n, od[1] == og * kh * kw * 2 else {
            throw c.fail("offset shape \(od) must be (N, offset_group*kH*kW*2, oH, oW)")
        }
        let (oh, ow) = (od[2], od[3])
        guard st[0] > 0, st[1] > 0,
            oh == (ih + pd[0] + pd[2] - ((kh - 1) * dl[0] + 1)) / st[0] + 1,
            ow == (iw + pd[1] + pd[3] - ((kw - 1) * dl[1] + 1)) / st[1] + 1
        else { throw c.fail("offset's spatial shape does not match the convolution output") }
        if let bias, bias.count != oc { throw c.fail("B must hold \(oc) values") }
        if let mask, mask.count != n * og * kh * kw * oh * ow {
            throw c.fail("mask must be (N, offset_group*kH*kW, oH, oW)")
        }
        _ = try Checked.product([Int64(n), Int64(oc), Int64(oh), Int64(ow)])
        let xv = try x.doubles()
        let wv = try w.doubles()
        let ov = try offset.doubles()
        let ocg = oc / group
        let icPerOG = ic / og
        let taps = kh * kw
        // Sampled columns: [ic, taps, oh*ow] per batch, then a grouped matrix product.
        var out = [Double](repeating: 0, count: n * oc * oh * ow)
        var col = [Double](repeating: 0, count: ic * taps * oh * ow)
        let plane = oh * ow
        for b in 0..<n {
            for ci in 0..<ic {
                let g = ci / icPerOG
                let xBase = (b * ic + ci) * ih * iw
                for ki in 0..<kh {
                    for kj in 0..<kw {
                        let k = ki * kw + kj
                        let offBase = ((b * og + g) * taps + k) * 2
                        let maskBase = ((b * og + g) * taps + k) * plane
                        for i in 0..<oh {
                            for j in 0..<ow {
                                let p = i * ow + j
                                let y =
                                    Double(i * st[0] - pd[0] + ki * dl[0])
                                    + ov[offBase * plane + p]
                                let xx =
                                    Double(j * st[1] - pd[1] + kj * dl[1])
                                    + ov[(offBase + 1) * plane + p]
                                var v = bilinear(xv, xBase, ih, iw, y, xx)
                                if let mask { v *= mask[maskBase + p] }
                                col[(ci * taps + k) * plane + p] = v
                            }
                        }
                    }
                }
            }
            for o in 0..<oc {
                let g = o / ocg
                let outBase = (b * oc + o) * plane
                let bv = bias?[o] ?? 0
                for p in 0..<plane { out[outBase + p] = bv }
                for cj in 0..<icg {
                    let ci = g * icg + cj
                    for k in 0..<taps {
                        let wk = wv[(o * icg + cj) * taps + k]
                        if wk == 0 { continue }
                        let colBase = (ci * taps + k) * plane
                        for p in 0..<plane { out[outBase + p] += wk * col[colBase + p] }
                    }
                }
            }
        }
        let shape = [n, oc, oh, ow].map(Int64.init)
        return try Tensor.fromDoubles(out, shape: shape, as: x.elementType)
    }

    /// Bilinear sample of an (h, w) plane at real position (y, x); taps outside read zero.
    static func bilinear(
        _ v: [Double], _ base: Int, _ h: Int, _ w: Int, _ y: Double, _ x: Double
    ) -> Double {
        guard y.isFinite, x.isFinite, y > -1, x > -1, y < Double(h), x < Double(w) else {
            return 0
        }
        let y0 = y.rounded(.down)
        let x0 = x.rounded(.down)
        let (fy, fx) = (y - y0, x - x0)
        let (iy, ix) = (Int(y0), Int(x0))
        var s = 0.0
        for (dy, wy) in [(0, 1 - fy), (1, fy)] {
            let yy = iy + dy
            if yy < 0 || yy >= h || wy == 0 { continue }
            for (dx, wx) in [(0, 1 - fx), (1, fx)] {
                let xx = ix + dx
                if xx < 0 || xx >= w || wx == 0 { continue }
                s += v[base + yy * w + xx] * wy * wx
            }
        }
        return s
    }
}

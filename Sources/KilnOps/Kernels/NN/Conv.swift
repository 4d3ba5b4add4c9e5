import Foundation
import KilnIR

/// ONNX `Conv` (opset 1, 11, 22): N-d convolution with groups, dilations and every `auto_pad`.
///
///     X[N, C, in...] ⊛ W[M, C/group, k...] + B[M]  →  Y[N, M, out...]
///
/// Computed per image and group as `Y_g = W_g · im2col(X_g)` (a 1×1, stride-1, unpadded kernel
/// multiplies X directly). `kernels` supplies GEMM and im2col; the runtime passes fast ones.
public struct Conv: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "Conv" }
    public var kernels: NNKernels

    public init(kernels: NNKernels = .reference) { self.kernels = kernels }

    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let w = try context.tensor(1)
        let b = try context.optionalTensor(2)
        let y = try Conv.compute(
            context, x: x, w: w, bias: b, kernels: kernels, activation: nil)
        return [.tensor(y)]
    }

    /// Shared by `Conv` and `com.microsoft.FusedConv`: convolution, bias, optional activation.
    package static func compute(
        _ ctx: KernelContext, x: Tensor, w: Tensor, bias: Tensor?, kernels: NNKernels,
        activation: ((UnsafeMutableBufferPointer<Float>) -> Void)?
    ) throws -> Tensor {
        guard NNTensor.isFloat(x.elementType), x.elementType == w.elementType else {
            throw ctx.fail("X and W must be the same floating type")
        }
        let xd = try NNTensor.dims(x, ctx)
        let wd = try NNTensor.dims(w, ctx)
        guard xd.count >= 3, wd.count == xd.count else {
            throw ctx.fail("X \(xd) and W \(wd) must have the same rank >= 3")
        }
        let group = Int(ctx.int("group", default: 1))
        let (n, c) = (xd[0], xd[1])
        let m = wd[0]
        guard group > 0, c % group == 0, m % group == 0, wd[1] * group == c else {
            throw ctx.fail("channels \(c), W \(wd) and group \(group) do not agree")
        }
        var kernel = Array(wd[2...])
        if let ks = ctx.ints("kernel_shape") {
            guard ks.map({ Int($0) }) == kernel else {
                throw ctx.fail("kernel_shape \(ks) does not match W \(wd)")
            }
            kernel = ks.map { Int($0) }
        }
        let geo = try ConvGeometry.resolve(ctx, input: Array(xd[2...]), kernel: kernel)
        let inSize = geo.input.reduce(1, *)
        let outSize = geo.output.reduce(1, *)
        let kSize = kernel.reduce(1, *)
        let cg = c / group
        let mg = m / group
        let kDim = cg * kSize
        var biasValues: [Float]? = nil
        if let bias {
            let bv = try NNTensor.floats(bias, ctx)
            guard bv.count == m else { throw ctx.fail("B has \(bv.count) values, expected \(m)") }
            biasValues = bv
        }
        let direct = kSize == 1 && geo.strides.allSatisfy { $0 == 1 }
            && geo.padsBegin.allSatisfy { $0 == 0 } && geo.padsEnd.allSatisfy { $0 == 0 }
        let colCount = direct ? 0 : kDim * outSize
        guard colCount <= Checked.maxElements else {
            throw KilnError(
                .limitExceeded,
                "Conv: im2col buffer of \(kDim) x \(outSize) values is above Kiln's limit of \(Checked.maxElements)",
                at: ctx.location)
        }
        return try NNTensor.withFloats(x, ctx) { xp in
            try NNTensor.withFloats(w, ctx) { wp in
                try NNTensor.output(x.elementType, shape: [n, m] + geo.output, ctx) { yp in
                    guard let xb = xp.baseAddress, let wb = wp.baseAddress,
                        let yb = yp.baseAddress
                    else { return }
                    let planes = n * m
                    let activate = { (ap: UnsafeMutableBufferPointer<Float>) in
                        guard let activation else { return }
                        Conv.activate(activation, ap, planes: planes, threads: ctx.threads)
                    }
                    if cg == 1 && mg == 1 && geo.rank == 2, let dw = kernels.depthwise2D {
                        // Channels split across threads (each writes its own planes).
                        let done = (biasValues ?? []).withUnsafeBufferPointer { bp in
                            let bias = biasValues == nil ? nil : bp.baseAddress
                            guard n == 1, ctx.threads > 1 else {
                                return dw(xb, wb, bias, n, c, geo, yb)
                            }
                            var ok = [Bool](repeating: true, count: c)
                            ok.withUnsafeMutableBufferPointer { flags in
                                ParallelRanges.run(c, threads: ctx.threads, minimumPerRange: 4) {
                                    r in
                                    let lo = r.lowerBound
                                    flags[lo] = dw(
                                        xb + lo * inSize, wb + lo * kSize, bias.map { $0 + lo }, 1,
                                        r.count, geo, yb + lo * outSize)
                                }
                            }
                            return ok.allSatisfy { $0 }
                        }
                        if done {
                            activate(yp)
                            return
                        }
                    }
                    if cg == 1 && mg == 1 && geo.rank == 2 {
                        Conv.depthwise2D(
                            xb, wb, biasValues, images: n, channels: c, geo: geo, into: yb)
                        activate(yp)
                        return
                    }
                    if let convGemm = kernels.convGemm, geo.rank <= 2 {
                        let shape = ConvGemmShape(
                            images: n, group: group, cg: cg, mg: mg, kDim: kDim, inSize: inSize,
                            outSize: outSize, plane: direct ? nil : Conv.plane(geo))
                        (biasValues ?? []).withUnsafeBufferPointer { bp in
                            let bias = biasValues == nil ? nil : bp.baseAddress
                            shape.run(
                                convGemm, x: xb, w: wb, bias: bias, y: yb, threads: ctx.threads)
                        }
                        activate(yp)
                        return
                    }
                    let colBase = UnsafeMutablePointer<Float>.allocate(capacity: max(colCount, 1))
                    defer { colBase.deallocate() }
                    for img in 0..<n {
                        for g in 0..<group {
                            let xg = xb + (img * c + g * cg) * inSize
                            let yg = yb + (img * m + g * mg) * outSize
                            var beta: Float = 0
                            if let biasValues {
                                for o in 0..<mg {
                                    (yg + o * outSize).update(
                                        repeating: biasValues[g * mg + o], count: outSize)
                                }
                                beta = 1
                            }
                            var bmat = xg
                            if !direct {
                                // Channel blocks of the unfolded matrix on separate threads.
                                let rows = kSize * outSize
                                ParallelRanges.run(
                                    cg, threads: ctx.threads,
                                    minimumPerRange: max(1, 65_536 / max(rows, 1))
                                ) { r in
                                    kernels.im2col(
                                        xg + r.lowerBound * inSize, r.count, geo,
                                        colBase + r.lowerBound * rows)
                                }
                                bmat = UnsafePointer(colBase)
                            }
                            kernels.gemm(
                                false, false, mg, outSize, kDim, 1, wb + g * mg * kDim, kDim,
                                bmat, outSize, beta, yg, outSize, ctx.threads)
                        }
                    }
                    activate(yp)
                }
            }
        }
    }

    /// `activation` over the `planes` output planes of `y`, planes split across threads (it is
    /// element-wise, so the result does not depend on the split).
    static func activate(
        _ activation: (UnsafeMutableBufferPointer<Float>) -> Void,
        _ y: UnsafeMutableBufferPointer<Float>, planes: Int, threads: Int
    ) {
        guard let base = y.baseAddress, planes > 0 else { return }
        let size = y.count / planes
        let minimum = max(1, 32_768 / max(size, 1))
        ParallelRanges.run(planes, threads: threads, minimumPerRange: minimum) { r in
            activation(
                UnsafeMutableBufferPointer(
                    start: base + r.lowerBound * size, count: r.count * size))
        }
    }

    /// The 2-D plane geometry of `ConvGemm` (1-D as a plane of one row).
    static func plane(_ g: ConvGeometry) -> [Int] {
        if g.rank == 1 {
            return [
                1, g.input[0], 1, g.output[0], 1, g.kernel[0], 1, g.strides[0], 1,
                g.dilations[0], 0, g.padsBegin[0],
            ]
        }
        return g.input + g.output + g.kernel + g.strides + g.dilations + g.padsBegin
    }

    /// Depthwise 2-D convolution (one input and one output channel per group), computed
    /// directly: per kernel tap, a scaled row of the input is added to each output row, over the
    /// output columns whose tap lands inside the image.
    static func depthwise2D(
        _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, _ bias: [Float]?, images: Int,
        channels: Int, geo: ConvGeometry, into y: UnsafeMutablePointer<Float>
    ) {
        let (ih, iw) = (geo.input[0], geo.input[1])
        let (oh, ow) = (geo.output[0], geo.output[1])
        let (kh, kw) = (geo.kernel[0], geo.kernel[1])
        let (sh, sw) = (geo.strides[0], geo.strides[1])
        let (dh, dw) = (geo.dilations[0], geo.dilations[1])
        let (ph, pw) = (geo.padsBegin[0], geo.padsBegin[1])
        // Output columns [lo, hi) whose input column ox*sw - pw + kx*dw is inside the image.
        let colRange: [(Int, Int)] = (0..<kw).map { kx in
            let off = kx * dw - pw
            var lo = 0
            while lo < ow && lo * sw + off < 0 { lo += 1 }
            var hi = ow
            while hi > lo && (hi - 1) * sw + off >= iw { hi -= 1 }
            return (lo, hi)
        }
        for img in 0..<images {
            for ch in 0..<channels {
                let src = x + (img * channels + ch) * ih * iw
                let dst = y + (img * channels + ch) * oh * ow
                dst.update(repeating: bias?[ch] ?? 0, count: oh * ow)
                let wc = w + ch * kh * kw
                for ky in 0..<kh {
                    for kx in 0..<kw {
                        let wv = wc[ky * kw + kx]
                        let (lo, hi) = colRange[kx]
                        let off = kx * dw - pw
                        for oy in 0..<oh {
                            let iy = oy * sh - ph + ky * dh
                            guard iy >= 0, iy < ih, lo < hi else { continue }
                            let srow = src + iy * iw + off
                            let drow = dst + oy * ow
                            if sw == 1 {
                                for ox in lo..<hi { drow[ox] += wv * srow[ox] }
                            } else {
                                for ox in lo..<hi { drow[ox] += wv * srow[ox * sw] }
                            }
                        }
                    }
                }
            }
        }
    }
}

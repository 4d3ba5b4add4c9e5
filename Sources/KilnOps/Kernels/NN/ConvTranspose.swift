import Foundation
import KilnIR

/// ONNX `ConvTranspose` (1, 11, 22): the gradient of Conv, with groups, dilations,
/// output_padding, output_shape and auto_pad, following the ONNX reference implementation:
///
///     col = W_gᵀ · X_g          ([M/g · prod(k), in] per image and group)
///     Y   = col2im(col) + B     (each column scattered to out = in·stride − pad + k·dilation)
public struct ConvTranspose: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "ConvTranspose" }
    public var kernels: NNKernels

    public init(kernels: NNKernels = .reference) { self.kernels = kernels }

    public func run(_ context: KernelContext) throws -> [Value] {
        let ctx = context
        let x = try ctx.tensor(0)
        let w = try ctx.tensor(1)
        let bias = try ctx.optionalTensor(2)
        guard NNTensor.isFloat(x.elementType), x.elementType == w.elementType else {
            throw ctx.fail("X and W must be the same floating type")
        }
        let xd = try NNTensor.dims(x, ctx)
        let wd = try NNTensor.dims(w, ctx)
        guard xd.count >= 3, wd.count == xd.count else {
            throw ctx.fail("X \(xd) and W \(wd) must have the same rank >= 3")
        }
        let r = xd.count - 2
        let group = Int(ctx.int("group", default: 1))
        let (n, c) = (xd[0], xd[1])
        guard group > 0, c % group == 0, wd[0] == c else {
            throw ctx.fail("channels \(c), W \(wd) and group \(group) do not agree")
        }
        let mg = wd[1]
        let m = mg * group
        let kernel = Array(wd[2...])
        let input = Array(xd[2...])
        let strides = try ctx.ints("strides", count: r, default: 1)
        let dilations = try ctx.ints("dilations", count: r, default: 1)
        let outPad = (ctx.ints("output_padding") ?? []).map { Int($0) }
        guard outPad.isEmpty || outPad.count == r || outPad.count == 2 * r else {
            throw ctx.fail("output_padding must have \(r) values")
        }
        guard strides.allSatisfy({ $0 > 0 }), dilations.allSatisfy({ $0 > 0 }) else {
            throw ctx.fail("strides and dilations must be positive")
        }
        // Bounding every window attribute by the element limit keeps the sums and products in
        // `full(_:)` far from overflow (each term stays below 2^61).
        let bound = Checked.maxElements
        let attrs = strides + dilations + outPad + (ctx.ints("output_shape") ?? []).map { Int($0) }
            + (ctx.ints("pads") ?? []).map { Int(clamping: $0) }
        guard attrs.allSatisfy({ $0.magnitude <= UInt(bound) }), kernel.allSatisfy({ $0 <= bound }),
            input.allSatisfy({ $0 <= bound })
        else {
            throw KilnError(
                .limitExceeded,
                "ConvTranspose: strides, dilations, pads and output shape must be at most \(bound) in magnitude",
                at: ctx.location)
        }
        let autoPad = ctx.string("auto_pad", default: "NOTSET")
        var outShape = (ctx.ints("output_shape") ?? []).map { Int($0) }
        if outShape.count == r + 2 { outShape = Array(outShape[2...]) }
        guard outShape.isEmpty || outShape.count == r else {
            throw ctx.fail("output_shape must have \(r) values")
        }
        func full(_ i: Int) -> Int {
            strides[i] * (input[i] - 1) + (outPad.isEmpty ? 0 : outPad[i])
                + (kernel[i] - 1) * dilations[i] + 1
        }
        var pb = [Int](repeating: 0, count: r)
        var pe = [Int](repeating: 0, count: r)
        let explicitPads = ctx.ints("pads")
        if explicitPads == nil && (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
            if outShape.isEmpty { outShape = (0..<r).map { input[$0] * strides[$0] } }
            for i in 0..<r {
                let total = full(i) - outShape[i]
                if autoPad == "SAME_UPPER" {
                    pb[i] = floorDiv(total, 2)
                    pe[i] = total - pb[i]
                } else {
                    pe[i] = floorDiv(total, 2)
                    pb[i] = total - pe[i]
                }
            }
        } else {
            if let p = explicitPads {
                guard p.count == 2 * r else { throw ctx.fail("pads must have \(2 * r) values") }
                pb = p[..<r].map { Int($0) }
                pe = p[r...].map { Int($0) }
            }
            if outShape.isEmpty { outShape = (0..<r).map { full($0) - pb[$0] - pe[$0] } }
        }
        guard outShape.allSatisfy({ $0 >= 0 }) else {
            throw ctx.fail("output shape \(outShape) is negative")
        }
        do {
            _ = try Checked.product(outShape.map(Int64.init))
        } catch var e as KilnError {
            e.message = "ConvTranspose: output shape \(outShape): \(e.message)"
            e.location = ctx.location
            throw e
        }
        var biasValues = [Float](repeating: 0, count: m)
        if let bias {
            biasValues = try NNTensor.floats(bias, ctx)
            guard biasValues.count == m else { throw ctx.fail("B must hold \(m) values") }
        }
        let cg = c / group
        let inSize = input.reduce(1, *)
        let outSize = outShape.reduce(1, *)
        let kSize = kernel.reduce(1, *)
        let rows = mg * kSize
        let geo = ConvGeometry(
            input: outShape, output: input, kernel: kernel, strides: strides,
            dilations: dilations, padsBegin: pb, padsEnd: pe)
        let y = try NNTensor.withFloats(x, ctx) { xp in
            try NNTensor.withFloats(w, ctx) { wp in
                try NNTensor.output(x.elementType, shape: [n, m] + outShape, ctx) { yp in
                    guard let xb = xp.baseAddress, let wb = wp.baseAddress,
                        let yb = yp.baseAddress, rows > 0, inSize > 0
                    else {
                        for i in 0..<yp.count { yp[i] = biasValues[(i / max(outSize, 1)) % m] }
                        return
                    }
                    var col = [Float](repeating: 0, count: rows * inSize)
                    for img in 0..<n {
                        for g in 0..<group {
                            col.withUnsafeMutableBufferPointer { cp in
                                guard let colBase = cp.baseAddress else { return }
                                kernels.gemm(
                                    true, false, rows, inSize, cg, 1, wb + g * cg * rows, rows,
                                    xb + (img * c + g * cg) * inSize, inSize, 0, colBase, inSize,
                                    ctx.threads)
                            }
                            for o in 0..<mg {
                                let ch = g * mg + o
                                let dst = yb + (img * m + ch) * outSize
                                dst.update(repeating: biasValues[ch], count: outSize)
                                col.withUnsafeBufferPointer { cp in
                                    if geo.rank == 2, let fast = kernels.col2im2D,
                                        let base = cp.baseAddress
                                    {
                                        fast(base + o * kSize * inSize, geo, dst)
                                    } else {
                                        Self.col2im(cp, row: o * kSize, geo: geo, into: dst)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return [.tensor(y)]
    }

    /// Adds the `prod(kernel)` rows of `col` starting at `row` (each of `prod(geo.output)`
    /// columns, one per input position) into the image `dst` of dims `geo.input`.
    static func col2im(
        _ col: UnsafeBufferPointer<Float>, row: Int, geo: ConvGeometry,
        into dst: UnsafeMutablePointer<Float>
    ) {
        let r = geo.rank
        let positions = geo.output.reduce(1, *)
        let kSize = geo.kernel.reduce(1, *)
        var kidx = [Int](repeating: 0, count: r)
        var pidx = [Int](repeating: 0, count: r)
        for kf in 0..<kSize {
            let src = (row + kf) * positions
            for i in 0..<r { pidx[i] = 0 }
            for p in 0..<positions {
                var off = 0
                var inside = true
                for d in 0..<r {
                    let o = pidx[d] * geo.strides[d] - geo.padsBegin[d] + kidx[d] * geo.dilations[d]
                    if o < 0 || o >= geo.input[d] {
                        inside = false
                        break
                    }
                    off = off * geo.input[d] + o
                }
                if inside { dst[off] += col[src + p] }
                var d = r - 1
                while d >= 0 {
                    pidx[d] += 1
                    if pidx[d] < geo.output[d] { break }
                    pidx[d] = 0
                    d -= 1
                }
            }
            var d = r - 1
            while d >= 0 {
                kidx[d] += 1
                if kidx[d] < geo.kernel[d] { break }
                kidx[d] = 0
                d -= 1
            }
        }
    }
}

/// Integer division rounding toward negative infinity (Python's `//`).
func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

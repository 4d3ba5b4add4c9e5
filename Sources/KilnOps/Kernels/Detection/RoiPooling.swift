import Foundation
import KilnIR

/// ONNX `MaxRoiPool` (1, 22): max pooling of each region of interest to `pooled_shape`.
///
/// Rois are `[R, 5]` as `(batch, x1, y1, x2, y2)`; corners are scaled by `spatial_scale` and
/// rounded half away from zero; the roi spans `x2 − x1 + 1` pixels (at least 1). Bin
/// `(ph, pw)` covers rows `[floor(ph·h/PH), ceil((ph+1)·h/PH))` of the roi, clipped to the
/// image; an empty bin gives 0.
public struct MaxRoiPool: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "MaxRoiPool" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let roisT = try context.tensor(1)
        let xd = try NNTensor.dims(x, context)
        let rd = try NNTensor.dims(roisT, context)
        guard xd.count == 4, rd.count == 2, rd[1] == 5 else {
            throw context.fail("X must be [N, C, H, W] and rois [R, 5]")
        }
        guard let pooled = context.ints("pooled_shape"), pooled.count == 2, pooled[0] > 0,
            pooled[1] > 0, pooled[0] <= Int32.max, pooled[1] <= Int32.max
        else { throw context.fail("pooled_shape must hold two positive values") }
        let (ph, pw) = (Int(pooled[0]), Int(pooled[1]))
        let scale = Double(context.float("spatial_scale", default: 1))
        let (n, c, height, width) = (xd[0], xd[1], xd[2], xd[3])
        let rois = try roisT.doubles()
        let r = rd[0]
        func coord(_ v: Double) throws -> Int {
            let s = (v * scale).rounded()
            guard s.isFinite, abs(s) < 1e9 else {
                throw context.fail("roi coordinate \(v) is invalid")
            }
            return Int(s)
        }
        return [
            .tensor(
                try NNTensor.withFloats(x, context) { xv in
                    try NNTensor.output(x.elementType, shape: [r, c, ph, pw], context) { y in
                        for k in 0..<r {
                            let bv = rois[k * 5]
                            guard bv.isFinite, bv >= 0, bv < Double(n) else {
                                throw context.fail(
                                    "roi \(k) has batch index \(bv) outside 0..<\(n)")
                            }
                            let b = Int(bv)
                            let x1 = try coord(rois[k * 5 + 1]), y1 = try coord(rois[k * 5 + 2])
                            let x2 = try coord(rois[k * 5 + 3]), y2 = try coord(rois[k * 5 + 4])
                            let rh = max(y2 - y1 + 1, 1)
                            let rw = max(x2 - x1 + 1, 1)
                            let binH = Double(rh) / Double(ph)
                            let binW = Double(rw) / Double(pw)
                            for oy in 0..<ph {
                                let hs = min(
                                    max(Int((Double(oy) * binH).rounded(.down)) + y1, 0), height)
                                let he = min(
                                    max(Int((Double(oy + 1) * binH).rounded(.up)) + y1, 0), height)
                                for ox in 0..<pw {
                                    let ws = min(
                                        max(Int((Double(ox) * binW).rounded(.down)) + x1, 0), width)
                                    let we = min(
                                        max(Int((Double(ox + 1) * binW).rounded(.up)) + x1, 0),
                                        width)
                                    for ch in 0..<c {
                                        let plane = (b * c + ch) * height * width
                                        var m = -Float.greatestFiniteMagnitude
                                        if he <= hs || we <= ws { m = 0 }
                                        for yy in hs..<max(he, hs) {
                                            for xx in ws..<max(we, ws) {
                                                m = max(m, xv[plane + yy * width + xx])
                                            }
                                        }
                                        y[((k * c + ch) * ph + oy) * pw + ox] = m
                                    }
                                }
                            }
                        }
                    }
                })
        ]
    }
}

/// ONNX `MaxUnpool` (9, 11, 22): scatters X into zeros at the flat positions given by I (as
/// produced by MaxPool's Indices output).
///
/// The default output shape is `(in − 1)·stride + kernel − pad_begin − pad_end` per spatial
/// dim. With `output_shape`, values are scattered into that default shape and the result is
/// placed at the start of a zero tensor of `output_shape`, as the ONNX reference does (and its
/// conformance test expects).
public struct MaxUnpool: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "MaxUnpool" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let iT = try context.tensor(1)
        let xd = try NNTensor.dims(x, context)
        guard xd.count >= 3, iT.shape == x.shape else {
            throw context.fail("X must have rank >= 3 and I the same shape")
        }
        let r = xd.count - 2
        guard let ks = context.ints("kernel_shape"), ks.count == r else {
            throw context.fail("kernel_shape must hold \(r) values")
        }
        let kernel = ks.map { Int($0) }
        let strides = try context.ints("strides", count: r, default: 1)
        let pads = try context.ints("pads", count: 2 * r, default: 0)
        let attrs = kernel + strides + pads
        guard attrs.allSatisfy({ $0 >= 0 && $0 < 1 << 24 }), kernel.allSatisfy({ $0 > 0 }),
            strides.allSatisfy({ $0 > 0 })
        else { throw context.fail("kernel_shape, strides and pads are out of range") }
        var inferred = [xd[0], xd[1]]
        for i in 0..<r {
            let d = (xd[i + 2] - 1) * strides[i] + kernel[i] - pads[i] - pads[i + r]
            guard d >= 0, d < 1 << 31 else { throw context.fail("output dim \(i) would be \(d)") }
            inferred.append(d)
        }
        var outShape = inferred
        if let s = try context.optionalTensor(2) {
            let v = try NNTensor.ints(s, context)
            guard v.count == xd.count, v.allSatisfy({ $0 >= 0 && $0 < 1 << 31 }) else {
                throw context.fail("output_shape must hold \(xd.count) non-negative values")
            }
            outShape = v.map { Int($0) }
            guard zip(outShape, inferred).allSatisfy({ $0 >= $1 }) else {
                throw context.fail("output_shape \(outShape) is smaller than \(inferred)")
            }
        }
        let idx = try NNTensor.ints(iT, context)
        let total = inferred.reduce(1, *)
        var scattered = [Float](repeating: 0, count: total)
        let xv = try NNTensor.floats(x, context)
        for (k, p) in idx.enumerated() {
            guard p >= 0, p < total else {
                throw context.fail("index \(p) is outside the output (\(total) elements)")
            }
            scattered[Int(p)] = xv[k]
        }
        guard outShape != inferred else {
            return [.tensor(NNTensor.make(x.elementType, shape: outShape, scattered))]
        }
        // Copy the inferred block into the start of the larger output.
        var out = [Float](repeating: 0, count: outShape.reduce(1, *))
        let inStrides = rowMajorStrides(inferred)
        let outStrides = rowMajorStrides(outShape)
        for i in 0..<total {
            var rem = i
            var o = 0
            for d in 0..<inferred.count {
                o += (rem / inStrides[d]) * outStrides[d]
                rem %= inStrides[d]
            }
            out[o] = scattered[i]
        }
        return [.tensor(NNTensor.make(x.elementType, shape: outShape, out))]
    }
}

import Foundation
import KilnIR

/// ONNX `RoiAlign` (10, 16, 22): bilinearly sampled pooling of each region of interest to
/// `[output_height, output_width]`.
///
/// Rois are `[R, 4]` as `(x1, y1, x2, y2)` in input coordinates scaled by `spatial_scale`;
/// `batch_indices [R]` picks the image. With `coordinate_transformation_mode = half_pixel`
/// (default from opset 16) the roi is shifted by -0.5 pixel; `output_half_pixel` (opset 10's
/// behaviour) does not shift but forces rois to at least 1×1. Each bin averages (`avg`) or
/// takes the maximum (`max`) of `sampling_ratio²` samples (adaptive `ceil(roi/bin)` when 0).
/// In `max` mode a sample is the largest of its four weighted neighbours, as in the ONNX
/// reference implementation.
public struct RoiAlign: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "RoiAlign" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let roisT = try context.tensor(1)
        let idxT = try context.tensor(2)
        let xd = try NNTensor.dims(x, context)
        guard xd.count == 4 else { throw context.fail("X must be [N, C, H, W]") }
        let rd = try NNTensor.dims(roisT, context)
        let indices = try NNTensor.ints(idxT, context)
        guard rd.count == 2, rd[1] == 4, indices.count == rd[0] else {
            throw context.fail("rois must be [R, 4] with R batch_indices")
        }
        let (n, c, height, width) = (xd[0], xd[1], xd[2], xd[3])
        let ph = Int(context.int("output_height", default: 1))
        let pw = Int(context.int("output_width", default: 1))
        let ratio = Int(context.int("sampling_ratio", default: 0))
        guard ph > 0, pw > 0, ratio >= 0 else {
            throw context.fail("output sizes must be positive and sampling_ratio >= 0")
        }
        let scale = Double(context.float("spatial_scale", default: 1))
        let mode = context.string("mode", default: "avg").lowercased()
        guard mode == "avg" || mode == "max" else { throw context.fail("unknown mode '\(mode)'") }
        let ctm = context.string(
            "coordinate_transformation_mode",
            default: context.opsetVersion >= 16 ? "half_pixel" : "output_half_pixel")
        guard ctm == "half_pixel" || ctm == "output_half_pixel" else {
            throw context.fail("unknown coordinate_transformation_mode '\(ctm)'")
        }
        let halfPixel = ctm == "half_pixel"
        let rois = try NNTensor.floats(roisT, context).map { Double($0) }
        let roiCount = rd[0]
        return [
            .tensor(
                try NNTensor.withFloats(x, context) { xv in
                    try NNTensor.output(x.elementType, shape: [roiCount, c, ph, pw], context) {
                        y in
                        for r in 0..<roiCount {
                            let b = Int(indices[r])
                            guard b >= 0, b < n else {
                                throw context.fail("batch index \(b) is out of range 0..<\(n)")
                            }
                            let offset = halfPixel ? 0.5 : 0
                            let sw = rois[r * 4] * scale - offset
                            let sh = rois[r * 4 + 1] * scale - offset
                            var rw = rois[r * 4 + 2] * scale - offset - sw
                            var rh = rois[r * 4 + 3] * scale - offset - sh
                            if !halfPixel {
                                rw = max(rw, 1)
                                rh = max(rh, 1)
                            }
                            let binH = rh / Double(ph)
                            let binW = rw / Double(pw)
                            let gridH = ratio > 0 ? ratio : Self.grid(rh / Double(ph))
                            let gridW = ratio > 0 ? ratio : Self.grid(rw / Double(pw))
                            let count = Double(max(gridH * gridW, 1))
                            for ch in 0..<c {
                                let plane = (b * c + ch) * height * width
                                for oy in 0..<ph {
                                    for ox in 0..<pw {
                                        var acc = 0.0
                                        var best: Double? = nil
                                        for iy in 0..<max(gridH, 0) {
                                            let yy =
                                                sh + Double(oy) * binH
                                                + (Double(iy) + 0.5) * binH / Double(gridH)
                                            for ix in 0..<max(gridW, 0) {
                                                let xx =
                                                    sw + Double(ox) * binW
                                                    + (Double(ix) + 0.5) * binW / Double(gridW)
                                                let s = Self.sample(
                                                    xv, plane, height, width, yy, xx)
                                                if mode == "avg" {
                                                    acc += s.reduce(0) { $0 + $1.0 * $1.1 }
                                                } else {
                                                    let v = s.map { $0.0 * $0.1 }.max() ?? 0
                                                    best = max(best ?? v, v)
                                                }
                                            }
                                        }
                                        let out = mode == "avg" ? acc / count : (best ?? 0)
                                        y[((r * c + ch) * ph + oy) * pw + ox] = Float(out)
                                    }
                                }
                            }
                        }
                    }
                })
        ]
    }

    /// The adaptive sample count `ceil(binSize)`, bounded (0 for NaN).
    static func grid(_ binSize: Double) -> Int {
        let g = binSize.rounded(.up)
        return g.isFinite ? Int(min(max(g, -1e6), 1e6)) : 0
    }

    /// The four (weight, value) neighbours of the bilinear sample at (`y`, `x`); all weights
    /// are 0 outside `[-1, size]`.
    static func sample(
        _ v: UnsafeBufferPointer<Float>, _ plane: Int, _ height: Int, _ width: Int,
        _ yIn: Double, _ xIn: Double
    ) -> [(Double, Double)] {
        if !(yIn >= -1 && yIn <= Double(height) && xIn >= -1 && xIn <= Double(width)) {
            let v0 = Double(v[plane])
            return [(0, v0), (0, v0), (0, v0), (0, v0)]
        }
        var y = max(yIn, 0)
        var x = max(xIn, 0)
        var yLow = Int(y)
        var xLow = Int(x)
        let yHigh: Int
        let xHigh: Int
        if yLow >= height - 1 {
            yLow = height - 1
            yHigh = yLow
            y = Double(yLow)
        } else {
            yHigh = yLow + 1
        }
        if xLow >= width - 1 {
            xLow = width - 1
            xHigh = xLow
            x = Double(xLow)
        } else {
            xHigh = xLow + 1
        }
        let ly = y - Double(yLow)
        let lx = x - Double(xLow)
        let (hy, hx) = (1 - ly, 1 - lx)
        func at(_ r: Int, _ col: Int) -> Double { Double(v[plane + r * width + col]) }
        return [
            (hy * hx, at(yLow, xLow)), (hy * lx, at(yLow, xHigh)),
            (ly * hx, at(yHigh, xLow)), (ly * lx, at(yHigh, xHigh)),
        ]
    }
}

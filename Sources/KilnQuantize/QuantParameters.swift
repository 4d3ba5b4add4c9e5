import KilnIR

/// Scale and zero point of one quantized activation (per tensor).
public struct ActivationParameters: Sendable, Codable, Equatable {
    /// The float range the parameters represent (after calibration, widened to include 0).
    public var lo: Double
    public var hi: Double
    public var scale: Float
    public var zeroPoint: Int
    public var type: ActivationType

    /// Asymmetric parameters for `[lo, hi]` (widened to include 0, so 0 is exact).
    ///
    /// Degenerate ranges: an all-zero tensor (`lo == hi == 0`) gets scale 1 and the zero point
    /// of 0, so it stays exactly 0; a range narrower than the smallest normal float gets that
    /// as its scale (never 0, never subnormal, never NaN).
    public init(lo: Double, hi: Double, type: ActivationType) {
        let l = min(lo, 0)
        let h = max(hi, 0)
        self.lo = l
        self.hi = h
        self.type = type
        let levels = Double(type.qmax - type.qmin)
        if h - l <= 0 || !(h - l).isFinite {
            scale = 1
            zeroPoint = 0
            return
        }
        let s = max(Float((h - l) / levels), Float.leastNormalMagnitude)
        scale = s
        let z = (Double(type.qmin) - l / Double(s)).rounded(.toNearestOrEven)
        zeroPoint = Int(min(max(z, Double(type.qmin)), Double(type.qmax)))
    }

    /// `x` quantized and dequantized with these parameters (as QuantizeLinear/DequantizeLinear
    /// compute it in float32).
    func fakeQuantize(_ x: Float) -> Float {
        let q = (x / scale).rounded(.toNearestOrEven) + Float(zeroPoint)
        let c = min(max(q, Float(type.qmin)), Float(type.qmax))
        return (c - Float(zeroPoint)) * scale
    }
}

/// A symmetric int8 weight: values in [-127, 127], zero point 0, one scale per tensor or per
/// slice along `axis`.
struct QuantizedWeight {
    var values: [Int8]
    var scales: [Float]
    var axis: Int?
    var shape: [Int64]

    /// Quantizes `w` (float32 values of `shape`) per slice along `axis` (or per tensor).
    ///
    /// Each scale minimizes the slice's squared error (`bestScale`) when `searchScale`, else it
    /// is the max-abs scale. Returns `nil` when a
    /// value is NaN or infinite: such a weight stays float.
    init?(_ w: [Float], shape: [Int64], axis: Int?, searchScale: Bool = true) {
        guard w.allSatisfy(\.isFinite) else { return nil }
        let dims = shape.map { Int($0) }
        let (outer, n, inner): (Int, Int, Int)
        if let axis, axis >= 0, axis < dims.count {
            outer = dims[..<axis].reduce(1, *)
            n = dims[axis]
            inner = dims[(axis + 1)...].reduce(1, *)
        } else {
            (outer, n, inner) = (1, 1, w.count)
        }
        var scales = [Float](repeating: 1, count: n)
        var slice = [Float]()
        slice.reserveCapacity(outer * inner)
        for c in 0..<n {
            slice.removeAll(keepingCapacity: true)
            for o in 0..<outer {
                let base = (o * n + c) * inner
                slice.append(contentsOf: w[base..<base + inner])
            }
            scales[c] = Self.bestScale(slice, search: searchScale)
        }
        var q = [Int8](repeating: 0, count: w.count)
        for o in 0..<outer {
            for c in 0..<n {
                let base = (o * n + c) * inner
                let s = scales[c]
                for i in 0..<inner {
                    let v = (w[base + i] / s).rounded(.toNearestOrEven)
                    q[base + i] = Int8(min(max(v, -127), 127))
                }
            }
        }
        values = q
        self.scales = scales
        self.axis = n > 1 || axis != nil ? axis : nil
        self.shape = shape
    }

    /// The scale minimizing the squared rounding-plus-clipping error of `values`: `α·max|v|/127`
    /// for α from 1 down to 0.6 in steps of 0.01 (the max-abs scale when nothing does better).
    /// Clipping a few outliers usually buys more resolution for every other weight; the search
    /// is deterministic and exact for the data (no distribution assumed). An all-zero slice
    /// gets scale 1 (it dequantizes to exact zeros).
    static func bestScale(_ values: [Float], search: Bool = true) -> Float {
        var m: Float = 0
        for v in values { m = max(m, abs(v)) }
        guard m > 0 else { return 1 }
        func scale(_ alpha: Float) -> Float {
            let s = alpha * m / 127
            return s.isNormal ? s : Float.leastNormalMagnitude
        }
        func error(_ s: Float) -> Double {
            var e = 0.0
            for v in values {
                let q = min(max((v / s).rounded(.toNearestOrEven), -127), 127)
                let d = Double(v) - Double(q * s)
                e += d * d
            }
            return e
        }
        var best = scale(1)
        guard search else { return best }
        var bestError = error(best)
        for k in 1...40 {
            let s = scale(1 - Float(k) * 0.01)
            let e = error(s)
            if e < bestError {
                bestError = e
                best = s
            }
        }
        return best
    }

    /// The dequantized float values (what DequantizeLinear computes).
    func dequantized() -> [Float] {
        let dims = shape.map { Int($0) }
        guard let axis, axis < dims.count else { return values.map { Float($0) * scales[0] } }
        let n = dims[axis]
        let inner = dims[(axis + 1)...].reduce(1, *)
        return values.indices.map { i in Float(values[i]) * scales[(i / inner) % n] }
    }
}

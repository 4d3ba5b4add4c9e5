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

/// An int8 weight with one scale (and zero point) per tensor or per slice along `axis`.
///
/// Symmetric (zero points 0, values in [-127, 127]) for weights an integer kernel multiplies:
/// a zero weight zero point keeps the integer GEMM free of cross terms. Weights that are only
/// ever dequantized (embedding tables, recurrent W and R) may also take asymmetric slices
/// (values in [-128, 127], the slice's `[min, max]` mapped onto all 256 levels), so a skewed
/// slice wastes no levels.
struct QuantizedWeight {
    var values: [Int8]
    var scales: [Float]
    /// One per scale; all 0 when symmetric.
    var zeroPoints: [Int8]
    var axis: Int?
    var shape: [Int64]

    /// Quantizes `w` (float32 values of `shape`) per slice along `axis` (or per tensor).
    ///
    /// Symmetric: each scale minimizes the slice's squared error (`bestScale`) when
    /// `searchScale`, else it is the max-abs scale. With `asymmetric`, nothing is clipped: a
    /// slice takes the max-abs scale or `asymmetricParameters`, whichever represents it with the
    /// smaller squared error (usually the asymmetric ones, but not always for slices of a few
    /// values: 16 of the 48 rows of 4 or 6 weights of fixtures/models/lstm are closer
    /// symmetric). Clipping an embedding table's outliers lowered anr_encoder's cosine.
    /// Returns `nil` when a value is NaN or infinite: such a weight stays float.
    init?(
        _ w: [Float], shape: [Int64], axis: Int?, searchScale: Bool = true,
        asymmetric: Bool = false
    ) {
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
        var zeroPoints = [Int8](repeating: 0, count: n)
        var lowest = [Float](repeating: -127, count: n)
        var slice = [Float]()
        slice.reserveCapacity(outer * inner)
        for c in 0..<n {
            slice.removeAll(keepingCapacity: true)
            for o in 0..<outer {
                let base = (o * n + c) * inner
                slice.append(contentsOf: w[base..<base + inner])
            }
            scales[c] = Self.bestScale(slice, search: searchScale && !asymmetric)
            if asymmetric {
                let (s, z) = Self.asymmetricParameters(slice)
                if Self.squaredError(slice, s, z, lowest: -128)
                    < Self.squaredError(slice, scales[c], 0, lowest: -127)
                {
                    (scales[c], zeroPoints[c], lowest[c]) = (s, z, -128)
                }
            }
        }
        var q = [Int8](repeating: 0, count: w.count)
        for o in 0..<outer {
            for c in 0..<n {
                let base = (o * n + c) * inner
                for i in 0..<inner {
                    q[base + i] = Self.quantize(
                        w[base + i], scales[c], zeroPoints[c], lowest: lowest[c])
                }
            }
        }
        values = q
        self.scales = scales
        self.zeroPoints = zeroPoints
        self.axis = n > 1 || axis != nil ? axis : nil
        self.shape = shape
    }

    /// Scale and zero point mapping `[min(v, 0), max(v, 0)]` onto [-128, 127] (0 stays exact,
    /// as in `ActivationParameters`). An all-zero slice gets scale 1 and zero point 0.
    static func asymmetricParameters(_ values: [Float]) -> (Float, Int8) {
        var (lo, hi): (Float, Float) = (0, 0)
        for v in values {
            lo = min(lo, v)
            hi = max(hi, v)
        }
        guard hi > lo else { return (1, 0) }
        let s = max((hi - lo) / 255, Float.leastNormalMagnitude)
        let z = (-128 - lo / s).rounded(.toNearestOrEven)
        return (s, Int8(min(max(z, -128), 127)))
    }

    /// `v` in int8 with scale `s` and zero point `z`, clamped to `[lowest, 127]` (symmetric
    /// weights stay in [-127, 127]: the integer kernels rely on it).
    static func quantize(_ v: Float, _ s: Float, _ z: Int8, lowest: Float) -> Int8 {
        let q = (v / s).rounded(.toNearestOrEven) + Float(z)
        return Int8(min(max(q, lowest), 127))
    }

    /// The squared error of `values` quantized with `s`, `z` and dequantized.
    static func squaredError(_ values: [Float], _ s: Float, _ z: Int8, lowest: Float) -> Double {
        var e = 0.0
        for v in values {
            let q = quantize(v, s, z, lowest: lowest)
            let d = Double(v) - Double((Float(q) - Float(z)) * s)
            e += d * d
        }
        return e
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
        func error(_ s: Float) -> Double { squaredError(values, s, 0, lowest: -127) }
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
        guard let axis, axis < dims.count else {
            return values.map { (Float($0) - Float(zeroPoints[0])) * scales[0] }
        }
        let n = dims[axis]
        let inner = dims[(axis + 1)...].reduce(1, *)
        return values.indices.map { i in
            let c = (i / inner) % n
            return (Float(values[i]) - Float(zeroPoints[c])) * scales[c]
        }
    }
}

import Foundation

/// Turns an activation's statistics into a quantization range `[lo, hi]` by one of the
/// calibration methods; the result always lies inside the observed `[min, max]`.
enum RangeCalibration {
    static func range(
        _ s: ActivationStatistics, method: CalibrationMethod, percentile: Double,
        type: ActivationType
    ) -> (lo: Double, hi: Double) {
        guard s.count > 0 else { return (0, 0) }
        let observed = (s.min, s.max)
        guard method != .minmax, s.histogram.count >= 4, s.absMax > 0 else { return observed }
        let t: (Double, Double)
        switch method {
        case .minmax: t = observed
        case .percentile: t = percentileRange(s, percentile)
        case .entropy: t = entropyRange(s, type: type)
        case .mse: t = mseRange(s, type: type)
        }
        return (max(s.min, t.0), min(s.max, t.1))
    }

    /// Bin `i` of the signed histogram covers `[-A + i·w, -A + (i+1)·w]`, `w = 2A / bins`.
    private static func edge(_ s: ActivationStatistics, _ i: Int) -> Double {
        -s.absMax + Double(i) * 2 * s.absMax / Double(s.histogram.count)
    }

    /// Two-sided: `(100 - p) / 2` percent cut from each tail (onnxruntime's asymmetric rule).
    static func percentileRange(_ s: ActivationStatistics, _ p: Double) -> (Double, Double) {
        let h = s.histogram
        let total = h.reduce(0, +)
        guard total > 0 else { return (s.min, s.max) }
        let cut = max(0, min(50, (100 - p) / 2)) / 100 * total
        var acc = 0.0
        var left = 0
        for (i, c) in h.enumerated() {
            acc += c
            if acc > cut { left = i; break }
        }
        acc = 0
        var right = h.count - 1
        for i in stride(from: h.count - 1, through: 0, by: -1) {
            acc += h[i]
            if acc > cut { right = i; break }
        }
        return (edge(s, left), edge(s, right + 1))
    }

    /// The magnitude histogram: bin `j` covers `[j·w, (j+1)·w]`.
    private static func magnitudes(_ s: ActivationStatistics) -> [Double] {
        let h = s.histogram
        let half = h.count / 2
        return (0..<half).map { j in h[half + j] + h[half - 1 - j] }
    }

    /// KL-divergence threshold (TensorRT's algorithm, as onnxruntime and MXNet implement it)
    /// over the magnitude histogram: the threshold whose clipped distribution P and its
    /// quantization Q into the available levels differ least. One-sided data (min ≥ 0) gets
    /// all 255 levels, signed data 128 per side. The threshold never clips more than 0.01% of
    /// the values (see below).
    static func entropyRange(_ s: ActivationStatistics, type: ActivationType) -> (Double, Double) {
        let hist = magnitudes(s)
        let n = hist.count
        let levels = s.min >= 0 ? 255 : 128
        guard n > levels else { return (s.min, s.max) }
        let w = s.absMax / Double(n)
        var suffix = [Double](repeating: 0, count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) { suffix[i] = suffix[i + 1] + hist[i] }
        var best = n
        var bestKL = Double.infinity
        var i = levels
        while i <= n {
            var p = Array(hist[0..<i])
            p[i - 1] += suffix[i]
            var q = [Double](repeating: 0, count: i)
            let per = Double(i) / Double(levels)
            for j in 0..<levels {
                let start = Int(Double(j) * per)
                let end = j == levels - 1 ? i : Int(Double(j + 1) * per)
                guard end > start else { continue }
                var sum = 0.0
                var nonzero = 0
                for k in start..<end where hist[k] != 0 {
                    sum += hist[k]
                    nonzero += 1
                }
                guard nonzero > 0 else { continue }
                for k in start..<end where hist[k] != 0 { q[k] = sum / Double(nonzero) }
            }
            let ps = p.reduce(0, +)
            let qs = q.reduce(0, +)
            if ps > 0 && qs > 0 {
                var kl = 0.0
                for k in 0..<i where p[k] > 0 {
                    let pk = p[k] / ps
                    let qk = q[k] > 0 ? q[k] / qs : 1e-12
                    kl += pk * log(pk / qk)
                }
                if kl < bestKL {
                    bestKL = kl
                    best = i
                }
            }
            i += 1
        }
        // Guard: never clip more than 0.01% of the values. With few calibration samples the
        // KL minimum can sit far inside the tail (measured: ALBERT attention inputs), and
        // clipping a rare large activation costs more than the resolution it buys.
        let total = suffix[0]
        var guardBin = n
        var acc = 0.0
        for i in stride(from: n - 1, through: 0, by: -1) {
            acc += hist[i]
            if acc > total * 1e-4 {
                guardBin = i + 1
                break
            }
        }
        let t = Double(max(best, guardBin)) * w
        return (-t, t)
    }

    /// The range `(a·lo₀, a·hi₀)` (with `[lo₀, hi₀]` the observed range including 0) that
    /// minimizes the expected squared error over the histogram: clipping error for values
    /// outside, `step²/12` rounding error inside.
    static func mseRange(_ s: ActivationStatistics, type: ActivationType) -> (Double, Double) {
        let h = s.histogram
        let lo0 = min(s.min, 0)
        let hi0 = max(s.max, 0)
        let steps = Double(type.qmax - type.qmin)
        let w = 2 * s.absMax / Double(h.count)
        var best = (lo0, hi0)
        var bestErr = Double.infinity
        for k in 0..<200 {
            let a = 1 - Double(k) * 0.0049  // 1.0 … ~0.025
            let lo = lo0 * a
            let hi = hi0 * a
            let step = (hi - lo) / steps
            var err = 0.0
            for (i, c) in h.enumerated() where c > 0 {
                let x = -s.absMax + (Double(i) + 0.5) * w
                if x < lo {
                    err += c * (lo - x) * (lo - x)
                } else if x > hi {
                    err += c * (x - hi) * (x - hi)
                } else {
                    err += c * step * step / 12
                }
            }
            if err < bestErr {
                bestErr = err
                best = (lo, hi)
            }
        }
        return best
    }
}

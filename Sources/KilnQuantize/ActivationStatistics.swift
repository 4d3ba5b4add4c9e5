import KilnIR

/// Range and histogram of one activation over the calibration samples.
///
/// Built in two sweeps: `observe(range:)` finds the finite minimum and maximum (and counts
/// non-finite values); `observe(histogram:)` fills a signed histogram of `bins` equal bins over
/// `[-A, A]`, `A = max(|min|, |max|)`, that the percentile, entropy and mse methods read.
public struct ActivationStatistics: Sendable, Codable {
    public var min = Double.infinity
    public var max = -Double.infinity
    /// Finite values seen.
    public var count = 0
    /// NaN or ±Inf values seen; such a tensor is left in float (see `Quantizer`).
    public var nonFinite = 0
    public var histogram: [Double] = []

    public init() {}

    /// Largest finite magnitude seen (0 before any value).
    public var absMax: Double { count == 0 ? 0 : Swift.max(abs(min), abs(max)) }

    mutating func observe(range values: [Float]) {
        var lo = min
        var hi = max
        var bad = 0
        for v in values {
            guard v.isFinite else {
                bad += 1
                continue
            }
            let d = Double(v)
            if d < lo { lo = d }
            if d > hi { hi = d }
        }
        min = lo
        max = hi
        nonFinite += bad
        count += values.count - bad
    }

    mutating func observe(histogram values: [Float], bins: Int) {
        if histogram.isEmpty { histogram = [Double](repeating: 0, count: bins) }
        let a = absMax
        guard a > 0 else {
            histogram[bins / 2] += Double(values.count)
            return
        }
        let scale = Double(bins) / (2 * a)
        for v in values where v.isFinite {
            let i = Int(((Double(v) + a) * scale).rounded(.down))
            histogram[Swift.min(Swift.max(i, 0), bins - 1)] += 1
        }
    }
}

import Foundation

/// Float-vs-quantized agreement accumulated over many tensors (every calibration sample)
/// without keeping them: cosine similarity, SQNR in dB and max abs error, with the same
/// definitions as `TensorComparison` (which compares one pair of whole tensors).
public struct Agreement: Sendable, Encodable, Equatable {
    var dot = 0.0
    var reference = 0.0
    var actual = 0.0
    var noise = 0.0
    public private(set) var maxAbsError = 0.0
    /// Elements where the quantized value is NaN/Inf and the float one is not.
    public private(set) var nonFinite = 0

    public init() {}

    /// Adds `actual` (quantized model) against `expected` (float model), element by element.
    mutating func add(actual a: [Float], expected b: [Float]) {
        for i in 0..<min(a.count, b.count) {
            let x = Double(a[i])
            let y = Double(b[i])
            guard y.isFinite else { continue }
            guard x.isFinite else {
                nonFinite += 1
                maxAbsError = .infinity
                continue
            }
            let d = x - y
            dot += x * y
            actual += x * x
            reference += y * y
            noise += d * d
            maxAbsError = max(maxAbsError, abs(d))
        }
    }

    /// Cosine similarity (1 when both are all-zero; 0 when anything went non-finite).
    public var cosine: Double {
        if nonFinite > 0 { return 0 }
        if actual == 0 && reference == 0 { return 1 }
        return dot / ((actual * reference).squareRoot() + 1e-300)
    }

    /// 10·log10(signal / noise) in dB; +∞ when identical (reported as 999 in JSON).
    public var sqnr: Double {
        if nonFinite > 0 { return -.infinity }
        if noise == 0 { return .infinity }
        return 10 * log10(reference / noise)
    }

    enum CodingKeys: String, CodingKey { case cosine, sqnr, maxAbsError, nonFinite }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cosine.isFinite ? cosine : 0, forKey: .cosine)
        try c.encode(sqnr.isFinite ? sqnr : (sqnr > 0 ? 999 : -999), forKey: .sqnr)
        try c.encode(maxAbsError.isFinite ? maxAbsError : 1e308, forKey: .maxAbsError)
        try c.encode(nonFinite, forKey: .nonFinite)
    }
}

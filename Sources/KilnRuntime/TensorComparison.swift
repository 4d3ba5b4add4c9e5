import KilnIR
import KilnOps

/// Numerical agreement between two tensors: the one helper behind `kiln diff`, pass
/// verification and the numeric tests (STYLE.md §6).
public struct TensorComparison: Sendable, Equatable, Codable {
    /// Largest |a - b|.
    public var maxAbsoluteError: Double
    /// Largest |a - b| / |b| over elements with b != 0.
    public var maxRelativeError: Double
    /// Cosine similarity of the flattened tensors (1 when both are all-zero).
    public var cosineSimilarity: Double
    /// Signal-to-quantization-noise ratio in dB: 10·log10(Σb² / Σ(a-b)²) (∞ when identical).
    public var sqnr: Double
    /// Elements outside `|a - b| <= atol + rtol·|b|` (NaN equals NaN).
    public var mismatches: Int
    public var count: Int
    /// Index of the worst element (by the tolerance rule), or -1.
    public var worstIndex: Int

    /// Default tolerances by element type: f32/f64 1e-5 relative, f16/bf16 1e-2, integers exact.
    public static func defaultTolerance(for type: ElementType) -> (rtol: Double, atol: Double) {
        switch type {
        case .float32, .float64: return (1e-5, 1e-6)
        case .float16, .bfloat16: return (1e-2, 1e-3)
        case _ where type.isFloatingPoint: return (1e-1, 1e-2)
        default: return (0, 0)
        }
    }

    /// Compares `actual` against `expected`; throws when shapes or element types differ.
    public init(actual: Tensor, expected: Tensor, rtol: Double, atol: Double) throws {
        guard actual.elementType == expected.elementType else {
            throw KilnError(
                .typeMismatch,
                "element type \(actual.elementType.name) differs from \(expected.elementType.name)")
        }
        guard actual.shape == expected.shape else {
            throw KilnError(.shapeMismatch, "shape \(actual.shape) differs from \(expected.shape)")
        }
        let a = try actual.doubles()
        let b = try expected.doubles()
        var maxAbs = 0.0
        var maxRel = 0.0
        var dot = 0.0
        var na = 0.0
        var nb = 0.0
        var noise = 0.0
        var bad = 0
        var worst = -1
        var worstExcess = -Double.infinity
        for i in 0..<min(a.count, b.count) {
            let x = a[i]
            let y = b[i]
            if x.isNaN && y.isNaN { continue }
            if x == y {
                dot += x * y
                na += x * x
                nb += y * y
                continue
            }
            let d = abs(x - y)
            if d.isNaN || d.isInfinite {
                bad += 1
                if worstExcess < .infinity { worst = i; worstExcess = .infinity }
                maxAbs = .infinity
                continue
            }
            maxAbs = max(maxAbs, d)
            if y != 0 { maxRel = max(maxRel, d / abs(y)) }
            let excess = d - (atol + rtol * abs(y))
            if excess > 0 {
                bad += 1
                if excess > worstExcess { worst = i; worstExcess = excess }
            }
            dot += x * y
            na += x * x
            nb += y * y
            noise += d * d
        }
        maxAbsoluteError = maxAbs
        maxRelativeError = maxRel
        cosineSimilarity = (na == 0 && nb == 0) ? 1 : dot / ((na * nb).squareRoot() + 1e-300)
        sqnr = noise == 0 ? .infinity : 10 * ((nb / noise)).log10
        mismatches = bad
        count = a.count
        worstIndex = worst
    }

    /// True when no element is outside the tolerance.
    public var allClose: Bool { mismatches == 0 }
}

extension Double {
    fileprivate var log10: Double { Foundation.log10(self) }
}

import Foundation

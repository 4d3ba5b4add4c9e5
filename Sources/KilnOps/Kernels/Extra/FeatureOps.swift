import Foundation
import KilnIR

/// LpNormalization, MeanVarianceNormalization, MelWeightMatrix and TfIdfVectorizer: feature
/// scaling and extraction.
enum FeatureOps {
    static let all: [any OpDefinition] = [
        ClosureOp("LpNormalization") { c in [.tensor(try lpNormalization(c))] },
        ClosureOp("MeanVarianceNormalization") { c in [.tensor(try meanVariance(c))] },
        ClosureOp("MelWeightMatrix") { c in [.tensor(try melWeightMatrix(c))] },
        ClosureOp("TfIdfVectorizer") { c in [.tensor(try TfIdf(c).run(c.tensor(0)))] },
    ]

    // MARK: - Normalization

    /// `x / ‖x‖_p` along `axis` (p = 1 or 2); a zero norm gives zero.
    static func lpNormalization(_ c: KernelContext) throws -> Tensor {
        let x = try c.tensor(0)
        let d = x.dims
        let axis = try Axis.normalize(c.int("axis", default: -1), rank: d.count, op: "LpNorm")
        let p = c.int("p", default: 2)
        guard p == 1 || p == 2 else { throw c.fail("p must be 1 or 2, got \(p)") }
        let (outer, dim, inner) = aroundAxis(d, axis)
        var v = try x.doubles()
        for o in 0..<outer {
            for i in 0..<inner {
                var s = 0.0
                for j in 0..<dim {
                    let e = v[(o * dim + j) * inner + i]
                    s += p == 1 ? abs(e) : e * e
                }
                let norm = p == 1 ? s : s.squareRoot()
                for j in 0..<dim {
                    let k = (o * dim + j) * inner + i
                    v[k] = norm == 0 ? 0 : v[k] / norm
                }
            }
        }
        return try Tensor.fromDoubles(v, shape: x.shape, as: x.elementType)
    }

    /// `(X − E[X]) / (sqrt(E[X²] − E[X]²) + 1e-9)` over `axes` (default 0, 2, 3).
    static func meanVariance(_ c: KernelContext) throws -> Tensor {
        let x = try c.tensor(0)
        let d = x.dims
        let axes = Set(
            try Axis.normalize(c.ints("axes") ?? [0, 2, 3], rank: d.count, op: "MVN"))
        let v = try x.doubles()
        let keptDims = d.enumerated().map { axes.contains($0.offset) ? 1 : $0.element }
        let keptStrides = rowMajorStrides(keptDims)
        let groups = keptDims.reduce(1, *)
        let count = Double(d.enumerated().filter { axes.contains($0.offset) }.map(\.element)
            .reduce(1, *))
        var sum = [Double](repeating: 0, count: groups)
        var sq = [Double](repeating: 0, count: groups)
        var group = [Int](repeating: 0, count: v.count)
        forEachIndex(d) { lin, idx in
            var g = 0
            for k in 0..<d.count where !axes.contains(k) { g += idx[k] * keptStrides[k] }
            group[lin] = g
            sum[g] += v[lin]
            sq[g] += v[lin] * v[lin]
        }
        var y = [Double](repeating: 0, count: v.count)
        for i in 0..<v.count {
            let g = group[i]
            let mean = sum[g] / count
            let variance = Swift.max(sq[g] / count - mean * mean, 0)
            y[i] = (v[i] - mean) / (variance.squareRoot() + 1e-9)
        }
        return try Tensor.fromDoubles(y, shape: x.shape, as: x.elementType)
    }

    // MARK: - MelWeightMatrix

    /// Triangular mel filter bank of shape (dft_length/2 + 1, num_mel_bins), as ONNX defines
    /// it (mel scale 2595·log10(1 + f/700), bin edges floored to FFT bins).
    static func melWeightMatrix(_ c: KernelContext) throws -> Tensor {
        func scalar(_ i: Int) throws -> Double {
            guard let v = try c.tensor(i).doubles().first else {
                throw c.fail("input \(i) must be a scalar")
            }
            return v
        }
        let bins = Int(try c.tensor(0).int64s().first ?? -1)
        let dft = Int(try c.tensor(1).int64s().first ?? -1)
        let rate = Int(try c.tensor(2).int64s().first ?? -1)
        let lower = try scalar(3)
        let upper = try scalar(4)
        guard bins > 0, dft > 0, rate > 0, bins <= 1 << 20, dft <= 1 << 24 else {
            throw c.fail("num_mel_bins, dft_length and sample_rate must be positive")
        }
        let spectrogramBins = dft / 2 + 1
        // Same formulas as the ONNX reference (log1p/expm1) so floor() picks the same bins.
        let ln10 = Foundation.log(10.0)
        let lowMel = 2595 * Foundation.log1p(lower / 700) / ln10
        let highMel = 2595 * Foundation.log1p(upper / 700) / ln10
        let step = (highMel - lowMel) / Double(bins + 2)
        let edges: [Int] = (0..<(bins + 2)).map { i in
            let mel = Double(i) * step + lowMel
            let hz = 700 * Foundation.expm1(mel / 2595 * ln10)
            let b = (Double(dft + 1) * hz / Double(rate)).rounded(.down)
            return b.isFinite ? Int(Swift.max(Swift.min(b, 1e12), -1e12)) : 0
        }
        var out = [Double](repeating: 0, count: spectrogramBins * bins)
        func set(_ row: Int, _ col: Int, _ v: Double) throws {
            guard row >= 0, row < spectrogramBins else {
                throw c.fail("mel edge \(row) is outside the \(spectrogramBins) spectrogram bins")
            }
            out[row * bins + col] = v
        }
        for i in 0..<bins {
            let (lo, center, hi) = (edges[i], edges[i + 1], edges[i + 2])
            if center == lo {
                try set(center, i, 1)
            } else if center > lo {
                for j in lo...center { try set(j, i, Double(j - lo) / Double(center - lo)) }
            }
            if hi > center {
                for j in center..<hi { try set(j, i, Double(hi - j) / Double(hi - center)) }
            }
        }
        let type = ElementType(rawValue: Int32(c.int("output_datatype", default: 1)))
        guard let type, type.isFloatingPoint || type.isInteger else {
            throw c.fail("output_datatype must be a numeric type")
        }
        return try Tensor.fromDoubles(
            out, shape: [Int64(spectrogramBins), Int64(bins)], as: type)
    }
}

// MARK: - TfIdfVectorizer

/// n-gram counting over int64 or string tokens (opset 9): a trie of the pooled n-grams, walked
/// from every start position for each skip distance; counts are then weighted (TF, IDF,
/// TFIDF).
struct TfIdf {
    /// A trie node: the n-gram id ending here (0 = none) and its children.
    final class Trie {
        var id = 0
        var children: [MLOps.Key: Trie] = [:]
    }

    let root = Trie()
    let minGram: Int
    let maxGram: Int
    let maxSkip: Int
    let mode: String
    let ngramIndexes: [Int64]
    let weights: [Float]
    let outputSize: Int

    init(_ c: KernelContext) throws {
        minGram = Int(c.int("min_gram_length", default: 1))
        maxGram = Int(c.int("max_gram_length", default: 1))
        maxSkip = Int(c.int("max_skip_count", default: 0))
        mode = c.string("mode", default: "TF")
        guard ["TF", "IDF", "TFIDF"].contains(mode) else { throw c.fail("unknown mode '\(mode)'") }
        guard minGram >= 1, maxGram >= minGram, maxSkip >= 0, maxSkip < 1 << 20 else {
            throw c.fail("invalid gram lengths or skip count")
        }
        let counts = c.ints("ngram_counts") ?? []
        ngramIndexes = c.ints("ngram_indexes") ?? []
        weights = c.floats("weights") ?? []
        let pool: [MLOps.Key]
        if let ints = c.ints("pool_int64s") {
            pool = ints.map { .int($0) }
        } else if case .strings(let s)? = c.node.attribute("pool_strings")?.value {
            pool = s.map { .string($0) }
        } else {
            throw c.fail("pool_int64s or pool_strings is required")
        }
        guard let maxIndex = ngramIndexes.max(), maxIndex >= 0, maxIndex < 1 << 28 else {
            throw c.fail("ngram_indexes must be non-empty and non-negative")
        }
        outputSize = Int(maxIndex) + 1
        var ngramID = 1
        for (i, start64) in counts.enumerated() {
            let n = i + 1
            let start = Int(start64)
            let end = i + 1 < counts.count ? Int(counts[i + 1]) : pool.count
            guard start >= 0, start <= end, end <= pool.count else {
                throw c.fail("ngram_counts are not increasing offsets into the pool")
            }
            let grams = (end - start) / n
            if n < minGram || n > maxGram {
                ngramID += grams
                continue
            }
            for gi in 0..<grams {
                var node = root
                for k in 0..<n {
                    let key = pool[start + gi * n + k]
                    if let next = node.children[key] {
                        node = next
                    } else {
                        let next = Trie()
                        node.children[key] = next
                        node = next
                    }
                }
                node.id = ngramID
                ngramID += 1
            }
        }
        guard ngramID - 1 <= ngramIndexes.count else {
            throw c.fail("ngram_indexes has fewer entries than pooled n-grams")
        }
        if (mode == "IDF" || mode == "TFIDF"), !weights.isEmpty, weights.count < outputSize {
            throw c.fail("weights has fewer entries than the output size")
        }
    }

    func run(_ x: Tensor) throws -> Tensor {
        let d = x.dims
        guard d.count <= 2 else {
            throw KilnError(.shapeMismatch, "TfIdfVectorizer: input must be [C] or [B, C]")
        }
        let rows = d.count == 2 ? d[0] : 1
        let width = d.last ?? 1
        let tokens = try MLOps.keys(of: x)
        var freq = [Double](repeating: 0, count: rows * outputSize)
        for r in 0..<rows {
            let row = Array(tokens[(r * width)..<((r + 1) * width)])
            var startSize = minGram
            for skip in 1...(maxSkip + 1) {
                var start = 0
                while start < row.count {
                    if start + skip * (startSize - 1) >= row.count { break }
                    var item = start
                    var node = root
                    var size = 1
                    while size <= maxGram, item < row.count,
                        let next = node.children[row[item]]
                    {
                        if size >= startSize, next.id != 0 {
                            freq[r * outputSize + Int(ngramIndexes[next.id - 1])] += 1
                        }
                        node = next
                        size += 1
                        item += skip
                    }
                    start += 1
                }
                // Unigrams do not depend on the skip distance: count them once.
                if startSize == 1 {
                    startSize = 2
                    if startSize > maxGram { break }
                }
            }
        }
        var y = freq
        for i in 0..<y.count {
            let w = weights.isEmpty ? 1.0 : Double(weights[i % outputSize])
            switch mode {
            case "IDF": y[i] = freq[i] > 0 ? w : 0
            case "TFIDF": y[i] = w * freq[i]
            default: break
            }
        }
        let shape: [Int64] =
            d.count == 2 ? [Int64(rows), Int64(outputSize)] : [Int64(outputSize)]
        return Tensor(shape: shape, elements: y.map { Float($0) })
    }
}

import Foundation
import KilnIR
import KilnOps

extension Quantizer {
    /// Searches for the smallest set of layers to keep in float so that every float output
    /// reaches `targetCosine` (cosine similarity with the float model over the calibration
    /// samples) and/or stays within `maxError` (max abs error).
    ///
    /// Greedy over a ranking: layers are ordered by the SQNR of their own quantized tensors
    /// (worst first); the shortest prefix that meets the budget is found by doubling then
    /// bisection, and the layers of that prefix that are not needed are then dropped one by one
    /// (best-ranked first). Each step quantizes with the same calibration and runs the model on
    /// the calibration samples. Returns the node keys to keep float and the outcome.
    public func searchFloatLayers(targetCosine: Double?, maxError: Double?) throws
        -> (keys: Set<String>, outcome: QuantizationSummary.SearchOutcome)
    {
        let plan = int8Plan(excludedKeys: [])
        var own: [String: Double] = [:]
        for e in try tensorEntries(plan) {
            own[e.node] = min(own[e.node] ?? .infinity, e.agreement.sqnr)
        }
        let ranking = plan.targets.sorted { a, b in
            let (x, y) = (own[a.label] ?? .infinity, own[b.label] ?? .infinity)
            return x == y ? a.key < b.key : x < y
        }.map(\.key)
        var evaluations = 0
        var cache: [[String]: (Double, Double)] = [:]
        func evaluate(_ keys: [String]) throws -> (cosine: Double, maxAbs: Double) {
            let sortedKeys = keys.sorted()
            if let c = cache[sortedKeys] { return c }
            evaluations += 1
            let (model, _) = try quantize(excludedKeys: Set(keys))
            let outputs = try outputAgreement(model).outputs
            let cosine = outputs.values.map(\.cosine).min() ?? 1
            let maxAbs = outputs.values.map(\.maxAbsError).max() ?? 0
            cache[sortedKeys] = (cosine, maxAbs)
            return (cosine, maxAbs)
        }
        func meets(_ r: (cosine: Double, maxAbs: Double)) -> Bool {
            (targetCosine.map { r.cosine >= $0 } ?? true)
                && (maxError.map { r.maxAbs <= $0 } ?? true)
        }
        var kept: [String] = []
        var result = try evaluate([])
        if !meets(result) {
            var hi = 1
            while hi < ranking.count, !meets(try evaluate(Array(ranking.prefix(hi)))) { hi *= 2 }
            hi = min(hi, ranking.count)
            var lo = hi / 2  // known to fail (or 0, which failed above)
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if meets(try evaluate(Array(ranking.prefix(mid)))) { hi = mid } else { lo = mid }
            }
            kept = Array(ranking.prefix(hi))
            result = try evaluate(kept)
            if meets(result) {
                for k in kept.reversed() where kept.count > 1 && evaluations < 48 {
                    let fewer = kept.filter { $0 != k }
                    let r = try evaluate(fewer)
                    if meets(r) {
                        kept = fewer
                        result = r
                    }
                }
            }
        }
        let labels = Dictionary(
            plan.targets.map { ($0.key, $0.label) }, uniquingKeysWith: { a, _ in a })
        let order = Dictionary(
            ranking.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        kept.sort { (order[$0] ?? 0) < (order[$1] ?? 0) }
        return (
            Set(kept),
            .init(
                targetCosine: targetCosine, maxError: maxError,
                keptFloat: kept.map { labels[$0] ?? $0 }, reached: meets(result),
                cosine: result.cosine, maxAbsError: result.maxAbs, evaluations: evaluations)
        )
    }
}

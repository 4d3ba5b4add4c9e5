import Foundation
import KilnIR

/// ONNX `NonMaxSuppression` (10, 11): greedy per batch and class selection of boxes by
/// descending score, dropping each box whose IoU with an already selected one exceeds
/// `iou_threshold`.
///
/// Boxes are `[batch, boxes, 4]` as corners `[y1, x1, y2, x2]` (either diagonal) or, with
/// `center_point_box = 1`, `[x_center, y_center, width, height]`; scores `[batch, classes,
/// boxes]`. Only boxes scoring strictly above `score_threshold` (when given) are candidates;
/// equal scores keep box order. At most `max_output_boxes_per_class` (0 or absent: none) are
/// kept per class. Output: `selected_indices [n, 3]` int64 of (batch, class, box).
public struct NonMaxSuppression: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "NonMaxSuppression" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        let boxesT = try context.tensor(0)
        let scoresT = try context.tensor(1)
        let bd = try NNTensor.dims(boxesT, context)
        let sd = try NNTensor.dims(scoresT, context)
        guard bd.count == 3, bd[2] == 4, sd.count == 3, sd[0] == bd[0], sd[2] == bd[1] else {
            throw context.fail(
                "boxes \(bd) must be [batch, n, 4] and scores \(sd) [batch, classes, n]")
        }
        let (batches, n, classes) = (bd[0], bd[1], sd[1])
        func scalar(_ i: Int) throws -> Double? {
            guard let t = try context.optionalTensor(i), t.elementCount ?? 0 > 0 else { return nil }
            return try t.doubles().first
        }
        let maxOut = Int(max(0, min(try scalar(2) ?? 0, Double(Int32.max))))
        let iouThreshold = try scalar(3) ?? 0
        let scoreThreshold = try scalar(4)
        guard iouThreshold >= 0, iouThreshold <= 1 else {
            throw context.fail("iou_threshold must be in [0, 1], got \(iouThreshold)")
        }
        let center = context.int("center_point_box", default: 0) != 0
        let boxes = try boxesT.doubles()
        let scores = try scoresT.doubles()
        // Each box as (ymin, xmin, ymax, xmax).
        func corners(_ b: Int, _ i: Int) -> (Double, Double, Double, Double) {
            let o = (b * n + i) * 4
            let (a0, a1, a2, a3) = (boxes[o], boxes[o + 1], boxes[o + 2], boxes[o + 3])
            if center {
                return (a1 - a3 / 2, a0 - a2 / 2, a1 + a3 / 2, a0 + a2 / 2)
            }
            return (min(a0, a2), min(a1, a3), max(a0, a2), max(a1, a3))
        }
        func suppresses(
            _ p: (Double, Double, Double, Double), _ q: (Double, Double, Double, Double)
        )
            -> Bool
        {
            let ih = min(p.2, q.2) - max(p.0, q.0)
            let iw = min(p.3, q.3) - max(p.1, q.1)
            guard ih > 0, iw > 0 else { return false }
            let inter = ih * iw
            let areaP = (p.2 - p.0) * (p.3 - p.1)
            let areaQ = (q.2 - q.0) * (q.3 - q.1)
            guard areaP > 0, areaQ > 0 else { return false }
            return inter / (areaP + areaQ - inter) > iouThreshold
        }
        var selected: [Int64] = []
        if maxOut > 0 {
            for b in 0..<batches {
                for c in 0..<classes {
                    let base = (b * classes + c) * n
                    var candidates = (0..<n).filter { i in
                        scoreThreshold.map { scores[base + i] > $0 } ?? true
                    }
                    candidates.sort {
                        scores[base + $0] > scores[base + $1]
                            || (scores[base + $0]
                                == scores[base + $1] && $0 < $1)
                    }
                    var kept: [(Double, Double, Double, Double)] = []
                    for i in candidates {
                        if kept.count >= maxOut { break }
                        let box = corners(b, i)
                        if kept.contains(where: { suppresses($0, box) }) { continue }
                        kept.append(box)
                        selected += [Int64(b), Int64(c), Int64(i)]
                    }
                }
            }
        }
        return [.tensor(Tensor(shape: [Int64(selected.count / 3), 3], values: selected))]
    }
}

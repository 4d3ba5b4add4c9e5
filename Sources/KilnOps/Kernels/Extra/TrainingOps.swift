import Foundation
import KilnIR

/// `ai.onnx.preview.training` optimizers (Adagrad, Adam, Momentum): one update step for each
/// of n tensors given as inputs `R, T, X1…Xn, G1…Gn, <state>1…n…`; outputs are the new X's
/// followed by the new states, in X's element type. Computed in Double.
enum TrainingOps {
    static let domain = "ai.onnx.preview.training"

    static let all: [any OpDefinition] = [
        ClosureOp("Adagrad", domain: domain) { c in
            let decay = Double(c.float("decay_factor", default: 0))
            let eps = Double(c.float("epsilon", default: 1e-6))
            let norm = Double(c.float("norm_coefficient", default: 0))
            return try step(c, states: 1) { r, t, x, g, s in
                let rate = r / (1 + t * decay)
                let gr = norm * x + g
                let h = s[0] + gr * gr
                return [x - rate * gr / (h.squareRoot() + eps), h]
            }
        },
        ClosureOp("Adam", domain: domain) { c in
            let alpha = Double(c.float("alpha", default: 0.9))
            let beta = Double(c.float("beta", default: 0.999))
            let eps = Double(c.float("epsilon", default: 1e-6))
            let norm = Double(c.float("norm_coefficient", default: 0))
            let post = Double(c.float("norm_coefficient_post", default: 0))
            return try step(c, states: 2) { r, t, x, g, s in
                let gr = norm * x + g
                let v = alpha * s[0] + (1 - alpha) * gr
                let h = beta * s[1] + (1 - beta) * gr * gr
                let correction =
                    (1 - Foundation.pow(beta, t)).squareRoot() / (1 - Foundation.pow(alpha, t))
                let rate = t > 0 ? r * correction : r
                let xNew = x - rate * (v / (h.squareRoot() + eps))
                return [(1 - post) * xNew, v, h]
            }
        },
        ClosureOp("Momentum", domain: domain) { c in
            let alpha = Double(c.float("alpha", default: 0))
            let beta = Double(c.float("beta", default: 0))
            let norm = Double(c.float("norm_coefficient", default: 0))
            let nesterov = c.string("mode", default: "standard") == "nesterov"
            return try step(c, states: 1) { r, t, x, g, s in
                let gr = norm * x + g
                let v = alpha * s[0] + (t > 0 ? beta : 1) * gr
                return [nesterov ? x - r * (gr + alpha * v) : x - r * v, v]
            }
        },
    ]

    /// Applies `update(r, t, x, g, states) -> [x', states'...]` element-wise to every group.
    static func step(
        _ c: KernelContext, states: Int,
        _ update: (Double, Double, Double, Double, [Double]) -> [Double]
    ) throws -> [Value] {
        guard let r = try c.tensor(0).doubles().first, let t = try c.tensor(1).doubles().first
        else { throw c.fail("R and T must be scalars") }
        let tensors = try (2..<c.inputs.count).map { try c.tensor($0) }
        let per = 2 + states
        guard !tensors.isEmpty, tensors.count % per == 0 else {
            throw c.fail("expected \(per) tensors per optimized input, got \(tensors.count)")
        }
        let n = tensors.count / per
        var outputs = [[Tensor]](repeating: [], count: 1 + states)
        for i in 0..<n {
            let group = (0..<per).map { tensors[$0 * n + i] }
            guard group.allSatisfy({ $0.shape == group[0].shape }) else {
                throw c.fail("X, G and the states of input \(i) differ in shape")
            }
            let values = try group.map { try $0.doubles() }
            var results = [[Double]](
                repeating: [Double](repeating: 0, count: values[0].count), count: 1 + states)
            for e in 0..<values[0].count {
                let state = (0..<states).map { values[2 + $0][e] }
                let u = update(r, t, values[0][e], values[1][e], state)
                for k in 0..<(1 + states) { results[k][e] = u[k] }
            }
            for k in 0..<(1 + states) {
                let type = k == 0 ? group[0].elementType : group[2 + k - 1].elementType
                outputs[k].append(
                    try Tensor.fromDoubles(results[k], shape: group[0].shape, as: type))
            }
        }
        return outputs.flatMap { $0 }.map { .tensor($0) }
    }
}

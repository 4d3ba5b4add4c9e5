import Foundation
import KilnIR

// Layer normalizations of onnxruntime's transformer fusions. Statistics are computed in
// Double over the last dim (or dims `axis...`), as the standard LayerNormalization does.

/// `com.microsoft.SkipLayerNormalization` and `SkipSimplifiedLayerNormalization`:
///
///     s = input + skip (+ bias)                 skip broadcast over the leading dims
///     output = normalize(s) · gamma (+ beta)     over the last (hidden) dim
///
/// The simplified form uses the root mean square (no mean, no beta input). Optional outputs:
/// `mean` (not produced by the simplified form) and `inv_std_var`, both `[..., 1]`, and
/// `input_skip_bias_sum` (s).
public struct SkipLayerNormalization: OpDefinition {
    public let opType: String
    public var domain: String { "com.microsoft" }
    let rms: Bool

    /// The full (`simplified == false`) or RMS form.
    public init(simplified: Bool) {
        rms = simplified
        opType = simplified ? "SkipSimplifiedLayerNormalization" : "SkipLayerNormalization"
    }

    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let skip = try context.tensor(1)
        let gamma = try context.tensor(2)
        // Inputs: input, skip, gamma, beta, bias (full); input, skip, gamma, bias (simplified).
        let beta = rms ? nil : try context.optionalTensor(3)
        let bias = try context.optionalTensor(rms ? 3 : 4)
        let dims = try NNTensor.dims(x, context)
        guard let hidden = dims.last, dims.count >= 2 else {
            throw context.fail("input must have rank >= 2")
        }
        let rows = dims.dropLast().reduce(1, *)
        var sum = try NNTensor.floats(x, context)
        let bc = try Broadcast([x.shape, skip.shape])
        guard bc.shape == dims else {
            throw context.fail("skip \(skip.shape) does not broadcast to input \(x.shape)")
        }
        let skipMap = bc.indexMap(input: 1)
        let sv = try NNTensor.floats(skip, context)
        for i in sum.indices { sum[i] += sv[skipMap[i]] }
        func vector(_ t: Tensor?, _ what: String) throws -> [Float]? {
            guard let t else { return nil }
            let v = try NNTensor.floats(t, context)
            guard v.count == hidden else {
                throw context.fail("\(what) has \(v.count) values, expected \(hidden)")
            }
            return v
        }
        if let b = try vector(bias, "bias") {
            for i in sum.indices { sum[i] += b[i % hidden] }
        }
        guard let g = try vector(gamma, "gamma") else { throw context.fail("gamma is missing") }
        let be = try vector(beta, "beta")
        let eps = Double(context.float("epsilon", default: 1e-12))
        var y = [Float](repeating: 0, count: sum.count)
        var means = [Float](repeating: 0, count: rows)
        var invStds = [Float](repeating: 0, count: rows)
        for r in 0..<rows {
            let (m, inv) = NormalizationMath.normalize(
                sum, &y, base: r * hidden, count: hidden, eps: eps, rms: rms,
                scale: { g[$0] }, bias: { be?[$0] ?? 0 })
            means[r] = Float(m)
            invStds[r] = Float(inv)
        }
        let statShape = Array(dims.dropLast()) + [1]
        let type = x.elementType
        var outputs: [Value] = [.tensor(NNTensor.make(type, shape: dims, y))]
        let wanted = context.node.outputs
        for k in 1..<max(wanted.count, 1) {
            guard !wanted[k].isEmpty else {
                outputs.append(.none)
                continue
            }
            switch k {
            case 1:
                if rms { throw context.fail("the simplified form has no mean output") }
                outputs.append(.tensor(NNTensor.make(.float32, shape: statShape, means)))
            case 2: outputs.append(.tensor(NNTensor.make(.float32, shape: statShape, invStds)))
            case 3: outputs.append(.tensor(NNTensor.make(type, shape: dims, sum)))
            default: throw context.fail("has at most 4 outputs")
            }
        }
        return outputs
    }
}

/// `SimplifiedLayerNormalization` (onnxruntime's RMS norm, registered by onnxruntime in the
/// default domain, and accepted in `com.microsoft` too): `Y = X / √(mean(X²) + ε) · scale`
/// over dims `axis...`; optional output `inv_std_var` with the reduced dims kept as 1.
public struct SimplifiedLayerNormalization: OpDefinition {
    public let domain: String
    public var opType: String { "SimplifiedLayerNormalization" }

    public init(domain: String) { self.domain = domain }

    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let dims = try NNTensor.dims(x, context)
        let axis = try Axis.normalize(
            context.int("axis", default: -1), rank: dims.count, op: opType)
        let outer = dims[..<axis].reduce(1, *)
        let inner = dims[axis...].reduce(1, *)
        let scaleT = try context.tensor(1)
        let scale = try Broadcast.expand(
            NNTensor.floats(scaleT, context), from: scaleT.shape,
            to: dims[axis...].map { Int64($0) })
        let eps = Double(context.float("epsilon", default: 1e-5))
        let xv = try NNTensor.floats(x, context)
        var y = [Float](repeating: 0, count: xv.count)
        var invStds = [Float](repeating: 0, count: outer)
        for o in 0..<outer {
            let (_, inv) = NormalizationMath.normalize(
                xv, &y, base: o * inner, count: inner, eps: eps, rms: true,
                scale: { scale[$0] }, bias: { _ in 0 })
            invStds[o] = Float(inv)
        }
        var outputs: [Value] = [.tensor(NNTensor.make(x.elementType, shape: dims, y))]
        if context.node.outputs.count > 1 {
            let statShape = Array(dims[..<axis]) + Array(repeating: 1, count: dims.count - axis)
            outputs.append(.tensor(NNTensor.make(.float32, shape: statShape, invStds)))
        }
        return outputs
    }
}

/// `com.microsoft.LayerNormalization`: the same computation as the standard op (older
/// onnxruntime exports wrote it in this domain).
public struct ContribLayerNormalization: OpDefinition {
    public var domain: String { "com.microsoft" }
    public var opType: String { "LayerNormalization" }
    public init() {}
    public func run(_ context: KernelContext) throws -> [Value] {
        try NormalizationMath.runAxisNorm(context, rms: false)
    }
}

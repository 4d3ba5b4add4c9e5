import Foundation
import KilnIR

// Normalization ops: BatchNormalization, InstanceNormalization, LayerNormalization,
// GroupNormalization, RMSNormalization and LRN. All compute statistics in Double for accuracy.

/// ONNX `BatchNormalization` (1, 6, 7, 9, 14, 15): inference form, and training form
/// (`training_mode = 1`, opset 14+) which normalizes with batch statistics and also returns
/// the updated running mean and variance.
public struct BatchNormalization: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "BatchNormalization" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let dims = try NNTensor.dims(x, context)
        guard dims.count >= 2 else { throw context.fail("X must have rank >= 2") }
        let (n, c) = (dims[0], dims[1])
        let size = dims[2...].reduce(1, *)
        let params = try (1...4).map { try NNTensor.floats(context.tensor($0), context) }
        guard params.allSatisfy({ $0.count == c }) else {
            throw context.fail("scale, B, mean and var must each hold \(c) values")
        }
        let eps = context.float("epsilon", default: 1e-5)
        let momentum = context.float("momentum", default: 0.9)
        let training = context.opsetVersion >= 14 && context.int("training_mode", default: 0) != 0
        var mean = params[2]
        var variance = params[3]
        var outputs: [Value] = []
        if training {
            let xv = try NNTensor.floats(x, context)
            for ch in 0..<c {
                var s = 0.0
                var sq = 0.0
                for i in 0..<n {
                    let base = (i * c + ch) * size
                    for j in 0..<size {
                        let v = Double(xv[base + j])
                        s += v
                        sq += v * v
                    }
                }
                let cnt = Double(n * size)
                let mu = cnt > 0 ? s / cnt : 0
                mean[ch] = Float(mu)
                variance[ch] = Float(cnt > 0 ? sq / cnt - mu * mu : 0)
            }
        }
        let affine = ChannelAffine(
            gamma: params[0], beta: params[1], mean: mean, variance: variance, epsilon: eps)
        let y = try NNTensor.withFloats(x, context) { xv in
            try NNTensor.output(x.elementType, shape: dims, context) { yp in
                for ch in 0..<c {
                    let (a, b) = (affine.scale[ch], affine.shift[ch])
                    for i in 0..<n {
                        let base = (i * c + ch) * size
                        for j in 0..<size { yp[base + j] = xv[base + j] * a + b }
                    }
                }
            }
        }
        outputs.append(.tensor(y))
        if training {
            let runMean = (0..<c).map { params[2][$0] * momentum + mean[$0] * (1 - momentum) }
            let runVar = (0..<c).map { params[3][$0] * momentum + variance[$0] * (1 - momentum) }
            let t = try context.tensor(3).elementType
            outputs.append(.tensor(NNTensor.make(t, shape: [c], runMean)))
            outputs.append(.tensor(NNTensor.make(t, shape: [c], runVar)))
        }
        let wanted = context.node.outputs.count
        while outputs.count < wanted { outputs.append(.none) }
        return Array(outputs.prefix(max(wanted, 1)))
    }
}

/// ONNX `InstanceNormalization` (1, 6, 22): per image and channel over the spatial dims.
public struct InstanceNormalization: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "InstanceNormalization" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let dims = try NNTensor.dims(x, context)
        guard dims.count >= 3 else { throw context.fail("X must have rank >= 3") }
        let (n, c) = (dims[0], dims[1])
        let scale = try NNTensor.floats(context.tensor(1), context)
        let bias = try NNTensor.floats(context.tensor(2), context)
        guard scale.count == c, bias.count == c else {
            throw context.fail("scale and B must hold \(c) values")
        }
        let eps = Double(context.float("epsilon", default: 1e-5))
        let size = dims[2...].reduce(1, *)
        let xv = try NNTensor.floats(x, context)
        var y = [Float](repeating: 0, count: xv.count)
        for plane in 0..<(n * c) {
            let ch = plane % c
            NormalizationMath.normalize(
                xv, &y, base: plane * size, count: size, eps: eps, rms: false,
                scale: { _ in scale[ch] }, bias: { _ in bias[ch] })
        }
        return [.tensor(NNTensor.make(x.elementType, shape: dims, y))]
    }
}

/// ONNX `LayerNormalization` (17): normalizes over dims `axis...`; Scale and B broadcast to
/// those dims. Optional outputs Mean and InvStdDev have the reduced dims kept as 1.
public struct LayerNormalization: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "LayerNormalization" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        try NormalizationMath.runAxisNorm(context, rms: false)
    }
}

/// ONNX `RMSNormalization` (23): `x / sqrt(mean(x²) + ε) · scale` over dims `axis...`.
public struct RMSNormalization: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "RMSNormalization" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        try NormalizationMath.runAxisNorm(context, rms: true)
    }
}

/// ONNX `GroupNormalization` (18, 21): channels split into `num_groups` groups normalized
/// together. Scale and bias are per group in opset 18 and per channel from opset 21 (a tensor
/// of C values is read per channel in either version).
public struct GroupNormalization: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "GroupNormalization" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let dims = try NNTensor.dims(x, context)
        guard dims.count >= 2 else { throw context.fail("X must have rank >= 2") }
        let (n, c) = (dims[0], dims[1])
        let groups = Int(context.int("num_groups", default: 0))
        guard groups > 0, c % groups == 0 else {
            throw context.fail("num_groups \(groups) must divide the \(c) channels")
        }
        let scale = try NNTensor.floats(context.tensor(1), context)
        let bias = try NNTensor.floats(context.tensor(2), context)
        let perChannel = scale.count == c && bias.count == c
        guard perChannel || (scale.count == groups && bias.count == groups) else {
            throw context.fail("scale and bias must hold \(c) (or \(groups)) values")
        }
        let eps = Double(context.float("epsilon", default: 1e-5))
        let size = dims[2...].reduce(1, *)
        let cg = c / groups
        let xv = try NNTensor.floats(x, context)
        var y = [Float](repeating: 0, count: xv.count)
        for img in 0..<n {
            for g in 0..<groups {
                let base = (img * c + g * cg) * size
                NormalizationMath.normalize(
                    xv, &y, base: base, count: cg * size, eps: eps, rms: false,
                    scale: { perChannel ? scale[g * cg + $0 / size] : scale[g] },
                    bias: { perChannel ? bias[g * cg + $0 / size] : bias[g] })
            }
        }
        return [.tensor(NNTensor.make(x.elementType, shape: dims, y))]
    }
}

/// ONNX `LRN` (1, 13): local response normalization across channels,
/// `y = x / (bias + alpha/size · Σ x²)^beta` over a window of `size` channels.
public struct LRN: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "LRN" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let dims = try NNTensor.dims(x, context)
        guard dims.count >= 2 else { throw context.fail("X must have rank >= 2") }
        let size = Int(context.int("size", default: 0))
        guard size > 0 else { throw context.fail("size must be positive") }
        let alpha = context.float("alpha", default: 1e-4)
        let beta = context.float("beta", default: 0.75)
        let bias = context.float("bias", default: 1)
        let (n, c) = (dims[0], dims[1])
        let plane = dims[2...].reduce(1, *)
        let lo = (size - 1) / 2
        let hi = size - 1 - lo
        let y = try NNTensor.withFloats(x, context) { xp in
            try NNTensor.output(x.elementType, shape: dims, context) { yp in
                var sq = [Float](repeating: 0, count: plane)
                for img in 0..<n {
                    for ch in 0..<c {
                        for i in 0..<plane { sq[i] = 0 }
                        for cc in max(0, ch - lo)...min(c - 1, ch + hi) {
                            let base = (img * c + cc) * plane
                            for i in 0..<plane { sq[i] += xp[base + i] * xp[base + i] }
                        }
                        let base = (img * c + ch) * plane
                        let k = alpha / Float(size)
                        for i in 0..<plane {
                            yp[base + i] = xp[base + i] / powf(bias + k * sq[i], beta)
                        }
                    }
                }
            }
        }
        return [.tensor(y)]
    }
}

enum NormalizationMath {
    /// Normalizes `x[base ..< base+count]` into `y` (mean/variance, or RMS when `rms`), then
    /// applies `scale(i)` and `bias(i)` for the i-th element of the block. Returns the mean and
    /// the inverse standard deviation.
    @discardableResult
    static func normalize(
        _ x: [Float], _ y: inout [Float], base: Int, count: Int, eps: Double, rms: Bool,
        scale: (Int) -> Float, bias: (Int) -> Float
    ) -> (mean: Double, invStd: Double) {
        var s = 0.0
        for i in 0..<count { s += Double(x[base + i]) }
        let mean = rms || count == 0 ? 0 : s / Double(count)
        var v = 0.0
        for i in 0..<count {
            let d = Double(x[base + i]) - mean
            v += d * d
        }
        let invStd = 1 / (v / Double(max(count, 1)) + eps).squareRoot()
        for i in 0..<count {
            let norm = (Double(x[base + i]) - mean) * invStd
            y[base + i] = Float(norm) * scale(i) + bias(i)
        }
        return (mean, invStd)
    }

    /// LayerNormalization and RMSNormalization: normalize over `axis...`.
    static func runAxisNorm(_ ctx: KernelContext, rms: Bool) throws -> [Value] {
        let x = try ctx.tensor(0)
        let dims = try NNTensor.dims(x, ctx)
        let axis = try Axis.normalize(
            ctx.int("axis", default: -1), rank: dims.count, op: ctx.node.opType)
        let outer = dims[..<axis].reduce(1, *)
        let inner = dims[axis...].reduce(1, *)
        let normShape = dims[axis...].map { Int64($0) }
        let scaleT = try ctx.tensor(1)
        let scale = try Broadcast.expand(
            NNTensor.floats(scaleT, ctx), from: scaleT.shape, to: normShape)
        var bias = [Float](repeating: 0, count: inner)
        if !rms, let bt = try ctx.optionalTensor(2) {
            bias = try Broadcast.expand(NNTensor.floats(bt, ctx), from: bt.shape, to: normShape)
        }
        let eps = Double(ctx.float("epsilon", default: 1e-5))
        let xv = try NNTensor.floats(x, ctx)
        var y = [Float](repeating: 0, count: xv.count)
        var means = [Float](repeating: 0, count: outer)
        var invStds = [Float](repeating: 0, count: outer)
        for o in 0..<outer {
            let (m, inv) = normalize(
                xv, &y, base: o * inner, count: inner, eps: eps, rms: rms,
                scale: { scale[$0] }, bias: { bias[$0] })
            means[o] = Float(m)
            invStds[o] = Float(inv)
        }
        var outputs: [Value] = [.tensor(NNTensor.make(x.elementType, shape: dims, y))]
        let statShape = Array(dims[..<axis]) + Array(repeating: 1, count: dims.count - axis)
        // Mean and InvStdDev are computed in stash_type (float32 by default).
        if !rms && ctx.node.outputs.count > 1 {
            outputs.append(.tensor(NNTensor.make(.float32, shape: statShape, means)))
        }
        if !rms && ctx.node.outputs.count > 2 {
            outputs.append(.tensor(NNTensor.make(.float32, shape: statShape, invStds)))
        }
        return outputs
    }
}

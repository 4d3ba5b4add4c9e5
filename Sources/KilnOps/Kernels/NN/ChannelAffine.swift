import KilnIR

/// A per-channel affine map `y[c] = x[c] · scale[c] + shift[c]`: the one copy of inference
/// BatchNormalization's scale/shift math, shared by the BatchNormalization kernel, the
/// runtime's fused kernels and the optimizer's Conv+BatchNormalization fusion.
public struct ChannelAffine: Sendable, Equatable {
    public var scale: [Float]
    public var shift: [Float]

    public init(scale: [Float], shift: [Float]) {
        precondition(scale.count == shift.count, "scale and shift differ in length")
        self.scale = scale
        self.shift = shift
    }

    /// Inference BatchNormalization: `scale = γ / √(σ² + ε)`, `shift = β − μ · scale`.
    public init(gamma: [Float], beta: [Float], mean: [Float], variance: [Float], epsilon: Float) {
        let c = gamma.count
        var a = [Float](repeating: 0, count: c)
        var b = [Float](repeating: 0, count: c)
        for ch in 0..<c {
            a[ch] = gamma[ch] / (variance[ch] + epsilon).squareRoot()
            b[ch] = beta[ch] - mean[ch] * a[ch]
        }
        self.init(scale: a, shift: b)
    }

    public var channels: Int { scale.count }

    /// Scales the rows of `weights` (channel-major, `channels` rows of equal length) and maps
    /// `bias`: the parameters of a linear op followed by this affine map.
    public func fold(weights: inout [Float], bias: inout [Float]) {
        let c = channels
        precondition(bias.count == c && weights.count % max(c, 1) == 0, "shape mismatch")
        let per = c == 0 ? 0 : weights.count / c
        for ch in 0..<c {
            let a = scale[ch]
            for k in 0..<per { weights[ch * per + k] *= a }
            bias[ch] = bias[ch] * a + shift[ch]
        }
    }
}

extension ChannelAffine {
    /// The values of `t` when it broadcasts against an `[N, C, …]` tensor of `rank` as a
    /// per-channel or scalar operand without changing that tensor's shape, expanded to
    /// `channels` values; nil otherwise.
    public static func perChannel(_ t: Tensor, channels: Int, rank: Int) -> [Float]? {
        guard t.elementType == .float32, rank >= 2, t.shape.count <= rank,
            let v = t.values(as: Float.self)
        else { return nil }
        let aligned = [Int64](repeating: 1, count: rank - t.shape.count) + t.shape
        for (d, size) in aligned.enumerated() where d != 1 && size != 1 { return nil }
        if aligned[1] == Int64(channels) && v.count == channels { return v }
        if aligned[1] == 1 && v.count == 1 { return [Float](repeating: v[0], count: channels) }
        return nil
    }
}

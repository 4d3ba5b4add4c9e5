import Foundation
import KilnIR

// onnxruntime's fused attention ops (com.microsoft): Attention (with the packed input
// projection) and MultiHeadAttention (projected Q, K, V). Supported: 3-D inputs, bias, the
// key masks (raw 0/1 masks and right-padding lengths), attention_bias and causal masking.
// Not supported (throw unsupportedFeature): past/present state, packed QKV/KV layouts,
// rotary embedding, left-padding mask formats.
//
//     scores[b,h,i,j] = scale · Q[b,h,i]·K[b,h,j] + mask_filter_value·(masked) + attention_bias
//     Y[b,i,h·dv..]   = softmax_j(scores) · V[b,h,j]

enum AttentionMath {
    /// A key mask: for batch `b`, query `i`, key `j`, whether the key is masked out.
    typealias KeyMask = (_ b: Int, _ i: Int, _ j: Int) -> Bool

    /// Reads a mask input of `shape` for `batch`, `queries`, `keys`: `[B]` valid lengths
    /// (right padding), `[B, keys]` or `[B, queries, keys]` raw masks (0 masks out).
    static func keyMask(
        _ ctx: KernelContext, _ t: Tensor?, batch: Int, queries: Int, keys: Int
    ) throws -> KeyMask? {
        guard let t else { return nil }
        let v = try NNTensor.ints(t, ctx)
        let d = try NNTensor.dims(t, ctx)
        if d == [batch] {
            return { b, _, j in Int64(j) >= v[b] }
        }
        if d == [batch, keys] {
            return { b, _, j in v[b * keys + j] == 0 }
        }
        if d == [batch, queries, keys] {
            return { b, i, j in v[(b * queries + i) * keys + j] == 0 }
        }
        throw KilnError(
            .unsupportedFeature, "\(ctx.node.opType): mask of shape \(d) is not supported",
            at: ctx.location)
    }

    /// Multi-head attention over row-major `[B, S, heads·d]` Q, `[B, L, heads·d]` K and
    /// `[B, L, heads·dv]` V; returns `[B, S, heads·dv]`.
    static func attend(
        q: [Float], k: [Float], v: [Float], batch: Int, queries: Int, keys: Int, heads: Int,
        headSize: Int, vHeadSize: Int, scale: Float, maskValue: Float, causal: Bool,
        mask: KeyMask?, bias: ((Int, Int, Int, Int) -> Float)?
    ) -> [Float] {
        var out = [Float](repeating: 0, count: batch * queries * heads * vHeadSize)
        var scores = [Float](repeating: 0, count: keys)
        let (qw, vw) = (heads * headSize, heads * vHeadSize)
        for b in 0..<batch {
            for h in 0..<heads {
                for i in 0..<queries {
                    let qo = (b * queries + i) * qw + h * headSize
                    var top = -Float.infinity
                    for j in 0..<keys {
                        let ko = (b * keys + j) * qw + h * headSize
                        var s: Float = 0
                        for e in 0..<headSize { s += q[qo + e] * k[ko + e] }
                        s *= scale
                        if let mask, mask(b, i, j) { s += maskValue }
                        if causal && j > i + (keys - queries) { s += maskValue }
                        if let bias { s += bias(b, h, i, j) }
                        scores[j] = s
                        top = max(top, s)
                    }
                    var sum: Float = 0
                    for j in 0..<keys {
                        scores[j] = expf(scores[j] - top)
                        sum += scores[j]
                    }
                    let oo = (b * queries + i) * vw + h * vHeadSize
                    for j in 0..<keys {
                        let p = scores[j] / sum
                        let vo = (b * keys + j) * vw + h * vHeadSize
                        for e in 0..<vHeadSize { out[oo + e] += p * v[vo + e] }
                    }
                }
            }
        }
        return out
    }

    /// `attention_bias [B or 1, heads or 1, S, T]` as a lookup.
    static func attentionBias(
        _ ctx: KernelContext, _ t: Tensor?, batch: Int, heads: Int, queries: Int, keys: Int
    ) throws -> ((Int, Int, Int, Int) -> Float)? {
        guard let t else { return nil }
        let d = try NNTensor.dims(t, ctx)
        guard d.count == 4, d[0] == 1 || d[0] == batch, d[1] == 1 || d[1] == heads,
            d[2] == queries, d[3] == keys
        else {
            throw ctx.fail(
                "attention_bias has shape \(d), expected [B|1, H|1, \(queries), \(keys)]")
        }
        let v = try NNTensor.floats(t, ctx)
        return { b, h, i, j in
            v[(((d[0] == 1 ? 0 : b) * d[1] + (d[1] == 1 ? 0 : h)) * queries + i) * keys + j]
        }
    }

    static func unsupported(_ ctx: KernelContext, _ what: String) -> KilnError {
        KilnError(
            .unsupportedFeature, "\(ctx.node.opType): \(what) is not supported", at: ctx.location)
    }
}

/// `com.microsoft.Attention`: self-attention with the Q, K, V projections packed in one
/// weight `[input_hidden, H + H + Hv]` (`qkv_hidden_sizes`, else three equal parts) and bias.
public struct ContribAttention: OpDefinition {
    public var domain: String { "com.microsoft" }
    public var opType: String { "Attention" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        let ctx = context
        let x = try ctx.tensor(0)
        let w = try ctx.tensor(1)
        let xd = try NNTensor.dims(x, ctx)
        let wd = try NNTensor.dims(w, ctx)
        guard xd.count == 3, wd.count == 2, wd[0] == xd[2] else {
            throw ctx.fail("input \(xd) must be [B, S, D] and weights \(wd) [D, 3H]")
        }
        if try ctx.optionalTensor(4) != nil || ctx.node.outputs.count > 1 {
            throw AttentionMath.unsupported(ctx, "past/present state")
        }
        if ctx.int("do_rotary", default: 0) != 0 {
            throw AttentionMath.unsupported(ctx, "do_rotary")
        }
        let heads = Int(ctx.int("num_heads", default: 0))
        let sizes =
            ctx.ints("qkv_hidden_sizes")?.map { Int(clamping: $0) }
            ?? [wd[1] / 3, wd[1] / 3, wd[1] / 3]
        guard heads > 0, sizes.count == 3, sizes.allSatisfy({ $0 > 0 && $0 < 1 << 31 }),
            sizes.reduce(0, +) == wd[1], sizes[0] == sizes[1],
            sizes.allSatisfy({ $0 % heads == 0 })
        else {
            throw ctx.fail("num_heads \(heads) and qkv_hidden_sizes \(sizes) do not fit \(wd)")
        }
        let (batch, seq, din) = (xd[0], xd[1], xd[2])
        let n = wd[1]
        var bias = [Float](repeating: 0, count: n)
        if let bt = try ctx.optionalTensor(2) {
            bias = try NNTensor.floats(bt, ctx)
            guard bias.count == n else { throw ctx.fail("bias must hold \(n) values") }
        }
        let xv = try NNTensor.floats(x, ctx)
        let wv = try NNTensor.floats(w, ctx)
        // proj[r, :] = X[r] · W + bias, then split into Q, K, V columns.
        var proj = [Float](repeating: 0, count: batch * seq * n)
        for r in 0..<(batch * seq) {
            for c in 0..<n { proj[r * n + c] = bias[c] }
            for p in 0..<din {
                let a = xv[r * din + p]
                for c in 0..<n { proj[r * n + c] += a * wv[p * n + c] }
            }
        }
        func columns(_ from: Int, _ count: Int) -> [Float] {
            var out = [Float](repeating: 0, count: batch * seq * count)
            for r in 0..<(batch * seq) {
                for c in 0..<count { out[r * count + c] = proj[r * n + from + c] }
            }
            return out
        }
        let q = columns(0, sizes[0])
        let k = columns(sizes[0], sizes[1])
        let v = columns(sizes[0] + sizes[1], sizes[2])
        let headSize = sizes[0] / heads
        let mask = try AttentionMath.keyMask(
            ctx, ctx.optionalTensor(3), batch: batch, queries: seq, keys: seq)
        let abias = try AttentionMath.attentionBias(
            ctx, ctx.optionalTensor(5), batch: batch, heads: heads, queries: seq, keys: seq)
        let y = AttentionMath.attend(
            q: q, k: k, v: v, batch: batch, queries: seq, keys: seq, heads: heads,
            headSize: headSize, vHeadSize: sizes[2] / heads,
            scale: ctx.node.attribute("scale")?.float ?? 1 / Float(headSize).squareRoot(),
            maskValue: ctx.float("mask_filter_value", default: -10000),
            causal: ctx.int("unidirectional", default: 0) != 0, mask: mask, bias: abias)
        return [.tensor(NNTensor.make(x.elementType, shape: [batch, seq, sizes[2]], y))]
    }
}

/// `com.microsoft.MultiHeadAttention` on separate 3-D query `[B, S, H]`, key `[B, L, H]` and
/// value `[B, L, Hv]`, with optional packed bias `[H + H + Hv]`, key_padding_mask and
/// attention_bias.
public struct MultiHeadAttention: OpDefinition {
    public var domain: String { "com.microsoft" }
    public var opType: String { "MultiHeadAttention" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        let ctx = context
        let qT = try ctx.tensor(0)
        guard let kT = try ctx.optionalTensor(1), let vT = try ctx.optionalTensor(2) else {
            throw AttentionMath.unsupported(ctx, "packed QKV (no key/value input)")
        }
        if try ctx.optionalTensor(6) != nil || ctx.node.outputs.count > 1 {
            throw AttentionMath.unsupported(ctx, "past/present state")
        }
        let qd = try NNTensor.dims(qT, ctx)
        let kd = try NNTensor.dims(kT, ctx)
        let vd = try NNTensor.dims(vT, ctx)
        guard qd.count == 3, kd.count == 3, vd.count == 3 else {
            throw AttentionMath.unsupported(ctx, "query/key/value of rank other than 3")
        }
        let heads = Int(ctx.int("num_heads", default: 0))
        let (batch, seq, hq) = (qd[0], qd[1], qd[2])
        let keys = kd[1]
        guard heads > 0, kd[0] == batch, vd[0] == batch, vd[1] == keys, kd[2] == hq,
            hq % heads == 0, vd[2] % heads == 0
        else {
            throw ctx.fail("query \(qd), key \(kd), value \(vd) and num_heads \(heads) disagree")
        }
        var q = try NNTensor.floats(qT, ctx)
        var k = try NNTensor.floats(kT, ctx)
        var v = try NNTensor.floats(vT, ctx)
        if let bt = try ctx.optionalTensor(3) {
            let b = try NNTensor.floats(bt, ctx)
            guard b.count == 2 * hq + vd[2] else {
                throw ctx.fail("bias must hold \(2 * hq + vd[2]) values")
            }
            for i in q.indices { q[i] += b[i % hq] }
            for i in k.indices { k[i] += b[hq + i % hq] }
            for i in v.indices { v[i] += b[2 * hq + i % vd[2]] }
        }
        let headSize = hq / heads
        let mask = try AttentionMath.keyMask(
            ctx, ctx.optionalTensor(4), batch: batch, queries: seq, keys: keys)
        let abias = try AttentionMath.attentionBias(
            ctx, ctx.optionalTensor(5), batch: batch, heads: heads, queries: seq, keys: keys)
        let y = AttentionMath.attend(
            q: q, k: k, v: v, batch: batch, queries: seq, keys: keys, heads: heads,
            headSize: headSize, vHeadSize: vd[2] / heads,
            scale: ctx.node.attribute("scale")?.float ?? 1 / Float(headSize).squareRoot(),
            maskValue: ctx.float("mask_filter_value", default: -10000),
            causal: ctx.int("unidirectional", default: 0) != 0, mask: mask, bias: abias)
        return [.tensor(NNTensor.make(qT.elementType, shape: [batch, seq, vd[2]], y))]
    }
}

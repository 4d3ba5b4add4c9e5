import Foundation
import KilnIR

/// Rounds `v` to the precision of floating `type` (used where the ONNX definition rounds an
/// intermediate result to the input type before continuing).
func roundedTo(_ type: ElementType, _ v: Double) -> Double {
    switch type {
    case .float16: return Double(Float16(v))
    case .bfloat16: return Double(BFloat16(Float(v)).floatValue)
    case .float32: return Double(Float(v))
    default: return v
    }
}

/// LinearAttention, CausalConvWithState, RotaryEmbedding and TensorScatter: the building blocks
/// of recurrent and rotary transformer decoders (opsets 23–27).
enum SequenceModelOps {
    static let all: [any OpDefinition] = [
        ClosureOp("LinearAttention") { c in try linearAttention(c) },
        ClosureOp("CausalConvWithState") { c in try causalConv(c) },
        ClosureOp("RotaryEmbedding") { c in [.tensor(try rotaryEmbedding(c))] },
        ClosureOp("TensorScatter") { c in [.tensor(try tensorScatter(c))] },
        ClosureOp("SwiGLU") { c in [.tensor(try swiGLU(c))] },
    ]

    // MARK: - SwiGLU

    /// `A · sigmoid(α·A) · B` for same-shape A and B, rounding the gate and each product to
    /// the input type as the ONNX reference does.
    static func swiGLU(_ c: KernelContext) throws -> Tensor {
        let a = try c.tensor(0)
        let b = try c.tensor(1)
        guard a.shape == b.shape, a.elementType == b.elementType else {
            throw c.fail("A and B must have the same shape and type (no broadcasting)")
        }
        let alpha = Double(c.float("alpha", default: 1))
        let type = a.elementType
        let bv = try b.doubles()
        let y = try a.doubles().enumerated().map { i, x in
            let gate = roundedTo(type, 1 / (1 + Foundation.exp(-alpha * x)))
            return roundedTo(type, x * gate) * bv[i]
        }
        return try Tensor.fromDoubles(y, shape: a.shape, as: type)
    }

    // MARK: - LinearAttention

    /// Recurrent linear attention over a [B, H_kv, d_k, d_v] state; update rules `linear`,
    /// `gated` (state *= exp(decay)), `delta` and `gated_delta` (v ← β(v − Sᵀk)). Query heads
    /// share KV heads in groups (GQA).
    static func linearAttention(_ c: KernelContext) throws -> [Value] {
        let q = try c.tensor(0)
        let k = try c.tensor(1)
        let v = try c.tensor(2)
        let past = try c.optionalTensor(3)
        let decay = try c.optionalTensor(4)
        let beta = try c.optionalTensor(5)
        let rule = c.string("update_rule", default: "gated_delta")
        guard ["linear", "gated", "delta", "gated_delta"].contains(rule) else {
            throw c.fail("unknown update_rule '\(rule)'")
        }
        let gating = rule == "gated" || rule == "gated_delta"
        let delta = rule == "delta" || rule == "gated_delta"
        guard gating == (decay != nil) else {
            throw c.fail("update_rule '\(rule)' \(gating ? "requires" : "forbids") decay")
        }
        guard delta == (beta != nil) else {
            throw c.fail("update_rule '\(rule)' \(delta ? "requires" : "forbids") beta")
        }
        guard let hq64 = c.int("q_num_heads"), let hkv64 = c.int("kv_num_heads"), hq64 > 0,
            hkv64 > 0, hq64 % hkv64 == 0, hq64 <= 1 << 20
        else { throw c.fail("q_num_heads must be a positive multiple of kv_num_heads") }
        let (hq, hkv) = (Int(hq64), Int(hkv64))
        let qd = q.dims
        let kd = k.dims
        let vd = v.dims
        guard qd.count == 3, kd.count == 3, vd.count == 3 else {
            throw c.fail("query, key and value must be rank 3 (B, T, H*D)")
        }
        let (b, t) = (qd[0], qd[1])
        guard kd[0] == b, kd[1] == t, vd[0] == b, vd[1] == t, qd[2] % hq == 0,
            kd[2] % hkv == 0, vd[2] % hkv == 0
        else { throw c.fail("query \(qd), key \(kd), value \(vd) do not fit the head counts") }
        let dk = qd[2] / hq
        let dv = vd[2] / hkv
        guard kd[2] / hkv == dk else { throw c.fail("key head size differs from query's") }
        let group = hq / hkv
        let qv = try q.doubles()
        let kv = try k.doubles()
        let vv = try v.doubles()
        let stateCount = b * hkv * dk * dv
        var state = [Double](repeating: 0, count: stateCount)
        if let past {
            guard past.dims == [b, hkv, dk, dv] else {
                throw c.fail("past_state shape \(past.dims) is not \([b, hkv, dk, dv])")
            }
            state = try past.doubles()
        }
        var decayValues: [Double] = []
        var decayPerKey = false
        if let decay {
            let dd = decay.dims
            guard dd.count == 3, dd[0] == b, dd[1] == t, dd[2] == hkv || dd[2] == hkv * dk else {
                throw c.fail("decay shape \(dd) must be (B, T, H_kv) or (B, T, H_kv*d_k)")
            }
            decayPerKey = dd[2] != hkv
            decayValues = try decay.doubles()
        }
        var betaValues: [Double] = []
        var betaHeads = 1
        if let beta {
            let bd = beta.dims
            guard bd.count == 3, bd[0] == b, bd[1] == t, bd[2] == hkv || bd[2] == 1 else {
                throw c.fail("beta shape \(bd) must be (B, T, H_kv) or (B, T, 1)")
            }
            betaHeads = bd[2]
            betaValues = try beta.doubles()
        }
        let scaleAttr = Double(c.float("scale", default: 0))
        let scale = scaleAttr == 0 ? 1 / Double(dk).squareRoot() : scaleAttr
        var out = [Double](repeating: 0, count: b * t * hq * dv)
        var vt = [Double](repeating: 0, count: dv)
        for bi in 0..<b {
            for ti in 0..<t {
                for h in 0..<hkv {
                    let s0 = (bi * hkv + h) * dk * dv
                    let kBase = (bi * t + ti) * hkv * dk + h * dk
                    if gating {
                        for i in 0..<dk {
                            let g =
                                decayPerKey
                                ? decayValues[(bi * t + ti) * hkv * dk + h * dk + i]
                                : decayValues[(bi * t + ti) * hkv + h]
                            let f = Foundation.exp(g)
                            for j in 0..<dv { state[s0 + i * dv + j] *= f }
                        }
                    }
                    let vBase = (bi * t + ti) * hkv * dv + h * dv
                    for j in 0..<dv { vt[j] = vv[vBase + j] }
                    if delta {
                        let bt = betaValues[(bi * t + ti) * betaHeads + (betaHeads == 1 ? 0 : h)]
                        for j in 0..<dv {
                            var r = 0.0
                            for i in 0..<dk { r += state[s0 + i * dv + j] * kv[kBase + i] }
                            vt[j] = bt * (vt[j] - r)
                        }
                    }
                    for i in 0..<dk {
                        let ki = kv[kBase + i]
                        for j in 0..<dv { state[s0 + i * dv + j] += ki * vt[j] }
                    }
                    for g in 0..<group {
                        let hqi = h * group + g
                        let qBase = (bi * t + ti) * hq * dk + hqi * dk
                        let oBase = (bi * t + ti) * hq * dv + hqi * dv
                        for j in 0..<dv {
                            var s = 0.0
                            for i in 0..<dk { s += qv[qBase + i] * state[s0 + i * dv + j] }
                            out[oBase + j] = scale * s
                        }
                    }
                }
            }
        }
        let output = try Tensor.fromDoubles(
            out, shape: [Int64(b), Int64(t), Int64(hq * dv)], as: q.elementType)
        let present = try Tensor.fromDoubles(
            state, shape: [b, hkv, dk, dv].map(Int64.init),
            as: past?.elementType ?? q.elementType)
        return [.tensor(output), .tensor(present)]
    }

    // MARK: - CausalConvWithState

    /// Depthwise causal 1-D convolution over `[past_state | input]`, optional SiLU, and the
    /// last k−1 positions as the new state.
    static func causalConv(_ c: KernelContext) throws -> [Value] {
        let x = try c.tensor(0)
        let w = try c.tensor(1)
        let bias = try c.optionalTensor(2)?.doubles()
        let past = try c.optionalTensor(3)
        let activation = c.string("activation", default: "none")
        guard ["none", "silu", "swish"].contains(activation) else {
            throw c.fail("unknown activation '\(activation)'")
        }
        let xd = x.dims
        let wd = w.dims
        guard xd.count == 3, wd.count == 3, wd[0] == xd[1], wd[1] == 1, wd[2] >= 1 else {
            throw c.fail("input \(xd) and weight \(wd) must be (B, C, L) and (C, 1, k)")
        }
        let (b, ch, l, k) = (xd[0], xd[1], xd[2], wd[2])
        if let bias, bias.count != ch { throw c.fail("bias must hold \(ch) values") }
        let xv = try x.doubles()
        let wv = try w.doubles()
        var pastValues = [Double](repeating: 0, count: b * ch * (k - 1))
        if let past {
            guard past.dims == [b, ch, k - 1] else {
                throw c.fail("past_state shape \(past.dims) is not \([b, ch, k - 1])")
            }
            pastValues = try past.doubles()
        }
        let type = x.elementType
        let padded = l + k - 1
        var out = [Double](repeating: 0, count: b * ch * l)
        var state = [Double](repeating: 0, count: b * ch * (k - 1))
        var row = [Double](repeating: 0, count: padded)
        for bi in 0..<b {
            for ci in 0..<ch {
                let plane = bi * ch + ci
                for i in 0..<(k - 1) { row[i] = pastValues[plane * (k - 1) + i] }
                for i in 0..<l { row[k - 1 + i] = xv[plane * l + i] }
                for i in 0..<l {
                    var s = bias?[ci] ?? 0
                    for j in 0..<k { s += row[i + j] * wv[ci * k + j] }
                    if activation != "none" {
                        let r = roundedTo(type, s)
                        s = r / (1 + Foundation.exp(-r))
                    }
                    out[plane * l + i] = s
                }
                for i in 0..<(k - 1) { state[plane * (k - 1) + i] = row[padded - (k - 1) + i] }
            }
        }
        let y = try Tensor.fromDoubles(out, shape: x.shape, as: type)
        let present = try Tensor.fromDoubles(
            state, shape: [Int64(b), Int64(ch), Int64(k - 1)], as: past?.elementType ?? type)
        return [.tensor(y), .tensor(present)]
    }

    // MARK: - RotaryEmbedding

    /// Rotates pairs of features by position-dependent angles read from the cos/sin caches.
    /// X is (B, H, S, D) or (B, S, H·D) with `num_heads`; pairs are halves of the first
    /// `rotary_embedding_dim` features, or adjacent features when `interleaved`.
    static func rotaryEmbedding(_ c: KernelContext) throws -> Tensor {
        let x = try c.tensor(0)
        let cosT = try c.tensor(1)
        let sinT = try c.tensor(2)
        let positions = try c.optionalInts(3)
        let xd = x.dims
        let (b, s, heads, d): (Int, Int, Int, Int)
        if xd.count == 4 {
            (b, heads, s, d) = (xd[0], xd[1], xd[2], xd[3])
        } else if xd.count == 3 {
            guard let nh = c.int("num_heads"), nh > 0, xd[2] % Int(nh) == 0 else {
                throw c.fail("3-D input needs num_heads dividing the hidden size")
            }
            (b, s, heads, d) = (xd[0], xd[1], Int(nh), xd[2] / Int(nh))
        } else {
            throw c.fail("X must have rank 3 or 4, got \(xd)")
        }
        let rotAttr = Int(c.int("rotary_embedding_dim", default: 0))
        let rot = rotAttr == 0 ? d : rotAttr
        guard rot > 0, rot <= d, rot % 2 == 0 else {
            throw c.fail("rotary_embedding_dim \(rot) must be even and <= head size \(d)")
        }
        let half = rot / 2
        let interleaved = c.int("interleaved", default: 0) != 0
        let cosV = try cosT.doubles()
        let sinV = try sinT.doubles()
        guard cosT.dims.last == half, sinT.dims == cosT.dims else {
            throw c.fail("cos/sin caches must end in rotary_embedding_dim/2 = \(half)")
        }
        let rows = cosV.count / half
        if let positions {
            guard positions.count == b * s else { throw c.fail("position_ids must be (B, S)") }
        } else {
            guard rows == b * s else { throw c.fail("caches must be (B, S, D/2) without ids") }
        }
        let xv = try x.doubles()
        var y = xv
        for bi in 0..<b {
            for si in 0..<s {
                let row: Int
                if let positions {
                    let p = positions[bi * s + si]
                    guard p >= 0, p < Int64(rows) else {
                        throw c.fail("position id \(p) is outside the cache of \(rows) rows")
                    }
                    row = Int(p)
                } else {
                    row = bi * s + si
                }
                for h in 0..<heads {
                    let base =
                        xd.count == 4
                        ? ((bi * heads + h) * s + si) * d : ((bi * s + si) * heads + h) * d
                    for j in 0..<half {
                        let (i1, i2) = interleaved ? (2 * j, 2 * j + 1) : (j, j + half)
                        let co = cosV[row * half + j]
                        let si2 = sinV[row * half + j]
                        let x1 = xv[base + i1]
                        let x2 = xv[base + i2]
                        y[base + i1] = co * x1 - si2 * x2
                        y[base + i2] = si2 * x1 + co * x2
                    }
                }
            }
        }
        return try Tensor.fromDoubles(y, shape: x.shape, as: x.elementType)
    }

    // MARK: - TensorScatter

    /// Writes `update` into a copy of `past_cache` along `axis` at per-batch offsets
    /// `write_indices` (wrapping modulo the cache length in `circular` mode).
    static func tensorScatter(_ c: KernelContext) throws -> Tensor {
        let past = try c.tensor(0)
        let update = try c.tensor(1)
        let pd = past.dims
        let ud = update.dims
        guard update.elementType == past.elementType, pd.count == ud.count else {
            throw c.fail("update must match past_cache in type and rank")
        }
        let axis = try Axis.normalize(
            c.int("axis", default: -2), rank: pd.count, op: "TensorScatter")
        guard axis >= 1 else { throw c.fail("axis must not be the batch axis") }
        for i in 0..<pd.count where (i != axis && pd[i] != ud[i]) || (i == axis && ud[i] > pd[i]) {
            throw c.fail("update shape \(ud) does not fit past_cache shape \(pd)")
        }
        let mode = c.string("mode", default: "linear")
        guard mode == "linear" || mode == "circular" else {
            throw c.fail("unknown mode '\(mode)'")
        }
        let writes = try c.optionalInts(2) ?? [Int64](repeating: 0, count: pd[0])
        guard writes.count == pd[0] else { throw c.fail("write_indices must hold B values") }
        let outer = pd[..<axis].reduce(1, *)
        let perBatch = outer / Swift.max(pd[0], 1)
        let inner = pd[(axis + 1)...].reduce(1, *)
        let (maxLen, len) = (pd[axis], ud[axis])
        let pastCount = past.elementCount ?? 0
        var index = Array(0..<pastCount)
        for o in 0..<outer {
            let batch = o / Swift.max(perBatch, 1)
            for si in 0..<len {
                var target = writes[batch] + Int64(si)
                if mode == "circular", maxLen > 0 {
                    target = ((target % Int64(maxLen)) + Int64(maxLen)) % Int64(maxLen)
                }
                guard target >= 0, target < Int64(maxLen) else {
                    throw c.fail("write index \(target) is outside the cache length \(maxLen)")
                }
                for i in 0..<inner {
                    index[(o * maxLen + Int(target)) * inner + i] =
                        pastCount + (o * len + si) * inner + i
                }
            }
        }
        return past.appendingElements(of: update).gathered(index, shape: past.shape)
    }
}

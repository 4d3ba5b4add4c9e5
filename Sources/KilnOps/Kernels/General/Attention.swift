import Foundation
import KilnIR

/// ONNX Attention (opset 23+): scaled dot-product attention with optional mask, KV cache,
/// causal and sliding-window masking, grouped-query heads, softcap and the `qk_matmul_output`
/// modes, following the ONNX reference implementation. Computed in Double.
public struct AttentionOp: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "Attention" }
    public init() {}

    /// A rank-4 view [B, H, S, D] of a tensor as Doubles.
    struct Heads {
        var v: [Double]
        var b: Int, h: Int, s: Int, d: Int
        func at(_ bi: Int, _ hi: Int, _ si: Int, _ di: Int) -> Double {
            v[((bi * h + hi) * s + si) * d + di]
        }
        var tensorShape: [Int64] { [b, h, s, d].map(Int64.init) }
    }

    static func heads(_ t: Tensor, numHeads: Int64?, _ c: KernelContext) throws -> Heads {
        let x = t.dims
        if x.count == 4 { return Heads(v: try t.doubles(), b: x[0], h: x[1], s: x[2], d: x[3]) }
        guard x.count == 3, let n = numHeads, n > 0, x[2] % Int(n) == 0 else {
            throw c.fail("3-D inputs need q_num_heads/kv_num_heads dividing the hidden size")
        }
        let hN = Int(n)
        let r = t.reshaped([Int64(x[0]), Int64(x[1]), n, Int64(x[2] / hN)]).transposed([0, 2, 1, 3])
        return Heads(v: try r.doubles(), b: x[0], h: hN, s: x[1], d: x[2] / hN)
    }

    public func run(_ c: KernelContext) throws -> [Value] {
        let qT = try c.tensor(0)
        let type = qT.elementType
        let rank3 = qT.shape.count == 3
        let q = try Self.heads(qT, numHeads: c.int("q_num_heads"), c)
        var k = try Self.heads(try c.tensor(1), numHeads: c.int("kv_num_heads"), c)
        var v = try Self.heads(try c.tensor(2), numHeads: c.int("kv_num_heads"), c)
        let mask = try c.optionalTensor(3)
        let pastK = try c.optionalTensor(4)
        let pastV = try c.optionalTensor(5)
        let nonpad = try c.optionalTensor(6)?.int64s()
        var pastLen = 0
        if let pk = pastK, let pv = pastV {
            // Found by fuzzing: past K/V of another rank or batch indexed out of range (a trap).
            guard pk.shape.count == 4, pv.shape.count == 4, pk.dims[0] == k.b, pv.dims[0] == v.b,
                pk.dims[1] == k.h, pv.dims[1] == v.h, pk.dims[3] == k.d, pv.dims[3] == v.d
            else { throw c.fail("past_key/past_value must be [B, H, S, D] matching K and V") }
            let pkh = Heads(
                v: try pk.doubles(), b: pk.dims[0], h: pk.dims[1], s: pk.dims[2], d: pk.dims[3])
            let pvh = Heads(
                v: try pv.doubles(), b: pv.dims[0], h: pv.dims[1], s: pv.dims[2], d: pv.dims[3])
            pastLen = pkh.s
            k = try Self.concatSeq(pkh, k, c)
            v = try Self.concatSeq(pvh, v, c)
        }
        let (bN, hq, sq, dh) = (q.b, q.h, q.s, q.d)
        let skv = k.s
        guard k.h > 0, hq % k.h == 0, k.d == dh else { throw c.fail("incompatible head shapes") }
        guard k.b == bN, v.b == bN, v.h == k.h, v.s == skv, q.v.count == bN * hq * sq * dh,
            k.v.count == k.b * k.h * skv * k.d, v.v.count == v.b * v.h * v.s * v.d,
            (nonpad?.count ?? bN) >= bN
        else { throw c.fail("Q, K, V (and nonpad_kv_seqlen) disagree on batch, heads or sequence") }
        let group = hq / k.h
        var scale = 1 / Double(dh).squareRoot()
        if let s = c.node.attribute("scale")?.float { scale = Double(s) }
        // float16/bfloat16: round every intermediate as the ONNX reference does (Q and K are
        // each scaled by rounded sqrt(scale), products accumulate in float32, softmax rounds
        // each step); wider types compute in Double.
        let lowp = type == .float16 || type == .bfloat16
        let rnd: (Double) -> Double = lowp ? { roundedTo(type, $0) } : { $0 }
        let rootScale = rnd(scale.squareRoot())
        let causal = c.int("is_causal", default: 0) != 0
        let softcap = Double(c.float("softcap", default: 0))
        let mode = c.int("qk_matmul_output_mode", default: 0)
        let left = Int(c.int("left_window_size", default: -1))
        let right = Int(c.int("right_window_size", default: -1))

        // Mask as additive bias broadcast to [B, Hq, Sq, Skv] (last dim padded with -inf).
        var maskVals: [Double] = []
        var maskIndex: [Int] = []
        if let m = mask {
            let isBool = m.elementType == .bool
            var mv = try m.doubles()
            if isBool { mv = mv.map { $0 != 0 ? 0 : -.infinity } }
            var md = m.shape
            let last = Int(md.last ?? 1)
            if last < skv {
                // Pad the last dim.
                let rows = mv.count / Swift.max(last, 1)
                var padded: [Double] = []
                for r in 0..<rows {
                    padded += mv[(r * last)..<((r + 1) * last)]
                    padded += [Double](repeating: -.infinity, count: skv - last)
                }
                mv = padded
                md[md.count - 1] = Int64(skv)
            }
            maskVals = mv
            let bc = try Broadcast([[Int64(bN), Int64(hq), Int64(sq), Int64(skv)], md])
            maskIndex = bc.indexMap(input: 1)
        }
        var y = [Double](repeating: 0, count: bN * hq * sq * v.d)
        var qkOut = [Double](repeating: 0, count: bN * hq * sq * skv)
        var scores = [Double](repeating: 0, count: skv)
        var bias = [Double](repeating: 0, count: skv)
        for b in 0..<bN {
            let offset = nonpad.map { Int($0[b]) - sq } ?? pastLen
            for h in 0..<hq {
                let kh = h / group
                for i in 0..<sq {
                    for j in 0..<skv {
                        var bj = 0.0
                        let flat = ((b * hq + h) * sq + i) * skv + j
                        if !maskVals.isEmpty { bj += maskVals[maskIndex[flat]] }
                        if causal && j > i + offset { bj += -.infinity }
                        let diff = i + offset - j
                        if left >= 0 && diff > left { bj += -.infinity }
                        if right >= 0 && -diff > right { bj += -.infinity }
                        if let np = nonpad, j >= Int(np[b]) { bj += -.infinity }
                        bias[j] = bj
                        var s: Double
                        if lowp {
                            var dot: Float = 0
                            for d in 0..<dh {
                                let qs = rnd(q.at(b, h, i, d) * rootScale)
                                let ks = rnd(k.at(b, kh, j, d) * rootScale)
                                dot += Float(qs * ks)
                            }
                            s = rnd(Double(dot))
                        } else {
                            var dot = 0.0
                            for d in 0..<dh { dot += q.at(b, h, i, d) * k.at(b, kh, j, d) }
                            s = dot * scale
                        }
                        if softcap > 0 {
                            s = rnd(rnd(Foundation.tanh(rnd(s / softcap))) * softcap)
                        }
                        scores[j] = s
                        if mode == 0 || mode == 1 { qkOut[flat] = s }
                        if mode == 2 { qkOut[flat] = s + bj }
                    }
                    let withBias = (0..<skv).map { rnd(scores[$0] + bias[$0]) }
                    let m = withBias.max() ?? -.infinity
                    let allMasked = (bias.max() ?? -.infinity) == -.infinity
                    let safe = m == -.infinity ? 0 : m
                    let e = withBias.map { rnd(Foundation.exp(rnd($0 - safe))) }
                    var sum: Double
                    if type == .bfloat16 {
                        // numpy reduces bfloat16 sequentially in bfloat16.
                        sum = 0
                        for x in e { sum = rnd(sum + x) }
                    } else {
                        sum = rnd(e.reduce(0, +))
                    }
                    if sum == 0 { sum = 1 }
                    let p = e.map { allMasked ? 0 : rnd($0 / sum) }
                    if mode == 3 {
                        for j in 0..<skv { qkOut[((b * hq + h) * sq + i) * skv + j] = p[j] }
                    }
                    for d in 0..<v.d {
                        var acc = 0.0
                        if lowp {
                            var f: Float = 0
                            for j in 0..<skv { f += Float(p[j] * v.at(b, kh, j, d)) }
                            acc = Double(f)
                        } else {
                            for j in 0..<skv { acc += p[j] * v.at(b, kh, j, d) }
                        }
                        y[((b * hq + h) * sq + i) * v.d + d] = acc
                    }
                }
            }
        }
        var yT = try Tensor.fromDoubles(y, shape: [bN, hq, sq, v.d].map(Int64.init), as: type)
        if rank3 {
            yT = yT.transposed([0, 2, 1, 3]).reshaped([Int64(bN), Int64(sq), Int64(hq * v.d)])
        }
        var out: [Value] = [.tensor(yT)]
        let n = c.node.outputs.count
        if n > 1 {
            out.append(.tensor(try Tensor.fromDoubles(k.v, shape: k.tensorShape, as: type)))
        }
        if n > 2 {
            out.append(.tensor(try Tensor.fromDoubles(v.v, shape: v.tensorShape, as: type)))
        }
        if n > 3 {
            out.append(
                .tensor(
                    try Tensor.fromDoubles(
                        qkOut, shape: [bN, hq, sq, skv].map(Int64.init), as: type)))
        }
        return out
    }

    static func concatSeq(_ a: Heads, _ b: Heads, _ c: KernelContext) throws -> Heads {
        guard a.b == b.b, a.h == b.h, a.d == b.d else {
            throw c.fail("past and new KV shapes differ")
        }
        var v: [Double] = []
        v.reserveCapacity(a.v.count + b.v.count)
        for bi in 0..<a.b {
            for h in 0..<a.h {
                let sa = (bi * a.h + h) * a.s * a.d
                let sb = (bi * b.h + h) * b.s * b.d
                v += a.v[sa..<(sa + a.s * a.d)]
                v += b.v[sb..<(sb + b.s * b.d)]
            }
        }
        return Heads(v: v, b: a.b, h: a.h, s: a.s + b.s, d: a.d)
    }
}

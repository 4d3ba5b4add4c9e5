import Foundation
import KilnIR

/// `com.microsoft.DynamicQuantizeLSTM`: an ONNX LSTM whose weights are 8-bit.
///
/// W is `[dirs, input, 4·hidden]` and R `[dirs, hidden, 4·hidden]` (transposed relative to the
/// ONNX LSTM; gates `i, o, f, c`), with scales and zero points per direction (`[dirs]`) or per
/// gate column (`[dirs, 4·hidden]`). As in onnxruntime, the float operand of each product is
/// quantized dynamically to uint8 from its own range: X once for the whole sequence, the
/// hidden state once per step. Products are exact integers scaled to float:
///
///     gates = (X_q − x_zp)·(W − w_zp) · x_s·w_s + (H_q − h_zp)·(R − r_zp) · h_s·r_s + Wb + Rb
///
/// then the LSTM cell as in ONNX (peepholes, clip, input_forget, activations).
public struct DynamicQuantizeLSTM: OpDefinition {
    public var domain: String { "com.microsoft" }
    public var opType: String { "DynamicQuantizeLSTM" }
    public init() {}

    /// One direction's quantized weight: integer values (zero point removed) `[k, n]` and a
    /// scale per column.
    struct QuantWeight {
        let values: [Int64]
        let k: Int
        let n: Int
        let scales: [Float]
    }

    public func run(_ context: KernelContext) throws -> [Value] {
        let ctx = context
        let xT = try ctx.tensor(0)
        guard xT.elementType == .float32 else { throw ctx.fail("X must be float32") }
        let xd = try NNTensor.dims(xT, ctx)
        guard xd.count == 3 else { throw ctx.fail("X must have rank 3") }
        let (seq, batch, inputSize) = (xd[0], xd[1], xd[2])
        let direction = ctx.string("direction", default: "forward")
        guard ["forward", "reverse", "bidirectional"].contains(direction) else {
            throw ctx.fail("unknown direction '\(direction)'")
        }
        let dirs = direction == "bidirectional" ? 2 : 1
        guard let hiddenAttr = ctx.int("hidden_size"), hiddenAttr > 0, hiddenAttr < 1 << 24 else {
            throw ctx.fail("hidden_size must be a positive attribute")
        }
        let hidden = Int(hiddenAttr)
        let gh = 4 * hidden
        let w = try weights(ctx, 1, scale: 8, zeroPoint: 9, dirs: dirs, k: inputSize, n: gh)
        let r = try weights(ctx, 2, scale: 10, zeroPoint: 11, dirs: dirs, k: hidden, n: gh)
        var bias = [Float](repeating: 0, count: dirs * 2 * gh)
        if let b = try ctx.optionalTensor(3) {
            bias = try NNTensor.floats(b, ctx)
            guard bias.count == dirs * 2 * gh else {
                throw ctx.fail("B must be [\(dirs), \(2 * gh)]")
            }
        }
        var seqLens = [Int](repeating: seq, count: batch)
        if let s = try ctx.optionalTensor(4) {
            seqLens = try NNTensor.ints(s, ctx).map { Int($0) }
            guard seqLens.count == batch, seqLens.allSatisfy({ $0 >= 0 && $0 <= seq }) else {
                throw ctx.fail("sequence_lens must hold \(batch) values in 0...\(seq)")
            }
        }
        func state(_ i: Int) throws -> [Float] {
            guard let t = try ctx.optionalTensor(i) else {
                return [Float](repeating: 0, count: dirs * batch * hidden)
            }
            let v = try NNTensor.floats(t, ctx)
            guard v.count == dirs * batch * hidden else {
                throw ctx.fail("input \(i) must be [\(dirs), \(batch), \(hidden)]")
            }
            return v
        }
        let h0 = try state(5)
        let c0 = try state(6)
        var peep = [Float](repeating: 0, count: dirs * 3 * hidden)
        if let p = try ctx.optionalTensor(7) {
            peep = try NNTensor.floats(p, ctx)
            guard peep.count == dirs * 3 * hidden else {
                throw ctx.fail("P must be [\(dirs), \(3 * hidden)]")
            }
        }
        let clip = ctx.node.attribute("clip")?.float
        let inputForget = ctx.int("input_forget", default: 0) != 0
        var alphas = ArraySlice(ctx.floats("activation_alpha") ?? [])
        var betas = ArraySlice(ctx.floats("activation_beta") ?? [])
        let names =
            ctx.node.attribute("activations")?.strings
            ?? Array(repeating: ["Sigmoid", "Tanh", "Tanh"], count: dirs).flatMap { $0 }
        guard names.count == 3 * dirs else {
            throw ctx.fail("activations must list \(3 * dirs) functions")
        }
        let acts = try names.map {
            try RecurrentActivation.make($0, alphas: &alphas, betas: &betas)
        }

        let x = try NNTensor.floats(xT, ctx)
        let (xq, xScale) = Self.quantize(x)
        var y = [Float](repeating: 0, count: seq * dirs * batch * hidden)
        var yh = [Float](repeating: 0, count: dirs * batch * hidden)
        var yc = [Float](repeating: 0, count: dirs * batch * hidden)
        func cl(_ v: Float) -> Float {
            guard let clip else { return v }
            return min(max(v, -clip), clip)
        }
        for d in 0..<dirs {
            let reverse = direction == "reverse" || d == 1
            let (f, g, h) = (acts[3 * d], acts[3 * d + 1], acts[3 * d + 2])
            let wb = bias[(d * 2 * gh)..<(d * 2 * gh + gh)].map { $0 }
            let rb = bias[(d * 2 * gh + gh)..<(d * 2 * gh + 2 * gh)].map { $0 }
            let p = Array(peep[(d * 3 * hidden)..<((d + 1) * 3 * hidden)])
            let xw = Self.product(xq, rows: seq * batch, scale: xScale, w[d])
            var hPrev = Array(h0[(d * batch * hidden)..<((d + 1) * batch * hidden)])
            var cPrev = Array(c0[(d * batch * hidden)..<((d + 1) * batch * hidden)])
            for step in 0..<seq {
                let (hq, hScale) = Self.quantize(hPrev)
                let hr = Self.product(hq, rows: batch, scale: hScale, r[d])
                for b in 0..<batch {
                    guard step < seqLens[b] else { continue }
                    let t = reverse ? seqLens[b] - 1 - step : step
                    let xo = (t * batch + b) * gh
                    let ho = b * gh
                    func gate(_ j: Int) -> Float { xw[xo + j] + hr[ho + j] + wb[j] + rb[j] }
                    for k in 0..<hidden {
                        let cp = cPrev[b * hidden + k]
                        let i = f.apply(cl(gate(k) + p[k] * cp))
                        var fg = f.apply(cl(gate(2 * hidden + k) + p[2 * hidden + k] * cp))
                        if inputForget { fg = 1 - i }
                        let c = g.apply(cl(gate(3 * hidden + k)))
                        let cn = fg * cp + i * c
                        let o = f.apply(cl(gate(hidden + k) + p[hidden + k] * cn))
                        cPrev[b * hidden + k] = cn
                        hPrev[b * hidden + k] = o * h.apply(cn)
                        y[((t * dirs + d) * batch + b) * hidden + k] = hPrev[b * hidden + k]
                    }
                }
            }
            for i in 0..<(batch * hidden) {
                yh[d * batch * hidden + i] = hPrev[i]
                yc[d * batch * hidden + i] = cPrev[i]
            }
        }
        let outputs: [Value] = [
            .tensor(
                Tensor(shape: [Int64(seq), Int64(dirs), Int64(batch), Int64(hidden)], values: y)),
            .tensor(Tensor(shape: [Int64(dirs), Int64(batch), Int64(hidden)], values: yh)),
            .tensor(Tensor(shape: [Int64(dirs), Int64(batch), Int64(hidden)], values: yc)),
        ]
        return Array(outputs.prefix(max(ctx.node.outputs.count, 1)))
    }

    /// Quantizes `v` to uint8 with onnxruntime's dynamic parameters; returns the values with
    /// the zero point already subtracted, and the scale.
    static func quantize(_ v: [Float]) -> ([Int64], Float) {
        v.withUnsafeBufferPointer { p in
            let (s, z) = DynamicQuant.parameters(p)
            return (DynamicQuant.quantize(p, scale: s, zeroPoint: z).map { $0 - Int64(z) }, s)
        }
    }

    /// `a[rows, k] · W[k, n]` in integers, scaled per column by `scale · W.scales`.
    static func product(_ a: [Int64], rows: Int, scale: Float, _ w: QuantWeight) -> [Float] {
        var acc = [Int64](repeating: 0, count: rows * w.n)
        for i in 0..<rows {
            for p in 0..<w.k {
                let av = a[i * w.k + p]
                if av == 0 { continue }
                for j in 0..<w.n { acc[i * w.n + j] += av * w.values[p * w.n + j] }
            }
        }
        let mult = w.scales.map { scale * $0 }
        return acc.indices.map { Float(Int32(truncatingIfNeeded: acc[$0])) * mult[$0 % w.n] }
    }

    /// Per-direction weights of input `i` with their scale and zero point inputs.
    func weights(
        _ ctx: KernelContext, _ i: Int, scale s: Int, zeroPoint z: Int, dirs: Int, k: Int, n: Int
    ) throws -> [QuantWeight] {
        let t = try ctx.tensor(i)
        guard t.elementType == .int8 || t.elementType == .uint8 else {
            throw ctx.fail("input \(i) must be int8 or uint8")
        }
        guard try NNTensor.dims(t, ctx) == [dirs, k, n] else {
            throw ctx.fail("input \(i) has shape \(t.shape), expected [\(dirs), \(k), \(n)]")
        }
        let v = try NNTensor.ints(t, ctx)
        let scales = try NNTensor.floats(ctx.tensor(s), ctx)
        let zps = try NNTensor.ints(ctx.tensor(z), ctx)
        let per = scales.count / max(dirs, 1)
        guard per == 1 || per == n, scales.count == dirs * per, zps.count == scales.count else {
            throw ctx.fail(
                "scale and zero point of input \(i) must be [\(dirs)] or [\(dirs), \(n)]")
        }
        return (0..<dirs).map { d in
            let base = d * k * n
            let values = (0..<(k * n)).map { j in
                v[base + j] - zps[d * per + (per == 1 ? 0 : j % n)]
            }
            let sc =
                per == 1
                ? [Float](repeating: scales[d], count: n) : Array(scales[(d * n)..<((d + 1) * n)])
            return QuantWeight(values: values, k: k, n: n, scales: sc)
        }
    }
}

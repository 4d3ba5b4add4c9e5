import Foundation
import KilnIR

// RNN, GRU and LSTM share one driver: inputs in time-major layout, X·Wᵀ for every step as one
// GEMM per direction, then per step H·Rᵀ (another GEMM) and the cell's element-wise update.

/// An activation function of the recurrent ops, with its `activation_alpha`/`beta` bound.
struct RecurrentActivation {
    let apply: (Float) -> Float

    static func make(_ name: String, alphas: inout ArraySlice<Float>, betas: inout ArraySlice<Float>)
        throws -> RecurrentActivation
    {
        func take(_ s: inout ArraySlice<Float>, _ d: Float) -> Float { s.popFirst() ?? d }
        switch name.lowercased() {
        case "relu": return .init { max($0, 0) }
        case "tanh": return .init { tanhf($0) }
        case "sigmoid": return .init { 1 / (1 + expf(-$0)) }
        case "affine":
            let a = take(&alphas, 1), b = take(&betas, 0)
            return .init { a * $0 + b }
        case "leakyrelu":
            let a = take(&alphas, 0.01)
            return .init { $0 >= 0 ? $0 : a * $0 }
        case "thresholdedrelu":
            let a = take(&alphas, 1)
            return .init { $0 > a ? $0 : 0 }
        case "scaledtanh":
            let a = take(&alphas, 1), b = take(&betas, 1)
            return .init { a * tanhf(b * $0) }
        case "hardsigmoid":
            let a = take(&alphas, 0.2), b = take(&betas, 0.5)
            return .init { max(0, min(1, a * $0 + b)) }
        case "elu":
            let a = take(&alphas, 1)
            return .init { $0 >= 0 ? $0 : a * (expf($0) - 1) }
        case "softsign": return .init { $0 / (1 + abs($0)) }
        case "softplus": return .init { logf(1 + expf($0)) }
        default:
            throw KilnError(.unsupportedFeature, "recurrent activation '\(name)' is not supported")
        }
    }
}

/// Which cell a `Recurrent` op runs.
enum RecurrentCell {
    case rnn, gru, lstm

    /// Gates stacked in W and R.
    var gates: Int {
        switch self {
        case .rnn: return 1
        case .gru: return 3
        case .lstm: return 4
        }
    }
    var defaultActivations: [String] {
        switch self {
        case .rnn: return ["Tanh"]
        case .gru: return ["Sigmoid", "Tanh"]
        case .lstm: return ["Sigmoid", "Tanh", "Tanh"]
        }
    }
}

enum Recurrent {
    static func run(_ ctx: KernelContext, cell: RecurrentCell, kernels: NNKernels) throws -> [Value] {
        let xT = try ctx.tensor(0)
        guard NNTensor.isFloat(xT.elementType) else { throw ctx.fail("X must be floating point") }
        let layout = ctx.int("layout", default: 0)
        var xd = try NNTensor.dims(xT, ctx)
        guard xd.count == 3 else { throw ctx.fail("X must have rank 3") }
        var x = try NNTensor.floats(xT, ctx)
        if layout == 1 {  // [batch, seq, input] → [seq, batch, input]
            x = transpose01(x, xd[0], xd[1], xd[2])
            xd = [xd[1], xd[0], xd[2]]
        }
        let (seq, batch, inputSize) = (xd[0], xd[1], xd[2])
        let direction = ctx.string("direction", default: "forward")
        let dirs = direction == "bidirectional" ? 2 : 1
        guard ["forward", "reverse", "bidirectional"].contains(direction) else {
            throw ctx.fail("unknown direction '\(direction)'")
        }
        let w = try NNTensor.floats(ctx.tensor(1), ctx)
        let rT = try ctx.tensor(2)
        let r = try NNTensor.floats(rT, ctx)
        let rd = try NNTensor.dims(rT, ctx)
        guard rd.count == 3 else { throw ctx.fail("R must have rank 3") }
        let hidden = ctx.int("hidden_size").map { Int($0) } ?? rd[2]
        let g = cell.gates
        guard hidden > 0, rd == [dirs, g * hidden, hidden], w.count == dirs * g * hidden * inputSize
        else { throw ctx.fail("W/R shapes do not match hidden_size \(hidden) and \(dirs) directions") }
        var bias = [Float](repeating: 0, count: dirs * 2 * g * hidden)
        if let b = try ctx.optionalTensor(3) {
            bias = try NNTensor.floats(b, ctx)
            guard bias.count == dirs * 2 * g * hidden else { throw ctx.fail("B has the wrong size") }
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
            var v = try NNTensor.floats(t, ctx)
            guard v.count == dirs * batch * hidden else { throw ctx.fail("input \(i) has the wrong size") }
            if layout == 1 { v = transpose01(v, batch, dirs, hidden) }
            return v
        }
        var h0 = try state(5)
        var c0 = cell == .lstm ? try state(6) : []
        var peep = [Float](repeating: 0, count: dirs * 3 * hidden)
        if cell == .lstm, let p = try ctx.optionalTensor(7) {
            peep = try NNTensor.floats(p, ctx)
            guard peep.count == dirs * 3 * hidden else { throw ctx.fail("P has the wrong size") }
        }
        let clip = ctx.node.attribute("clip")?.float
        let lbr = ctx.int("linear_before_reset", default: 0) != 0
        let inputForget = ctx.int("input_forget", default: 0) != 0
        var alphas = ArraySlice(ctx.floats("activation_alpha") ?? [])
        var betas = ArraySlice(ctx.floats("activation_beta") ?? [])
        let names = ctx.node.attribute("activations")?.strings
            ?? Array((0..<dirs).map { _ in cell.defaultActivations }.joined())
        let per = cell.defaultActivations.count
        guard names.count == per * dirs else {
            throw ctx.fail("activations must list \(per * dirs) functions")
        }
        let acts = try names.map { try RecurrentActivation.make($0, alphas: &alphas, betas: &betas) }

        var y = [Float](repeating: 0, count: seq * dirs * batch * hidden)
        let gh = g * hidden
        for d in 0..<dirs {
            let reverse = direction == "reverse" || d == 1
            let f = acts[d * per]
            let gAct = per > 1 ? acts[d * per + 1] : f
            let hAct = per > 2 ? acts[d * per + 2] : f
            let wb = Array(bias[(d * 2 * gh)..<(d * 2 * gh + gh)])
            let rb = Array(bias[(d * 2 * gh + gh)..<(d * 2 * gh + 2 * gh)])
            // xw[t, b, :] = X[t, b] · Wᵀ + Wb
            var xw = [Float](repeating: 0, count: seq * batch * gh)
            for i in 0..<(seq * batch) {
                for j in 0..<gh { xw[i * gh + j] = wb[j] }
            }
            gemm(kernels, ctx, transB: true, m: seq * batch, n: gh, k: inputSize, x, 0, inputSize,
                 w, d * gh * inputSize, inputSize, beta: 1, &xw, 0, gh)
            var hPrev = Array(h0[(d * batch * hidden)..<((d + 1) * batch * hidden)])
            var cPrev = cell == .lstm
                ? Array(c0[(d * batch * hidden)..<((d + 1) * batch * hidden)]) : []
            var hr = [Float](repeating: 0, count: batch * gh)
            let p = Array(peep[(d * 3 * hidden)..<((d + 1) * 3 * hidden)])
            for step in 0..<seq {
                // H·Rᵀ (+ Rb) for every gate
                for b in 0..<batch {
                    for j in 0..<gh { hr[b * gh + j] = rb[j] }
                }
                gemm(kernels, ctx, transB: true, m: batch, n: gh, k: hidden, hPrev, 0, hidden,
                     r, d * gh * hidden, hidden, beta: 1, &hr, 0, gh)
                for b in 0..<batch {
                    let t = reverse ? seqLens[b] - 1 - step : step
                    guard step < seqLens[b], t >= 0 else { continue }
                    let xo = (t * batch + b) * gh
                    let ho = b * gh
                    func cl(_ v: Float) -> Float {
                        guard let clip else { return v }
                        return min(max(v, -clip), clip)
                    }
                    for k in 0..<hidden {
                        let hp = hPrev[b * hidden + k]
                        var hn: Float
                        switch cell {
                        case .rnn:
                            hn = f.apply(cl(xw[xo + k] + hr[ho + k]))
                        case .gru:
                            let z = f.apply(cl(xw[xo + k] + hr[ho + k]))
                            if lbr {
                                let rg = f.apply(cl(xw[xo + hidden + k] + hr[ho + hidden + k]))
                                let cand = gAct.apply(
                                    cl(xw[xo + 2 * hidden + k] + rg * hr[ho + 2 * hidden + k]))
                                hn = (1 - z) * cand + z * hp
                            } else {
                                // Stash z; the update needs (r ⊙ H)·Rhᵀ, computed below.
                                hn = z
                            }
                        case .lstm:
                            let cp = cPrev[b * hidden + k]
                            let i = f.apply(cl(xw[xo + k] + hr[ho + k] + p[k] * cp))
                            var fg = f.apply(cl(xw[xo + 2 * hidden + k] + hr[ho + 2 * hidden + k]
                                + p[2 * hidden + k] * cp))
                            if inputForget { fg = 1 - i }
                            let c = gAct.apply(cl(xw[xo + 3 * hidden + k] + hr[ho + 3 * hidden + k]))
                            let cn = fg * cp + i * c
                            let o = f.apply(cl(xw[xo + hidden + k] + hr[ho + hidden + k]
                                + p[hidden + k] * cn))
                            cPrev[b * hidden + k] = cn
                            hn = o * hAct.apply(cn)
                        }
                        y[((t * dirs + d) * batch + b) * hidden + k] = hn
                    }
                    if cell == .gru && !lbr {
                        // r ⊙ H_{t-1}, then · Rhᵀ + Rbh
                        var rh = [Float](repeating: 0, count: hidden)
                        for k in 0..<hidden {
                            let rg = f.apply(cl(xw[xo + hidden + k] + hr[ho + hidden + k]))
                            rh[k] = rg * hPrev[b * hidden + k]
                        }
                        let rOff = d * gh * hidden + 2 * hidden * hidden
                        for k in 0..<hidden {
                            var s = rb[2 * hidden + k]
                            for j in 0..<hidden { s += rh[j] * r[rOff + k * hidden + j] }
                            let cand = gAct.apply(cl(xw[xo + 2 * hidden + k] + s))
                            let z = y[((t * dirs + d) * batch + b) * hidden + k]
                            y[((t * dirs + d) * batch + b) * hidden + k] =
                                (1 - z) * cand + z * hPrev[b * hidden + k]
                        }
                    }
                }
                for b in 0..<batch where step < seqLens[b] {
                    let t = reverse ? seqLens[b] - 1 - step : step
                    for k in 0..<hidden {
                        hPrev[b * hidden + k] = y[((t * dirs + d) * batch + b) * hidden + k]
                    }
                }
            }
            for i in 0..<(batch * hidden) { h0[d * batch * hidden + i] = hPrev[i] }
            if cell == .lstm {
                for i in 0..<(batch * hidden) { c0[d * batch * hidden + i] = cPrev[i] }
            }
        }
        let type = xT.elementType
        var outputs: [Value] = []
        let yShape = layout == 1 ? [batch, seq, dirs, hidden] : [seq, dirs, batch, hidden]
        if layout == 1 {  // [seq, dirs, batch, hidden] → [batch, seq, dirs, hidden]
            var yl = [Float](repeating: 0, count: y.count)
            for t in 0..<seq {
                for d in 0..<dirs {
                    for b in 0..<batch {
                        for k in 0..<hidden {
                            yl[((b * seq + t) * dirs + d) * hidden + k] =
                                y[((t * dirs + d) * batch + b) * hidden + k]
                        }
                    }
                }
            }
            y = yl
        }
        let stateShape = layout == 1 ? [batch, dirs, hidden] : [dirs, batch, hidden]
        func stateOut(_ v: [Float]) -> Tensor {
            NNTensor.make(type, shape: stateShape, layout == 1 ? transpose01(v, dirs, batch, hidden) : v)
        }
        outputs.append(.tensor(NNTensor.make(type, shape: yShape, y)))
        outputs.append(.tensor(stateOut(h0)))
        if cell == .lstm { outputs.append(.tensor(stateOut(c0))) }
        return Array(outputs.prefix(max(ctx.node.outputs.count, 1)))
    }

    /// Swaps the first two dims of a [a, b, c] array.
    static func transpose01(_ v: [Float], _ a: Int, _ b: Int, _ c: Int) -> [Float] {
        var out = [Float](repeating: 0, count: v.count)
        for i in 0..<a {
            for j in 0..<b {
                for k in 0..<c { out[(j * a + i) * c + k] = v[(i * b + j) * c + k] }
            }
        }
        return out
    }

    static func gemm(
        _ kernels: NNKernels, _ ctx: KernelContext, transB: Bool, m: Int, n: Int, k: Int,
        _ a: [Float], _ aOff: Int, _ lda: Int, _ b: [Float], _ bOff: Int, _ ldb: Int,
        beta: Float, _ c: inout [Float], _ cOff: Int, _ ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    guard let aa = ap.baseAddress, let bb = bp.baseAddress,
                        let cc = cp.baseAddress
                    else { return }
                    kernels.gemm(
                        false, transB, m, n, k, 1, aa + aOff, lda, bb + bOff, ldb, beta, cc + cOff,
                        ldc, ctx.threads)
                }
            }
        }
    }
}

/// ONNX `RNN` (1, 7, 14, 22): `H = f(X·Wᵀ + H·Rᵀ + Wb + Rb)`.
public struct RNN: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "RNN" }
    public var kernels: NNKernels
    public init(kernels: NNKernels = .reference) { self.kernels = kernels }
    public func run(_ context: KernelContext) throws -> [Value] {
        try Recurrent.run(context, cell: .rnn, kernels: kernels)
    }
}

/// ONNX `GRU` (1, 3, 7, 14, 22), gates z, r, h; `linear_before_reset` selects where r applies.
public struct GRU: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "GRU" }
    public var kernels: NNKernels
    public init(kernels: NNKernels = .reference) { self.kernels = kernels }
    public func run(_ context: KernelContext) throws -> [Value] {
        try Recurrent.run(context, cell: .gru, kernels: kernels)
    }
}

/// ONNX `LSTM` (1, 7, 14, 22), gates i, o, f, c, with peepholes, `input_forget` and `clip`.
public struct LSTM: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "LSTM" }
    public var kernels: NNKernels
    public init(kernels: NNKernels = .reference) { self.kernels = kernels }
    public func run(_ context: KernelContext) throws -> [Value] {
        try Recurrent.run(context, cell: .lstm, kernels: kernels)
    }
}

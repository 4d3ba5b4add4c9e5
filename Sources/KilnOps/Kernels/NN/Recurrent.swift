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
    /// Runs the node. `transposedW`, when given, is W laid out as [dirs, input, gates·hidden]
    /// (prepared once from a constant W), which the GEMM reads without transposing.
    static func run(
        _ ctx: KernelContext, cell: RecurrentCell, kernels: NNKernels,
        transposedW: [Float]? = nil
    ) throws -> [Value] {
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
        // W and R are read in place (they are usually large constants; no copy per run).
        let wT = try ctx.tensor(1)
        guard let wCount = wT.elementCount else { throw ctx.fail("W has an invalid shape") }
        let rT = try ctx.tensor(2)
        let rd = try NNTensor.dims(rT, ctx)
        guard rd.count == 3 else { throw ctx.fail("R must have rank 3") }
        let hidden = ctx.int("hidden_size").map { Int($0) } ?? rd[2]
        let g = cell.gates
        guard hidden > 0, rd == [dirs, g * hidden, hidden], wCount == dirs * g * hidden * inputSize
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
        let acts = try names.map { name -> GateActivation in
            // The default gate functions are onnxruntime's MLAS approximations (as in its
            // LSTM/GRU/RNN kernels), evaluated a whole gate vector at a time.
            switch name.lowercased() {
            case "sigmoid": return .logistic
            case "tanh": return .tanh
            default: return .scalar(try RecurrentActivation.make(name, alphas: &alphas, betas: &betas))
            }
        }

        var y = [Float](repeating: 0, count: max(seq * dirs * batch * hidden, 1))
        let gh = g * hidden
        // Working memory of one direction: X·Wᵀ + Wb for every step, H·Rᵀ + Rb, H, C, the
        // biases, peepholes and the cell's gate vectors.
        let (xwCount, hrCount, stateCount) = (seq * batch * gh, batch * gh, batch * hidden)
        // One region per direction, so the two directions of a bidirectional node can run on
        // two threads (each writes only its own rows of Y and its own region).
        let perDirection =
            xwCount + hrCount + 2 * stateCount + 2 * gh + 3 * hidden + gh + 2 * hidden
        let work = UnsafeMutablePointer<Float>.allocate(capacity: perDirection * dirs)
        defer { work.deallocate() }
        if x.isEmpty { x = [0] }
        if let t = transposedW, t.count != wCount {
            throw ctx.fail("prepared W holds \(t.count) values, W has \(wCount)")
        }

        // One direction: X·Wᵀ for every step, then per step H·Rᵀ and the cell update.
        func runDirection(
            _ d: Int, _ xs: UnsafePointer<Float>, _ ws: UnsafePointer<Float>,
            _ rs: UnsafePointer<Float>, _ ys: UnsafeMutablePointer<Float>,
            _ wtBase: UnsafePointer<Float>?
        ) {
            let xw = work + d * perDirection
            let hr = xw + xwCount
            let hPrev = hr + hrCount
            let cPrev = hPrev + stateCount
            let wb = cPrev + stateCount
            let rb = wb + gh
            let p = rb + gh
            let scratch = p + 3 * hidden
            let reverse = direction == "reverse" || d == 1
            let spec = CellSpec(
                cell: cell, hidden: hidden, f: acts[d * per],
                g: per > 1 ? acts[d * per + 1] : acts[d * per],
                h: per > 2 ? acts[d * per + 2] : acts[d * per], clip: clip,
                linearBeforeReset: lbr, inputForget: inputForget,
                kernels: kernels)
            for j in 0..<gh {
                wb[j] = bias[d * 2 * gh + j]
                rb[j] = bias[d * 2 * gh + gh + j]
            }
            for j in 0..<(3 * hidden) { p[j] = peep[d * 3 * hidden + j] }
            for i in 0..<stateCount {
                hPrev[i] = h0[d * stateCount + i]
                cPrev[i] = cell == .lstm ? c0[d * stateCount + i] : 0
            }
            // xw[t, b, :] = X[t, b] · Wᵀ + Wb
            for i in 0..<(seq * batch) { (xw + i * gh).update(from: wb, count: gh) }
            if seq * batch > 0 && inputSize > 0 {
                if let wt = wtBase {
                    // Same products in the same order as the transposed read below.
                    kernels.gemm(
                        false, false, seq * batch, gh, inputSize, 1, xs, inputSize,
                        wt + d * gh * inputSize, gh, 1, xw, gh, ctx.threads)
                } else {
                    kernels.gemm(
                        false, true, seq * batch, gh, inputSize, 1, xs, inputSize,
                        ws + d * gh * inputSize, inputSize, 1, xw, gh, ctx.threads)
                }
            }
            let rd = rs + d * gh * hidden
            for step in 0..<seq {
                // H·Rᵀ + Rb for every gate
                for b in 0..<batch { (hr + b * gh).update(from: rb, count: gh) }
                kernels.gemm(
                    false, true, batch, gh, hidden, 1, hPrev, hidden, rd, hidden,
                    1, hr, gh, ctx.threads)
                for b in 0..<batch {
                    let t = reverse ? seqLens[b] - 1 - step : step
                    guard step < seqLens[b], t >= 0 else { continue }
                    spec.step(
                        x: xw + (t * batch + b) * gh, h: hr + b * gh,
                        state: hPrev + b * hidden, cellState: cPrev + b * hidden,
                        peepholes: p,
                        resetWeights: rd + (cell == .gru ? 2 * hidden * hidden : 0),
                        resetBias: rb + (cell == .gru ? 2 * hidden : 0),
                        scratch: scratch,
                        out: ys + ((t * dirs + d) * batch + b) * hidden,
                        threads: ctx.threads)
                }
            }
        }
        let zero: [Float] = [0]
        let prepared = transposedW ?? []
        try NNTensor.withFloats(wT, ctx) { wBuffer in
            try NNTensor.withFloats(rT, ctx) { rBuffer in
                x.withUnsafeBufferPointer { xBuffer in
                    prepared.withUnsafeBufferPointer { wtBuffer in
                        zero.withUnsafeBufferPointer { zeroBuffer in
                            y.withUnsafeMutableBufferPointer { yBuffer in
                                guard let xs = xBuffer.baseAddress,
                                    let z = zeroBuffer.baseAddress, let ys = yBuffer.baseAddress
                                else { return }
                                // An empty W or R (a zero size) is never read; any pointer will do.
                                let ws = wBuffer.baseAddress ?? z
                                let rs = rBuffer.baseAddress ?? z
                                // (An empty array may still have a base address.)
                                let wt = transposedW == nil ? nil : wtBuffer.baseAddress
                                ParallelRanges.run(dirs, threads: ctx.threads) { range in
                                    for d in range { runDirection(d, xs, ws, rs, ys, wt) }
                                }
                            }
                        }
                    }
                }
            }
        }
        for d in 0..<dirs {
            let hPrev = work + d * perDirection + xwCount + hrCount
            for i in 0..<stateCount {
                h0[d * stateCount + i] = hPrev[i]
                if cell == .lstm { c0[d * stateCount + i] = hPrev[stateCount + i] }
            }
        }
        y.removeLast(y.count - seq * dirs * batch * hidden)
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
}

/// A recurrent node with its constant W transposed once, when the plan is built, to
/// [dirs, input, gates·hidden]: the input GEMM then reads it without a transposing repack on
/// every run. Results are bit-identical to the unprepared kernel (same products, same order).
struct PreparedRecurrent: PreparedKernel {
    let cell: RecurrentCell
    let kernels: NNKernels
    let transposedW: [Float]

    /// The prepared kernel for a constant float32 W of shape [dirs, gates·hidden, input], or nil.
    static func make(cell: RecurrentCell, kernels: NNKernels, constants: [Tensor?])
        -> PreparedRecurrent?
    {
        guard let w = constants.count > 1 ? constants[1] : nil, w.elementType == .float32,
            w.shape.count == 3, let count = w.elementCount, count > 0, w.data.count == count * 4,
            let t = w.transposed([0, 2, 1]).values(as: Float.self), t.count == count
        else { return nil }
        return PreparedRecurrent(cell: cell, kernels: kernels, transposedW: t)
    }

    func run(_ context: KernelContext) throws -> [Value] {
        try Recurrent.run(context, cell: cell, kernels: kernels, transposedW: transposedW)
    }
}

/// ONNX `RNN` (1, 7, 14, 22): `H = f(X·Wᵀ + H·Rᵀ + Wb + Rb)`.
public struct RNN: PreparableOp {
    public var domain: String { "" }
    public var opType: String { "RNN" }
    public var kernels: NNKernels
    public init(kernels: NNKernels = .reference) { self.kernels = kernels }
    public func run(_ context: KernelContext) throws -> [Value] {
        try Recurrent.run(context, cell: .rnn, kernels: kernels)
    }
    /// Transposes a constant float32 W once (`PreparedRecurrent`); nil otherwise.
    public func prepare(node: Node, opsetVersion: Int64, constants: [Tensor?]) throws
        -> (any PreparedKernel)?
    {
        PreparedRecurrent.make(cell: .rnn, kernels: kernels, constants: constants)
    }
}

/// ONNX `GRU` (1, 3, 7, 14, 22), gates z, r, h; `linear_before_reset` selects where r applies.
public struct GRU: PreparableOp {
    public var domain: String { "" }
    public var opType: String { "GRU" }
    public var kernels: NNKernels
    public init(kernels: NNKernels = .reference) { self.kernels = kernels }
    public func run(_ context: KernelContext) throws -> [Value] {
        try Recurrent.run(context, cell: .gru, kernels: kernels)
    }
    /// Transposes a constant float32 W once (`PreparedRecurrent`); nil otherwise.
    public func prepare(node: Node, opsetVersion: Int64, constants: [Tensor?]) throws
        -> (any PreparedKernel)?
    {
        PreparedRecurrent.make(cell: .gru, kernels: kernels, constants: constants)
    }
}

/// ONNX `LSTM` (1, 7, 14, 22), gates i, o, f, c, with peepholes, `input_forget` and `clip`.
public struct LSTM: PreparableOp {
    public var domain: String { "" }
    public var opType: String { "LSTM" }
    public var kernels: NNKernels
    public init(kernels: NNKernels = .reference) { self.kernels = kernels }
    public func run(_ context: KernelContext) throws -> [Value] {
        try Recurrent.run(context, cell: .lstm, kernels: kernels)
    }
    /// Transposes a constant float32 W once (`PreparedRecurrent`); nil otherwise.
    public func prepare(node: Node, opsetVersion: Int64, constants: [Tensor?]) throws
        -> (any PreparedKernel)?
    {
        PreparedRecurrent.make(cell: .lstm, kernels: kernels, constants: constants)
    }
}

/// A recurrent gate function applied to a whole gate vector.
enum GateActivation {
    /// MLAS's logistic (`NNKernels.mlasLogistic`).
    case logistic
    /// MLAS's tanh (`NNKernels.mlasTanh`).
    case tanh
    /// Any other function, element by element.
    case scalar(RecurrentActivation)

    func apply(_ v: UnsafeMutablePointer<Float>, _ n: Int, _ kernels: NNKernels, clip: Float?) {
        if let clip {
            for i in 0..<n { v[i] = min(max(v[i], -clip), clip) }
        }
        switch self {
        case .logistic: kernels.mlasLogistic(v, n)
        case .tanh: kernels.mlasTanh(v, n)
        case .scalar(let a): for i in 0..<n { v[i] = a.apply(v[i]) }
        }
    }
}

/// One batch row's cell update of a `Recurrent` op, on gate vectors.
struct CellSpec {
    let cell: RecurrentCell
    let hidden: Int
    let f: GateActivation
    let g: GateActivation
    let h: GateActivation
    let clip: Float?
    let linearBeforeReset: Bool
    let inputForget: Bool
    let kernels: NNKernels

    /// `x`: X·Wᵀ + Wb of this step (all gates); `h`: H·Rᵀ + Rb; `state`/`cellState`: the row's
    /// H and C, updated in place; `out`: the row of Y. `scratch` holds `gates + 2·hidden`
    /// floats. `resetWeights`/`resetBias` are Rh and Rbh (GRU without linear_before_reset).
    func step(
        x: UnsafePointer<Float>, h hr: UnsafePointer<Float>, state: UnsafeMutablePointer<Float>,
        cellState: UnsafeMutablePointer<Float>, peepholes p: UnsafePointer<Float>,
        resetWeights: UnsafePointer<Float>, resetBias: UnsafePointer<Float>,
        scratch s: UnsafeMutablePointer<Float>, out: UnsafeMutablePointer<Float>, threads: Int
    ) {
        let n = hidden
        switch cell {
        case .rnn:
            for k in 0..<n { s[k] = x[k] + hr[k] }
            f.apply(s, n, kernels, clip: clip)
            for k in 0..<n {
                out[k] = s[k]
                state[k] = s[k]
            }
        case .gru:
            // s[0..<n] = z, s[n..<2n] = r, s[2n..<3n] = candidate
            for k in 0..<(2 * n) { s[k] = x[k] + hr[k] }
            f.apply(s, 2 * n, kernels, clip: clip)
            let z = s
            let rg = s + n
            let cand = s + 2 * n
            if linearBeforeReset {
                for k in 0..<n { cand[k] = x[2 * n + k] + rg[k] * hr[2 * n + k] }
            } else {
                // (r ⊙ H)·Rhᵀ + Rbh
                let rh = s + 3 * n
                for k in 0..<n { rh[k] = rg[k] * state[k] }
                for k in 0..<n { cand[k] = resetBias[k] }
                kernels.gemm(false, true, 1, n, n, 1, rh, n, resetWeights, n, 1, cand, n, threads)
                for k in 0..<n { cand[k] = x[2 * n + k] + cand[k] }
            }
            g.apply(cand, n, kernels, clip: clip)
            for k in 0..<n {
                let hn = (1 - z[k]) * cand[k] + z[k] * state[k]
                out[k] = hn
                state[k] = hn
            }
        case .lstm:
            // gates i, o, f, c; s[0..<4n] = gates, s[4n..<5n] = h(C)
            for k in 0..<n {
                let cp = cellState[k]
                s[k] = x[k] + hr[k] + p[k] * cp
                s[2 * n + k] = x[2 * n + k] + hr[2 * n + k] + p[2 * n + k] * cp
                s[3 * n + k] = x[3 * n + k] + hr[3 * n + k]
            }
            f.apply(s, n, kernels, clip: clip)
            f.apply(s + 2 * n, n, kernels, clip: clip)
            g.apply(s + 3 * n, n, kernels, clip: clip)
            for k in 0..<n {
                let fg = inputForget ? 1 - s[k] : s[2 * n + k]
                let cn = fg * cellState[k] + s[k] * s[3 * n + k]
                cellState[k] = cn
                s[n + k] = x[n + k] + hr[n + k] + p[n + k] * cn
                s[4 * n + k] = cn
            }
            f.apply(s + n, n, kernels, clip: clip)
            h.apply(s + 4 * n, n, kernels, clip: nil)
            for k in 0..<n {
                let hn = s[n + k] * s[4 * n + k]
                out[k] = hn
                state[k] = hn
            }
        }
    }
}

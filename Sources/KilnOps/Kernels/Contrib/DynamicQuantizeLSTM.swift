import Foundation
import KilnIR

/// `com.microsoft.DynamicQuantizeLSTM`: an ONNX LSTM whose weights are 8-bit.
///
/// W is `[dirs, input, 4·hidden]` and R `[dirs, hidden, 4·hidden]` (transposed relative to the
/// ONNX LSTM; gates `i, o, f, c`), with scales and zero points per direction (`[dirs]`) or per
/// gate column (`[dirs, 4·hidden]`). As in onnxruntime, the float operand of each product is
/// quantized dynamically to uint8 from its own range: X once for the whole sequence, the
/// hidden state once per step. Products are exact integers scaled to float, and the biases
/// are summed once and added after both products, as onnxruntime does:
///
///     gates = (X_q − x_zp)·(W − w_zp) · x_s·w_s + (H_q − h_zp)·(R − r_zp) · h_s·r_s + (Wb + Rb)
///
/// then the LSTM cell as in ONNX (peepholes, clip, input_forget, activations). The op exists
/// only in onnxruntime, so its definition is onnxruntime's computation: the default gate
/// activations (Sigmoid, Tanh) are MLAS's float32 approximations (`MlasMath`), bit for bit;
/// since the hidden state is re-quantized every step, exact functions would let one rounding
/// difference grow into visible output drift.
///
/// Weights are converted (zero points removed, 16-bit, pair-interleaved for the integer GEMM)
/// once per plan when they are constants (`PreparableOp`), else on each run.
public struct DynamicQuantizeLSTM: PreparableOp {
    public var domain: String { "com.microsoft" }
    public var opType: String { "DynamicQuantizeLSTM" }
    let kernels: NNKernels
    public init(kernels: NNKernels = .reference) { self.kernels = kernels }

    /// One direction's quantized weight: `[k, n]` integers with the zero point removed, packed
    /// for the integer GEMM (as int8 with column offsets for `NNKernels.u8s8Gemm` where the
    /// kernels have it, else as int16), and a scale per column.
    struct QuantWeight: Sendable {
        let k: Int
        let n: Int
        let int16: PackedInt16Matrix?
        let int8: PackedInt8Matrix?
        let scales: [Float]
    }

    /// Reused buffers of `product`.
    struct ProductBuffers {
        var q8: [UInt8] = []
        var q16: [Int16] = []
        var acc: [Int32] = []
        var mult: [Float] = []
    }

    /// Weights converted at plan time.
    struct Prepared: PreparedKernel {
        let op: DynamicQuantizeLSTM
        let w: [QuantWeight]
        let r: [QuantWeight]
        func run(_ context: KernelContext) throws -> [Value] {
            try op.compute(context, prepared: (w, r))
        }
    }

    public func run(_ context: KernelContext) throws -> [Value] {
        try compute(context, prepared: nil)
    }

    public func prepare(node: Node, opsetVersion: Int64, constants: [Tensor?]) throws
        -> (any PreparedKernel)?
    {
        let needed = [1, 2, 8, 9, 10, 11]
        guard needed.allSatisfy({ $0 < constants.count && constants[$0] != nil }) else {
            return nil
        }
        let ctx = KernelContext(
            node: node, opsetVersion: opsetVersion, inputs: constants.map { $0.map(Value.tensor) })
        let (dirs, hidden) = try Self.directionsAndHidden(ctx)
        let gh = 4 * hidden
        let wt = try ctx.tensor(1)
        guard wt.shape.count == 3, let inputSize = Int(exactly: wt.shape[1]) else {
            throw ctx.fail("W must be [\(dirs), input_size, \(gh)]")
        }
        let w = try weights(ctx, 1, scale: 8, zeroPoint: 9, dirs: dirs, k: inputSize, n: gh)
        let r = try weights(ctx, 2, scale: 10, zeroPoint: 11, dirs: dirs, k: hidden, n: gh)
        return Prepared(op: self, w: w, r: r)
    }

    static func directionsAndHidden(_ ctx: KernelContext) throws -> (Int, Int) {
        let direction = ctx.string("direction", default: "forward")
        guard ["forward", "reverse", "bidirectional"].contains(direction) else {
            throw ctx.fail("unknown direction '\(direction)'")
        }
        guard let hiddenAttr = ctx.int("hidden_size"), hiddenAttr > 0, hiddenAttr < 1 << 24 else {
            throw ctx.fail("hidden_size must be a positive attribute")
        }
        return (direction == "bidirectional" ? 2 : 1, Int(hiddenAttr))
    }

    func compute(_ context: KernelContext, prepared: ([QuantWeight], [QuantWeight])?) throws
        -> [Value]
    {
        let ctx = context
        let xT = try ctx.tensor(0)
        guard xT.elementType == .float32 else { throw ctx.fail("X must be float32") }
        let xd = try NNTensor.dims(xT, ctx)
        guard xd.count == 3 else { throw ctx.fail("X must have rank 3") }
        let (seq, batch, inputSize) = (xd[0], xd[1], xd[2])
        let direction = ctx.string("direction", default: "forward")
        let (dirs, hidden) = try Self.directionsAndHidden(ctx)
        let gh = 4 * hidden
        let w: [QuantWeight]
        let r: [QuantWeight]
        if let prepared {
            (w, r) = prepared
            guard w.count == dirs, w.allSatisfy({ $0.k == inputSize }) else {
                throw ctx.fail("X has input size \(inputSize) but W was prepared for \(w.first?.k ?? 0)")
            }
        } else {
            w = try weights(ctx, 1, scale: 8, zeroPoint: 9, dirs: dirs, k: inputSize, n: gh)
            r = try weights(ctx, 2, scale: 10, zeroPoint: 11, dirs: dirs, k: hidden, n: gh)
        }
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
        let hasPeepholes = try ctx.optionalTensor(7) != nil
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
        let acts: [(Float) -> Float] = try names.map { name in
            switch name.lowercased() {
            case "sigmoid": return MlasMath.logistic
            case "tanh": return MlasMath.tanh
            default: return try RecurrentActivation.make(name, alphas: &alphas, betas: &betas).apply
            }
        }

        let x = try NNTensor.floats(xT, ctx)
        // Y, Y_h and Y_c in one buffer; each direction writes only its own rows, so the two
        // directions of a bidirectional node can run on two threads with identical results.
        let (ySize, stateSize) = (seq * dirs * batch * hidden, dirs * batch * hidden)
        let result = UnsafeMutablePointer<Float>.allocate(capacity: ySize + 2 * stateSize + 1)
        result.initialize(repeating: 0, count: ySize + 2 * stateSize + 1)
        defer { result.deallocate() }
        let y = result
        let yh = result + ySize
        let yc = yh + stateSize
        func cl(_ v: Float) -> Float {
            guard let clip else { return v }
            return min(max(v, -clip), clip)
        }
        // The default activations without peepholes, clip or input_forget (what exporters
        // emit) run as whole-vector MLAS kernels; anything else takes the per-element path.
        let lower = names.map { $0.lowercased() }
        let vectorCell =
            !hasPeepholes && clip == nil && !inputForget
            && (0..<dirs).allSatisfy { lower[3 * $0..<3 * $0 + 3] == ["sigmoid", "tanh", "tanh"] }
        func runDirection(_ d: Int) {
            var buffers = ProductBuffers()
            var xw = [Float](repeating: 0, count: max(seq * batch * gh, 1))
            var hr = [Float](repeating: 0, count: max(batch * gh, 1))
            var gates = [Float](repeating: 0, count: gh)
            var tanhC = [Float](repeating: 0, count: hidden)
            let reverse = direction == "reverse" || d == 1
            let (f, g, h) = (acts[3 * d], acts[3 * d + 1], acts[3 * d + 2])
            let bsum = (0..<gh).map { bias[d * 2 * gh + $0] + bias[d * 2 * gh + gh + $0] }
            let p = Array(peep[(d * 3 * hidden)..<((d + 1) * 3 * hidden)])
            product(x, rows: seq * batch, w[d], &buffers, into: &xw)
            var hPrev = Array(h0[(d * batch * hidden)..<((d + 1) * batch * hidden)])
            var cPrev = Array(c0[(d * batch * hidden)..<((d + 1) * batch * hidden)])
            for step in 0..<seq {
                product(hPrev, rows: batch, r[d], &buffers, into: &hr)
                for b in 0..<batch {
                    guard step < seqLens[b] else { continue }
                    let t = reverse ? seqLens[b] - 1 - step : step
                    let xo = (t * batch + b) * gh
                    let ho = b * gh
                    let yo = ((t * dirs + d) * batch + b) * hidden
                    if vectorCell {
                        gates.withUnsafeMutableBufferPointer { gp in
                            xw.withUnsafeBufferPointer { xp in
                                hr.withUnsafeBufferPointer { hp in
                                    bsum.withUnsafeBufferPointer { bp in
                                        for j in 0..<gh { gp[j] = (xp[xo + j] + hp[ho + j]) + bp[j] }
                                    }
                                }
                            }
                            guard let base = gp.baseAddress else { return }
                            kernels.mlasLogistic(base, 3 * hidden)  // i, o, f
                            kernels.mlasTanh(base + 3 * hidden, hidden)  // c
                            cPrev.withUnsafeMutableBufferPointer { cp in
                                tanhC.withUnsafeMutableBufferPointer { tp in
                                    let co = b * hidden
                                    for k in 0..<hidden {
                                        let cn = cp[co + k] * gp[2 * hidden + k] + gp[k] * gp[3 * hidden + k]
                                        cp[co + k] = cn
                                        tp[k] = cn
                                    }
                                    guard let tb = tp.baseAddress else { return }
                                    kernels.mlasTanh(tb, hidden)
                                    hPrev.withUnsafeMutableBufferPointer { hp in
                                        for k in 0..<hidden {
                                            let v = tp[k] * gp[hidden + k]
                                            hp[co + k] = v
                                            y[yo + k] = v
                                        }
                                    }
                                }
                            }
                        }
                        continue
                    }
                    for j in 0..<gh { gates[j] = (xw[xo + j] + hr[ho + j]) + bsum[j] }
                    for k in 0..<hidden {
                        let cp = cPrev[b * hidden + k]
                        var gi = gates[k]
                        var gf = gates[2 * hidden + k]
                        if hasPeepholes {
                            gi += p[k] * cp
                            gf += p[2 * hidden + k] * cp
                        }
                        let i = f(cl(gi))
                        var fg = f(cl(gf))
                        if inputForget { fg = 1 - i }
                        let c = g(cl(gates[3 * hidden + k]))
                        let cn = cp * fg + i * c
                        var go = gates[hidden + k]
                        if hasPeepholes { go += p[hidden + k] * cn }
                        let o = f(cl(go))
                        cPrev[b * hidden + k] = cn
                        hPrev[b * hidden + k] = h(cn) * o
                        y[yo + k] = hPrev[b * hidden + k]
                    }
                }
            }
            for i in 0..<(batch * hidden) {
                yh[d * batch * hidden + i] = hPrev[i]
                yc[d * batch * hidden + i] = cPrev[i]
            }
        }
        ParallelRanges.run(dirs, threads: ctx.threads) { r in
            for d in r { runDirection(d) }
        }
        func array(_ p: UnsafeMutablePointer<Float>, _ n: Int) -> [Float] {
            Array(UnsafeBufferPointer(start: p, count: n))
        }
        let stateShape = [Int64(dirs), Int64(batch), Int64(hidden)]
        let outputs: [Value] = [
            .tensor(
                Tensor(
                    shape: [Int64(seq), Int64(dirs), Int64(batch), Int64(hidden)],
                    values: array(y, ySize))),
            .tensor(Tensor(shape: stateShape, values: array(yh, stateSize))),
            .tensor(Tensor(shape: stateShape, values: array(yc, stateSize))),
        ]
        return Array(outputs.prefix(max(ctx.node.outputs.count, 1)))
    }

    /// `out[rows, n] = (A_q − a_zp)·W · (a_scale · W.scales)`, where `A[rows, k]` is quantized
    /// dynamically to uint8 as a whole (onnxruntime's parameters); products are exact integers.
    func product(
        _ a: [Float], rows: Int, _ w: QuantWeight, _ buf: inout ProductBuffers,
        into out: inout [Float]
    ) {
        let (k, n) = (w.k, w.n)
        let count = rows * k
        guard rows > 0 else { return }
        if buf.q8.count < count { buf.q8 = [UInt8](repeating: 0, count: count) }
        if buf.acc.count < rows * n { buf.acc = [Int32](repeating: 0, count: rows * n) }
        if buf.mult.count < n { buf.mult = [Float](repeating: 0, count: n) }
        var scale: Float = 1
        a.withUnsafeBufferPointer { ap in
            buf.q8.withUnsafeMutableBufferPointer { qp in
                buf.acc.withUnsafeMutableBufferPointer { cp in
                    guard let aBase = ap.baseAddress, let qBase = qp.baseAddress,
                        let cBase = cp.baseAddress
                    else { return }
                    let (s, z) = kernels.quantizeU8(aBase, count, qBase)
                    scale = s
                    if let b8 = w.int8, let gemm = kernels.u8s8Gemm {
                        gemm(rows, qBase, k, z, b8, cBase, n)
                        return
                    }
                    guard let b16 = w.int16 else { return }
                    if buf.q16.count < count { buf.q16 = [Int16](repeating: 0, count: count) }
                    buf.q16.withUnsafeMutableBufferPointer { hp in
                        b16.values.withUnsafeBufferPointer { bp in
                            guard let hBase = hp.baseAddress, let bBase = bp.baseAddress else {
                                return
                            }
                            for i in 0..<count { hBase[i] = Int16(qBase[i]) - Int16(z) }
                            kernels.int16Gemm(rows, n, k, hBase, k, bBase, cBase, n)
                        }
                    }
                }
            }
        }
        buf.mult.withUnsafeMutableBufferPointer { mp in
            w.scales.withUnsafeBufferPointer { sp in
                for j in 0..<n { mp[j] = scale * sp[j] }
            }
            buf.acc.withUnsafeBufferPointer { cp in
                out.withUnsafeMutableBufferPointer { op in
                    for i in 0..<rows {
                        for j in 0..<n { op[i * n + j] = Float(cp[i * n + j]) * mp[j] }
                    }
                }
            }
        }
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
        guard zps.allSatisfy({ $0 >= -255 && $0 <= 255 }) else {
            throw ctx.fail("zero point of input \(i) is outside the 8-bit range")
        }
        // uint8 weights are stored minus 128 in the int8 form; the zero point and that shift
        // become the column offset.
        let shift: Int64 = t.elementType == .uint8 ? 128 : 0
        return (0..<dirs).map { d in
            let base = d * k * n
            let sc =
                per == 1
                ? [Float](repeating: scales[d], count: n) : Array(scales[(d * n)..<((d + 1) * n)])
            if kernels.u8s8Gemm != nil {
                let stored = (0..<(k * n)).map { Int8(truncatingIfNeeded: v[base + $0] - shift) }
                let offsets = (0..<n).map { j in
                    Int32(truncatingIfNeeded: shift - zps[d * per + (per == 1 ? 0 : j)])
                }
                let matrix = PackedInt8Matrix(k: k, n: n, stored: stored, offsets: offsets)
                return QuantWeight(k: k, n: n, int16: nil, int8: matrix, scales: sc)
            }
            let values = (0..<(k * n)).map { j in
                Int16(v[base + j] - zps[d * per + (per == 1 ? 0 : j % n)])
            }
            let matrix = PackedInt16Matrix(k: k, n: n, rowMajor: values)
            return QuantWeight(k: k, n: n, int16: matrix, int8: nil, scales: sc)
        }
    }
}

import CKilnKernels
import Foundation
import KilnIR
import KilnOps

// ConvInteger and QLinearConv on the 8-bit integer kernels: 1-D and 2-D convolutions of uint8/int8
// data with 8-bit weights, any group count. Each group of each image is made channels-last,
// unfolded into rows (`ckiln_im2row_hwc_u8`, one row per output position, whole channel runs copied
// per tap) and multiplied by the group's packed weights (`Int8Gemm`); depthwise convolutions (one
// input and one output channel per group) run a direct kernel. Weights are packed once per plan
// when constant. Other cases (3-D and higher, non-8-bit, float16 scales, non-scalar x zero points)
// run the reference kernel the op replaces; results are bit-identical to it (NNFastIntegerTests).

/// Convolution weights in the layout of the integer kernels.
struct Int8ConvWeights: Sendable {
    let outChannels: Int
    let groupChannels: Int
    let group: Int
    /// Kernel dims as 2-D (a 1-D kernel is `[1, k]`).
    let kernel: [Int]
    let rank: Int
    /// One packed `[groupChannels·kh·kw, outChannels/group]` matrix per group.
    let groups: [PackedInt8Matrix]
    /// Depthwise weights minus their zero points, `[outChannels, kh·kw]`, or nil.
    let depthwise: [Int16]?

    /// Prepares `w` (`[M, C/group, k...]`, rank 3 or 4) with zero points `zeroPoint` (scalar
    /// or one per output channel); nil when they do not fit the fast kernels.
    init?(_ w: Tensor, zeroPoint: Tensor?, group: Int) {
        guard Int8Operand.isPlain8Bit(w), w.shape.count == 3 || w.shape.count == 4, group > 0,
            w.shape.allSatisfy({ $0 > 0 && $0 <= Int64(Int32.max) })
        else { return nil }
        let dims = w.shape.map { Int($0) }
        let m = dims[0]
        guard m % group == 0,
            let zps = Int8Operand.zeroPoints(zeroPoint, type: w.elementType, count: m)
        else { return nil }
        rank = dims.count - 2
        kernel = rank == 1 ? [1, dims[2]] : [dims[2], dims[3]]
        outChannels = m
        groupChannels = dims[1]
        self.group = group
        let kk = kernel[0] * kernel[1]
        let k = groupChannels * kk
        let mg = m / group
        let signed = w.elementType == .int8
        let raw: [Int32] = w.data.withUnsafeBytes { r in
            signed
                ? r.bindMemory(to: Int8.self).map { Int32($0) }
                : r.bindMemory(to: UInt8.self).map { Int32($0) }
        }
        if groupChannels == 1 && mg == 1 {
            var d = [Int16](repeating: 0, count: m * kk)
            for c in 0..<m {
                let z = zps[zps.count == 1 ? 0 : c]
                for t in 0..<kk { d[c * kk + t] = Int16(raw[c * kk + t] - z) }
            }
            depthwise = d
            groups = []
            return
        }
        depthwise = nil
        var packed: [PackedInt8Matrix] = []
        for g in 0..<group {
            // B_g[t·cg + c, j] = W[g·mg + j, c, t]: rows in the (tap, channel) order of the
            // channels-last unfolding (`ckiln_im2row_hwc_u8`).
            let cg = groupChannels
            var bt = [UInt8](repeating: 0, count: k * mg)
            w.data.withUnsafeBytes { r in
                let src = r.bindMemory(to: UInt8.self)
                for j in 0..<mg {
                    let row = (g * mg + j) * k
                    for c in 0..<cg {
                        for t in 0..<kk { bt[(t * cg + c) * mg + j] = src[row + c * kk + t] }
                    }
                }
            }
            let z = zps.count == 1 ? zps : Array(zps[(g * mg)..<((g + 1) * mg)])
            let matrix = bt.withUnsafeBytes { r in
                r.baseAddress.map {
                    PackedInt8Matrix(
                        k: k, n: mg, raw: $0, ldb: mg, signed: signed, zeroPoints: z)
                }
            }
            guard let matrix else { return nil }
            packed.append(matrix)
        }
        groups = packed
    }
}

/// The integer convolution driver shared by ConvInteger and QLinearConv.
enum Int8Conv {
    /// Geometry of `x` against `w` as the C kernels take it (12 values) plus output dims, or
    /// nil when `x` does not fit (rank, channels, 8-bit type).
    static func geometry(_ ctx: KernelContext, x: Tensor, w: Int8ConvWeights) throws
        -> (geo: [Int], out: [Int])?
    {
        guard Int8Operand.isPlain8Bit(x), x.shape.count == w.rank + 2,
            x.shape[1] == Int64(w.groupChannels * w.group),
            Int(ctx.int("group", default: 1)) == w.group
        else { return nil }
        let spatial = x.shape[2...].map { Int($0) }
        let kernel = w.rank == 1 ? [w.kernel[1]] : w.kernel
        let g = try ConvGeometry.resolve(ctx, input: spatial, kernel: kernel)
        if w.rank == 1 {
            return (
                [
                    1, g.input[0], 1, g.output[0], 1, g.kernel[0], 1, g.strides[0], 1,
                    g.dilations[0], 0, g.padsBegin[0],
                ], g.output
            )
        }
        return (
            g.input + g.output + g.kernel + g.strides + g.dilations + g.padsBegin, g.output
        )
    }

    /// Runs the convolution and hands each block of int32 accumulators to `sink`:
    /// `(image, firstChannel, channels, acc, transposed)` where `acc` is `[channels, S]`
    /// (`transposed` false) or `[S, channels]` (true), S the output plane size.
    static func run(
        x: Tensor, xZeroPoint: Int32, w: Int8ConvWeights, geo: [Int], isa: Int32, threads: Int,
        sink: (Int, Int, Int, UnsafePointer<Int32>, Bool) -> Void
    ) {
        let images = Int(x.shape[0])
        let channels = Int(x.shape[1])
        let inPlane = geo[0] * geo[1]
        let outPlane = geo[2] * geo[3]
        let signed = x.elementType == .int8
        let mask: UInt8 = signed ? 0x80 : 0
        let storedZp = xZeroPoint + (signed ? 128 : 0)
        let mg = w.outChannels / w.group
        let k = w.groupChannels * w.kernel[0] * w.kernel[1]
        let kp = ckiln_qgemm8_round_k(k)
        x.data.withUnsafeBytes { raw in
            guard let xBase = raw.bindMemory(to: UInt8.self).baseAddress else { return }
            geo.withUnsafeBufferPointer { gp in
                if let dw = w.depthwise {
                    var acc = [Int32](repeating: 0, count: channels * outPlane)
                    for img in 0..<images {
                        dw.withUnsafeBufferPointer { wp in
                            acc.withUnsafeMutableBufferPointer { ap in
                                ckiln_qdepthwise_u8(
                                    isa, xBase + img * channels * inPlane, channels, gp.baseAddress,
                                    mask, storedZp, wp.baseAddress, ap.baseAddress)
                            }
                        }
                        acc.withUnsafeBufferPointer { ap in
                            if let a = ap.baseAddress { sink(img, 0, channels, a, false) }
                        }
                    }
                    return
                }
                // A 1×1 convolution with unit strides, no padding and whole 4-byte channel
                // quads multiplies the channels-last image itself.
                let direct =
                    k == kp && w.kernel == [1, 1] && geo[6] == 1 && geo[7] == 1
                    && geo[10] == 0 && geo[11] == 0 && geo[0] == geo[2] && geo[1] == geo[3]
                var hwc = [UInt8](repeating: 0, count: inPlane * w.groupChannels)
                var rows = [UInt8](repeating: 0, count: direct ? 0 : outPlane * kp)
                var acc = [Int32](repeating: 0, count: outPlane * mg)
                for img in 0..<images {
                    for g in 0..<w.group {
                        let xg = xBase + (img * channels + g * w.groupChannels) * inPlane
                        hwc.withUnsafeMutableBufferPointer { hp in
                            ckiln_chw_to_hwc_u8(
                                xg, w.groupChannels, inPlane, mask, hp.baseAddress)
                        }
                        if !direct {
                            hwc.withUnsafeBufferPointer { hp in
                                rows.withUnsafeMutableBufferPointer { rp in
                                    ckiln_im2row_hwc_u8(
                                        hp.baseAddress, w.groupChannels, gp.baseAddress,
                                        UInt8(truncatingIfNeeded: storedZp), rp.baseAddress, kp)
                                }
                            }
                        }
                        (direct ? hwc : rows).withUnsafeBufferPointer { rp in
                            acc.withUnsafeMutableBufferPointer { ap in
                                guard let r = rp.baseAddress, let a = ap.baseAddress else { return }
                                Int8Gemm.multiply(
                                    isa: isa, m: outPlane, a: r, lda: kp,
                                    aStoredZeroPoint: storedZp, b: w.groups[g], acc: a,
                                    threads: threads)
                            }
                        }
                        acc.withUnsafeBufferPointer { ap in
                            if let a = ap.baseAddress { sink(img, g * mg, mg, a, true) }
                        }
                    }
                }
            }
        }
    }
}

/// Reads the weights of a conv node: prepared ones, or from the run's inputs.
private func convWeights(
    _ prepared: Int8ConvWeights?, _ ctx: KernelContext, w wIndex: Int, zp zIndex: Int
) throws -> Int8ConvWeights? {
    if let prepared { return prepared }
    return Int8ConvWeights(
        try ctx.tensor(wIndex), zeroPoint: try ctx.optionalTensor(zIndex),
        group: Int(ctx.int("group", default: 1)))
}

/// The prepare step shared by both conv ops: weights at `wIndex`, zero point at `zIndex`.
private func prepareConvWeights(
    node: Node, constants: [Tensor?], w wIndex: Int, zp zIndex: Int
) -> Int8ConvWeights? {
    let zpGiven = node.inputs.count > zIndex && !node.inputs[zIndex].isEmpty
    guard constants.count > wIndex, let w = constants[wIndex], !zpGiven || constants[zIndex] != nil
    else { return nil }
    let group = node.attribute("group")?.int ?? 1
    guard group > 0, group <= Int64(Int32.max) else { return nil }
    return Int8ConvWeights(w, zeroPoint: zpGiven ? constants[zIndex] : nil, group: Int(group))
}

/// `ConvInteger` on the integer kernels; other cases run `fallback` (the op it replaces).
struct FastConvInteger: PreparableOp {
    let fallback: any OpDefinition
    let isa: Int32
    var domain: String { "" }
    var opType: String { "ConvInteger" }

    func run(_ context: KernelContext) throws -> [Value] {
        try Prepared(op: self, weights: nil).run(context)
    }

    /// Weights packed once at plan time (nil: packed per run).
    struct Prepared: PreparedKernel {
        let op: FastConvInteger
        let weights: Int8ConvWeights?

        func run(_ ctx: KernelContext) throws -> [Value] {
            let x = try ctx.tensor(0)
            guard let w = try convWeights(weights, ctx, w: 1, zp: 3),
                let xz = Int8Operand.zeroPoints(
                    try ctx.optionalTensor(2), type: x.elementType, count: 1),
                let (geo, out) = try Int8Conv.geometry(ctx, x: x, w: w)
            else { return try op.fallback.run(ctx) }
            let plane = out.reduce(1, *)
            let m = w.outChannels
            var y = [Int32](repeating: 0, count: Int(x.shape[0]) * m * plane)
            y.withUnsafeMutableBufferPointer { yp in
                guard let yb = yp.baseAddress else { return }
                Int8Conv.run(
                    x: x, xZeroPoint: xz[0], w: w, geo: geo, isa: op.isa, threads: ctx.threads
                ) { img, c0, count, acc, transposed in
                    let dst = yb + (img * m + c0) * plane
                    if transposed {
                        ckiln_transpose_i32(plane, count, acc, count, dst, plane)
                    } else {
                        dst.update(from: acc, count: count * plane)
                    }
                }
            }
            let shape = [x.shape[0], Int64(m)] + out.map { Int64($0) }
            return [.tensor(Tensor(shape: shape, values: y))]
        }
    }

    func prepare(node: Node, opsetVersion: Int64, constants: [Tensor?]) throws
        -> (any PreparedKernel)?
    {
        prepareConvWeights(node: node, constants: constants, w: 1, zp: 3).map {
            Prepared(op: self, weights: $0)
        }
    }
}

/// `QLinearConv` on the integer kernels with onnxruntime's requantization (bias added in
/// int32, float32 multiply, round half to even, saturate); other cases run `fallback`.
struct FastQLinearConv: PreparableOp {
    let fallback: any OpDefinition
    let isa: Int32
    var domain: String { "" }
    var opType: String { "QLinearConv" }

    func run(_ context: KernelContext) throws -> [Value] {
        try Prepared(op: self, weights: nil).run(context)
    }

    /// Weights packed once at plan time (nil: packed per run).
    struct Prepared: PreparedKernel {
        let op: FastQLinearConv
        let weights: Int8ConvWeights?

        func run(_ ctx: KernelContext) throws -> [Value] {
            let x = try ctx.tensor(0)
            guard let w = try convWeights(weights, ctx, w: 3, zp: 5),
                let xz = Int8Operand.zeroPoints(
                    try ctx.optionalTensor(2), type: x.elementType, count: 1),
                let xs = Int8Operand.scales(try ctx.optionalTensor(1), count: 1),
                let ws = Int8Operand.scales(try ctx.optionalTensor(4), count: w.outChannels),
                let ys = Int8Operand.scales(try ctx.optionalTensor(6), count: 1)
            else { return try op.fallback.run(ctx) }
            let yzT = try ctx.optionalTensor(7)
            let yType = yzT?.elementType ?? .uint8
            let biasT = try ctx.optionalTensor(8)
            let bias = Int8Operand.bias(biasT, count: w.outChannels)
            let mults = Int8Operand.multipliers(x: xs[0], w: ws, y: ys[0])
            guard yType == .uint8 || yType == .int8,
                let yz = Int8Operand.zeroPoints(yzT, type: yType, count: 1),
                biasT == nil || bias != nil, mults.allSatisfy(\.isFinite),
                let (geo, out) = try Int8Conv.geometry(ctx, x: x, w: w)
            else { return try op.fallback.run(ctx) }
            let requant = Int8Requantizer(
                scales: mults, bias: bias, zeroPoint: yz[0], signed: yType == .int8)
            let plane = out.reduce(1, *)
            let m = w.outChannels
            var y = Data(count: Int(x.shape[0]) * m * plane)
            var staging = [UInt8](repeating: 0, count: plane * (m / w.group))
            y.withUnsafeMutableBytes { raw in
                guard let yb = raw.bindMemory(to: UInt8.self).baseAddress else { return }
                Int8Conv.run(
                    x: x, xZeroPoint: xz[0], w: w, geo: geo, isa: op.isa, threads: ctx.threads
                ) { img, c0, count, acc, transposed in
                    let dst = yb + (img * m + c0) * plane
                    if !transposed {
                        requant.apply(
                            isa: op.isa, rows: count, cols: plane, acc: acc, ldAcc: plane,
                            perRow: true, offset: c0, y: dst, ysRow: plane, ysCol: 1)
                        return
                    }
                    // [S, count] accumulators: requantize rows, then transpose the bytes.
                    staging.withUnsafeMutableBufferPointer { sp in
                        guard let s = sp.baseAddress else { return }
                        requant.apply(
                            isa: op.isa, rows: plane, cols: count, acc: acc, ldAcc: count,
                            perRow: false, offset: c0, y: s, ysRow: count, ysCol: 1)
                        ckiln_transpose_u8(plane, count, s, count, dst, plane)
                    }
                }
            }
            let shape = [x.shape[0], Int64(m)] + out.map { Int64($0) }
            return [.tensor(Tensor(elementType: yType, shape: shape, data: y))]
        }
    }

    func prepare(node: Node, opsetVersion: Int64, constants: [Tensor?]) throws
        -> (any PreparedKernel)?
    {
        prepareConvWeights(node: node, constants: constants, w: 3, zp: 5).map {
            Prepared(op: self, weights: $0)
        }
    }
}

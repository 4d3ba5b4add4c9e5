import CKilnKernels
import Foundation
import KilnIR
import KilnOps

// MatMulInteger and QLinearMatMul on the 8-bit integer GEMM (`Int8Gemm`): A (uint8 or int8,
// any rank >= 2, batch dims flattened into rows) times a 2-D B (uint8 or int8), B packed once
// per plan when it is a constant. Other cases (batched or 1-D B, per-row A zero points, float16
// scales) run the reference kernel the op replaces; results are bit-identical to it
// (NNFastIntegerTests).

/// The 8-bit product shared by the two ops: `(A − a_zp)·(B − b_zp)` as int32 rows.
enum Int8MatMul {
    /// Packs a 2-D 8-bit B with its zero points (nil when the shapes or types do not fit).
    static func pack(_ b: Tensor, zeroPoint: Tensor?) -> PackedInt8Matrix? {
        guard Int8Operand.isPlain8Bit(b), b.shape.count == 2, let k = Int(exactly: b.shape[0]),
            let n = Int(exactly: b.shape[1]), k > 0, n > 0,
            let zps = Int8Operand.zeroPoints(zeroPoint, type: b.elementType, count: n)
        else { return nil }
        return b.data.withUnsafeBytes { raw in
            raw.baseAddress.map {
                PackedInt8Matrix(
                    k: k, n: n, raw: $0, ldb: n, signed: b.elementType == .int8, zeroPoints: zps)
            }
        }
    }

    /// The int32 product of `a` and packed `b` with output shape, or nil when `a` does not fit
    /// (not 8-bit, rank < 2, inner dim differs, zero point not a scalar of A's type).
    static func product(
        _ a: Tensor, zeroPoint: Tensor?, b: PackedInt8Matrix, isa: Int32, threads: Int
    ) -> (acc: [Int32], shape: [Int64])? {
        guard Int8Operand.isPlain8Bit(a), a.shape.count >= 2, a.shape.last == Int64(b.k),
            let zp = Int8Operand.zeroPoints(zeroPoint, type: a.elementType, count: 1)
        else { return nil }
        let signed = a.elementType == .int8
        let rows = Int(a.shape.dropLast().reduce(1, *))
        let kp = ckiln_qgemm8_round_k(b.k)
        let packed = a.data.withUnsafeBytes { raw -> [UInt8] in
            guard let base = raw.baseAddress else { return [] }
            return Int8Gemm.packA(base, m: rows, k: b.k, signed: signed)
        }
        var acc = [Int32](repeating: 0, count: rows * b.n)
        if rows > 0 {
            packed.withUnsafeBufferPointer { ap in
                acc.withUnsafeMutableBufferPointer { cp in
                    guard let aBase = ap.baseAddress, let cBase = cp.baseAddress else { return }
                    Int8Gemm.multiply(
                        isa: isa, m: rows, a: aBase, lda: kp,
                        aStoredZeroPoint: zp[0] + (signed ? 128 : 0), b: b, acc: cBase,
                        threads: threads)
                }
            }
        }
        return (acc, a.shape.dropLast() + [Int64(b.n)])
    }
}

/// `MatMulInteger` on the 8-bit GEMM; other cases run `fallback` (the op it replaces).
struct FastMatMulInteger: PreparableOp {
    let fallback: any OpDefinition
    let isa: Int32
    var domain: String { "" }
    var opType: String { "MatMulInteger" }

    func run(_ context: KernelContext) throws -> [Value] {
        let b = try context.tensor(1)
        guard let packed = Int8MatMul.pack(b, zeroPoint: try context.optionalTensor(3)) else {
            return try fallback.run(context)
        }
        return try Prepared(op: self, b: packed).run(context)
    }

    /// B packed once at plan time.
    struct Prepared: PreparedKernel {
        let op: FastMatMulInteger
        let b: PackedInt8Matrix

        func run(_ ctx: KernelContext) throws -> [Value] {
            guard
                let (acc, shape) = Int8MatMul.product(
                    try ctx.tensor(0), zeroPoint: try ctx.optionalTensor(2), b: b, isa: op.isa,
                    threads: ctx.threads)
            else { return try op.fallback.run(ctx) }
            return [.tensor(Tensor(shape: shape, values: acc))]
        }
    }

    func prepare(node: Node, opsetVersion: Int64, constants: [Tensor?]) throws
        -> (any PreparedKernel)?
    {
        let zpGiven = node.inputs.count > 3 && !node.inputs[3].isEmpty
        if constants.count > 1, let bT = constants[1], !zpGiven || constants[3] != nil,
            let packed = Int8MatMul.pack(bT, zeroPoint: zpGiven ? constants[3] : nil)
        {
            return Prepared(op: self, b: packed)
        }
        return nil
    }
}

/// `QLinearMatMul` on the 8-bit GEMM with onnxruntime's requantization (float32 multiply,
/// round half to even, saturate); other cases run `fallback`.
struct FastQLinearMatMul: PreparableOp {
    let fallback: any OpDefinition
    let isa: Int32
    var domain: String { "" }
    var opType: String { "QLinearMatMul" }

    func run(_ context: KernelContext) throws -> [Value] {
        let b = try context.tensor(3)
        let zpT = try context.optionalTensor(5)
        guard zpT.map({ $0.elementCount == 1 }) ?? true,
            let packed = Int8MatMul.pack(b, zeroPoint: zpT)
        else { return try fallback.run(context) }
        return try Prepared(op: self, b: packed).run(context)
    }

    /// B packed once at plan time.
    struct Prepared: PreparedKernel {
        let op: FastQLinearMatMul
        let b: PackedInt8Matrix

        func run(_ ctx: KernelContext) throws -> [Value] {
            // The reference takes scalar zero points only; its errors stay its own.
            guard let aS = Int8Operand.scales(try ctx.optionalTensor(1), count: 1),
                let bS = Int8Operand.scales(try ctx.optionalTensor(4), count: b.n),
                let yS = Int8Operand.scales(try ctx.optionalTensor(6), count: 1)
            else { return try op.fallback.run(ctx) }
            let yzT = try ctx.optionalTensor(7)
            let yType = yzT?.elementType ?? .uint8
            guard yType == .uint8 || yType == .int8,
                let yz = Int8Operand.zeroPoints(yzT, type: yType, count: 1)
            else { return try op.fallback.run(ctx) }
            let mults = Int8Operand.multipliers(x: aS[0], w: bS, y: yS[0])
            guard mults.allSatisfy(\.isFinite),
                let (acc, shape) = Int8MatMul.product(
                    try ctx.tensor(0), zeroPoint: try ctx.optionalTensor(2), b: b, isa: op.isa,
                    threads: ctx.threads)
            else { return try op.fallback.run(ctx) }
            let rows = acc.count / b.n
            let requant = Int8Requantizer(
                scales: mults, bias: nil, zeroPoint: yz[0], signed: yType == .int8)
            var out = Data(count: acc.count)
            out.withUnsafeMutableBytes { raw in
                acc.withUnsafeBufferPointer { ap in
                    guard let y = raw.bindMemory(to: UInt8.self).baseAddress,
                        let a = ap.baseAddress
                    else { return }
                    requant.apply(
                        isa: op.isa, rows: rows, cols: b.n, acc: a, ldAcc: b.n, perRow: false,
                        offset: 0, y: y, ysRow: b.n, ysCol: 1)
                }
            }
            return [.tensor(Tensor(elementType: yType, shape: shape, data: out))]
        }
    }

    func prepare(node: Node, opsetVersion: Int64, constants: [Tensor?]) throws
        -> (any PreparedKernel)?
    {
        let zpGiven = node.inputs.count > 5 && !node.inputs[5].isEmpty
        guard constants.count > 3, let bT = constants[3], !zpGiven || constants[5] != nil
        else { return nil }
        let zpT = zpGiven ? constants[5] : nil
        guard zpT.map({ $0.elementCount == 1 }) ?? true,
            let packed = Int8MatMul.pack(bT, zeroPoint: zpT)
        else { return nil }
        return Prepared(op: self, b: packed)
    }
}

import Foundation
import KilnIR
import KilnOps
import Testing

@testable import KilnRuntime

/// The 8-bit integer kernels (every ISA path this CPU has: portable C, AVX2 `vpmaddubsw`,
/// AVX-512 VNNI) against an Int64 definition, and the fast MatMulInteger, ConvInteger,
/// QLinearMatMul and QLinearConv (prepared with constant weights and unprepared) against the
/// ops' reference kernels, bit for bit.
@Suite struct NNFastIntegerTests {
    typealias Rng = NNFastKernelTests.Rng

    static var paths: [FastISA] {
        FastISA.allCases.filter {
            $0 != .auto && $0.rawValue <= FastOps.bestInteger8ISA.rawValue
        }
    }

    /// A fallback that fails the test: the fast op must handle the case itself.
    struct Refuse: OpDefinition {
        let opType: String
        var domain: String { "" }
        func run(_ context: KernelContext) throws -> [Value] {
            throw context.fail("the fast kernel fell back to the reference")
        }
    }

    static func bytes(_ rng: inout Rng, _ shape: [Int64], signed: Bool, name: String = "")
        -> Tensor
    {
        let n = Int(shape.reduce(1, *))
        if signed {
            return Tensor(
                name: name, shape: shape,
                values: (0..<n).map { _ in Int8(truncatingIfNeeded: rng.next()) })
        }
        return Tensor(
            name: name, shape: shape,
            values: (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
    }

    static func scalar8(_ v: Int, signed: Bool, count: Int? = nil) -> Tensor {
        let shape: [Int64] = count.map { [Int64($0)] } ?? []
        let n = count ?? 1
        if signed {
            return Tensor(
                shape: shape, values: (0..<n).map { Int8(truncatingIfNeeded: v + 3 * $0) })
        }
        return Tensor(shape: shape, values: (0..<n).map { UInt8(truncatingIfNeeded: v + 3 * $0) })
    }

    // MARK: - The GEMM

    @Test(arguments: [
        (1, 1, 1), (7, 33, 5), (13, 70, 129), (6, 64, 64), (1, 200, 3), (25, 17, 300),
        (64, 130, 36), (3, 16, 1000),
    ])
    func int8GemmMatchesInt64Definition(m: Int, n: Int, k: Int) {
        var rng = Rng(state: UInt64(m * 7919 + n * 31 + k))
        for aSigned in [false, true] {
            for bSigned in [false, true] {
                for perColumn in [false, true] {
                    let a = (0..<(m * k)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
                    let b = (0..<(k * n)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
                    func value(_ x: UInt8, _ s: Bool) -> Int64 {
                        s ? Int64(Int8(bitPattern: x)) : Int64(x)
                    }
                    let za = value(UInt8(truncatingIfNeeded: rng.next()), aSigned)
                    let zb: [Int64] = (0..<(perColumn ? n : 1)).map { _ in
                        value(UInt8(truncatingIfNeeded: rng.next()), bSigned)
                    }
                    var expected = [Int32](repeating: 0, count: m * n)
                    for i in 0..<m {
                        for j in 0..<n {
                            var s: Int64 = 0
                            let z = zb[perColumn ? j : 0]
                            for p in 0..<k {
                                s +=
                                    (value(a[i * k + p], aSigned) - za)
                                    * (value(b[p * n + j], bSigned) - z)
                            }
                            expected[i * n + j] = Int32(truncatingIfNeeded: s)
                        }
                    }
                    let packed = b.withUnsafeBytes {
                        PackedInt8Matrix(
                            k: k, n: n, raw: $0.baseAddress!, ldb: n, signed: bSigned,
                            zeroPoints: zb.map { Int32($0) })
                    }
                    let rows = a.withUnsafeBytes {
                        Int8Gemm.packA($0.baseAddress!, m: m, k: k, signed: aSigned)
                    }
                    let lda = rows.count / m
                    for isa in Self.paths {
                        for threads in [1, 2] {
                            var got = [Int32](repeating: -7, count: m * n)
                            Int8Gemm.multiply(
                                isa: isa.rawValue, m: m, a: rows, lda: lda,
                                aStoredZeroPoint: Int32(za) + (aSigned ? 128 : 0), b: packed,
                                acc: &got, threads: threads)
                            let label =
                                "\(isa) m=\(m) n=\(n) k=\(k) a signed \(aSigned) "
                                + "b signed \(bSigned) perColumn=\(perColumn) threads=\(threads)"
                            #expect(got == expected, "\(label)")
                        }
                    }
                }
            }
        }
    }

    // MARK: - Ops against their reference kernels

    /// Runs `node` with the reference op and with the fast op on every ISA path, unprepared
    /// and prepared with the inputs in `constant` as plan-time constants; all must be equal.
    func check(
        _ node: Node, _ inputs: [Tensor?], constant: Set<Int>, opset: Int64 = 13,
        _ label: String
    ) throws {
        let ctx = KernelContext(
            node: node, opsetVersion: opset, inputs: inputs.map { $0.map(Value.tensor) })
        let reference = try #require(StandardOps.registry.lookup(domain: "", opType: node.opType))
        let expected = try #require(try reference.run(ctx).first?.tensor)
        for isa in Self.paths {
            var registry = OpRegistry([Refuse(opType: node.opType)])
            FastOps.installInteger(into: &registry, isa: isa)
            let op = try #require(
                registry.lookup(domain: "", opType: node.opType) as? any PreparableOp)
            let plain = try #require(try op.run(ctx).first?.tensor)
            #expect(plain == expected, "\(label) \(isa) unprepared")
            let constants = inputs.enumerated().map {
                constant.contains($0.offset) ? $0.element : nil
            }
            let prepared = try #require(
                try op.prepare(node: node, opsetVersion: opset, constants: constants),
                "\(label): not prepared")
            for threads in [1, 2] {
                let tctx = KernelContext(
                    node: node, opsetVersion: opset, inputs: ctx.inputs, threads: threads)
                let got = try #require(try prepared.run(tctx).first?.tensor)
                #expect(got == expected, "\(label) \(isa) prepared threads=\(threads)")
            }
        }
    }

    @Test func matMulIntegerMatchesReference() throws {
        var rng = Rng(state: 1)
        for (aS, bS) in [(false, true), (true, true), (false, false), (true, false)] {
            for (aShape, n) in [([Int64(5), 37], 19), ([2, 3, 64], 70), ([1, 1], 1)] {
                let k = aShape.last!
                let a = Self.bytes(&rng, aShape, signed: aS)
                let b = Self.bytes(&rng, [k, Int64(n)], signed: bS)
                let node = Node(
                    opType: "MatMulInteger", inputs: ["a", "b", "az", "bz"], outputs: ["y"])
                let bz = Self.scalar8(3, signed: bS, count: n)
                try check(
                    node, [a, b, Self.scalar8(-5, signed: aS), bz], constant: [1, 3],
                    "MatMulInteger \(aShape)x\(n) a\(aS) b\(bS)")
                let plain = Node(opType: "MatMulInteger", inputs: ["a", "b"], outputs: ["y"])
                try check(plain, [a, b], constant: [1], "MatMulInteger no zp \(aShape)")
            }
        }
    }

    @Test func qLinearMatMulMatchesReference() throws {
        var rng = Rng(state: 2)
        for (aS, bS, yS) in [(false, true, false), (true, true, true), (false, false, true)] {
            let (m, k, n) = (9, 45, 33)
            let a = Self.bytes(&rng, [2, Int64(m), Int64(k)], signed: aS)
            let b = Self.bytes(&rng, [Int64(k), Int64(n)], signed: bS)
            let node = Node(
                opType: "QLinearMatMul",
                inputs: ["a", "as", "az", "b", "bs", "bz", "ys", "yz"], outputs: ["y"])
            let bScale = Tensor(shape: [Int64(n)], values: (0..<n).map { 0.002 + Float($0) * 1e-4 })
            try check(
                node,
                [
                    a, Tensor(shape: [], values: [Float(0.05)]), Self.scalar8(7, signed: aS), b,
                    bScale, Self.scalar8(bS ? 0 : 128, signed: bS),
                    Tensor(shape: [], values: [Float(0.3)]), Self.scalar8(11, signed: yS),
                ], constant: [3, 4, 5], "QLinearMatMul a\(aS) b\(bS) y\(yS)")
        }
    }

    /// Convolution cases: (x shape, w shape, group, attributes).
    static let convCases: [([Int64], [Int64], Int64, [Attribute])] = [
        ([1, 3, 9, 11], [8, 3, 3, 3], 1, [.init(name: "pads", value: .ints([1, 1, 1, 1]))]),
        (
            [2, 4, 10, 10], [6, 4, 3, 3], 1,
            [
                .init(name: "strides", value: .ints([2, 2])),
                .init(name: "pads", value: .ints([1, 0, 2, 1])),
            ]
        ),
        ([1, 8, 7, 7], [8, 1, 3, 3], 8, [.init(name: "pads", value: .ints([1, 1, 1, 1]))]),
        (
            [1, 6, 9, 8], [6, 1, 3, 3], 6,
            [
                .init(name: "strides", value: .ints([2, 2])),
                .init(name: "pads", value: .ints([1, 1, 1, 1])),
            ]
        ),
        ([1, 8, 6, 6], [12, 2, 1, 1], 4, []),
        ([1, 5, 12, 12], [70, 5, 1, 1], 1, []),
        ([1, 4, 11, 11], [5, 4, 3, 3], 1, [.init(name: "dilations", value: .ints([2, 2]))]),
        ([2, 3, 20], [4, 3, 5], 1, [.init(name: "pads", value: .ints([2, 1]))]),
        (
            [1, 4, 6, 6], [8, 2, 2, 2], 2,
            [.init(name: "auto_pad", value: .string(Data("SAME_UPPER".utf8)))]
        ),
    ]

    @Test func convIntegerMatchesReference() throws {
        var rng = Rng(state: 3)
        for (index, (xs, ws, group, attrs)) in Self.convCases.enumerated() {
            for (xS, wS) in [(false, true), (true, true), (false, false)] {
                let x = Self.bytes(&rng, xs, signed: xS)
                let w = Self.bytes(&rng, ws, signed: wS)
                let attributes = attrs + [Attribute(name: "group", value: .int(group))]
                let node = Node(
                    opType: "ConvInteger", inputs: ["x", "w", "xz", "wz"], outputs: ["y"],
                    attributes: attributes)
                let wz =
                    index % 2 == 0
                    ? Self.scalar8(2, signed: wS, count: Int(ws[0])) : Self.scalar8(9, signed: wS)
                try check(
                    node, [x, w, Self.scalar8(100, signed: xS), wz], constant: [1, 3],
                    "ConvInteger case \(index) x\(xS) w\(wS)")
            }
        }
    }

    @Test func qLinearConvMatchesReference() throws {
        var rng = Rng(state: 4)
        for (index, (xs, ws, group, attrs)) in Self.convCases.enumerated() {
            for (xS, wS, yS) in [(false, true, false), (true, true, true), (false, false, false)] {
                let x = Self.bytes(&rng, xs, signed: xS)
                let w = Self.bytes(&rng, ws, signed: wS)
                let m = Int(ws[0])
                let node = Node(
                    opType: "QLinearConv",
                    inputs: ["x", "xs", "xz", "w", "ws", "wz", "ys", "yz", "b"], outputs: ["y"],
                    attributes: attrs + [Attribute(name: "group", value: .int(group))])
                let perChannel = index % 2 == 0
                let wScale = Tensor(
                    shape: perChannel ? [Int64(m)] : [],
                    values: (0..<(perChannel ? m : 1)).map { 0.004 + Float($0) * 3e-4 })
                let bias = Tensor(
                    shape: [Int64(m)],
                    values: (0..<m).map { _ in Int32(Int(rng.next() % 4001) - 2000) })
                let inputs: [Tensor?] = [
                    x, Tensor(shape: [], values: [Float(0.04)]), Self.scalar8(120, signed: xS), w,
                    wScale,
                    perChannel
                        ? Self.scalar8(wS ? 0 : 128, signed: wS, count: m)
                        : Self.scalar8(wS ? 0 : 128, signed: wS),
                    Tensor(shape: [], values: [Float(0.11)]), Self.scalar8(5, signed: yS), bias,
                ]
                try check(
                    node, inputs, constant: [3, 4, 5, 8], "QLinearConv case \(index) x\(xS) w\(wS)")
                var noBias = node
                noBias.inputs.removeLast()
                try check(
                    noBias, Array(inputs.dropLast()), constant: [3, 5],
                    "QLinearConv no bias case \(index)")
            }
        }
    }

    /// Accumulators that land exactly on .5 after scaling round half to even, and values past
    /// the output range saturate, as onnxruntime does.
    @Test func requantizationRoundsHalfToEvenAndSaturates() throws {
        let acc: [Int32] = [1, 3, 5, -1, -3, 7, 1000, -1000, 0]
        let expected: [UInt8] = [10, 12, 12, 10, 8, 14, 255, 0, 10]  // 0.5 → 0, 1.5 → 2, ...
        let r = Int8Requantizer(scales: [0.5], bias: nil, zeroPoint: 10, signed: false)
        for isa in Self.paths {
            var y = [UInt8](repeating: 0, count: acc.count)
            r.apply(
                isa: isa.rawValue, rows: 1, cols: acc.count, acc: acc, ldAcc: acc.count,
                perRow: false, offset: 0, y: &y, ysRow: acc.count, ysCol: 1)
            #expect(y == expected, "\(isa)")
            // A row long enough for the vector path.
            let long = (0..<40).map { Int32($0) - 20 }
            var z = [UInt8](repeating: 0, count: 40)
            r.apply(
                isa: isa.rawValue, rows: 1, cols: 40, acc: long, ldAcc: 40, perRow: false,
                offset: 0, y: &z, ysRow: 40, ysCol: 1)
            let want = long.map { v -> UInt8 in
                UInt8(max(0, min(255, Int((Float(v) * 0.5).rounded(.toNearestOrEven)) + 10)))
            }
            #expect(z == want, "\(isa) vector")
        }
    }

    /// Per-tensor QuantizeLinear/DequantizeLinear against the reference: ties, saturation,
    /// infinities, both 8-bit types, vector tails.
    @Test func quantizeDequantizeMatchReference() throws {
        var rng = Rng(state: 5)
        let scale: Float = 0.037
        var xs: [Float] = [
            0, -0.0, .infinity, -.infinity, 1e30, -1e30, 0.5 * scale, 1.5 * scale,
            -2.5 * scale, 127.5 * scale,
        ]
        xs += (0..<1037).map { _ in rng.float() * 20 }
        for type in [ElementType.uint8, .int8] {
            let zp =
                type == .uint8
                ? Tensor(shape: [], values: [UInt8(117)]) : Tensor(shape: [], values: [Int8(-9)])
            let inputs: [Value?] = [
                .tensor(Tensor(shape: [Int64(xs.count)], values: xs)),
                .tensor(Tensor(shape: [], values: [scale])), .tensor(zp),
            ]
            let qNode = Node(opType: "QuantizeLinear", inputs: ["x", "s", "z"], outputs: ["y"])
            let ctx = KernelContext(node: qNode, opsetVersion: 13, inputs: inputs)
            let expected = try #require(try QuantizeLinear().run(ctx).first?.tensor)
            let dNode = Node(opType: "DequantizeLinear", inputs: ["y", "s", "z"], outputs: ["x"])
            let dctx = KernelContext(
                node: dNode, opsetVersion: 13, inputs: [.tensor(expected), inputs[1], inputs[2]])
            let expectedBack = try #require(try DequantizeLinear().run(dctx).first?.tensor)
            for isa in Self.paths {
                var registry = OpRegistry([
                    Refuse(opType: "QuantizeLinear"), Refuse(opType: "DequantizeLinear"),
                ])
                FastOps.installInteger(into: &registry, isa: isa)
                let q = try #require(registry.lookup(domain: "", opType: "QuantizeLinear"))
                let d = try #require(registry.lookup(domain: "", opType: "DequantizeLinear"))
                let got = try #require(try q.run(ctx).first?.tensor)
                #expect(got == expected, "\(isa) QuantizeLinear \(type.name)")
                let back = try #require(try d.run(dctx).first?.tensor)
                #expect(back == expectedBack, "\(isa) DequantizeLinear \(type.name)")
            }
        }
    }

    /// int32 DequantizeLinear (per tensor and per axis, values past float's 24 bits) against
    /// the reference.
    @Test func int32DequantizeMatchesReference() throws {
        var rng = Rng(state: 6)
        let values = (0..<24).map { _ in Int32(truncatingIfNeeded: rng.next()) }
        let x = Tensor(shape: [2, 3, 4], values: values)
        let cases: [(Tensor, Int64?)] = [
            (Tensor(shape: [], values: [Float(0.0007)]), nil),
            (Tensor(shape: [3], values: [Float(0.5), 1e-3, 3.3]), 1),
            (Tensor(shape: [4], values: [Float(0.25), 1e-5, 7, 0.1]), -1),
        ]
        for (scale, axis) in cases {
            var node = Node(opType: "DequantizeLinear", inputs: ["x", "s"], outputs: ["y"])
            if let axis { node.attributes = [Attribute(name: "axis", value: .int(axis))] }
            let ctx = KernelContext(
                node: node, opsetVersion: 13, inputs: [.tensor(x), .tensor(scale)])
            let expected = try #require(try DequantizeLinear().run(ctx).first?.tensor)
            for isa in Self.paths {
                var registry = OpRegistry([Refuse(opType: "DequantizeLinear")])
                FastOps.installInteger(into: &registry, isa: isa)
                let d = try #require(registry.lookup(domain: "", opType: "DequantizeLinear"))
                let got = try #require(try d.run(ctx).first?.tensor)
                #expect(got == expected, "\(isa) int32 axis \(axis.map(String.init) ?? "none")")
            }
        }
    }

    /// Cast of int32/int8/uint8 to float32 (the dequantization of opsets before 13): the same
    /// bits as the reference Cast, including int32 values float32 cannot hold exactly.
    @Test func integerCastToFloatMatchesReference() throws {
        var rng = Rng(state: 7)
        let reference = try #require(StandardOps.registry.lookup(domain: "", opType: "Cast"))
        var registry = OpRegistry([Refuse(opType: "Cast")])
        FastOps.installInteger(into: &registry)
        let fast = try #require(registry.lookup(domain: "", opType: "Cast"))
        let inputs = [
            Tensor(
                shape: [3, 5], values: (0..<15).map { _ in Int32(truncatingIfNeeded: rng.next()) }),
            Tensor(shape: [2], values: [Int32.max, Int32.min + 1]),
            Self.bytes(&rng, [4, 7], signed: true),
            Self.bytes(&rng, [9], signed: false),
        ]
        let node = Node(
            opType: "Cast", inputs: ["x"], outputs: ["y"],
            attributes: [Attribute(name: "to", value: .int(Int64(ElementType.float32.rawValue)))])
        for x in inputs {
            let ctx = KernelContext(node: node, opsetVersion: 19, inputs: [.tensor(x)])
            let expected = try #require(try reference.run(ctx).first?.tensor)
            let got = try #require(try fast.run(ctx).first?.tensor)
            #expect(got == expected, "\(x.elementType)")
        }
    }
}

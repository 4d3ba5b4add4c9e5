import Foundation
import KilnIR
import KilnOps
import KilnRuntime
import Testing

/// The integer GEMM (every ISA path this CPU has) and the prepared DynamicQuantizeLSTM against
/// their Swift references, plus MLAS's activation approximations on known values.
@Suite struct QuantKernelTests {
    typealias Rng = NNFastKernelTests.Rng

    @Test(arguments: [
        (1, 1, 1), (1, 8, 2), (1, 1024, 256), (3, 75, 512), (2, 65, 7), (5, 130, 33),
        (1, 63, 1), (4, 200, 129), (1, 16, 0),
    ])
    func int16GemmMatchesReference(m: Int, n: Int, k: Int) {
        var rng = Rng(state: UInt64(m * 7919 + n * 31 + k))
        let a = (0..<(m * k)).map { _ in Int16(Int(rng.next() % 511) - 255) }
        let b = (0..<(k * n)).map { _ in Int16(Int(rng.next() % 511) - 255) }
        let packed = PackedInt16Matrix(k: k, n: n, rowMajor: b)
        // The plain definition: row-major B, 64-bit sums truncated to 32 bits.
        var expected = [Int32](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var s: Int64 = 0
                for p in 0..<k { s += Int64(a[i * k + p]) * Int64(b[p * n + j]) }
                expected[i * n + j] = Int32(truncatingIfNeeded: s)
            }
        }
        var ref = [Int32](repeating: -1, count: m * n)
        NNKernels.reference.int16Gemm(m, n, k, a, max(k, 1), packed.values, &ref, n)
        #expect(ref == expected, "reference m=\(m) n=\(n) k=\(k)")
        for isa in NNFastKernelTests.paths {
            var got = [Int32](repeating: -1, count: m * n)
            NNKernels.fast(isa: isa).int16Gemm(m, n, k, a, max(k, 1), packed.values, &got, n)
            #expect(got == expected, "\(isa) m=\(m) n=\(n) k=\(k)")
        }
    }

    /// MLAS's logistic and tanh: exact at 0, odd/complementary symmetry, saturation, NaN, and
    /// within a few ulps of the exact functions (they are approximations).
    @Test func mlasActivations() {
        #expect(MlasMath.logistic(0) == 0.5)
        #expect(MlasMath.tanh(0) == 0)
        #expect(MlasMath.logistic(.nan).isNaN)
        #expect(MlasMath.tanh(.nan).isNaN)
        #expect(MlasMath.tanh(100) == MlasMath.tanh(9))
        var worstL: Float = 0
        var worstT: Float = 0
        for i in -2000...2000 {
            let x = Float(i) / 100
            #expect(MlasMath.tanh(-x) == -MlasMath.tanh(x))
            worstL = max(worstL, abs(MlasMath.logistic(x) - 1 / (1 + expf(-x))))
            worstT = max(worstT, abs(MlasMath.tanh(x) - tanhf(x)))
        }
        #expect(worstL < 1e-6 && worstL > 0, "logistic error \(worstL)")
        #expect(worstT < 1e-6 && worstT > 0, "tanh error \(worstT)")
    }

    /// The vectorised C logistic/tanh are bit-identical to `MlasMath` on every ISA path,
    /// including NaN, infinities, the clamp edges and odd lengths (vector tails).
    @Test func vectorMlasActivationsAreBitExact() {
        var rng = Rng(state: 99)
        var xs: [Float] = [0, -0.0, .nan, .infinity, -.infinity, 18, -18, 18.5, 9, -9, 9.25, 1e-30]
        xs += (0..<1001).map { _ in rng.float() * 50 }
        let expectedL = xs.map { MlasMath.logistic($0) }
        let expectedT = xs.map { MlasMath.tanh($0) }
        for isa in NNFastKernelTests.paths {
            let kernels = NNKernels.fast(isa: isa)
            var l = xs
            var t = xs
            kernels.mlasLogistic(&l, l.count)
            kernels.mlasTanh(&t, t.count)
            #expect(l.map(\.bitPattern) == expectedL.map(\.bitPattern), "\(isa) logistic")
            #expect(t.map(\.bitPattern) == expectedT.map(\.bitPattern), "\(isa) tanh")
        }
    }

    /// A bidirectional DynamicQuantizeLSTM with per-column uint8 weights: the plan's prepared
    /// fast kernel, the prepared reference kernel and the unprepared reference agree exactly.
    @Test func dynamicQuantizeLSTMPreparedMatchesReference() throws {
        var rng = Rng(state: 42)
        let (seq, batch, input, hidden, dirs) = (5, 2, 12, 8, 2)
        let gh = 4 * hidden
        func u8(_ n: Int) -> Tensor {
            Tensor(shape: [Int64(n)], values: (0..<n).map { _ in UInt8(rng.next() % 256) })
        }
        var w = u8(dirs * input * gh)
        w.shape = [Int64(dirs), Int64(input), Int64(gh)]
        w.name = "W"
        var r = u8(dirs * hidden * gh)
        r.shape = [Int64(dirs), Int64(hidden), Int64(gh)]
        r.name = "R"
        let b = Tensor(name: "B", shape: [Int64(dirs), Int64(2 * gh)], values: rng.floats(dirs * 2 * gh))
        let ws = Tensor(name: "ws", shape: [Int64(dirs), Int64(gh)], values: (0..<(dirs * gh)).map { _ in 0.01 + abs(rng.float()) / 50 })
        var wz = u8(dirs * gh)
        wz.shape = [Int64(dirs), Int64(gh)]
        wz.name = "wz"
        let rs = Tensor(name: "rs", shape: [Int64(dirs)], values: [Float(0.02), 0.015])
        var rz = u8(dirs)
        rz.shape = [Int64(dirs)]
        rz.name = "rz"
        let node = Node(
            opType: "DynamicQuantizeLSTM", domain: "com.microsoft",
            inputs: ["X", "W", "R", "B", "", "", "", "", "ws", "wz", "rs", "rz"],
            outputs: ["Y", "Yh", "Yc"],
            attributes: [
                Attribute(name: "hidden_size", value: .int(Int64(hidden))),
                Attribute(name: "direction", value: .string(Data("bidirectional".utf8))),
            ])
        let graph = Graph(
            name: "g",
            inputs: [
                ValueInfo(
                    name: "X",
                    tensor: TensorType(.float32, [Int64(seq), Int64(batch), Int64(input)]))
            ],
            outputs: ["Y", "Yh", "Yc"].map { ValueInfo(name: $0, type: nil) },
            initializers: [w, r, b, ws, wz, rs, rz],
            nodes: [node])
        let model = Model(
            opsetImports: [
                OpsetImport(domain: "", version: 17), OpsetImport(domain: "com.microsoft", version: 1),
            ], graph: graph)
        let x = Tensor(name: "X", shape: [Int64(seq), Int64(batch), Int64(input)], values: rng.floats(seq * batch * input).map { $0 * 4 })
        let feeds: [String: Value] = ["X": .tensor(x)]
        let fast = try InferencePlan(model: model, options: .init(registry: FastOps.registry)).run(feeds)
        let ref = try InferencePlan(model: model, options: .init(registry: StandardOps.registry)).run(feeds)
        let ctx = KernelContext(
            node: node, opsetVersion: 1,
            inputs: node.inputs.map { n -> Value? in
                if n.isEmpty { return nil }
                if n == "X" { return .tensor(x) }
                return graph.initializers.first { $0.name == n }.map(Value.tensor)
            })
        let unprepared = try DynamicQuantizeLSTM().run(ctx)
        for (i, name) in ["Y", "Yh", "Yc"].enumerated() {
            let f = try #require(fast[name]?.tensor?.values(as: Float.self))
            let rv = try #require(ref[name]?.tensor?.values(as: Float.self))
            let u = try #require(unprepared[i].tensor?.values(as: Float.self))
            #expect(f == rv, "\(name): fast vs reference")
            #expect(u == rv, "\(name): unprepared vs prepared")
            #expect(f.contains { $0 != 0 })
        }
    }

    /// MatMulInteger with a constant int8 B and per-column zero points: the prepared integer
    /// GEMM (fast and reference kernels) equals the Int64 reference loops.
    @Test func matMulIntegerPreparedMatchesReference() throws {
        var rng = Rng(state: 7)
        let (batch, m, k, n) = (2, 5, 37, 70)
        let a = Tensor(
            name: "A", shape: [Int64(batch), Int64(m), Int64(k)],
            values: (0..<(batch * m * k)).map { _ in UInt8(rng.next() % 256) })
        let b = Tensor(
            name: "B", shape: [Int64(k), Int64(n)],
            values: (0..<(k * n)).map { _ in Int8(truncatingIfNeeded: rng.next()) })
        let bz = Tensor(
            name: "bz", shape: [Int64(n)],
            values: (0..<n).map { _ in Int8(truncatingIfNeeded: rng.next() % 7) })
        let az = Tensor(name: "az", shape: [], values: [UInt8(131)])
        let node = Node(opType: "MatMulInteger", inputs: ["A", "B", "az", "bz"], outputs: ["Y"])
        let model = Model(
            opsetImports: [OpsetImport(domain: "", version: 13)],
            graph: Graph(
                name: "g",
                inputs: [
                    ValueInfo(
                        name: "A",
                        tensor: TensorType(.uint8, [Int64(batch), Int64(m), Int64(k)]))
                ],
                outputs: [ValueInfo(name: "Y", type: nil)],
                initializers: [b, bz, az], nodes: [node]))
        let feeds: [String: Value] = ["A": .tensor(a)]
        let ctx = KernelContext(
            node: node, opsetVersion: 13,
            inputs: [.tensor(a), .tensor(b), .tensor(az), .tensor(bz)])
        let expected = try #require(try MatMulInteger().run(ctx).first?.tensor)
        for registry in [FastOps.registry, StandardOps.registry] {
            let got = try #require(
                try InferencePlan(model: model, options: .init(registry: registry)).run(feeds)["Y"]?
                    .tensor)
            #expect(got.shape == expected.shape)
            #expect(got.values(as: Int32.self) == expected.values(as: Int32.self))
        }
    }
}

/// Declared input dims of `-1` (Paddle exports) accept any size, and dims named `?` are not
/// forced equal; a real symbol still is.
@Test func wildcardInputDimsAcceptAnySize() throws {
    let node = Node(opType: "Relu", inputs: ["x"], outputs: ["y"])
    func model(_ dims: [Dim]) -> Model {
        Model(
            opsetImports: [OpsetImport(domain: "", version: 13)],
            graph: Graph(
                name: "g", inputs: [ValueInfo(name: "x", tensor: TensorType(.float32, shape: dims))],
                outputs: [ValueInfo(name: "y", type: nil)], nodes: [node]))
    }
    let x = Tensor(shape: [2, 3], values: [Float](repeating: 1, count: 6))
    let feeds: [String: Value] = ["x": .tensor(x)]
    _ = try InferencePlan(model: model([.known(-1), .known(3)])).run(feeds)
    _ = try InferencePlan(model: model([.symbol("?"), .symbol("?")])).run(feeds)
    #expect(throws: KilnError.self) {
        try InferencePlan(model: model([.symbol("N"), .symbol("N")])).run(feeds)
    }
    #expect(throws: KilnError.self) {
        try InferencePlan(model: model([.known(-1), .known(4)])).run(feeds)
    }
}

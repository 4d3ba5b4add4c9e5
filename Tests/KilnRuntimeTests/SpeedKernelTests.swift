import Foundation
import KilnIR
import KilnOps
import Testing

@testable import KilnRuntime

/// The speed work of issue 8, each against its reference: GEMM edge tiles (sizes around the
/// 14 × 32 AVX-512 tile, and tile-cut independence, which thread splits rely on), the C col2im
/// of ConvTranspose, GRU reading W and R in place, and the plan rewrites (Identity elimination,
/// the erf GELU, HardSigmoid epilogues).
@Suite struct SpeedKernelTests {
    typealias Rng = NNFastKernelTests.Rng

    @Test(arguments: [
        (16, 384, 256), (2, 20, 5), (13, 17, 3), (27, 48, 9), (16, 16, 64), (29, 31, 130),
        (8, 960, 64),
    ])
    func gemmEdgeTilesMatchReference(m: Int, n: Int, k: Int) {
        var rng = Rng(state: UInt64(m * 7919 + n * 31 + k))
        for (transA, transB) in [(false, false), (true, false), (false, true)] {
            let a = rng.floats(m * k)
            let b = rng.floats(k * n)
            let c0 = rng.floats(m * n)
            let lda = transA ? m : k
            let ldb = transB ? k : n
            var expected = c0
            NNKernels.reference.gemm(
                transA, transB, m, n, k, 1, a, lda, b, ldb, 1, &expected, n, 1)
            for isa in NNFastKernelTests.paths {
                var got = c0
                NNKernels.fast(isa: isa).gemm(
                    transA, transB, m, n, k, 1, a, lda, b, ldb, 1, &got, n, 1)
                let err = NNFastKernelTests.maxRelativeError(got, expected)
                #expect(err < 1e-4, "\(isa) m=\(m) n=\(n) k=\(k) tA=\(transA) tB=\(transB): \(err)")
            }
        }
    }

    /// Rows computed in one call equal the same rows computed in separate calls (cut at a
    /// multiple of 14), and columns likewise at a multiple of 32: an edge tile sums exactly as
    /// a full one, so splitting a GEMM across threads cannot change a bit.
    @Test func gemmTilesDoNotDependOnTheCut() {
        var rng = Rng(state: 77)
        let (m, n, k) = (17, 45, 300)
        let a = rng.floats(m * k)
        let b = rng.floats(k * n)
        let c0 = rng.floats(m * n)
        for isa in NNFastKernelTests.paths {
            let gemm = NNKernels.fast(isa: isa).gemm
            var whole = c0
            gemm(false, false, m, n, k, 1, a, k, b, n, 1, &whole, n, 1)
            var rows = c0
            a.withUnsafeBufferPointer { ap in
                rows.withUnsafeMutableBufferPointer { cp in
                    guard let ab = ap.baseAddress, let cb = cp.baseAddress else { return }
                    gemm(false, false, 14, n, k, 1, ab, k, b, n, 1, cb, n, 1)
                    gemm(false, false, m - 14, n, k, 1, ab + 14 * k, k, b, n, 1, cb + 14 * n, n, 1)
                }
            }
            var cols = c0
            b.withUnsafeBufferPointer { bp in
                cols.withUnsafeMutableBufferPointer { cp in
                    guard let bb = bp.baseAddress, let cb = cp.baseAddress else { return }
                    gemm(false, false, m, 32, k, 1, a, k, bb, n, 1, cb, n, 1)
                    gemm(false, false, m, n - 32, k, 1, a, k, bb + 32, n, 1, cb + 32, n, 1)
                }
            }
            #expect(rows.map(\.bitPattern) == whole.map(\.bitPattern), "\(isa) rows")
            #expect(cols.map(\.bitPattern) == whole.map(\.bitPattern), "\(isa) columns")
        }
    }

    /// A row split that would leave one row for the last thread (29 = 28 + 1, 15 = 14 + 1)
    /// must give the same bits as one thread: a one-row part would run the GEMV path, which
    /// sums in another order than the tiles.
    @Test(arguments: [(29, 20, 8000), (15, 12, 24000)])
    func gemmRowSplitNeverLeavesOneRow(m: Int, n: Int, k: Int) {
        var rng = Rng(state: UInt64(m * 131 + k))
        let a = rng.floats(m * k)
        let b = rng.floats(k * n)
        for isa in NNFastKernelTests.paths {
            let gemm = NNKernels.fast(isa: isa).gemm
            var one = [Float](repeating: 0, count: m * n)
            gemm(false, false, m, n, k, 1, a, k, b, n, 0, &one, n, 1)
            for threads in [2, 3] {
                var many = [Float](repeating: 0, count: m * n)
                gemm(false, false, m, n, k, 1, a, k, b, n, 0, &many, n, threads)
                #expect(
                    many.map(\.bitPattern) == one.map(\.bitPattern),
                    "\(isa) m=\(m) n=\(n) k=\(k) threads=\(threads)")
            }
        }
    }

    struct TransposeCase: Sendable, CustomStringConvertible {
        var x: [Int64], w: [Int64], group: Int64, strides: [Int64], pads: [Int64]
        var dilations: [Int64], outputPadding: [Int64]
        var description: String {
            "x\(x) w\(w) g\(group) s\(strides) p\(pads) d\(dilations) op\(outputPadding)"
        }
    }

    static let transposeCases: [TransposeCase] = [
        TransposeCase(
            x: [1, 16, 6, 10], w: [16, 16, 2, 2], group: 1, strides: [2, 2], pads: [0, 0, 0, 0],
            dilations: [1, 1], outputPadding: []),
        TransposeCase(
            x: [2, 4, 5, 7], w: [4, 3, 3, 3], group: 2, strides: [2, 3], pads: [1, 0, 2, 1],
            dilations: [1, 2], outputPadding: [1, 0]),
        TransposeCase(
            x: [1, 3, 4, 4], w: [3, 1, 4, 4], group: 1, strides: [1, 1], pads: [2, 2, 2, 2],
            dilations: [1, 1], outputPadding: []),
        TransposeCase(
            x: [1, 2, 3, 9], w: [2, 5, 1, 3], group: 1, strides: [3, 2], pads: [0, 3, 0, 0],
            dilations: [2, 2], outputPadding: [2, 1]),
    ]

    /// The C col2im against `ConvTranspose.col2im`: bit-identical on the reference GEMM, and
    /// the fast kernels within GEMM rounding.
    @Test(arguments: transposeCases)
    func convTransposeMatchesReference(_ c: TransposeCase) throws {
        var rng = Rng(state: UInt64(c.x.reduce(5, *) &+ c.w.reduce(11, *)))
        let x = Tensor(shape: c.x, values: rng.floats(Int(c.x.reduce(1, *))))
        let w = Tensor(shape: c.w, values: rng.floats(Int(c.w.reduce(1, *))))
        let m = c.w[1] * c.group
        let b = Tensor(shape: [m], values: rng.floats(Int(m)))
        var attrs: [Attribute] = [
            Attribute(name: "group", value: .int(c.group)),
            Attribute(name: "strides", value: .ints(c.strides)),
            Attribute(name: "dilations", value: .ints(c.dilations)),
            Attribute(name: "pads", value: .ints(c.pads)),
        ]
        if !c.outputPadding.isEmpty {
            attrs.append(Attribute(name: "output_padding", value: .ints(c.outputPadding)))
        }
        let node = Node(
            opType: "ConvTranspose", inputs: ["x", "w", "b"], outputs: ["y"], attributes: attrs)
        let ctx = KernelContext(
            node: node, opsetVersion: 22, inputs: [.tensor(x), .tensor(w), .tensor(b)])
        let ref = try #require(try ConvTranspose(kernels: .reference).run(ctx).first?.tensor)
        let refValues = try #require(ref.values(as: Float.self))
        #expect(refValues.count > 0)
        var mixed = NNKernels.reference
        mixed.col2im2D = NNKernels.fast.col2im2D
        #expect(mixed.col2im2D != nil)
        let exact = try #require(try ConvTranspose(kernels: mixed).run(ctx).first?.tensor)
        #expect(exact == ref, "C col2im is bit-identical: \(c)")
        for isa in NNFastKernelTests.paths {
            let fast = try #require(
                try ConvTranspose(kernels: .fast(isa: isa)).run(ctx).first?.tensor)
            #expect(fast.shape == ref.shape)
            let got = try #require(fast.values(as: Float.self))
            #expect(NNFastKernelTests.maxRelativeError(got, refValues) < 1e-4, "\(isa) \(c)")
        }
    }

    /// GRU (W and R read in place) on the fast kernels against the reference kernels, both
    /// `linear_before_reset` forms, bidirectional, with initial state.
    @Test(arguments: [0, 1] as [Int64])
    func gruMatchesReference(linearBeforeReset: Int64) throws {
        var rng = Rng(state: 21 + UInt64(linearBeforeReset))
        let (seq, batch, input, hidden): (Int64, Int64, Int64, Int64) = (5, 2, 19, 16)
        func t(_ shape: [Int64]) -> Value {
            .tensor(Tensor(shape: shape, values: rng.floats(Int(shape.reduce(1, *)))))
        }
        let node = Node(
            opType: "GRU", inputs: ["X", "W", "R", "B", "", "H"], outputs: ["Y", "Yh"],
            attributes: [
                Attribute(name: "hidden_size", value: .int(hidden)),
                Attribute(name: "direction", value: .string(Data("bidirectional".utf8))),
                Attribute(name: "linear_before_reset", value: .int(linearBeforeReset)),
            ])
        let inputs: [Value?] = [
            t([seq, batch, input]), t([2, 3 * hidden, input]), t([2, 3 * hidden, hidden]),
            t([2, 6 * hidden]), nil, t([2, batch, hidden]),
        ]
        let ctx = KernelContext(node: node, opsetVersion: 14, inputs: inputs)
        let ref = try GRU(kernels: .reference).run(ctx)
        let fast = try GRU(kernels: .fast).run(ctx)
        // With W constant, the plan-time transposed W gives the same bits on both kernel sets.
        let constants: [Tensor?] = [nil, inputs[1]?.tensor, nil, nil, nil, nil]
        for (kernels, expected) in [(NNKernels.reference, ref), (NNKernels.fast, fast)] {
            let prepared = try #require(
                try GRU(kernels: kernels).prepare(
                    node: node, opsetVersion: 14, constants: constants))
            let got = try prepared.run(ctx)
            for (g, e) in zip(got, expected) {
                let a = try #require(g.tensor?.values(as: Float.self))
                let b = try #require(e.tensor?.values(as: Float.self))
                #expect(g.tensor?.shape == e.tensor?.shape)
                #expect(
                    a.map(\.bitPattern) == b.map(\.bitPattern), "prepared W on \(kernels.name)")
            }
        }
        #expect(ref.count == 2 && fast.count == 2)
        for (r, f) in zip(ref, fast) {
            let a = try #require(r.tensor?.values(as: Float.self))
            let b = try #require(f.tensor?.values(as: Float.self))
            #expect(r.tensor?.shape == f.tensor?.shape)
            #expect(a.allSatisfy(\.isFinite) && b.allSatisfy(\.isFinite))
            #expect(NNFastKernelTests.maxRelativeError(b, a) < 1e-5)
        }
    }

    // MARK: - Plan rewrites

    static func gelu(_ x: String, _ y: String, _ p: String) -> [Node] {
        [
            Node(opType: "Div", inputs: [x, "sqrt2"], outputs: [p + "d"]),
            Node(opType: "Erf", inputs: [p + "d"], outputs: [p + "e"]),
            Node(opType: "Add", inputs: [p + "e", "one"], outputs: [p + "a"]),
            Node(opType: "Mul", inputs: [x, p + "a"], outputs: [p + "m"]),
            Node(opType: "Mul", inputs: [p + "m", "half"], outputs: [y]),
        ]
    }

    static let geluConstants = [
        Tensor(name: "sqrt2", shape: [], values: [Float(1.4142135)]),
        Tensor(name: "one", shape: [], values: [Float(1)]),
        Tensor(name: "half", shape: [], values: [Float(0.5)]),
    ]

    /// Conv → Identity → (erf GELU) and a standalone GELU: fused into FusedConv and one plan
    /// Gelu node, bit-identical to the unfused graph on the same (fast) kernels.
    @Test func geluThroughIdentityIsFusedBitExactly() throws {
        var rng = Rng(state: 31)
        let nodes =
            [
                Node(
                    opType: "Conv", inputs: ["x", "w", "b"], outputs: ["c"],
                    attributes: [Attribute(name: "pads", value: .ints([1, 1, 1, 1]))]),
                Node(opType: "Identity", inputs: ["c"], outputs: ["i"]),
            ] + Self.gelu("i", "g", "p") + [
                Node(opType: "Add", inputs: ["g", "x"], outputs: ["s"])
            ] + Self.gelu("s", "y", "q")
        let inits =
            [
                PerfFusionTests.named(PerfFusionTests.tensor([4, 4, 3, 3], &rng), "w"),
                PerfFusionTests.named(PerfFusionTests.tensor([4], &rng), "b"),
            ] + Self.geluConstants
        let conv = PerfFusionTests.model(
            nodes, inputs: [("x", [1, 4, 7, 9])], outputs: ["y"], inits: inits)
        let feeds: [String: Value] = [
            "x": .tensor(PerfFusionTests.tensor([1, 4, 7, 9], &rng, scale: 6))
        ]
        let types = try PerfFusionTests.compare(conv, feeds: feeds, registry: FastOps.registry)
        #expect(types == ["FusedConv", "Add", "Gelu"])
        let unfused = try InferencePlan(model: conv, options: .init(fuseOperators: false))
            .run(feeds)["y"]?.tensor
        let fused = try InferencePlan(model: conv).run(feeds)["y"]?.tensor
        #expect(unfused != nil && fused == unfused, "the fused GELU is bit-identical")
    }

    /// A GELU whose x is also read elsewhere, or whose constants are not √2 / 1 / 0.5, stays.
    @Test func geluGuardsKeepTheGraph() throws {
        var rng = Rng(state: 32)
        var nodes = Self.gelu("x", "y", "p")
        nodes.append(Node(opType: "Add", inputs: ["pd", "x"], outputs: ["z"]))
        let m = PerfFusionTests.model(
            nodes, inputs: [("x", [2, 5])], outputs: ["y", "z"], inits: Self.geluConstants)
        let feeds: [String: Value] = ["x": .tensor(PerfFusionTests.tensor([2, 5], &rng))]
        #expect(try PerfFusionTests.compare(m, feeds: feeds).contains("Erf"))
        var other = Self.geluConstants
        other[2] = Tensor(name: "half", shape: [], values: [Float(0.25)])
        let m2 = PerfFusionTests.model(
            Self.gelu("x", "y", "p"), inputs: [("x", [2, 5])], outputs: ["y"], inits: other)
        #expect(try PerfFusionTests.compare(m2, feeds: feeds).contains("Erf"))
    }

    /// Identities are dropped (`eliminate-identity`; the one writing the graph output `y` by
    /// renaming its producer's output), so Conv → Identity → HardSigmoid → Identity becomes one
    /// FusedConv (HardSigmoid epilogue) writing `y` on both kernel sets.
    @Test func identityEliminationAndHardSigmoidEpilogue() throws {
        var rng = Rng(state: 33)
        let nodes = [
            Node(opType: "Conv", inputs: ["x", "w"], outputs: ["c"]),
            Node(opType: "Identity", inputs: ["c"], outputs: ["i"]),
            Node(
                opType: "HardSigmoid", inputs: ["i"], outputs: ["h"],
                attributes: [Attribute(name: "alpha", value: .float(0.1666667))]),
            Node(opType: "Identity", inputs: ["h"], outputs: ["y"]),
        ]
        let m = PerfFusionTests.model(
            nodes, inputs: [("x", [1, 3, 5, 5])], outputs: ["y"],
            inits: [PerfFusionTests.named(PerfFusionTests.tensor([5, 3, 1, 1], &rng), "w")])
        let feeds: [String: Value] = [
            "x": .tensor(PerfFusionTests.tensor([1, 3, 5, 5], &rng, scale: 20))
        ]
        let reference = try PerfFusionTests.compare(m, feeds: feeds)
        #expect(reference == ["FusedConv"], "\(reference)")
        let fast = try PerfFusionTests.compare(m, feeds: feeds, registry: FastOps.registry)
        #expect(fast == ["FusedConv"], "\(fast)")
    }
}

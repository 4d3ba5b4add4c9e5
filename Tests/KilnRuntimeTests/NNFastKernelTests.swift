import Foundation
import KilnIR
import KilnOps
import KilnRuntime
import Testing

/// The C kernels (every ISA path this CPU has) against the Swift reference kernels on random
/// problems, including edge sizes around the micro-kernel tiles (1, 7, 33, 65, ...).
@Suite struct NNFastKernelTests {
    /// A deterministic generator (SplitMix64) so failures reproduce.
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func float() -> Float { Float(next() >> 40) / Float(1 << 24) - 0.5 }
        mutating func floats(_ n: Int) -> [Float] { (0..<n).map { _ in float() } }
    }

    static var paths: [FastISA] {
        FastISA.allCases.filter { $0 != .auto && $0.rawValue <= FastISA.best.rawValue }
    }

    static func maxRelativeError(_ a: [Float], _ b: [Float]) -> Float {
        var worst: Float = 0
        for (x, y) in zip(a, b) {
            worst = max(worst, abs(x - y) / max(1, abs(y)))
        }
        return worst
    }

    @Test(arguments: [
        (1, 1, 1), (1, 7, 33), (7, 1, 65), (33, 65, 7), (14, 32, 256), (15, 33, 257),
        (65, 129, 300), (6, 16, 1), (200, 47, 513), (1, 1000, 2048), (3, 2100, 20),
    ])
    func gemmMatchesReference(m: Int, n: Int, k: Int) {
        var rng = Rng(state: UInt64(m * 1_000_003 + n * 1009 + k))
        for (transA, transB) in [(false, false), (true, false), (false, true), (true, true)] {
            let a = rng.floats(m * k)
            let b = rng.floats(k * n)
            let c0 = rng.floats(m * n)
            let (alpha, beta): (Float, Float) = (0.75, transA ? 0 : 0.5)
            let lda = transA ? m : k
            let ldb = transB ? k : n
            var expected = c0
            NNKernels.reference.gemm(
                transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, &expected, n, 1)
            for isa in Self.paths {
                for threads in [1, 3] {
                    var got = c0
                    NNKernels.fast(isa: isa).gemm(
                        transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, &got, n, threads)
                    let err = Self.maxRelativeError(got, expected)
                    #expect(
                        err < 1e-4,
                        "\(isa) m=\(m) n=\(n) k=\(k) tA=\(transA) tB=\(transB) t=\(threads): \(err)")
                }
            }
        }
    }

    @Test func gemmBetaZeroIgnoresNaNInC() {
        let a: [Float] = [1, 2, 3, 4]
        let b: [Float] = [1, 0, 0, 1]
        for isa in Self.paths {
            var c: [Float] = [.nan, .nan, .nan, .nan]
            NNKernels.fast(isa: isa).gemm(false, false, 2, 2, 2, 1, a, 2, b, 2, 0, &c, 2, 1)
            #expect(c == a, "\(isa)")
        }
    }

    struct ConvCase: Sendable, CustomStringConvertible {
        var x: [Int64], w: [Int64], group: Int64, strides: [Int64], pads: [Int64]
        var dilations: [Int64], autoPad: String
        var description: String { "x\(x) w\(w) g\(group) s\(strides) p\(pads) d\(dilations) \(autoPad)" }
    }

    static let convCases: [ConvCase] = [
        ConvCase(x: [1, 3, 17, 19], w: [8, 3, 3, 3], group: 1, strides: [1, 1], pads: [1, 1, 1, 1],
                 dilations: [1, 1], autoPad: "NOTSET"),
        ConvCase(x: [2, 4, 9, 7], w: [6, 2, 3, 2], group: 2, strides: [2, 1], pads: [0, 1, 2, 0],
                 dilations: [2, 1], autoPad: "NOTSET"),
        ConvCase(x: [1, 16, 14, 14], w: [33, 16, 1, 1], group: 1, strides: [1, 1],
                 pads: [0, 0, 0, 0], dilations: [1, 1], autoPad: "NOTSET"),
        ConvCase(x: [1, 6, 10, 10], w: [6, 1, 3, 3], group: 6, strides: [2, 2], pads: [],
                 dilations: [1, 1], autoPad: "SAME_UPPER"),
        ConvCase(x: [1, 3, 11, 13], w: [5, 3, 5, 4], group: 1, strides: [3, 2], pads: [],
                 dilations: [1, 1], autoPad: "SAME_LOWER"),
        ConvCase(x: [1, 2, 5, 6, 7], w: [4, 2, 2, 3, 2], group: 1, strides: [1, 2, 1],
                 pads: [1, 0, 1, 0, 1, 1], dilations: [1, 1, 2], autoPad: "NOTSET"),
        ConvCase(x: [3, 4, 23], w: [7, 4, 5], group: 1, strides: [2], pads: [2, 1],
                 dilations: [1], autoPad: "NOTSET"),
        ConvCase(x: [1, 3, 8, 8], w: [4, 3, 3, 3], group: 1, strides: [1, 1], pads: [],
                 dilations: [1, 1], autoPad: "VALID"),
    ]

    @Test(arguments: convCases)
    func convMatchesReference(_ c: ConvCase) throws {
        var rng = Rng(state: UInt64(c.x.reduce(7, *) &+ c.w.reduce(3, *)))
        let x = Tensor(shape: c.x, values: rng.floats(Int(c.x.reduce(1, *))))
        let w = Tensor(shape: c.w, values: rng.floats(Int(c.w.reduce(1, *))))
        let b = Tensor(shape: [c.w[0]], values: rng.floats(Int(c.w[0])))
        var attrs: [Attribute] = [
            Attribute(name: "group", value: .int(c.group)),
            Attribute(name: "strides", value: .ints(c.strides)),
            Attribute(name: "dilations", value: .ints(c.dilations)),
            Attribute(name: "auto_pad", value: .string(Data(c.autoPad.utf8))),
        ]
        if !c.pads.isEmpty { attrs.append(Attribute(name: "pads", value: .ints(c.pads))) }
        let node = Node(opType: "Conv", inputs: ["x", "w", "b"], outputs: ["y"], attributes: attrs)
        let ctx = KernelContext(
            node: node, opsetVersion: 22, inputs: [.tensor(x), .tensor(w), .tensor(b)])
        let ref = try #require(try Conv(kernels: .reference).run(ctx).first?.tensor)
        let refValues = try #require(ref.values(as: Float.self))
        #expect(refValues.count > 0)
        for isa in Self.paths {
            let fast = try #require(try Conv(kernels: .fast(isa: isa)).run(ctx).first?.tensor)
            #expect(fast.shape == ref.shape)
            let got = try #require(fast.values(as: Float.self))
            #expect(Self.maxRelativeError(got, refValues) < 1e-4, "\(isa) \(c)")
        }
    }

    /// The direct depthwise path against per-channel group-1 convolutions (the GEMM path).
    @Test(arguments: [(1, 1, 0), (2, 1, 1), (1, 2, 1), (2, 2, 2)])
    func depthwiseMatchesPerChannelConv(stride: Int, dilation: Int, pad: Int) throws {
        var rng = Rng(state: UInt64(stride * 10 + dilation * 3 + pad))
        let (c, h, w, k) = (5, 9, 11, 3)
        let xv = rng.floats(2 * c * h * w)
        let wv = rng.floats(c * k * k)
        let bv = rng.floats(c)
        func attrs(_ group: Int) -> [Attribute] {
            [
                Attribute(name: "group", value: .int(Int64(group))),
                Attribute(name: "strides", value: .ints([Int64(stride), Int64(stride)])),
                Attribute(name: "dilations", value: .ints([Int64(dilation), Int64(dilation)])),
                Attribute(name: "pads", value: .ints(Array(repeating: Int64(pad), count: 4))),
            ]
        }
        let node = Node(opType: "Conv", inputs: ["x", "w", "b"], outputs: ["y"], attributes: attrs(c))
        let y = try #require(try Conv().run(KernelContext(
            node: node, opsetVersion: 11,
            inputs: [
                .tensor(Tensor(shape: [2, Int64(c), Int64(h), Int64(w)], values: xv)),
                .tensor(Tensor(shape: [Int64(c), 1, Int64(k), Int64(k)], values: wv)),
                .tensor(Tensor(shape: [Int64(c)], values: bv)),
            ])).first?.tensor)
        let got = try #require(y.values(as: Float.self))
        let (oh, ow) = (Int(y.shape[2]), Int(y.shape[3]))
        let single = Node(opType: "Conv", inputs: ["x", "w", "b"], outputs: ["y"], attributes: attrs(1))
        for img in 0..<2 {
            for ch in 0..<c {
                let xs = Array(xv[((img * c + ch) * h * w)..<((img * c + ch + 1) * h * w)])
                let ys = try #require(try Conv().run(KernelContext(
                    node: single, opsetVersion: 11,
                    inputs: [
                        .tensor(Tensor(shape: [1, 1, Int64(h), Int64(w)], values: xs)),
                        .tensor(Tensor(shape: [1, 1, Int64(k), Int64(k)],
                                       values: Array(wv[(ch * k * k)..<((ch + 1) * k * k)]))),
                        .tensor(Tensor(shape: [1], values: [bv[ch]])),
                    ])).first?.tensor?.values(as: Float.self))
                let part = Array(got[((img * c + ch) * oh * ow)..<((img * c + ch + 1) * oh * ow)])
                #expect(Self.maxRelativeError(part, ys) < 1e-5, "image \(img) channel \(ch)")
            }
        }
    }

    /// A direct check of the reference Conv against a naive nested-loop definition.
    @Test func referenceConvMatchesNaiveDefinition() throws {
        var rng = Rng(state: 42)
        let (cin, cout, h, wd, kh, kw) = (2, 3, 5, 6, 3, 2)
        let xv = rng.floats(cin * h * wd)
        let wv = rng.floats(cout * cin * kh * kw)
        let node = Node(
            opType: "Conv", inputs: ["x", "w"], outputs: ["y"],
            attributes: [Attribute(name: "pads", value: .ints([1, 0, 1, 1]))])
        let ctx = KernelContext(
            node: node, opsetVersion: 22,
            inputs: [
                .tensor(Tensor(shape: [1, Int64(cin), Int64(h), Int64(wd)], values: xv)),
                .tensor(Tensor(shape: [Int64(cout), Int64(cin), Int64(kh), Int64(kw)], values: wv)),
            ])
        let y = try #require(try Conv().run(ctx).first?.tensor)
        let (oh, ow) = (h + 2 - kh + 1, wd + 1 - kw + 1)
        #expect(y.shape == [1, Int64(cout), Int64(oh), Int64(ow)])
        let got = try #require(y.values(as: Float.self))
        var expected = [Float](repeating: 0, count: cout * oh * ow)
        for o in 0..<cout {
            for oy in 0..<oh {
                for ox in 0..<ow {
                    var s: Float = 0
                    for c in 0..<cin {
                        for ky in 0..<kh {
                            for kx in 0..<kw {
                                let iy = oy - 1 + ky
                                let ix = ox + kx
                                guard iy >= 0, iy < h, ix >= 0, ix < wd else { continue }
                                s += xv[(c * h + iy) * wd + ix] * wv[((o * cin + c) * kh + ky) * kw + kx]
                            }
                        }
                    }
                    expected[(o * oh + oy) * ow + ox] = s
                }
            }
        }
        #expect(Self.maxRelativeError(got, expected) < 1e-5)
    }
}

/// The float32 fast paths of FastOps (Relu, Add, Mul, Sum, Concat) against the standard ops.
@Suite struct NNFastElementwiseTests {
    func run(_ registry: OpRegistry, _ node: Node, _ inputs: [Tensor]) throws -> Tensor? {
        let op = try #require(registry.lookup(domain: "", opType: node.opType))
        let ctx = KernelContext(node: node, opsetVersion: 13, inputs: inputs.map { .tensor($0) })
        return try op.run(ctx).first?.tensor
    }

    func check(_ opType: String, _ inputs: [Tensor], attrs: [Attribute] = []) throws {
        let node = Node(
            opType: opType, inputs: inputs.indices.map { "i\($0)" }, outputs: ["y"],
            attributes: attrs)
        let expected = try #require(try run(StandardOps.registry, node, inputs))
        let got = try #require(try run(FastOps.registry, node, inputs))
        #expect(got == expected, "\(opType) \(inputs.map(\.shape))")
    }

    func tensor(_ shape: [Int64], seed: Int) -> Tensor {
        let n = Int(shape.reduce(1, *))
        return Tensor(shape: shape, values: (0..<n).map { Float(($0 * 37 + seed) % 23) - 11.5 })
    }

    @Test func matchesStandardOps() throws {
        guard StandardOps.registry.lookup(domain: "", opType: "Add") != nil else {
            print("◇ skipped: matchesStandardOps: general ops are not in this build")
            return
        }
        try check("Relu", [tensor([2, 3, 5], seed: 1)])
        let x = tensor([2, 3, 4, 5], seed: 2)
        for small in [[2, 3, 4, 5], [3, 1, 1], [1], [], [5], [4, 5], [1, 3, 1, 1]] as [[Int64]] {
            try check("Add", [x, tensor(small, seed: 3)])
            try check("Mul", [tensor(small, seed: 4), x])
        }
        try check("Add", [tensor([3, 1], seed: 5), tensor([1, 4], seed: 6)])  // falls back
        try check("Sum", [x, tensor([2, 3, 4, 5], seed: 7), tensor([2, 3, 4, 5], seed: 8)])
        try check("Sum", [x, tensor([5], seed: 9)])  // falls back
        try check(
            "Concat", [x, tensor([2, 1, 4, 5], seed: 10), tensor([2, 2, 4, 5], seed: 11)],
            attrs: [Attribute(name: "axis", value: .int(1))])
        try check(
            "Concat", [x, tensor([2, 3, 4, 2], seed: 12)],
            attrs: [Attribute(name: "axis", value: .int(-1))])
    }

    /// General broadcasting Add/Sub/Mul/Div (both operand orders, middle and outer broadcast
    /// dims, scalars, empty tensors) equal the reference kernels bit for bit.
    @Test func broadcastBinaryMatchesStandardOps() throws {
        let shapes: [([Int64], [Int64])] = [
            ([3, 1], [1, 4]), ([2, 1, 5], [2, 4, 1]), ([2, 3, 4], [3, 1]), ([1], [2, 3]),
            ([], [4]), ([2, 3], [2, 3]), ([4, 1, 1], [1, 3, 5]), ([0, 3], [1, 3]), ([5], [1]),
        ]
        for (i, (sa, sb)) in shapes.enumerated() {
            for op in ["Add", "Sub", "Mul", "Div"] {
                try check(op, [tensor(sa, seed: i), tensor(sb, seed: i + 7)])
                try check(op, [tensor(sb, seed: i + 3), tensor(sa, seed: i + 1)])
            }
        }
    }

    /// Sigmoid/Tanh fast paths are MLAS's approximations: within 2.5e-7 (2 ulps of 1) of the exact reference
    /// kernels (absolute; values are in [-1, 1]), NaN preserved.
    @Test func mlasSigmoidTanhCloseToReference() throws {
        let values = (0..<2001).map { Float($0 - 1000) / 50 } + [.nan, .infinity, -.infinity]
        let x = Tensor(shape: [Int64(values.count)], values: values)
        for op in ["Sigmoid", "Tanh"] {
            let node = Node(opType: op, inputs: ["i0"], outputs: ["y"])
            let expected = try #require(try run(StandardOps.registry, node, [x])?.values(as: Float.self))
            let got = try #require(try run(FastOps.registry, node, [x])?.values(as: Float.self))
            var worst: Float = 0
            for (g, e) in zip(got, expected) {
                if e.isNaN {
                    #expect(g.isNaN)
                    continue
                }
                worst = max(worst, abs(g - e))
            }
            #expect(worst <= 2.5e-7, "\(op): max error \(worst)")
            let mlas = values.map { op == "Sigmoid" ? MlasMath.logistic($0) : MlasMath.tanh($0) }
            #expect(got.map(\.bitPattern) == mlas.map(\.bitPattern), "\(op) is MLAS bit for bit")
        }
    }

    /// ArgMax/ArgMin fast paths equal the reference exactly (ties, select_last_index, axes);
    /// Softmax/LogSoftmax/Erf in float32 are within 1e-6 (relative to max(1, |y|)).
    @Test func reductionFastPathsMatchReference() throws {
        var x = tensor([2, 3, 5], seed: 3)
        for axis in [0, 1, 2, -1] as [Int64] {
            for last in [0, 1] as [Int64] {
                for keep in [0, 1] as [Int64] {
                    let attrs = [
                        Attribute(name: "axis", value: .int(axis)),
                        Attribute(name: "select_last_index", value: .int(last)),
                        Attribute(name: "keepdims", value: .int(keep)),
                    ]
                    try check("ArgMax", [x], attrs: attrs)
                    try check("ArgMin", [x], attrs: attrs)
                }
            }
        }
        x = Tensor(shape: [3, 4, 50], values: (0..<600).map { Float(($0 * 7919) % 613) / 37 - 8 })
        for op in ["Softmax", "LogSoftmax", "Erf"] {
            let node = Node(opType: op, inputs: ["i0"], outputs: ["y"])
            let e = try #require(try run(StandardOps.registry, node, [x])?.values(as: Float.self))
            let g = try #require(try run(FastOps.registry, node, [x])?.values(as: Float.self))
            let worst = zip(g, e).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
            #expect(worst < 1e-6, "\(op): \(worst)")
        }
    }
}

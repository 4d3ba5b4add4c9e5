import Foundation
import KilnIR
import KilnOps
import Testing

@testable import KilnRuntime

/// The C window and element-wise kernels behind FastPool, FastBatchNormalization and the
/// depthwise path, against the reference ops on random data and odd geometries.
@Suite struct PerfKernelTests {
    typealias Rng = NNFastKernelTests.Rng

    struct PoolCase: Sendable, CustomStringConvertible {
        var x: [Int64], kernel: [Int64], strides: [Int64], pads: [Int64], dilations: [Int64]
        var ceil: Int64, includePad: Int64
        var description: String {
            "x\(x) k\(kernel) s\(strides) p\(pads) d\(dilations) ceil\(ceil) inc\(includePad)"
        }
    }

    static let poolCases: [PoolCase] = [
        PoolCase(x: [1, 3, 13, 13], kernel: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1],
                 dilations: [1, 1], ceil: 0, includePad: 0),
        PoolCase(x: [2, 2, 14, 14], kernel: [3, 3], strides: [2, 2], pads: [0, 0, 1, 1],
                 dilations: [1, 1], ceil: 0, includePad: 1),
        PoolCase(x: [1, 4, 28, 30], kernel: [3, 3], strides: [1, 1], pads: [1, 1, 1, 1],
                 dilations: [1, 1], ceil: 0, includePad: 0),
        PoolCase(x: [1, 2, 10, 11], kernel: [3, 2], strides: [2, 3], pads: [0, 1, 2, 0],
                 dilations: [2, 1], ceil: 1, includePad: 1),
        PoolCase(x: [1, 2, 7, 7], kernel: [7, 7], strides: [1, 1], pads: [0, 0, 0, 0],
                 dilations: [1, 1], ceil: 0, includePad: 0),
        PoolCase(x: [1, 1, 9, 9], kernel: [2, 4], strides: [3, 2], pads: [1, 2, 1, 0],
                 dilations: [1, 2], ceil: 1, includePad: 0),
        // Enough planes to be split across threads.
        PoolCase(x: [2, 20, 64, 64], kernel: [3, 3], strides: [2, 2], pads: [1, 1, 0, 0],
                 dilations: [1, 1], ceil: 1, includePad: 1),
    ]

    @Test(arguments: poolCases)
    func poolingMatchesReference(_ c: PoolCase) throws {
        var rng = Rng(state: UInt64(c.x.reduce(5, *)))
        var values = rng.floats(Int(c.x.reduce(1, *)))
        values[3] = -.infinity
        let x = Tensor(shape: c.x, values: values)
        let attrs = [
            Attribute(name: "kernel_shape", value: .ints(c.kernel)),
            Attribute(name: "strides", value: .ints(c.strides)),
            Attribute(name: "pads", value: .ints(c.pads)),
            Attribute(name: "dilations", value: .ints(c.dilations)),
            Attribute(name: "ceil_mode", value: .int(c.ceil)),
            Attribute(name: "count_include_pad", value: .int(c.includePad)),
        ]
        for (op, isMax) in [("MaxPool", true), ("AveragePool", false)] {
            let node = Node(opType: op, inputs: ["x"], outputs: ["y"], attributes: attrs)
            let ctx = KernelContext(node: node, opsetVersion: 19, inputs: [.tensor(x)])
            let reference: any OpDefinition = isMax ? MaxPool() : AveragePool()
            let want = try #require(try reference.run(ctx).first?.tensor)
            let got = try #require(
                try FastPool(isMax: isMax).run(ifSupported: ctx)?.first?.tensor)
            #expect(got.shape == want.shape, "\(op) \(c)")
            let a = try #require(got.values(as: Float.self))
            let b = try #require(want.values(as: Float.self))
            #expect(!a.isEmpty)
            if isMax {
                #expect(a == b, "\(op) \(c)")  // max is exact
            } else {
                #expect(NNFastKernelTests.maxRelativeError(a, b) < 1e-5, "\(op) \(c)")
            }
            // Planes split across threads: the same bytes as one thread.
            let threaded = KernelContext(
                node: node, opsetVersion: 19, inputs: [.tensor(x)], threads: 3)
            let split = try #require(
                try FastPool(isMax: isMax).run(ifSupported: threaded)?.first?.tensor)
            #expect(split == got, "\(op) \(c) on 3 threads")
        }
    }

    /// Depthwise convolution without bias, wide rows and 5×5/4-wide kernels, on every ISA path.
    @Test(arguments: [(3, 3, 1, 1, 1), (5, 5, 2, 1, 2), (3, 4, 1, 2, 0), (1, 7, 2, 1, 3)])
    func depthwiseWithoutBias(kh: Int64, kw: Int64, stride: Int64, dilation: Int64, pad: Int64)
        throws
    {
        var rng = Rng(state: UInt64(kh * 100 + kw * 10 + stride))
        let x = Tensor(shape: [2, 3, 11, 37], values: rng.floats(2 * 3 * 11 * 37))
        let w = Tensor(shape: [3, 1, kh, kw], values: rng.floats(Int(3 * kh * kw)))
        let node = Node(
            opType: "Conv", inputs: ["x", "w"], outputs: ["y"],
            attributes: [
                Attribute(name: "group", value: .int(3)),
                Attribute(name: "strides", value: .ints([stride, stride])),
                Attribute(name: "dilations", value: .ints([dilation, dilation])),
                Attribute(name: "pads", value: .ints([pad, pad, pad + 1, pad])),
            ])
        let ctx = KernelContext(node: node, opsetVersion: 11, inputs: [.tensor(x), .tensor(w)])
        let want = try #require(try Conv().run(ctx).first?.tensor?.values(as: Float.self))
        #expect(!want.isEmpty)
        for isa in NNFastKernelTests.paths {
            let got = try #require(
                try Conv(kernels: .fast(isa: isa)).run(ctx).first?.tensor?.values(as: Float.self))
            #expect(NNFastKernelTests.maxRelativeError(got, want) < 1e-5, "\(isa)")
        }
    }

    /// The standalone BatchNormalization fast path against the reference op.
    @Test func batchNormalizationMatchesReference() throws {
        var rng = Rng(state: 77)
        let x = Tensor(shape: [2, 3, 5, 4], values: rng.floats(120))
        let params = (0..<4).map { i in
            Tensor(shape: [3], values: rng.floats(3).map { i == 3 ? abs($0) + 0.5 : $0 })
        }
        let node = Node(
            opType: "BatchNormalization", inputs: ["x", "s", "b", "m", "v"], outputs: ["y"])
        let ctx = KernelContext(
            node: node, opsetVersion: 15, inputs: [.tensor(x)] + params.map { .tensor($0) })
        let want = try #require(
            try BatchNormalization().run(ctx).first?.tensor?.values(as: Float.self))
        let got = try #require(
            try FastBatchNormalization().run(ifSupported: ctx)?.first?.tensor?
                .values(as: Float.self))
        #expect(NNFastKernelTests.maxRelativeError(got, want) < 1e-6)
    }
}

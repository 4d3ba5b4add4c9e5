import Foundation
import KilnIR
import KilnOps
import KilnRuntime
import Testing

/// The fused im2col + GEMM convolution (`ckiln_conv_sgemm`, B panels packed straight from the
/// image, bias written with the first K block) against the reference Conv, on every ISA path,
/// and its output bytes with 1, 2 and 3 threads (groups and column or row blocks split across
/// threads must not change a bit).
@Suite struct FastConvGemmTests {
    typealias ConvCase = NNFastKernelTests.ConvCase

    static let cases: [ConvCase] = [
        // Column blocks across threads; 3x3 pad 1 (every edge segment of a row).
        ConvCase(x: [1, 16, 30, 33], w: [40, 16, 3, 3], group: 1, strides: [1, 1],
                 pads: [1, 1, 1, 1], dilations: [1, 1], autoPad: "NOTSET"),
        // Many output channels on a 7x7 map: row blocks balance better than column blocks.
        ConvCase(x: [1, 64, 7, 7], w: [256, 64, 3, 3], group: 1, strides: [1, 1],
                 pads: [1, 1, 1, 1], dilations: [1, 1], autoPad: "NOTSET"),
        // 150 channels, 63 positions: 16-column blocks.
        ConvCase(x: [1, 96, 7, 9], w: [150, 96, 3, 3], group: 1, strides: [1, 1],
                 pads: [1, 1, 1, 1], dilations: [1, 1], autoPad: "NOTSET"),
        // Groups, stride 2, dilation 2, asymmetric pads, two images.
        ConvCase(x: [2, 12, 20, 21], w: [18, 4, 3, 3], group: 3, strides: [2, 2],
                 pads: [0, 2, 1, 1], dilations: [2, 2], autoPad: "NOTSET"),
        // Grouped 1x1 stride 1: the direct path (x is the GEMM's B), groups across threads.
        ConvCase(x: [1, 24, 13, 11], w: [36, 8, 1, 1], group: 3, strides: [1, 1],
                 pads: [0, 0, 0, 0], dilations: [1, 1], autoPad: "NOTSET"),
        // 1x1 stride 2 (unfolded, not direct).
        ConvCase(x: [1, 8, 15, 17], w: [12, 8, 1, 1], group: 1, strides: [2, 2],
                 pads: [0, 0, 0, 0], dilations: [1, 1], autoPad: "NOTSET"),
        // K = 360 crosses the 256-deep K block (bias only in the first).
        ConvCase(x: [1, 40, 9, 9], w: [20, 40, 3, 3], group: 1, strides: [1, 1],
                 pads: [1, 1, 1, 1], dilations: [1, 1], autoPad: "NOTSET"),
        // N = 2350 crosses the 2048-wide N block; 3 input channels (a first layer).
        ConvCase(x: [1, 3, 50, 47], w: [7, 3, 3, 3], group: 1, strides: [1, 1],
                 pads: [1, 1, 1, 1], dilations: [1, 1], autoPad: "NOTSET"),
        // Stride 3 wider than the kernel, pads larger than the dilated tap offset.
        ConvCase(x: [1, 5, 19, 23], w: [9, 5, 2, 5], group: 1, strides: [3, 3],
                 pads: [3, 4, 2, 3], dilations: [1, 2], autoPad: "NOTSET"),
        // 1-D with stride and dilation.
        ConvCase(x: [2, 6, 101], w: [10, 6, 4], group: 1, strides: [2], pads: [3, 1],
                 dilations: [3], autoPad: "NOTSET"),
        // A single output channel per group (M = 1 on the tiled path).
        ConvCase(x: [1, 4, 9, 10], w: [2, 2, 3, 3], group: 2, strides: [1, 1],
                 pads: [1, 1, 1, 1], dilations: [1, 1], autoPad: "NOTSET"),
    ]

    static func run(
        _ c: ConvCase, kernels: NNKernels, threads: Int, bias: Bool = true
    ) throws -> Tensor {
        var rng = NNFastKernelTests.Rng(state: UInt64(c.x.reduce(5, *) &+ c.w.reduce(9, *)))
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
        let inputs = bias ? ["x", "w", "b"] : ["x", "w"]
        let node = Node(opType: "Conv", inputs: inputs, outputs: ["y"], attributes: attrs)
        let values: [Value] = bias ? [.tensor(x), .tensor(w), .tensor(b)] : [.tensor(x), .tensor(w)]
        let ctx = KernelContext(node: node, opsetVersion: 22, inputs: values, threads: threads)
        return try #require(try Conv(kernels: kernels).run(ctx).first?.tensor)
    }

    @Test(arguments: cases)
    func matchesReferenceAndThreadCounts(_ c: ConvCase) throws {
        for bias in [true, false] {
            let ref = try Self.run(c, kernels: .reference, threads: 1, bias: bias)
            let refValues = try #require(ref.values(as: Float.self))
            #expect(!refValues.isEmpty)
            for isa in NNFastKernelTests.paths {
                let one = try Self.run(c, kernels: .fast(isa: isa), threads: 1, bias: bias)
                #expect(one.shape == ref.shape)
                let got = try #require(one.values(as: Float.self))
                let err = NNFastKernelTests.maxRelativeError(got, refValues)
                #expect(err < 1e-4, "\(isa) \(c) bias \(bias): \(err)")
                for threads in [2, 3] {
                    let many = try Self.run(
                        c, kernels: .fast(isa: isa), threads: threads, bias: bias)
                    #expect(many.data == one.data, "\(isa) \(c) bias \(bias): \(threads) threads")
                }
            }
        }
    }
}

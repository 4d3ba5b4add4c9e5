import Foundation
import KilnIR
import KilnOps
import Testing

@testable import KilnRuntime

/// `DynamicQuantizeLinear`'s fast variant against the reference kernel, on every ISA path.
@Suite struct FastDynamicQuantizeTests {
    typealias Rng = NNFastKernelTests.Rng

    static func context(_ values: [Float]) -> KernelContext {
        let node = Node(
            opType: "DynamicQuantizeLinear", inputs: ["x"], outputs: ["y", "s", "z"])
        let x = Tensor(shape: [Int64(values.count)], values: values)
        return KernelContext(node: node, opsetVersion: 11, inputs: [.tensor(x)])
    }

    /// Sizes around the 16-lane vector tail, ranges all positive, all negative and mixed, and
    /// NaN elements (which quantize to the zero point).
    @Test(arguments: [1, 15, 16, 17, 100, 4099])
    func matchesReference(count: Int) throws {
        var rng = Rng(state: UInt64(count))
        let cases: [[Float]] = [
            rng.floats(count).map { $0 * 7 },
            rng.floats(count).map { abs($0) + 0.25 },
            rng.floats(count).map { -abs($0) * 3 - 1 },
            rng.floats(count).enumerated().map { $0.offset % 5 == 2 ? .nan : $0.element },
        ]
        for isa in NNFastKernelTests.paths {
            let variant = FastDynamicQuantizeLinear(kernels: .fast(isa: isa))
            for values in cases {
                let ctx = Self.context(values)
                let want = try DynamicQuantizeLinear().run(ctx)
                let got = try #require(try variant.run(ifSupported: ctx), "\(isa) declined")
                #expect(got == want, "\(isa), \(count) elements")
            }
        }
    }

    /// An all-zero input (scale 0 in the reference, 1 in the kernel) is declined, and the
    /// registry's row still gives the reference result.
    @Test func degenerateRangeGoesToTheReference() throws {
        let ctx = Self.context([Float](repeating: 0, count: 40))
        #expect(try FastDynamicQuantizeLinear(kernels: .fast).run(ifSupported: ctx) == nil)
        let op = try #require(FastOps.registry.lookup(domain: "", opType: "DynamicQuantizeLinear"))
        #expect(try op.run(ctx) == DynamicQuantizeLinear().run(ctx))
    }
}

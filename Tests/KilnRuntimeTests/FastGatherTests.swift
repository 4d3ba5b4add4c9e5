import Foundation
import KilnIR
import KilnOps
import KilnRuntime
import Testing

/// The slice-copying Gather and Slice against the reference kernels, byte for byte, on several
/// element types, axes, negative indices and steps; out-of-range Gather indices still throw.
@Suite struct FastGatherTests {
    static let gatherCases: [([Int64], Int, [Int64], [Int64])] = [
        ([7, 5], 0, [2, -1, 0, 6], [4]),
        ([3, 4, 5], 1, [3, 0, -4], [3]),
        ([3, 4, 5], 2, [1, 1, 4, 0], [2, 2]),
        ([6], 0, [5], []),
        ([2, 0, 3], 2, [0, 2], [2]),
    ]

    @Test(arguments: gatherCases)
    func matchesReference(shape: [Int64], axis: Int, indices: [Int64], indexShape: [Int64])
        throws
    {
        let n = Int(shape.reduce(1, *))
        let tensors = [
            Tensor(shape: shape, values: (0..<n).map { Float($0) * 0.5 - 3 }),
            Tensor(shape: shape, values: (0..<n).map { UInt8($0 % 256) }),
            Tensor(shape: shape, values: (0..<n).map { Int64($0) - 40 }),
        ]
        let node = Node(
            opType: "Gather", inputs: ["x", "i"], outputs: ["y"],
            attributes: [Attribute(name: "axis", value: .int(Int64(axis)))])
        let fast = try #require(FastOps.registry.lookup(domain: "", opType: "Gather"))
        let ref = try #require(StandardOps.registry.lookup(domain: "", opType: "Gather"))
        for x in tensors {
            for asInt32 in [false, true] {
                let i = asInt32
                    ? Tensor(shape: indexShape, values: indices.map { Int32($0) })
                    : Tensor(shape: indexShape, values: indices)
                let ctx = KernelContext(
                    node: node, opsetVersion: 13, inputs: [.tensor(x), .tensor(i)])
                let got = try #require(try fast.run(ctx).first?.tensor)
                let want = try #require(try ref.run(ctx).first?.tensor)
                #expect(got == want, "\(x.elementType) \(shape) axis \(axis)")
            }
        }
        let bad = KernelContext(
            node: node, opsetVersion: 13,
            inputs: [.tensor(tensors[0]), .tensor(Tensor(shape: [1], values: [Int64(99)]))])
        #expect(throws: KilnError.self) { try fast.run(bad) }
    }

    static let sliceCases: [([Int64], [Int64], [Int64], [Int64], [Int64])] = [
        ([4, 6], [1, 0], [3, 6], [0, 1], [1, 2]),
        ([2, 3, 8], [0, -5], [9, -1], [0, 2], [1, 1]),
        ([2, 3, 8], [7, 2], [-100, 0], [2, 1], [-2, -1]),
        ([5, 4], [-1], [-6], [0], [-1]),
        ([3, 4, 5], [1, 0], [1, 4], [0, 2], [1, 3]),
        ([10], [2], [Int64.max], [0], [3]),
    ]

    @Test(arguments: sliceCases)
    func sliceMatchesReference(
        shape: [Int64], starts: [Int64], ends: [Int64], axes: [Int64], steps: [Int64]
    ) throws {
        let n = Int(shape.reduce(1, *))
        let tensors = [
            Tensor(shape: shape, values: (0..<n).map { Float($0) * 0.25 }),
            Tensor(shape: shape, values: (0..<n).map { Int8(truncatingIfNeeded: $0 * 7) }),
            Tensor(shape: shape, values: (0..<n).map { Int64($0) * 3 }),
        ]
        let node = Node(
            opType: "Slice", inputs: ["x", "s", "e", "a", "p"], outputs: ["y"])
        let fast = try #require(FastOps.registry.lookup(domain: "", opType: "Slice"))
        let ref = try #require(StandardOps.registry.lookup(domain: "", opType: "Slice"))
        for x in tensors {
            let operands = [starts, ends, axes, steps].map {
                Value.tensor(Tensor(shape: [Int64($0.count)], values: $0))
            }
            let ctx = KernelContext(
                node: node, opsetVersion: 13, inputs: [.tensor(x)] + operands.map { $0 })
            let got = try #require(try fast.run(ctx).first?.tensor)
            let want = try #require(try ref.run(ctx).first?.tensor)
            #expect(got == want, "\(x.elementType) \(shape) \(starts) \(ends) \(steps)")
        }
    }
}

import Foundation
import KilnIR
import KilnOps
import KilnRuntime
import Testing

/// The float32 trailing-axes ReduceMean/ReduceSum against the reference reductions, bit for bit
/// (including axes it hands back to the reference).
@Suite struct FastTrailingReduceTests {
    static let cases: [([Int64], [Int64], Int64)] = [
        ([1, 16, 48, 80], [2, 3], 1),
        ([2, 3, 5, 7], [-1], 0),
        ([2, 3, 5, 7], [1, 2, 3], 1),
        ([4, 9], [0], 1),
        ([2, 3, 4], [0, 2], 0),
        ([3, 0, 2], [1, 2], 1),
    ]

    @Test(arguments: cases)
    func matchesReference(shape: [Int64], axes: [Int64], keepdims: Int64) throws {
        let n = Int(shape.reduce(1, *))
        let x = Tensor(shape: shape, values: (0..<n).map { Float(($0 * 7919) % 1013) / 97 - 5 })
        for (op, opset) in [("ReduceMean", Int64(18)), ("ReduceMean", 13), ("ReduceSum", 13)] {
            let axesAsInput = opset >= (op == "ReduceSum" ? 13 : 18)
            var attrs = [Attribute(name: "keepdims", value: .int(keepdims))]
            if !axesAsInput { attrs.append(Attribute(name: "axes", value: .ints(axes))) }
            let node = Node(
                opType: op, inputs: axesAsInput ? ["x", "axes"] : ["x"], outputs: ["y"],
                attributes: attrs)
            var inputs: [Value?] = [.tensor(x)]
            if axesAsInput { inputs.append(.tensor(Tensor(shape: [Int64(axes.count)], values: axes))) }
            let ctx = KernelContext(node: node, opsetVersion: opset, inputs: inputs)
            let fast = try #require(FastOps.registry.lookup(domain: "", opType: op))
            let ref = try #require(StandardOps.registry.lookup(domain: "", opType: op))
            let got = try #require(try fast.run(ctx).first?.tensor)
            let want = try #require(try ref.run(ctx).first?.tensor)
            #expect(got.shape == want.shape && got.data == want.data, "\(op)\(opset) \(shape) \(axes)")
        }
    }
}

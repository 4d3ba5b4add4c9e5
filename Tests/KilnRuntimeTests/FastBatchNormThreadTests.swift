import Foundation
import KilnIR
import KilnOps
import KilnRuntime
import Testing

/// The float32 BatchNormalization fast path splits (image, channel) planes across threads:
/// against the reference op, and bit-identical with 1, 2 and 3 threads, including ranges that
/// start and end in the middle of an image's channels.
@Suite struct FastBatchNormThreadTests {
    @Test(arguments: [
        [2, 7, 123, 129], [3, 5, 1, 1], [1, 33, 96, 96], [5, 3, 70, 70], [4, 3, 9000],
    ] as [[Int64]])
    func matchesReferenceAndThreadCounts(_ shape: [Int64]) throws {
        var rng = NNFastKernelTests.Rng(state: UInt64(shape.reduce(1, *)))
        let c = Int(shape[1])
        let x = Tensor(shape: shape, values: rng.floats(Int(shape.reduce(1, *))))
        let gamma = Tensor(shape: [shape[1]], values: rng.floats(c))
        let beta = Tensor(shape: [shape[1]], values: rng.floats(c))
        let mean = Tensor(shape: [shape[1]], values: rng.floats(c))
        let variance = Tensor(shape: [shape[1]], values: rng.floats(c).map { $0 + 1 })
        let node = Node(
            opType: "BatchNormalization", inputs: ["x", "g", "b", "m", "v"], outputs: ["y"])
        let inputs: [Value] = [x, gamma, beta, mean, variance].map { .tensor($0) }
        func run(_ registry: OpRegistry, threads: Int) throws -> Tensor {
            let op = try #require(registry.lookup(domain: "", opType: "BatchNormalization"))
            let ctx = KernelContext(node: node, opsetVersion: 15, inputs: inputs, threads: threads)
            return try #require(try op.run(ctx).first?.tensor)
        }
        let ref = try run(StandardOps.registry, threads: 1)
        let one = try run(FastOps.registry, threads: 1)
        let err = NNFastKernelTests.maxRelativeError(
            try #require(one.values(as: Float.self)), try #require(ref.values(as: Float.self)))
        #expect(err < 1e-5, "\(shape): \(err)")
        for threads in [2, 3] {
            let many = try run(FastOps.registry, threads: threads)
            #expect(many.data == one.data, "\(shape) \(threads) threads")
        }
    }
}

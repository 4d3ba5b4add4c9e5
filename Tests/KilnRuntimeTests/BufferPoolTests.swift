import Foundation
import KilnIR
import KilnOps
import Testing

@testable import KilnRuntime

/// Output buffers reused across runs: a run reuses only buffers nothing refers to any more, so
/// outputs a caller holds are never overwritten by a later run.
@Suite struct BufferPoolTests {
    /// y = Relu(x + x) on [64, 64] float32 (16 KiB values, above the pooling threshold).
    static func model() -> Model {
        let g = Graph(
            name: "g",
            inputs: [
                ValueInfo(name: "x", tensor: TensorType(.float32, shape: [.known(64), .known(64)]))
            ],
            outputs: [ValueInfo(name: "y", tensor: TensorType(.float32, shape: nil))],
            nodes: [
                Node(name: "add", opType: "Add", inputs: ["x", "x"], outputs: ["t"]),
                Node(name: "relu", opType: "Relu", inputs: ["t"], outputs: ["y"]),
            ])
        return Model(graph: g)
    }

    static func address(_ v: Value?) -> Int? {
        v?.tensor?.data.withUnsafeBytes { Int(bitPattern: $0.baseAddress) }
    }

    @Test func heldOutputsAreNeverReusedAndDroppedOnesAre() throws {
        let plan = try InferencePlan(model: Self.model())
        let a = Tensor(shape: [64, 64], values: (0..<4096).map { Float($0 % 7) - 3 })
        let b = Tensor(shape: [64, 64], values: (0..<4096).map { Float($0 % 5) - 1 })
        let first = try plan.run(["x": .tensor(a)])["y"]
        let wantFirst = try #require(first?.tensor?.values(as: Float.self))
        #expect(wantFirst == a.values(as: Float.self)?.map { max($0 + $0, 0) })
        // The intermediate `t` died during the run: its buffer is back in the pool.
        #expect(plan.pool.heldBytes == 4096 * 4)
        let second = try plan.run(["x": .tensor(b)])["y"]
        #expect(Self.address(second) != Self.address(first))
        #expect(first?.tensor?.values(as: Float.self) == wantFirst)
        let wantSecond = b.values(as: Float.self)?.map { max($0 + $0, 0) }
        #expect(second?.tensor?.values(as: Float.self) == wantSecond)
        // Dropping the first output gives its buffer back; the third run then takes both of
        // its buffers from the pool (one fresh allocation would leave 32 KiB held).
        _ = consume first
        #expect(plan.pool.heldBytes == 2 * 4096 * 4)
        let third = try plan.run(["x": .tensor(a)])["y"]
        #expect(third?.tensor?.values(as: Float.self) == wantFirst)
        #expect(plan.pool.heldBytes == 4096 * 4)
        #expect(Self.address(third) != Self.address(second))
        #expect(second?.tensor?.values(as: Float.self) == wantSecond)
    }
}

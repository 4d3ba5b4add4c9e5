import Foundation
import KilnIR
import KilnOps
import Testing

@testable import KilnRuntime

/// The dispatch table: fast kernels are variants of their op, tried in order, and the op's
/// reference kernel runs every case they decline.
@Suite struct DispatchTableTests {
    /// A variant that accepts only int32 inputs and marks its result, to see which ran.
    struct Int32Only: KernelVariant {
        var domain: String { "" }
        var opType: String { "Relu" }
        func run(ifSupported context: KernelContext) throws -> [Value]? {
            guard try context.tensor(0).elementType == .int32 else { return nil }
            return [.tensor(Tensor(shape: [1], values: [Int32(42)]))]
        }
    }

    @Test func variantsRunInOrderAndDeclinedCasesReachTheReference() throws {
        var r = StandardOps.registry
        r.addVariant(Int32Only())
        let row = try #require(r.lookup(domain: "", opType: "Relu") as? DispatchedOp)
        #expect(row.variants.count == 1)
        #expect(!(row.reference is DispatchedOp))
        let node = Node(opType: "Relu", inputs: ["x"], outputs: ["y"])
        let i = Tensor(shape: [2], values: [Int32(-1), 3])
        let ints = KernelContext(node: node, opsetVersion: 14, inputs: [.tensor(i)])
        #expect(try row.run(ints).first?.tensor?.values(as: Int32.self) == [42])
        let f = Tensor(shape: [2], values: [Float(-1), 3])
        let floats = KernelContext(node: node, opsetVersion: 14, inputs: [.tensor(f)])
        #expect(try row.run(floats).first?.tensor?.values(as: Float.self) == [0, 3])
    }

    @Test func addingToAnUnregisteredOpDoesNothing() {
        var r = OpRegistry()
        r.addVariant(Int32Only())
        #expect(r.lookup(domain: "", opType: "Relu") == nil)
    }

    /// Add's row holds the block-broadcast and the general-broadcast variants; an int64 Add
    /// (declined by both) still gives the reference kernel's result, a float one the variants'.
    @Test func fastAddRowMatchesTheReference() throws {
        let row = try #require(FastOps.registry.lookup(domain: "", opType: "Add") as? DispatchedOp)
        #expect(row.variants.count == 2)
        #expect(!(row.reference is DispatchedOp))
        let node = Node(opType: "Add", inputs: ["a", "b"], outputs: ["y"])
        let ia = Tensor(shape: [2, 3], values: [Int64(1), 2, 3, 4, 5, 6])
        let ib = Tensor(shape: [3], values: [Int64(10), 20, 30])
        let ictx = KernelContext(node: node, opsetVersion: 14, inputs: [.tensor(ia), .tensor(ib)])
        for v in row.variants { #expect(try v.run(ifSupported: ictx) == nil) }
        #expect(try row.run(ictx) == row.reference.run(ictx))
        let fa = Tensor(shape: [2, 1, 3], values: (0..<6).map { Float($0) * 0.5 })
        let fb = Tensor(shape: [2, 1], values: [Float(1), -2])
        let fctx = KernelContext(node: node, opsetVersion: 14, inputs: [.tensor(fa), .tensor(fb)])
        #expect(try row.variants[1].run(ifSupported: fctx) != nil)
        #expect(try row.run(fctx) == row.reference.run(fctx))
    }
}

import Foundation
import KilnIR
import KilnOps
import KilnRuntime
import Testing

@testable import KilnLite

/// fp16 models in `.klite`: float16 initializers stay float16 in the file (2 bytes per value),
/// and the runtime runs a model that computes in float16 between Casts at its float32
/// boundaries, matching the same model with the weights widened to float32 within float16
/// precision.
@Suite struct LiteFloat16Tests {
    static func model(weights type: ElementType) -> Model {
        var state: UInt64 = 5
        func next() -> Float {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(state >> 40) / Float(1 << 24) - 0.5
        }
        let wv = (0..<(3 * 2 * 3 * 3)).map { _ in next() }
        let bv = (0..<3).map { _ in next() }
        func tensor(_ name: String, _ shape: [Int64], _ v: [Float]) -> Tensor {
            // The same float16-representable values either way.
            let bits = v.map { Float16($0).bitPattern }
            if type == .float16 {
                let data = bits.withUnsafeBytes { Data($0) }
                return Tensor(name: name, elementType: .float16, shape: shape, data: data)
            }
            return Tensor(
                name: name, shape: shape, values: bits.map { Float(Float16(bitPattern: $0)) })
        }
        var nodes: [Node] = []
        var x = "x"
        if type == .float16 {
            nodes.append(
                Node(
                    opType: "Cast", inputs: ["x"], outputs: ["xh"],
                    attributes: [Attribute(name: "to", value: .int(10))]))
            x = "xh"
        }
        nodes.append(
            Node(
                opType: "Conv", inputs: [x, "W", "B"], outputs: ["c"],
                attributes: [Attribute(name: "pads", value: .ints([1, 1, 1, 1]))]))
        nodes.append(Node(opType: "Relu", inputs: ["c"], outputs: type == .float16 ? ["r"] : ["y"]))
        if type == .float16 {
            nodes.append(
                Node(
                    opType: "Cast", inputs: ["r"], outputs: ["y"],
                    attributes: [Attribute(name: "to", value: .int(1))]))
        }
        let graph = Graph(
            name: "fp16",
            inputs: [ValueInfo(name: "x", tensor: TensorType(.float32, [1, 2, 5, 5]))],
            outputs: [ValueInfo(name: "y", tensor: TensorType(.float32, [1, 3, 5, 5]))],
            initializers: [tensor("W", [3, 2, 3, 3], wv), tensor("B", [3], bv)],
            nodes: nodes)
        return Model(opsetImports: [OpsetImport(domain: "", version: 17)], graph: graph)
    }

    @Test func float16WeightsStayFloat16AndRun() throws {
        let half = Self.model(weights: .float16)
        let bytes = try LiteWriter().serialize(half)
        let back = try LiteReader(options: .init(verifyWeights: true)).read(bytes)
        #expect(back.graph.initializers.count == 2)
        for t in back.graph.initializers {
            #expect(t.elementType == .float16, "\(t.name) is \(t.elementType.name) in the file")
            #expect(t.data.count == 2 * (t.elementCount ?? -1), "\(t.name) payload size")
        }
        var values: [Float] = []
        for i in 0..<50 { values.append(Float(i % 7) / 3 - 1) }
        let feeds: [String: Value] = [
            "x": .tensor(Tensor(name: "x", shape: [1, 2, 5, 5], values: values))
        ]
        let y16 = try #require(
            try InferencePlan(model: back).run(feeds)["y"]?.tensor?.values(as: Float.self))
        let y32 = try #require(
            try InferencePlan(model: Self.model(weights: .float32)).run(feeds)["y"]?.tensor?
                .values(as: Float.self))
        #expect(y16.count == 75)
        var worst: Float = 0
        for (a, b) in zip(y16, y32) { worst = max(worst, abs(a - b) / max(1, abs(b))) }
        // float16 has an 11-bit significand: results agree to about 1e-3, not to float32's 1e-6.
        #expect(worst < 1e-2, "fp16 vs fp32 worst relative error \(worst)")
        #expect(y16.contains { $0 > 0 } && y16.contains { $0 == 0 }, "Relu should clip some values")
    }
}

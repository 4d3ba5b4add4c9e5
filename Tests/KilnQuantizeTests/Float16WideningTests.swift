import Foundation
import KilnIR
import KilnOps
import KilnQuantize
import KilnRuntime
import KilnTestSupport
import Testing

/// fp16 models run in float32 at plan time (`InferenceOptions.widenFloat16`): checked against
/// the float16 reference run and the float model.
@Suite struct Float16WideningTests {
    /// The output's cosine and max abs error against `expected`.
    static func compare(_ a: Tensor, _ b: Tensor) throws -> (cosine: Double, maxAbs: Double) {
        let c = try TensorComparison(actual: a, expected: b, rtol: 0, atol: 0)
        return (c.cosineSimilarity, c.maxAbsoluteError)
    }

    @Test func quantizedFp16ModelRunsWidenedAndMatchesBothReferences() throws {
        let cnn = try QuantFixtures.model("small_cnn")
        let samples = try CalibrationSet.random(graph: cnn.graph, count: 4, seed: 5)
        let (half, summary) = try QuantFixtures.quantize(cnn, .fp16, samples: samples)
        #expect(summary.float16Nodes > 0)
        #expect(half.graph.initializers.contains { $0.elementType == .float16 })
        let widened = try InferencePlan(model: half)
        // Every float16 constant was widened when the plan was built.
        #expect(!widened.graph.initializers.contains { $0.elementType == .float16 })
        #expect(
            !widened.graph.nodes.contains {
                $0.opType == "Cast" && $0.attribute("to")?.int == Int64(ElementType.float16.rawValue)
            })
        var strict = InferenceOptions()
        strict.widenFloat16 = false
        let float16 = try InferencePlan(model: half, options: strict)
        let float32 = try InferencePlan(model: cnn)
        for feed in samples.samples {
            let w = try #require(try widened.run(feed)["logits"]?.tensor)
            let h = try #require(try float16.run(feed)["logits"]?.tensor)
            let f = try #require(try float32.run(feed)["logits"]?.tensor)
            #expect(w.elementType == .float32)
            let vsHalf = try Self.compare(w, h)
            let vsFloat = try Self.compare(w, f)
            let halfVsFloat = try Self.compare(h, f)
            // float16 tolerance against the float16 run; and no further from the float model
            // than float16 arithmetic is (only the weights are rounded).
            #expect(vsHalf.maxAbs <= 1e-2, "widened vs float16: \(vsHalf)")
            #expect(vsFloat.maxAbs <= halfVsFloat.maxAbs, "\(vsFloat) vs \(halfVsFloat)")
            #expect(vsFloat.cosine > 0.99999, "widened vs float32: \(vsFloat)")
        }
    }

    /// A float16 model interface (as onnxruntime's converter writes without keep_io_types):
    /// the plan still takes and returns float16.
    @Test func float16InputsAndOutputsKeepTheirType() throws {
        let w: [Float] = (0..<12).map { Float($0) / 8 - 0.7 }
        let g = Graph(
            name: "g",
            inputs: [ValueInfo(name: "x", tensor: TensorType(.float16, [2, 4]))],
            outputs: [ValueInfo(name: "y", tensor: TensorType(.float16, [2, 3]))],
            initializers: [Tensor(shape: [4, 3], elements: w.map { Float16($0) }, name: "w")],
            nodes: [
                Node(name: "mm", opType: "MatMul", inputs: ["x", "w"], outputs: ["h"]),
                Node(name: "relu", opType: "Relu", inputs: ["h"], outputs: ["y"]),
            ])
        let model = Model(opsetImports: [OpsetImport(domain: "", version: 17)], graph: g)
        let x = Tensor(shape: [2, 4], elements: (0..<8).map { Float16(Float($0) / 4 - 1) })
        var strict = InferenceOptions()
        strict.widenFloat16 = false
        let got = try #require(try InferencePlan(model: model).run(["x": .tensor(x)])["y"]?.tensor)
        let want = try #require(
            try InferencePlan(model: model, options: strict).run(["x": .tensor(x)])["y"]?.tensor)
        #expect(got.elementType == .float16)
        #expect(got.shape == [2, 3])
        #expect(try Self.compare(got, want).maxAbs <= 1e-2)
    }
}

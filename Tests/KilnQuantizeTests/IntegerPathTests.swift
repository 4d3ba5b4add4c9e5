import Foundation
import KilnIR
import KilnOps
import KilnPasses
import KilnQuantize
import KilnRuntime
import KilnTestSupport
import Testing

/// `kiln quantize` output → `-O2` (what `.klite` conversion runs) → the runtime's integer
/// kernels, on an opset-11 model where per-channel weights are `Cast·Mul` (DequantizeLinear has
/// no axis before opset 13).
@Suite struct IntegerPathTests {
    let model: Model
    let calibration: CalibrationSet
    let heldOut: CalibrationSet

    init() throws {
        model = try QuantFixtures.model("cnn_opset11")
        calibration = try CalibrationSet.random(graph: model.graph, count: 4, seed: 11)
        heldOut = try CalibrationSet.random(graph: model.graph, count: 3, seed: 1011)
    }

    /// An op that fails when run: stands in for the reference kernel behind a fast integer
    /// op, so a fallback to it fails the test.
    struct Tripwire: OpDefinition {
        let opType: String
        var domain: String { "" }
        func run(_ context: KernelContext) throws -> [Value] {
            throw KilnError(.evaluationFailed, "\(opType): fell back to the reference kernel")
        }
    }

    /// The runtime registry with every integer op's fallback replaced by a tripwire.
    static var integerOnlyRegistry: OpRegistry {
        var r = FastOps.registry
        for op in ["QLinearConv", "ConvInteger", "QLinearMatMul", "MatMulInteger"] {
            r.register(Tripwire(opType: op))
        }
        FastOps.installInteger(into: &r)
        return r
    }

    @Test(arguments: [QuantizationMode.int8Static, .int8Dynamic])
    func opset11ConvAndMatMulRunOnIntegerKernels(mode: QuantizationMode) throws {
        let (qdq, _) = try QuantFixtures.quantize(model, mode, samples: calibration)
        #expect(qdq.opsetVersion(for: "") == 11)
        // Per-channel weights at opset 11 are Cast·Mul: nothing may fold them back to float.
        #expect(QuantFixtures.ops(qdq)["Cast", default: 0] >= 4)
        var lite = qdq
        try PassPipeline.level(2).run(on: &lite, context: PassContext())
        try Verifier().verify(lite)
        let ops = QuantFixtures.ops(lite)
        #expect(ops["Conv"] == nil, "float Conv left: \(ops)")
        #expect(ops["MatMul"] == nil, "float MatMul left: \(ops)")
        if mode == .int8Static {
            // conv1 and the depthwise conv are quantized next (their Relu absorbed); the 1x1
            // conv feeds HardSigmoid and the MatMul is the output: they stay float after.
            #expect(ops["QLinearConv"] == 2, "\(ops)")
            #expect(ops["ConvInteger"] == 1, "\(ops)")
        } else {
            #expect(ops["ConvInteger"] == 3, "\(ops)")
        }
        #expect(ops["MatMulInteger"] == 1, "\(ops)")
        // No DequantizeLinear of an int32 accumulator with an axis: invalid before opset 13.
        for n in lite.graph.nodes where n.opType == "DequantizeLinear" {
            #expect(n.attribute("axis") == nil, "\(n.name) has an axis at opset 11")
        }

        // The integer kernels run every integer node (a fallback throws), and the result
        // matches the QDQ model run by the reference kernels.
        let fast = try InferencePlan(
            model: lite, options: InferenceOptions(registry: Self.integerOnlyRegistry))
        let floatOps = fast.graph.nodes.filter {
            ["Conv", "FusedConv", "MatMul", "FusedMatMul", "Gemm", "FusedGemm"].contains($0.opType)
        }
        #expect(floatOps.isEmpty, "planned float ops: \(floatOps.map(\.name))")
        let reference = try InferencePlan(
            model: qdq,
            options: InferenceOptions(
                registry: StandardOps.registry, foldConstants: false, fuseOperators: false))
        let float = try InferencePlan(model: model)
        for feed in heldOut.samples {
            let got = try #require(try fast.run(feed)["logits"]?.tensor)
            let want = try #require(try reference.run(feed)["logits"]?.tensor)
            let exact = try #require(try float.run(feed)["logits"]?.tensor)
            let c = try TensorComparison(actual: got, expected: want, rtol: 0, atol: 0)
            let q = try TensorComparison(actual: want, expected: exact, rtol: 0, atol: 0)
            // Integer accumulation rounds once; the QDQ graph rounds float sums. They may differ
            // by a quantization step here and there, far less than quantization itself.
            #expect(c.cosineSimilarity > 0.9999, "integer vs QDQ: \(c.cosineSimilarity)")
            #expect(
                c.maxAbsoluteError <= max(1e-5, q.maxAbsoluteError / 4),
                "integer vs QDQ \(c.maxAbsoluteError), QDQ vs float \(q.maxAbsoluteError)")
        }
    }
}

import Foundation
import KilnIR
import KilnONNX
import KilnOps
import KilnQuantize
import KilnRuntime
import KilnTestSupport
import Testing

/// Shared helpers: fixtures from `fixtures/quant` (scripts/make-quant-fixtures.py).
enum QuantFixtures {
    static func model(_ name: String) throws -> Model {
        try ONNXReader().read(
            contentsOf: Fixtures.directory.appendingPathComponent("quant/\(name).onnx"))
    }

    /// The smallest cosine and largest max-abs error over float outputs and samples.
    static func agreement(_ a: Model, _ b: Model, _ samples: CalibrationSet) throws
        -> (cosine: Double, maxAbs: Double)
    {
        let pa = try InferencePlan(model: a)
        let pb = try InferencePlan(model: b)
        var cosine = 1.0
        var maxAbs = 0.0
        for feed in samples.samples {
            let ra = try pa.run(feed)
            let rb = try pb.run(feed)
            for o in a.graph.outputs {
                let ta = try #require(ra[o.name]?.tensor)
                let tb = try #require(rb[o.name]?.tensor)
                let c = try TensorComparison(actual: tb, expected: ta, rtol: 0, atol: 0)
                cosine = min(cosine, c.cosineSimilarity)
                maxAbs = max(maxAbs, c.maxAbsoluteError)
            }
        }
        return (cosine, maxAbs)
    }

    static func ops(_ m: Model) -> [String: Int] {
        var out: [String: Int] = [:]
        for n in m.graph.nodes { out[n.opType, default: 0] += 1 }
        return out
    }

    static func quantize(
        _ m: Model, _ mode: QuantizationMode, samples: CalibrationSet?,
        configure: (inout QuantizeOptions) -> Void = { _ in }
    ) throws -> (Model, QuantizationSummary) {
        var o = QuantizeOptions(mode: mode)
        configure(&o)
        return try Quantizer(model: m, options: o, calibration: samples).quantize()
    }
}

@Suite struct QuantizerModeTests {
    let cnn: Model
    let calibration: CalibrationSet
    let heldOut: CalibrationSet

    init() throws {
        cnn = try QuantFixtures.model("small_cnn")
        calibration = try CalibrationSet.random(graph: cnn.graph, count: 8, seed: 1)
        heldOut = try CalibrationSet.random(graph: cnn.graph, count: 4, seed: 1000)
    }

    @Test func int8WeightsStoresEveryWeightAsInt8() throws {
        let (q, s) = try QuantFixtures.quantize(cnn, .int8Weights, samples: nil)
        #expect(s.quantizedNodes.count == 5)  // 4 Conv + Gemm
        #expect(s.weightsQuantized == 5)
        #expect(s.activationsQuantized == 0)
        let floats = q.graph.initializers.filter {
            $0.elementType == .float32 && $0.shape.count > 1
        }
        #expect(floats.isEmpty, "float weights left: \(floats.map(\.name))")
        #expect(QuantFixtures.ops(q)["DequantizeLinear"] == 5)
        // Per-channel: the Conv scales have one entry per output channel.
        let dq = try #require(q.graph.nodes.first { $0.opType == "DequantizeLinear" })
        #expect(dq.attribute("axis")?.int == 0)
        #expect(s.bytesAfter * 100 < s.bytesBefore * 35, "\(s.bytesBefore) → \(s.bytesAfter)")
        let r = try QuantFixtures.agreement(cnn, q, heldOut)
        #expect(r.cosine >= 0.999, "cosine \(r.cosine)")
    }

    @Test func perTensorUsesOneScale() throws {
        let (q, _) = try QuantFixtures.quantize(cnn, .int8Weights, samples: nil) {
            $0.perChannel = false
        }
        for n in q.graph.nodes where n.opType == "DequantizeLinear" {
            #expect(n.attribute("axis") == nil)
            let scale = try #require(q.graph.initializer(named: n.inputs[1]))
            #expect(scale.shape == [])
        }
        let r = try QuantFixtures.agreement(cnn, q, heldOut)
        #expect(r.cosine >= 0.99, "cosine \(r.cosine)")
    }

    @Test func int8DynamicQuantizesActivationsAtRunTime() throws {
        let (q, s) = try QuantFixtures.quantize(cnn, .int8Dynamic, samples: nil)
        #expect(QuantFixtures.ops(q)["DynamicQuantizeLinear"] == 5)
        #expect(s.activationsQuantized == 5)
        let r = try QuantFixtures.agreement(cnn, q, heldOut)
        #expect(r.cosine >= 0.99, "cosine \(r.cosine)")
    }

    @Test(arguments: CalibrationMethod.allCases, ActivationType.allCases)
    func int8StaticMeetsAccuracy(_ method: CalibrationMethod, _ type: ActivationType) throws {
        let (q, s) = try QuantFixtures.quantize(cnn, .int8Static, samples: calibration) {
            $0.method = method
            $0.activationType = type
        }
        #expect(s.activationsQuantized == 5)
        #expect(QuantFixtures.ops(q)["QuantizeLinear"] == 5)
        let zp = try #require(
            q.graph.nodes.first { $0.opType == "QuantizeLinear" }.flatMap {
                q.graph.initializer(named: $0.inputs[2])
            })
        #expect(zp.elementType == (type == .uint8 ? .uint8 : .int8))
        let r = try QuantFixtures.agreement(cnn, q, heldOut)
        #expect(r.cosine >= 0.99, "\(method) \(type): cosine \(r.cosine)")
    }

    @Test func int8StaticNeedsCalibration() throws {
        #expect(throws: KilnError.self) {
            _ = try QuantFixtures.quantize(cnn, .int8Static, samples: nil)
        }
    }

    @Test func fp16ConvertsWeightsAndKeepsFloat32Boundary() throws {
        let (q, s) = try QuantFixtures.quantize(cnn, .fp16, samples: calibration)
        #expect(s.float16Nodes > 5)
        #expect(q.graph.inputs[0].type == cnn.graph.inputs[0].type)
        #expect(q.graph.outputs[0].type == cnn.graph.outputs[0].type)
        let weights = q.graph.initializers.filter { $0.shape.count > 1 }
        #expect(weights.allSatisfy { $0.elementType == .float16 })
        #expect(s.bytesAfter * 100 <= s.bytesBefore * 51)
        let r = try QuantFixtures.agreement(cnn, q, heldOut)
        #expect(r.cosine >= 0.9999, "cosine \(r.cosine)")
    }

    @Test func excludeByNameAndOpType() throws {
        let (_, s) = try QuantFixtures.quantize(cnn, .int8Weights, samples: nil) {
            $0.exclude = ["conv2", "Gemm", "no_such_node"]
        }
        #expect(s.quantizedNodes.count == 3)
        #expect(Set(s.excludedNodes) == ["conv2", "fc"])
        #expect(s.unmatchedExcludes == ["no_such_node"])
    }

    @Test func quantizationIsDeterministic() throws {
        let a = try QuantFixtures.quantize(cnn, .int8Static, samples: calibration) {
            $0.method = .entropy
        }.0
        let b = try QuantFixtures.quantize(cnn, .int8Static, samples: calibration) {
            $0.method = .entropy
        }.0
        #expect(a == b)
    }
}

@Suite struct QuantizerGraphTests {
    @Test(arguments: QuantizationMode.allCases)
    func weightsFromConstantNodesAreQuantized(_ mode: QuantizationMode) throws {
        let m = try QuantFixtures.model("const_weights")
        let cal = try CalibrationSet.random(graph: m.graph, count: 4, seed: 3)
        let (q, s) = try QuantFixtures.quantize(m, mode, samples: cal)
        if mode == .fp16 {
            #expect(
                q.graph.initializers.filter { $0.shape.count > 1 }.allSatisfy {
                    $0.elementType == .float16
                })
        } else {
            #expect(s.weightsQuantized == 2, "\(s)")
            #expect(
                !q.graph.initializers.contains { $0.elementType == .float32 && $0.shape.count > 1 })
            #expect(QuantFixtures.ops(q)["ConstantOfShape"] == nil)
        }
        let r = try QuantFixtures.agreement(
            m, q, try CalibrationSet.random(graph: m.graph, count: 3, seed: 77))
        #expect(r.cosine >= 0.99, "\(mode): cosine \(r.cosine)")
    }

    @Test(arguments: QuantizationMode.allCases)
    func opset11PerChannelUsesCastMul(_ mode: QuantizationMode) throws {
        let m = try QuantFixtures.model("mlp_opset11")
        let cal = try CalibrationSet.random(graph: m.graph, count: 4, seed: 3)
        let (q, _) = try QuantFixtures.quantize(m, mode, samples: cal)
        #expect(q.opsetVersion(for: "") == 11)
        for n in q.graph.nodes where n.opType == "DequantizeLinear" {
            #expect(n.attribute("axis") == nil, "opset 11 DequantizeLinear has no axis")
        }
        if mode != .fp16 {
            #expect(QuantFixtures.ops(q)["Cast"] == 3)
        }
        let r = try QuantFixtures.agreement(
            m, q, try CalibrationSet.random(graph: m.graph, count: 3, seed: 77))
        #expect(r.cosine >= 0.99, "\(mode): cosine \(r.cosine)")
    }

    @Test func fp16KeepsOverflowingOpsInFloat32() throws {
        let m = try QuantFixtures.model("fp16_overflow")
        let cal = try CalibrationSet.random(graph: m.graph, count: 4, seed: 3)
        let (q, s) = try QuantFixtures.quantize(m, .fp16, samples: cal)
        #expect(s.float32Nodes["scale_up"] != nil, "\(s.float32Nodes)")
        #expect(s.float32Nodes["abs"] != nil)
        #expect(s.float16Nodes >= 2)
        let held = try CalibrationSet.random(graph: m.graph, count: 3, seed: 77)
        let r = try QuantFixtures.agreement(m, q, held)
        #expect(r.cosine >= 0.999, "cosine \(r.cosine)")
        #expect(r.maxAbs.isFinite)
    }

    @Test func fp16WithoutTheRangeCheckWouldOverflow() throws {
        // The premise of the test above: converting every node gives Inf/NaN.
        let m = try QuantFixtures.model("fp16_overflow")
        let cal = try CalibrationSet.random(graph: m.graph, count: 2, seed: 3)
        let (q, _) = try QuantFixtures.quantize(m, .fp16, samples: cal) {
            $0.fp16SafeMagnitude = .infinity
        }
        // The validation rounds still catch it: the result has no Inf/NaN.
        let r = try QuantFixtures.agreement(m, q, cal)
        #expect(r.maxAbs.isFinite && r.cosine >= 0.999, "\(r)")
    }

    @Test(arguments: [QuantizationMode.int8Dynamic, .int8Static, .int8Weights, .fp16])
    func alreadyQuantizedOpsPassThrough(_ mode: QuantizationMode) throws {
        let m = try QuantFixtures.model("prequantized")
        // 16 samples: the static range of the float MatMul's input needs more than 4×24 values.
        let cal = try CalibrationSet.random(graph: m.graph, count: 16, seed: 3)
        let (q, _) = try QuantFixtures.quantize(m, mode, samples: cal)
        #expect(QuantFixtures.ops(q)["MatMulInteger"] == 1)
        #expect(q.graph.initializers.contains { $0.elementType == .uint8 && $0.shape == [8, 6] })
        let r = try QuantFixtures.agreement(
            m, q, try CalibrationSet.random(graph: m.graph, count: 3, seed: 77))
        #expect(r.cosine >= 0.99, "\(mode): cosine \(r.cosine)")
    }

    @Test func degenerateAndNonFiniteActivations() throws {
        let m = try QuantFixtures.model("zero_activation")
        let cal = try CalibrationSet.random(graph: m.graph, count: 4, seed: 3)
        let (q, s) = try QuantFixtures.quantize(m, .int8Static, samples: cal)
        // All-zero input: scale 1, zero point 0 (documented), output exactly the float one.
        let qz = try #require(
            q.graph.nodes.first { $0.opType == "QuantizeLinear" && $0.inputs[0] == "z" })
        #expect(q.graph.initializer(named: qz.inputs[1])?.values(as: Float.self) == [1])
        #expect(q.graph.initializer(named: qz.inputs[2])?.values(as: UInt8.self) == [0])
        // Log of negative inputs is NaN: that activation stays float and says why.
        #expect(s.activationsLeftFloat["l"]?.contains("NaN") == true, "\(s.activationsLeftFloat)")
        let pa = try InferencePlan(model: m).run(cal.samples[0])
        let pb = try InferencePlan(model: q).run(cal.samples[0])
        let ya = try #require(pa["y"]?.tensor?.values(as: Float.self))
        let yb = try #require(pb["y"]?.tensor?.values(as: Float.self))
        #expect(ya == yb)
    }

    /// Weights only ever dequantized (here LSTM W and R) take, per row, the symmetric or the
    /// asymmetric parameters with the smaller error; weights of integer kernels (the MatMul)
    /// keep zero points 0.
    @Test func dequantizeOnlyWeightsPickTheCloserOfSymmetricAndAsymmetric() throws {
        let m = try ONNXReader().read(
            contentsOf: Fixtures.directory.appendingPathComponent("models/lstm.onnx"))
        let (q, _) = try QuantFixtures.quantize(m, .int8Weights, samples: nil)
        var asymmetricRows = 0
        for dq in q.graph.nodes where dq.opType == "DequantizeLinear" {
            let wq = try #require(q.graph.initializer(named: dq.inputs[0])?.values(as: Int8.self))
            let scales = try #require(
                q.graph.initializer(named: dq.inputs[1])?.values(as: Float.self))
            let zps = try #require(q.graph.initializer(named: dq.inputs[2])?.values(as: Int8.self))
            let source = String(dq.inputs[0].dropLast("_quantized".count))
            let w = try #require(m.graph.initializer(named: source)?.values(as: Float.self))
            guard source == "W" || source == "R" else {
                #expect(zps.allSatisfy { $0 == 0 } && wq.allSatisfy { $0 >= -127 }, "\(source)")
                continue
            }
            let inner = w.count / scales.count  // [1, 24, inner], one scale per row
            for r in scales.indices {
                let row = w[r * inner..<(r + 1) * inner]
                let m = row.map(abs).max() ?? 0
                let s = m > 0 ? m / 127 : 1
                let symmetric = row.reduce(0.0) { e, v in
                    let d = Double(v - min(max((v / s).rounded(), -127), 127) * s)
                    return e + d * d
                }
                var error = 0.0
                for i in 0..<inner {
                    let d = Double(w[r * inner + i])
                        - Double((Float(wq[r * inner + i]) - Float(zps[r])) * scales[r])
                    error += d * d
                }
                #expect(error <= symmetric * (1 + 1e-6) + 1e-12, "\(source) row \(r)")
                if zps[r] != 0 { asymmetricRows += 1 }
            }
        }
        #expect(asymmetricRows > 0)
    }

    @Test func recurrentWeightsAreQuantizedWeightOnly() throws {
        let m = try ONNXReader().read(
            contentsOf: Fixtures.directory.appendingPathComponent("models/lstm.onnx"))
        let cal = try CalibrationSet.random(graph: m.graph, count: 3, seed: 3)
        let (q, s) = try QuantFixtures.quantize(m, .int8Static, samples: cal)
        #expect(s.quantizedNodes.contains { $0.contains("LSTM") || !$0.isEmpty })
        #expect(QuantFixtures.ops(q)["LSTM"] == 1)
        let r = try QuantFixtures.agreement(
            m, q, try CalibrationSet.random(graph: m.graph, count: 2, seed: 9))
        #expect(r.cosine >= 0.99, "cosine \(r.cosine)")
    }
}

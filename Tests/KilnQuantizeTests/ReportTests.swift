import Foundation
import KilnIR
import KilnQuantize
import KilnTestSupport
import Testing

@Suite struct ReportTests {
    @Test(arguments: [QuantizationMode.int8Static, .int8Dynamic, .int8Weights, .fp16])
    func reportListsTensorsLayersAndOutputs(_ mode: QuantizationMode) throws {
        let m = try QuantFixtures.model("small_cnn")
        let cal = try CalibrationSet.random(graph: m.graph, count: 4, seed: 1)
        let quantizer = try Quantizer(
            model: m, options: QuantizeOptions(mode: mode), calibration: cal)
        let (q, _) = try quantizer.quantize()
        let r = try quantizer.report(for: q)
        #expect(r.outputs.count == 1)
        let out = try #require(r.outputs.first)
        #expect(out.agreement.cosine > 0.99 && out.agreement.cosine <= 1.0000001)
        if mode == .fp16 {
            #expect(r.tensors.isEmpty)
            #expect(!r.layers.isEmpty)
        } else {
            #expect(r.layers.count == 5)
            let weights = r.tensors.filter { $0.kind == "weight" }
            #expect(weights.count == 5)
            for w in weights {
                #expect(w.agreement.sqnr > 30, "\(w.name): \(w.agreement.sqnr) dB")
                #expect(w.min < 0 && w.max > 0 && w.scale > 0 && w.scale <= w.scaleMax)
            }
            let acts = r.tensors.filter { $0.kind != "weight" }
            #expect(acts.count == (mode == .int8Weights ? 0 : 5))
            for a in acts { #expect(a.agreement.sqnr > 20, "\(a.name): \(a.agreement.sqnr) dB") }
        }
        let dir = try Fixtures.temporaryDirectory("report")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("r.json").path
        try r.write(to: path)
        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: path)))
        let obj = try #require(json as? [String: Any])
        #expect((obj["layers"] as? [Any])?.count == r.layers.count)
        let svg = try String(
            contentsOfFile: dir.appendingPathComponent("r.svg").path, encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("dB"))
    }

    @Test func activationQuantizationAddsErrorToTheFirstLayer() throws {
        // The first layer sees the same weight error in both modes; static mode adds the error
        // of its quantized input on top, so its output SQNR can only be lower.
        let m = try QuantFixtures.model("small_cnn")
        let cal = try CalibrationSet.random(graph: m.graph, count: 4, seed: 1)
        func firstLayer(_ mode: QuantizationMode) throws -> Double {
            let q = try Quantizer(model: m, options: .init(mode: mode), calibration: cal)
            return try #require(q.report(for: try q.quantize().0).layers.first).agreement.sqnr
        }
        let weights = try firstLayer(.int8Weights)
        let full = try firstLayer(.int8Static)
        #expect(full < weights, "static \(full) dB, weights only \(weights) dB")
        #expect(full > 25)
    }

    @Test func searchMeetsTheTargetWithFewestFloatLayers() throws {
        let m = try QuantFixtures.model("small_cnn")
        let cal = try CalibrationSet.random(graph: m.graph, count: 4, seed: 1)
        var o = QuantizeOptions(mode: .int8Static)
        o.activationType = .int8
        let quantizer = try Quantizer(model: m, options: o, calibration: cal)
        let all = try quantizer.report(for: try quantizer.quantize().0).outputs[0].agreement.cosine
        // A target just above what full quantization reaches forces at least one float layer.
        let target = min(1 - (1 - all) / 2, 0.999999)
        let (keys, outcome) = try quantizer.searchFloatLayers(targetCosine: target, maxError: nil)
        #expect(outcome.reached, "\(outcome)")
        #expect(!keys.isEmpty && keys.count < 5)
        #expect(outcome.cosine >= target)
        let (q, s) = try quantizer.quantize(excludedKeys: keys)
        #expect(s.excludedNodes.count == keys.count)
        let check = try quantizer.report(for: q, excludedKeys: keys)
        #expect(abs(check.outputs[0].agreement.cosine - outcome.cosine) < 1e-9)
        // A zero error budget is met only by keeping every layer in float.
        let (all5, exact) = try quantizer.searchFloatLayers(targetCosine: nil, maxError: 0)
        #expect(all5.count == 5 && exact.reached && exact.maxAbsError == 0)
    }
}

import Foundation
import KilnIR
import KilnOps
import KilnRuntime
import KilnTestSupport
import Testing

@testable import KilnONNX

/// Kiln's shape inference on the ONNX operator conformance models, against two references:
/// `onnx.shape_inference.infer_shapes` (dim by dim where both know a value) and the runtime's
/// actual output shapes (an inferred static dim must equal the actual one, never contradict).
/// Both strip the models' declared output types and value_info first, so what is compared is
/// what inference derives from the inputs. Counts are printed; `KILN_INFER_VERBOSE=1` lists
/// every case where Kiln knows less than onnx.
@Suite(.tags(.conformance))
struct ShapeInferenceConformanceTests {
    /// Cases where onnx's inference is known to be wrong, or legitimately differs.
    static let onnxDisagreementsAllowed: [String: String] = [:]

    static func stripped(_ m: Model) -> Model {
        var m = m
        m.graph.valueInfo = []
        for k in m.graph.outputs.indices { m.graph.outputs[k].type = nil }
        return m
    }

    static func caseDirectories() -> [URL]? {
        guard let root = Fixtures.conformance else { return nil }
        let folder = root.appendingPathComponent("onnx-node")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            return nil
        }
        let filter = ProcessInfo.processInfo.environment["KILN_CONFORMANCE_FILTER"]
        return names.filter { n in !n.hasPrefix(".") && (filter.map { n.contains($0) } ?? true) }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    struct Tally: CustomStringConvertible {
        var outputs = 0
        var dimsAgree = 0
        var dimsDisagree = 0
        var elemAgree = 0
        var elemDisagree = 0
        var rankDisagree = 0
        var kilnOnly = 0
        var referenceOnly = 0
        var description: String {
            "\(outputs) outputs; dims: \(dimsAgree) agree, \(dimsDisagree) disagree; "
                + "element types: \(elemAgree) agree, \(elemDisagree) disagree; "
                + "rank disagreements: \(rankDisagree); dims only Kiln knows: \(kilnOnly), "
                + "only the reference knows: \(referenceOnly)"
        }
    }

    @Test func agreesWithOnnxShapeInference() throws {
        guard let dirs = Self.caseDirectories() else {
            Fixtures.skip("agreesWithOnnxShapeInference", "../shared/conformance is absent")
            return
        }
        guard let python = Fixtures.python(with: ["onnx"]) else {
            Fixtures.skip("agreesWithOnnxShapeInference", "no Python with onnx (set KILN_PYTHON)")
            return
        }
        let tmp = try Fixtures.temporaryDirectory("infer")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let json = tmp.appendingPathComponent("ref.json")
        let script = Fixtures.root.appendingPathComponent("scripts/onnx_shape_inference.py").path
        let r = try Fixtures.run(python, [script, json.path] + dirs.map(\.path))
        try #require(r.status == 0, "onnx_shape_inference.py failed: \(r.stderr)")
        let ref = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        let verbose = ProcessInfo.processInfo.environment["KILN_INFER_VERBOSE"] != nil
        var tally = Tally()
        var problems: [String] = []
        var gaps: [String] = []
        for dir in dirs {
            let name = dir.lastPathComponent
            guard let entry = ref[name] as? [String: Any], entry["error"] == nil,
                let outs = entry["outputs"] as? [[String: Any]],
                let model = try? ONNXReader().read(contentsOf: dir.appendingPathComponent("model.onnx"))
            else { continue }
            let result = ShapeInference.infer(Self.stripped(model))
            for o in outs {
                guard let oname = o["name"] as? String else { continue }
                tally.outputs += 1
                let mine = result.types[oname]?.tensorType
                if let e = o["elem"] as? Int, e != 0, let mine, mine.elementType != .undefined {
                    if Int(mine.elementType.rawValue) == e {
                        tally.elemAgree += 1
                    } else {
                        tally.elemDisagree += 1
                        problems.append("\(name) \(oname): element type \(mine.elementType.name) vs onnx \(e)")
                    }
                }
                let theirs = o["shape"] as? [Any]
                guard let theirs else {
                    if let s = mine?.shape { tally.kilnOnly += s.count }
                    continue
                }
                guard let ms = mine?.shape else {
                    tally.referenceOnly += theirs.filter { $0 is Int }.count
                    if theirs.contains(where: { $0 is Int }) || theirs.isEmpty {
                        gaps.append("\(name) \(oname): Kiln has no shape, onnx \(theirs)")
                    }
                    continue
                }
                guard ms.count == theirs.count else {
                    tally.rankDisagree += 1
                    problems.append("\(name) \(oname): Kiln \(ShapeInference.describe(ms)) vs onnx \(theirs)")
                    continue
                }
                for (d, t) in zip(ms, theirs) {
                    switch (d.value, t as? Int) {
                    case (let a?, let b?):
                        if a == Int64(b) {
                            tally.dimsAgree += 1
                        } else {
                            tally.dimsDisagree += 1
                            problems.append("\(name) \(oname): Kiln \(ShapeInference.describe(ms)) vs onnx \(theirs)")
                        }
                    case (_?, nil): tally.kilnOnly += 1
                    case (nil, _?):
                        tally.referenceOnly += 1
                        gaps.append("\(name) \(oname): Kiln \(ShapeInference.describe(ms)) vs onnx \(theirs)")
                    default: break
                    }
                }
            }
        }
        print("infer vs onnx.shape_inference (\(dirs.count) cases): \(tally)")
        if verbose { for g in gaps { print("  gap \(g)") } }
        let unexpected = problems.filter { p in
            !Self.onnxDisagreementsAllowed.keys.contains { p.hasPrefix($0 + " ") }
        }
        for p in unexpected.prefix(50) { print("  disagree \(p)") }
        #expect(unexpected.isEmpty, "\(unexpected.count) disagreements with onnx.shape_inference")
    }

    @Test func neverContradictsRuntimeShapes() throws {
        guard let dirs = Self.caseDirectories() else {
            Fixtures.skip("neverContradictsRuntimeShapes", "../shared/conformance is absent")
            return
        }
        var tally = Tally()
        var problems: [String] = []
        var ran = 0
        let verbose = ProcessInfo.processInfo.environment["KILN_INFER_VERBOSE"] != nil
        for dir in dirs {
            guard
                let model = try? ONNXReader().read(contentsOf: dir.appendingPathComponent("model.onnx")),
                let plan = try? InferencePlan(model: model)
            else { continue }
            let data = dir.appendingPathComponent("test_data_set_0")
            var feeds: [String: Value] = [:]
            var complete = true
            for (j, info) in model.graph.runtimeInputs.enumerated() {
                let url = data.appendingPathComponent("input_\(j).pb")
                if let v = try? ONNXValueFile.read(contentsOf: url, declared: info.type),
                    let value = try? Value(v)
                {
                    feeds[info.name] = value
                } else if case .optional? = info.type {
                    feeds[info.name] = Value.none
                } else {
                    complete = false
                }
            }
            guard complete, let outputs = try? plan.run(feeds) else { continue }
            ran += 1
            let result = ShapeInference.infer(Self.stripped(model))
            for o in model.graph.outputs {
                guard let actual = outputs[o.name]?.tensor else { continue }
                tally.outputs += 1
                guard let mine = result.types[o.name]?.tensorType else { continue }
                if mine.elementType != .undefined {
                    if mine.elementType == actual.elementType {
                        tally.elemAgree += 1
                    } else {
                        tally.elemDisagree += 1
                        problems.append("\(dir.lastPathComponent) \(o.name): element type \(mine.elementType.name), actual \(actual.elementType.name)")
                    }
                }
                guard let ms = mine.shape else {
                    tally.referenceOnly += actual.shape.count
                    if verbose { print("  gap \(dir.lastPathComponent) \(o.name): no shape, actual \(actual.shape)") }
                    continue
                }
                guard ms.count == actual.shape.count else {
                    tally.rankDisagree += 1
                    problems.append("\(dir.lastPathComponent) \(o.name): inferred \(ShapeInference.describe(ms)), actual \(actual.shape)")
                    continue
                }
                for (d, a) in zip(ms, actual.shape) {
                    if let v = d.value {
                        if v == a { tally.dimsAgree += 1 } else {
                            tally.dimsDisagree += 1
                            problems.append("\(dir.lastPathComponent) \(o.name): inferred \(ShapeInference.describe(ms)), actual \(actual.shape)")
                        }
                    } else {
                        tally.referenceOnly += 1
                        if verbose { print("  gap \(dir.lastPathComponent) \(o.name): inferred \(ShapeInference.describe(ms)), actual \(actual.shape)") }
                    }
                }
            }
        }
        print("infer vs runtime (\(ran) cases run): \(tally)")
        for p in problems.prefix(50) { print("  contradiction \(p)") }
        #expect(problems.isEmpty, "\(problems.count) contradictions with the runtime's shapes")
    }
}


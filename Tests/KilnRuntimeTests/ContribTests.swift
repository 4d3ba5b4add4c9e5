import Foundation
import KilnIR
import KilnONNX
import KilnOps
import KilnRuntime
import KilnTestSupport
import Testing

/// The onnxruntime contrib ops and the detection ops against references that are not Kiln:
///
/// - `fixtures/contrib/` (made by `scripts/make-contrib-fixtures.py`): one model per op and
///   attribute variant with onnxruntime's own outputs. The pass rule is the conformance one,
///   except that 8-bit outputs may differ by 1 where onnxruntime's vectorized MLAS kernels round
///   a value near .5 differently from exact round-half-to-even (the count of such elements is
///   printed).
/// - the ONNX suite's NonMaxSuppression, RoiAlign and MaxUnpool cases (when `../shared` exists).
@Suite struct ContribTests {
    static let folder = Fixtures.directory.appendingPathComponent("contrib")

    static func caseNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
    }

    /// Runs one case; returns a failure description, or nil and the number of ±1 elements.
    static func run(_ name: String, registry: OpRegistry) throws -> (String?, Int) {
        let dir = folder.appendingPathComponent(name)
        let data = dir.appendingPathComponent("test_data_set_0")
        let model = try ONNXReader().read(contentsOf: dir.appendingPathComponent("model.onnx"))
        let plan = try InferencePlan(model: model, options: .init(registry: registry))
        var feeds: [String: Value] = [:]
        for (j, info) in model.graph.runtimeInputs.enumerated() {
            let url = data.appendingPathComponent("input_\(j).pb")
            feeds[info.name] = .tensor(try ONNXTensorFile.read(contentsOf: url))
        }
        let outputs = try plan.run(feeds)
        var offByOne = 0
        for (j, info) in model.graph.outputs.enumerated() {
            let expected = try ONNXTensorFile.read(
                contentsOf: data.appendingPathComponent("output_\(j).pb"))
            guard case .tensor(let got)? = outputs[info.name] else {
                return ("output \(info.name) is missing", 0)
            }
            guard let problem = Conformance.compare(got: got, expected: expected) else { continue }
            let eightBit = got.elementType == .uint8 || got.elementType == .int8
            guard eightBit, got.elementType == expected.elementType, got.shape == expected.shape,
                let a = got.int64Values(), let b = expected.int64Values()
            else { return ("output \(info.name): \(problem)", 0) }
            for i in a.indices where a[i] != b[i] {
                guard abs(a[i] - b[i]) <= 1 else {
                    return ("output \(info.name): element \(i) is \(a[i]), expected \(b[i])", 0)
                }
                offByOne += 1
            }
        }
        return (nil, offByOne)
    }

    static func check(registry: OpRegistry, label: String) throws {
        let names = caseNames()
        try #require(names.count >= 60, "fixtures/contrib has \(names.count) cases")
        var failures: [String] = []
        var offByOne: [String: Int] = [:]
        for name in names {
            do {
                let (problem, n) = try run(name, registry: registry)
                if let problem { failures.append("\(name): \(problem)") }
                if n > 0 { offByOne[name] = n }
            } catch {
                failures.append("\(name): \(error)")
            }
        }
        print("contrib fixtures (\(label)): \(names.count - failures.count) of \(names.count) pass")
        for (name, n) in offByOne.sorted(by: { $0.key < $1.key }) {
            print("  \(name): \(n) element(s) off by one (onnxruntime rounding)")
        }
        for f in failures { Issue.record("\(f)") }
    }

    @Test func contribFixturesReference() throws {
        try Self.check(registry: StandardOps.registry, label: "reference")
    }

    /// The fused ops on the fast C kernels, as a runtime would install them.
    @Test func contribFixturesFast() throws {
        var registry = FastOps.registry
        for op in ContribOps.kernelOps(.fast) { registry.register(op) }
        try Self.check(registry: registry, label: "fast")
    }

    /// BiasAdd has no CPU kernel in onnxruntime; checked against an explicit sum.
    @Test func biasAdd() throws {
        let x = Tensor(shape: [1, 2, 3], values: [Float](stride(from: 0, to: 6, by: 1)))
        let bias = Tensor(shape: [3], values: [Float(10), 20, 30])
        let skip = Tensor(shape: [1, 2, 3], values: [Float(0.5), -1, 2, 3, 0.25, -4])
        let node = Node(
            opType: "BiasAdd", domain: "com.microsoft", inputs: ["x", "b", "s"],
            outputs: ["y"])
        let ctx = KernelContext(
            node: node, opsetVersion: 1, inputs: [.tensor(x), .tensor(bias), .tensor(skip)])
        let op = try #require(
            StandardOps.registry.lookup(domain: "com.microsoft", opType: "BiasAdd"))
        let y = try #require(try op.run(ctx).first?.tensor)
        let got = try #require(y.values(as: Float.self))
        let xv = try #require(x.values(as: Float.self))
        let sv = try #require(skip.values(as: Float.self))
        let expected = (0..<6).map { xv[$0] + [Float(10), 20, 30][$0 % 3] + sv[$0] }
        #expect(got == expected)
        #expect(y.shape == [1, 2, 3])
    }

    /// Every ONNX suite case of the detection ops passes.
    @Test func detectionConformance() throws {
        guard let root = Fixtures.conformance else {
            Fixtures.skip("detectionConformance", "../shared/conformance is absent")
            return
        }
        let prefixes = ["test_nonmaxsuppression", "test_roialign", "test_maxunpool"]
        let results = try Conformance.runAll(
            folder: root.appendingPathComponent("onnx-node"),
            loadModel: { try ONNXReader().read(contentsOf: $0) },
            loadValue: { try ONNXValueFile.read(contentsOf: $0, declared: $1) },
            include: { name in prefixes.contains { name.hasPrefix($0) } })
        #expect(results.count == 15)
        for r in results {
            #expect(r.outcome == .pass, "\(r.name): \(r.reason)")
        }
    }
}

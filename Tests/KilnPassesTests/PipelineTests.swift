import Foundation
import KilnIR
import KilnPasses
import KilnTestSupport
import Testing

struct PipelineTests {
    /// `x → (Identity → Relu → Add c)ⁿ`: every Identity goes, the chain stays.
    static func chain(_ n: Int) -> Model {
        var nodes: [Node] = []
        nodes.reserveCapacity(3 * n)
        var last = "x"
        for i in 0..<n {
            nodes.append(Node(opType: "Identity", inputs: [last], outputs: ["i\(i)"]))
            nodes.append(Node(opType: "Relu", inputs: ["i\(i)"], outputs: ["r\(i)"]))
            nodes.append(Node(opType: "Add", inputs: ["r\(i)", "c"], outputs: ["a\(i)"]))
            last = "a\(i)"
        }
        let g = Graph(
            inputs: [ValueInfo(name: "x", tensor: TensorType(.float32, [4]))],
            outputs: [ValueInfo(name: last, type: nil)],
            initializers: [Tensor(name: "c", shape: [4], values: [Float](repeating: 1, count: 4))],
            nodes: nodes)
        return Model(graph: g)
    }

    /// Near-linear whole pipeline: -O2 on a 10k- and a 200k-node chain each finish in seconds
    /// (a quadratic step would take hours at 200k) and remove exactly the identities.
    @Test(arguments: [3_333, 66_667])
    func scale(_ links: Int) throws {
        var model = Self.chain(links)
        let t0 = ContinuousClock.now
        try PassPipeline.level(2).run(on: &model, context: PassContext())
        let elapsed = ContinuousClock.now - t0
        #expect(model.graph.nodes.count == 2 * links)
        #expect(!model.graph.nodes.contains { $0.opType == "Identity" })
        #expect(model.graph.outputs[0].name == "a\(links - 1)", "graph outputs keep their names")
        #expect(elapsed < .seconds(links > 10_000 ? 120 : 20), "-O2 took \(elapsed)")
        // (The Verifier is not run here: its cost is the hardening branch's to make linear.)
    }

    @Test func levelsAreNestedAndNamed() throws {
        #expect(PassPipeline.passNames(level: 0).isEmpty)
        let o1 = Set(PassPipeline.passNames(level: 1))
        let o2 = Set(PassPipeline.passNames(level: 2))
        let o3 = Set(PassPipeline.passNames(level: 3))
        #expect(o1.isSubset(of: o2) && o2.isSubset(of: o3))
        #expect(o2.contains("fuse-standard") && !o1.contains("fuse-standard"))
        #expect(o3.contains("fuse-contrib") && !o2.contains("fuse-contrib"))
        for p in PassPipeline.allPasses {
            #expect(p.name.allSatisfy { $0.isLowercase || $0 == "-" }, "\(p.name) is not kebab-case")
        }
        #expect(throws: KilnError.self) { try PassPipeline.named(["no-such-pass"]) }
    }

    /// The pipeline stops at a fixed point: a second run changes nothing.
    @Test func fixedPoint() throws {
        var model = Self.chain(50)
        try PassPipeline.level(3).run(on: &model, context: PassContext())
        let once = model
        let records = try PassPipeline.level(3).run(on: &model, context: PassContext())
        #expect(model == once)
        #expect(records.allSatisfy { !$0.changed })
    }

    /// The size guard: ConstantOfShape into a large tensor stays a node.
    @Test func foldingNeverBloats() throws {
        let g = Graph(
            inputs: [ValueInfo(name: "x", tensor: TensorType(.float32, [256, 256]))],
            outputs: [ValueInfo(name: "y", type: nil)],
            initializers: [Tensor(name: "s", shape: [2], values: [Int64(256), 256])],
            nodes: [
                Node(opType: "ConstantOfShape", inputs: ["s"], outputs: ["w"],
                     attributes: [Attribute(name: "value", value: .tensor(Tensor(shape: [1], values: [Float(0.5)])))]),
                Node(opType: "Add", inputs: ["x", "w"], outputs: ["y"]),
            ])
        var model = Model(graph: g)
        try PassPipeline.level(2).run(on: &model, context: PassContext())
        #expect(model.graph.nodes.map(\.opType) == ["ConstantOfShape", "Add"])
        #expect(model.initializerBytes < 1024)
    }

    /// Shape inference informs the passes without changing the file: a Shape of an intermediate
    /// value folds, and `value_info` is written only when asked for (`--infer-shapes`).
    @Test func inferredShapesFoldButAreWrittenOnlyOnRequest() throws {
        let g = Graph(
            inputs: [ValueInfo(name: "x", tensor: TensorType(.float32, [2, 3]))],
            outputs: [ValueInfo(name: "y", type: nil)],
            initializers: [],
            nodes: [
                Node(opType: "Relu", inputs: ["x"], outputs: ["r"]),
                Node(opType: "Shape", inputs: ["r"], outputs: ["s"]),
                Node(opType: "Reshape", inputs: ["r", "s"], outputs: ["y"]),
            ])
        var model = Model(graph: g)
        model.opsetImports = [OpsetImport(domain: "", version: 17)]
        var plain = model
        try PassPipeline.level(1).run(on: &plain, context: PassContext())
        #expect(plain.graph.nodes.map(\.opType) == ["Relu"], "Shape folds, Reshape is a no-op")
        #expect(plain.graph.valueInfo.isEmpty)
        var annotated = model
        let context = PassContext()
        context.options.writeValueInfo = true
        try PassPipeline.level(1).run(on: &annotated, context: context)
        #expect(annotated.graph.nodes == plain.graph.nodes)
        #expect(annotated.graph.outputs[0].type == .tensor(TensorType(.float32, [2, 3])))
        var off = model
        let noInference = PassContext()
        noInference.options.inferShapes = false
        try PassPipeline.level(1).run(on: &off, context: noInference)
        #expect(off.graph.nodes.count == 3, "without inference the Shape of r is unknown")
    }
}

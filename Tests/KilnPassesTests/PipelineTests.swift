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

    /// -O3 makes Kiln's `ai.kiln` ops only with `kilnOps` (.klite, the runtime's plan): Conv +
    /// Relu, BatchNormalization (rank unknown) + Mul + Relu, the exact erf GELU; ONNX output
    /// keeps onnxruntime's `com.microsoft` ops and the standard BatchNormalization chain.
    @Test func kilnOpsOnlyWhenTheTargetRunsThem() throws {
        let f = { (name: String, shape: [Int64], v: Float) in
            Tensor(name: name, shape: shape, values: [Float](repeating: v, count: Int(shape.reduce(1, *))))
        }
        let g = Graph(
            inputs: [
                ValueInfo(name: "x", tensor: TensorType(.float32, [1, 2, 3, 3])),
                ValueInfo(name: "z", tensor: TensorType(.float32, shape: nil)),
                ValueInfo(name: "u", tensor: TensorType(.float32, [4])),
            ],
            outputs: ["r", "b", "gelu"].map { ValueInfo(name: $0, type: nil) },
            initializers: [
                f("w", [2, 2, 1, 1], 0.5), f("s", [2], 1), f("bias", [2], 0), f("m", [2], 0),
                f("v", [2], 1), f("k", [2, 1, 1], 3), f("sqrt2", [], Float(2).squareRoot()),
                f("one", [], 1), f("half", [], 0.5),
            ],
            nodes: [
                Node(opType: "Conv", inputs: ["x", "w"], outputs: ["c"]),
                Node(opType: "Relu", inputs: ["c"], outputs: ["r"]),
                Node(opType: "BatchNormalization", inputs: ["z", "s", "bias", "m", "v"], outputs: ["n"]),
                Node(opType: "Mul", inputs: ["n", "k"], outputs: ["nk"]),
                Node(opType: "Relu", inputs: ["nk"], outputs: ["b"]),
                Node(opType: "Div", inputs: ["u", "sqrt2"], outputs: ["d"]),
                Node(opType: "Erf", inputs: ["d"], outputs: ["e"]),
                Node(opType: "Add", inputs: ["e", "one"], outputs: ["e1"]),
                Node(opType: "Mul", inputs: ["u", "e1"], outputs: ["ue"]),
                Node(opType: "Mul", inputs: ["ue", "half"], outputs: ["gelu"]),
            ])
        var model = Model(graph: g)
        model.opsetImports = [OpsetImport(domain: "", version: 17)]
        var onnx = model
        try PassPipeline.level(3).run(on: &onnx, context: PassContext(), verifyEach: true)
        #expect(!onnx.graph.nodes.contains { $0.domain == KilnDomain.name })
        let conv = try #require(onnx.graph.nodes.first { $0.outputs == ["r"] })
        #expect(conv.domain + ":" + conv.opType == "com.microsoft:FusedConv")
        #expect(!onnx.opsetImports.contains { $0.domain == KilnDomain.name })
        let context = PassContext()
        context.options.kilnOps = true
        try PassPipeline.level(3).run(on: &model, context: context, verifyEach: true)
        let ops = model.graph.nodes.map { $0.domain + ":" + $0.opType }
        #expect(ops == [
            "ai.kiln:FusedConv", "ai.kiln:FusedBatchNormalization", "ai.kiln:Gelu",
        ], "\(ops)")
        #expect(model.opsetImports.contains { $0.domain == KilnDomain.name && $0.version == 1 })
        let bn = try #require(model.graph.nodes.first { $0.opType == "FusedBatchNormalization" })
        #expect(bn.attribute("post_ops")?.strings == ["Mul"])
        #expect(bn.attribute("activation")?.string == "Relu")
        let gelu = try #require(model.graph.nodes.first { $0.opType == "Gelu" })
        #expect(gelu.attribute("divisor")?.float == Float(2).squareRoot())
        #expect(gelu.attribute("half")?.float == 0.5)
    }
}

import Foundation
import KilnIR
import KilnONNX
import KilnOps
import KilnTestSupport
import Testing

@testable import KilnRuntime

/// Plan-time fusion (the `-O3` passes `PlanOptimization` runs): every rewrite is checked numerically, unfused graph on the
/// reference kernels against the fused plan, on seeded random inputs and weights; the guards
/// (several consumers, graph outputs, non-constant parameters) are checked to leave the graph
/// alone; and the conformance CNNs run fused against unfused.
@Suite struct PerfFusionTests {
    typealias Rng = NNFastKernelTests.Rng

    /// The standard ops on the Swift reference kernels plus the fused ops (reference kernels).
    static let referenceWithFusedOps: OpRegistry = {
        var r = StandardOps.registry
        FastOps.installKilnOps(into: &r, kernels: .reference)
        return r
    }()

    static func tensor(_ shape: [Int64], _ rng: inout Rng, scale: Float = 1, offset: Float = 0)
        -> Tensor
    {
        Tensor(
            shape: shape,
            values: rng.floats(Int(shape.reduce(1, *))).map { $0 * scale + offset })
    }

    static func model(
        _ nodes: [Node], inputs: [(String, [Int64])], outputs: [String], inits: [Tensor],
        opset: Int64 = 13
    ) -> Model {
        Model(
            opsetImports: [OpsetImport(domain: "", version: opset)],
            graph: Graph(
                name: "g",
                inputs: inputs.map { ValueInfo(name: $0.0, tensor: TensorType(.float32, $0.1)) },
                outputs: outputs.map { ValueInfo(name: $0, tensor: TensorType(.float32, shape: nil)) },
                initializers: inits, nodes: nodes))
    }

    /// Runs `m` unfused on the reference kernels and fused on `registry`; returns the fused
    /// plan's op types and expects every output to agree to rtol 1e-4.
    @discardableResult
    static func compare(
        _ m: Model, feeds: [String: Value], registry: OpRegistry = referenceWithFusedOps,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [String] {
        let plain = try InferencePlan(
            model: m,
            options: .init(registry: StandardOps.registry, fuseOperators: false)).run(feeds)
        let fusedPlan = try InferencePlan(model: m, options: .init(registry: registry))
        let fused = try fusedPlan.run(feeds)
        for (name, v) in plain {
            let a = try #require(v.tensor?.values(as: Float.self), sourceLocation: sourceLocation)
            let b = try #require(
                fused[name]?.tensor?.values(as: Float.self), sourceLocation: sourceLocation)
            #expect(a.count == b.count, sourceLocation: sourceLocation)
            var worst: Float = 0
            for (x, y) in zip(a, b) {
                if x.isNaN || y.isNaN {
                    #expect(x.isNaN && y.isNaN, sourceLocation: sourceLocation)
                    continue
                }
                worst = max(worst, abs(x - y) / max(1, abs(x)))
            }
            #expect(worst < 1e-4, "\(name): \(worst)", sourceLocation: sourceLocation)
        }
        return fusedPlan.graph.nodes.map(\.opType)
    }

    static func bnInits(_ prefix: String, _ c: Int64, _ rng: inout Rng) -> [Tensor] {
        var s = tensor([c], &rng, scale: 1, offset: 1)
        s.name = prefix + "s"
        var b = tensor([c], &rng)
        b.name = prefix + "b"
        var mean = tensor([c], &rng)
        mean.name = prefix + "m"
        var v = tensor([c], &rng, scale: 0.5, offset: 1)
        v.name = prefix + "v"
        return [s, b, mean, v]
    }

    static func bn(_ x: String, _ y: String, _ p: String) -> Node {
        Node(
            name: y, opType: "BatchNormalization", inputs: [x, p + "s", p + "b", p + "m", p + "v"],
            outputs: [y], attributes: [Attribute(name: "epsilon", value: .float(1e-3))])
    }

    static func named(_ t: Tensor, _ n: String) -> Tensor {
        var t = t
        t.name = n
        return t
    }

    @Test(arguments: [1, 4])
    func convBatchNormMulAddRelu(group: Int64) throws {
        var rng = Rng(state: 11 + UInt64(group))
        let conv = Node(
            name: "conv", opType: "Conv", inputs: ["x", "w", "cb"], outputs: ["c"],
            attributes: [
                Attribute(name: "pads", value: .ints([1, 1, 1, 1])),
                Attribute(name: "group", value: .int(group)),
            ])
        let nodes = [
            conv, Self.bn("c", "n", "bn"),
            Node(name: "mul", opType: "Mul", inputs: ["k", "n"], outputs: ["p"]),
            Node(name: "add", opType: "Add", inputs: ["p", "q"], outputs: ["a"]),
            Node(name: "relu", opType: "Relu", inputs: ["a"], outputs: ["y"]),
        ]
        let inits =
            [
                Self.named(Self.tensor([8, 4 / group, 3, 3], &rng), "w"),
                Self.named(Self.tensor([8], &rng), "cb"),
                Self.named(Self.tensor([8, 1, 1], &rng, offset: 1), "k"),
                Self.named(Self.tensor([1, 8, 1, 1], &rng), "q"),
            ] + Self.bnInits("bn", 8, &rng)
        let m = Self.model(nodes, inputs: [("x", [2, 4, 6, 7])], outputs: ["y"], inits: inits)
        let feeds: [String: Value] = ["x": .tensor(Self.tensor([2, 4, 6, 7], &rng))]
        let ops = try Self.compare(m, feeds: feeds)
        #expect(ops == ["FusedConv"])
        #expect(try Self.compare(m, feeds: feeds, registry: FastOps.registry) == ["FusedConv"])
    }

    @Test func depthwiseConvActivations() throws {
        var rng = Rng(state: 5)
        let acts: [(Node, [Tensor])] = [
            (Node(opType: "Sigmoid", inputs: ["c"], outputs: ["y"]), []),
            (
                Node(
                    opType: "LeakyRelu", inputs: ["c"], outputs: ["y"],
                    attributes: [Attribute(name: "alpha", value: .float(0.2))]), []
            ),
            (
                Node(opType: "Clip", inputs: ["c", "lo", "hi"], outputs: ["y"]),
                [Tensor(name: "lo", shape: [], values: [Float(-0.3)]),
                 Tensor(name: "hi", shape: [], values: [Float(0.4)])]
            ),
            (Node(opType: "Clip", inputs: ["c", "", "hi"], outputs: ["y"]),
             [Tensor(name: "hi", shape: [], values: [Float(0.1)])]),
            // Epilogues computed in Swift (ai.kiln FusedConv only).
            (Node(opType: "Tanh", inputs: ["c"], outputs: ["y"]), []),
            (Node(opType: "HardSwish", inputs: ["c"], outputs: ["y"]), []),
        ]
        for (act, extra) in acts {
            let conv = Node(
                opType: "Conv", inputs: ["x", "w"], outputs: ["c"],
                attributes: [
                    Attribute(name: "group", value: .int(6)),
                    Attribute(name: "strides", value: .ints([2, 2])),
                    Attribute(name: "pads", value: .ints([1, 0, 1, 2])),
                ])
            let m = Self.model(
                [conv, act], inputs: [("x", [1, 6, 9, 10])], outputs: ["y"],
                inits: [Self.named(Self.tensor([6, 1, 3, 3], &rng), "w")] + extra, opset: 14)
            let feeds: [String: Value] = ["x": .tensor(Self.tensor([1, 6, 9, 10], &rng, scale: 8))]
            #expect(try Self.compare(m, feeds: feeds) == ["FusedConv"], "\(act.opType)")
            #expect(try Self.compare(m, feeds: feeds, registry: FastOps.registry) == ["FusedConv"])
        }
    }

    @Test func gemmAndMatMulEpilogues() throws {
        var rng = Rng(state: 9)
        let nodes = [
            Node(
                opType: "Gemm", inputs: ["x", "w", "b"], outputs: ["g"],
                attributes: [Attribute(name: "transB", value: .int(1))]),
            Node(opType: "Relu", inputs: ["g"], outputs: ["r"]),
            Node(opType: "MatMul", inputs: ["r", "w2"], outputs: ["mm"]),
            Node(opType: "Clip", inputs: ["mm"], outputs: ["y"],
                 attributes: [Attribute(name: "min", value: .float(-0.1))]),
        ]
        let inits = [
            Self.named(Self.tensor([5, 7], &rng), "w"), Self.named(Self.tensor([5], &rng), "b"),
            Self.named(Self.tensor([5, 3], &rng), "w2"),
        ]
        let m = Self.model(nodes, inputs: [("x", [4, 7])], outputs: ["y"], inits: inits, opset: 9)
        let feeds: [String: Value] = ["x": .tensor(Self.tensor([4, 7], &rng, scale: 3))]
        #expect(try Self.compare(m, feeds: feeds) == ["FusedGemm", "FusedMatMul"])
    }

    /// DenseNet's pattern: BatchNormalization → Mul → Add → Relu on a computed input.
    @Test func batchNormChain() throws {
        var rng = Rng(state: 3)
        let nodes = [
            Self.bn("x", "n", "bn"),
            Node(opType: "Mul", inputs: ["n", "k"], outputs: ["p"]),
            Node(opType: "Add", inputs: ["p", "q"], outputs: ["a"]),
            Node(opType: "Relu", inputs: ["a"], outputs: ["y"]),
        ]
        // [5, 1, 1] is per-channel for rank-4 X but not for rank-3 X (against [5, 5, 2] it
        // varies along axis 0), which the fused kernel must notice at run time.
        for shape: [Int64] in [[2, 5, 4, 3], [5, 5, 2]] {
            let inits =
                [
                    Self.named(Self.tensor([5, 1, 1], &rng, offset: 1), "k"),
                    Self.named(Self.tensor([5, 1, 1], &rng), "q"),
                ] + Self.bnInits("bn", 5, &rng)
            var m = Self.model(nodes, inputs: [("x", shape)], outputs: ["y"], inits: inits)
            m.graph.outputs = [ValueInfo(name: "y", type: nil)]
            let feeds: [String: Value] = ["x": .tensor(Self.tensor(shape, &rng))]
            #expect(try Self.compare(m, feeds: feeds) == ["FusedBatchNormalization"])
            #expect(
                try Self.compare(m, feeds: feeds, registry: FastOps.registry)
                    == ["FusedBatchNormalization"])
        }
    }

    /// Intermediate values that are graph outputs, read twice, or fed by a runtime input are
    /// never fused away.
    @Test func guardsKeepTheGraph() throws {
        var rng = Rng(state: 4)
        let conv = Node(opType: "Conv", inputs: ["x", "w"], outputs: ["c"])
        let inits = [Self.named(Self.tensor([3, 2, 1, 1], &rng), "w")] + Self.bnInits("bn", 3, &rng)
        let feeds: [String: Value] = ["x": .tensor(Self.tensor([1, 2, 3, 3], &rng))]
        // c is a graph output.
        let m1 = Self.model(
            [conv, Self.bn("c", "y", "bn")], inputs: [("x", [1, 2, 3, 3])], outputs: ["c", "y"],
            inits: inits)
        #expect(try Self.compare(m1, feeds: feeds) == ["Conv", "BatchNormalization"])
        // c has two consumers.
        let m2 = Self.model(
            [conv, Self.bn("c", "n", "bn"), Node(opType: "Add", inputs: ["n", "c"], outputs: ["y"])],
            inputs: [("x", [1, 2, 3, 3])], outputs: ["y"], inits: inits)
        #expect(try Self.compare(m2, feeds: feeds) == ["Conv", "BatchNormalization", "Add"])
        // The BN scale is a graph input (IR >= 4: an initializer may be overridden).
        var m3 = Self.model(
            [conv, Self.bn("c", "y", "bn")], inputs: [("x", [1, 2, 3, 3]), ("bns", [3])],
            outputs: ["y"], inits: inits)
        m3.irVersion = 8
        #expect(try Self.compare(m3, feeds: feeds) == ["Conv", "BatchNormalization"])
        // Training-mode BatchNormalization is not folded.
        var train = Self.bn("c", "y", "bn")
        train.attributes.append(Attribute(name: "training_mode", value: .int(1)))
        let m4 = Self.model(
            [conv, train], inputs: [("x", [1, 2, 3, 3])], outputs: ["y"], inits: inits, opset: 15)
        #expect(try Self.compare(m4, feeds: feeds) == ["Conv", "BatchNormalization"])
        // A Mul whose constant broadcasts beyond the channel axis is not folded into Conv.
        let m5 = Self.model(
            [conv, Node(opType: "Mul", inputs: ["c", "k"], outputs: ["y"])],
            inputs: [("x", [1, 2, 3, 3])], outputs: ["y"],
            inits: inits + [Self.named(Self.tensor([3, 1], &rng), "k")])
        #expect(try Self.compare(m5, feeds: feeds) == ["Conv", "Mul"])
    }

    /// Plans are deterministic on one thread: two runs give bit-identical outputs.
    @Test func fusedRunsAreBitIdentical() throws {
        var rng = Rng(state: 8)
        let nodes = [
            Node(
                opType: "Conv", inputs: ["x", "w"], outputs: ["c"],
                attributes: [Attribute(name: "group", value: .int(4))]),
            Self.bn("c", "n", "bn"), Node(opType: "Relu", inputs: ["n"], outputs: ["y"]),
        ]
        let m = Self.model(
            nodes, inputs: [("x", [1, 4, 8, 8])], outputs: ["y"],
            inits: [Self.named(Self.tensor([4, 1, 3, 3], &rng), "w")] + Self.bnInits("bn", 4, &rng))
        let feeds: [String: Value] = ["x": .tensor(Self.tensor([1, 4, 8, 8], &rng))]
        let plan = try InferencePlan(model: m)
        let a = try plan.run(feeds)["y"]?.tensor
        let b = try plan.run(feeds)["y"]?.tensor
        #expect(a != nil && a == b)
    }

    /// Every conformance CNN, fused against unfused (both on the fast kernels: the reference
    /// GEMM in a debug build would take minutes per model), on its test input.
    @Test func conformanceModelsFusedMatchUnfused() throws {
        guard let root = Fixtures.conformance else {
            Fixtures.skip("conformanceModelsFusedMatchUnfused", "../shared/conformance absent")
            return
        }
        let dir = root.appendingPathComponent("onnx-models")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        #expect(!names.isEmpty)
        var fusedSomething = false
        for name in names.sorted() {
            let base = dir.appendingPathComponent(name)
            let m = try ONNXReader().read(contentsOf: base.appendingPathComponent("model.onnx"))
            let inputURL = base.appendingPathComponent("test_data_set_0/input_0.pb")
            guard let input = m.graph.runtimeInputs.first,
                FileManager.default.fileExists(atPath: inputURL.path)
            else { continue }
            let feeds: [String: Value] = [
                input.name: .tensor(try ONNXTensorFile.read(contentsOf: inputURL))
            ]
            let plain = try InferencePlan(model: m, options: .init(fuseOperators: false))
            let fused = try InferencePlan(model: m)
            if fused.graph.nodes.count < plain.graph.nodes.count { fusedSomething = true }
            let a = try plain.run(feeds)
            let b = try fused.run(feeds)
            for (key, v) in a {
                let x = try #require(v.tensor?.values(as: Float.self))
                let y = try #require(b[key]?.tensor?.values(as: Float.self))
                let err = NNFastKernelTests.maxRelativeError(y, x)
                #expect(err < 1e-4, "\(name) \(key): \(err)")
            }
        }
        #expect(fusedSomething)
    }
}

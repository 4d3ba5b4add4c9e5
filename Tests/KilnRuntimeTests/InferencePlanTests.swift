import Foundation
import KilnIR
import KilnOps
import KilnRuntime
import Synchronization
import Testing

struct InferencePlanTests {
    /// y = (x + b) * x, with b an initializer.
    static func model() -> Model {
        let g = Graph(
            name: "g",
            inputs: [
                ValueInfo(
                    name: "x", tensor: TensorType(.float32, shape: [.symbol("N"), .known(2)]))
            ],
            outputs: [ValueInfo(name: "y", tensor: TensorType(.float32, shape: nil))],
            initializers: [Tensor(name: "b", shape: [2], values: [Float(1), 2])],
            nodes: [
                Node(name: "mul", opType: "Mul", inputs: ["t", "x"], outputs: ["y"]),
                Node(name: "add", opType: "Add", inputs: ["x", "b"], outputs: ["t"]),
            ])
        return Model(graph: g)
    }

    @Test func runsOutOfOrderNodesAndChecksInputs() throws {
        let plan = try InferencePlan(model: Self.model())
        let x = Tensor(shape: [1, 2], values: [Float(3), 4])
        let out = try plan.run(["x": .tensor(x)])
        #expect(out["y"]?.tensor?.values(as: Float.self) == [12, 24])
        #expect(throws: KilnError.self) { try plan.run([:]) }
        #expect(throws: KilnError.self) {
            try plan.run(["x": .tensor(x), "z": .tensor(x)])
        }
        #expect(throws: KilnError.self) {
            try plan.run(["x": .tensor(Tensor(shape: [1, 3], values: [Float(1), 2, 3]))])
        }
        #expect(throws: KilnError.self) {
            try plan.run(["x": .tensor(Tensor(shape: [1, 2], values: [Int64(1), 2]))])
        }
    }

    @Test func unsupportedOpNamesOpAndNode() {
        var m = Self.model()
        m.graph.nodes.append(Node(name: "weird", opType: "NoSuchOp", inputs: ["y"], outputs: ["z"]))
        do {
            _ = try InferencePlan(model: m)
            Issue.record("expected unsupportedOp")
        } catch let e as KilnError {
            #expect(e.code == .unsupportedOp)
            #expect(e.description.contains("NoSuchOp"))
            #expect(e.description.contains("weird"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func observerSeesEveryNodeInOrder() throws {
        let seen = Mutex<[String]>([])
        let options = InferenceOptions(observer: { node, _ in seen.withLock { $0.append(node.name) }
            })
        let plan = try InferencePlan(model: Self.model(), options: options)
        _ = try plan.run(["x": .tensor(Tensor(shape: [1, 2], values: [Float(0), 0]))])
        #expect(seen.withLock { $0 } == ["add", "mul"])
    }

    @Test func expandsModelLocalFunctions() throws {
        // f(a) = a * alpha-scaled via attribute reference: Mul(a, Constant(value_float=alpha)).
        let fn = Function(
            name: "Scale", domain: "local", inputs: ["a"], outputs: ["r"],
            attributeNames: ["alpha"],
            nodes: [
                Node(
                    opType: "Constant", inputs: [], outputs: ["k"],
                    attributes: [
                        Attribute(name: "value_float", value: .float(0), referenceName: "alpha")
                    ]),
                Node(opType: "Mul", inputs: ["a", "k"], outputs: ["r"]),
            ],
            opsetImports: [OpsetImport(domain: "", version: 21)])
        let g = Graph(
            inputs: [ValueInfo(name: "x", tensor: TensorType(.float32, [2]))],
            outputs: [ValueInfo(name: "y", tensor: TensorType(.float32, [2]))],
            nodes: [
                Node(
                    opType: "Scale", domain: "local", inputs: ["x"], outputs: ["y"],
                    attributes: [
                        Attribute(name: "alpha", value: .float(3))
                    ])
            ])
        let m = Model(
            opsetImports: [
                OpsetImport(domain: "", version: 21), OpsetImport(domain: "local", version: 1),
            ],
            graph: g, functions: [fn])
        let out = try InferencePlan(model: m).run([
            "x": .tensor(Tensor(shape: [2], values: [Float(1), 2]))
        ])
        #expect(out["y"]?.tensor?.values(as: Float.self) == [3, 6])
    }

    @Test func ifRunsTheSelectedBranchWithOuterScope() throws {
        func branch(_ name: String, _ op: String) -> Graph {
            Graph(
                name: name,
                outputs: [ValueInfo(name: name + "_o", tensor: TensorType(.float32, [2]))],
                nodes: [Node(opType: op, inputs: ["x"], outputs: [name + "_o"])])
        }
        let g = Graph(
            inputs: [
                ValueInfo(name: "c", tensor: TensorType(.bool, [])),
                ValueInfo(name: "x", tensor: TensorType(.float32, [2])),
            ],
            outputs: [ValueInfo(name: "y", tensor: TensorType(.float32, [2]))],
            nodes: [
                Node(
                    opType: "If", inputs: ["c"], outputs: ["y"],
                    attributes: [
                        Attribute(name: "then_branch", value: .graph(branch("then", "Neg"))),
                        Attribute(name: "else_branch", value: .graph(branch("else", "Abs"))),
                    ])
            ])
        let plan = try InferencePlan(model: Model(graph: g))
        let x = Tensor(shape: [2], values: [Float(-1), 2])
        let t = try plan.run(["c": .tensor(.scalar(true)), "x": .tensor(x)])
        let f = try plan.run(["c": .tensor(.scalar(false)), "x": .tensor(x)])
        #expect(t["y"]?.tensor?.values(as: Float.self) == [1, -2])
        #expect(f["y"]?.tensor?.values(as: Float.self) == [1, 2])
    }

    /// Plan-time folding may fail on a branch that never runs on those values: the plan must
    /// still build, and the failure shows only when the branch is taken. In the main graph a
    /// node that fails on its constants fails the plan.
    @Test func foldingFailureInAnUntakenBranchIsLeftForTheRun() throws {
        let shape = Tensor(name: "bad_shape", shape: [1], values: [Int64(5)])
        let data = Tensor(name: "six", shape: [6], values: [Float](repeating: 1, count: 6))
        // else: Reshape of 6 constant elements to [5] (always fails); then: Neg(x).
        let elseBranch = Graph(
            name: "else",
            outputs: [ValueInfo(name: "e_o", tensor: TensorType(.float32, [5]))],
            initializers: [shape, data],
            nodes: [Node(opType: "Reshape", inputs: ["six", "bad_shape"], outputs: ["e_o"])])
        let thenBranch = Graph(
            name: "then",
            outputs: [ValueInfo(name: "t_o", tensor: TensorType(.float32, [2]))],
            nodes: [Node(opType: "Neg", inputs: ["x"], outputs: ["t_o"])])
        let g = Graph(
            inputs: [
                ValueInfo(name: "c", tensor: TensorType(.bool, [])),
                ValueInfo(name: "x", tensor: TensorType(.float32, [2])),
            ],
            outputs: [ValueInfo(name: "y", tensor: TensorType(.float32, [2]))],
            nodes: [
                Node(
                    opType: "If", inputs: ["c"], outputs: ["y"],
                    attributes: [
                        Attribute(name: "then_branch", value: .graph(thenBranch)),
                        Attribute(name: "else_branch", value: .graph(elseBranch)),
                    ])
            ])
        let plan = try InferencePlan(model: Model(graph: g))
        let x = Tensor(shape: [2], values: [Float(-1), 2])
        let t = try plan.run(["c": .tensor(.scalar(true)), "x": .tensor(x)])
        #expect(t["y"]?.tensor?.values(as: Float.self) == [1, -2])
        #expect(throws: KilnError.self) {
            try plan.run(["c": .tensor(.scalar(false)), "x": .tensor(x)])
        }
        // The same Reshape in the main graph fails when the plan is built.
        let main = Graph(
            inputs: [], outputs: [ValueInfo(name: "e_o", tensor: TensorType(.float32, [5]))],
            initializers: [shape, data],
            nodes: [Node(opType: "Reshape", inputs: ["six", "bad_shape"], outputs: ["e_o"])])
        #expect(throws: KilnError.self) { try InferencePlan(model: Model(graph: main)) }
    }

    /// Subgraphs read enclosing values through the scope chain (two levels up, and a graph output
    /// that is an outer value itself) without copying the enclosing environments.
    @Test func nestedSubgraphsReadEveryEnclosingScope() throws {
        let f2 = TensorType(.float32, [2])
        // Innermost: then → x + z (x from main, z from the middle branch); else → x as it is.
        let innerThen = Graph(
            name: "inner_then", outputs: [ValueInfo(name: "s", tensor: f2)],
            nodes: [Node(opType: "Add", inputs: ["x", "z"], outputs: ["s"])])
        let innerElse = Graph(name: "inner_else", outputs: [ValueInfo(name: "x", tensor: f2)])
        let middle = Graph(
            name: "middle", outputs: [ValueInfo(name: "r", tensor: f2)],
            nodes: [
                Node(opType: "Neg", inputs: ["x"], outputs: ["z"]),
                Node(
                    opType: "If", inputs: ["d"], outputs: ["r"],
                    attributes: [
                        Attribute(name: "then_branch", value: .graph(innerThen)),
                        Attribute(name: "else_branch", value: .graph(innerElse)),
                    ]),
            ])
        let other = Graph(
            name: "other", outputs: [ValueInfo(name: "q", tensor: f2)],
            nodes: [Node(opType: "Abs", inputs: ["x"], outputs: ["q"])])
        let g = Graph(
            inputs: [
                ValueInfo(name: "c", tensor: TensorType(.bool, [])),
                ValueInfo(name: "d", tensor: TensorType(.bool, [])),
                ValueInfo(name: "x", tensor: f2),
            ],
            outputs: [ValueInfo(name: "y", tensor: f2), ValueInfo(name: "w", tensor: f2)],
            nodes: [
                Node(
                    opType: "If", inputs: ["c"], outputs: ["y"],
                    attributes: [
                        Attribute(name: "then_branch", value: .graph(middle)),
                        Attribute(name: "else_branch", value: .graph(other)),
                    ]),
                Node(opType: "Mul", inputs: ["y", "x"], outputs: ["w"]),
            ])
        let plan = try InferencePlan(model: Model(graph: g))
        let x = Tensor(shape: [2], values: [Float(-1), 3])
        func feeds(_ c: Bool, _ d: Bool) -> [String: Value] {
            ["c": .tensor(.scalar(c)), "d": .tensor(.scalar(d)), "x": .tensor(x)]
        }
        func run(_ c: Bool, _ d: Bool) throws -> [Float]? {
            try plan.run(feeds(c, d))["y"]?.tensor?.values(as: Float.self)
        }
        #expect(try run(true, true) == [0, 0])
        #expect(try run(true, false) == [-1, 3])
        #expect(try run(false, true) == [1, 3])
        let w = try plan.run(feeds(true, false))
        #expect(w["w"]?.tensor?.values(as: Float.self) == [1, 9])
    }

    /// `RuntimeLimits.maxTensorElements` bounds what kernels may create, while planning
    /// (constant folding) and while running (fuzz finding: a mutated ConstantOfShape shape).
    @Test func tensorElementLimitAppliesToPlanningAndRunning() throws {
        let shape = Tensor(name: "s", shape: [1], values: [Int64(1 << 20)])
        let folded = Graph(
            outputs: [ValueInfo(name: "y", tensor: TensorType(.float32, shape: nil))],
            initializers: [shape],
            nodes: [Node(opType: "ConstantOfShape", inputs: ["s"], outputs: ["y"])])
        var small = InferenceOptions()
        small.limits.maxTensorElements = 1 << 16
        #expect(throws: KilnError.self) {
            _ = try InferencePlan(model: Model(graph: folded), options: small)
        }
        let y = try InferencePlan(model: Model(graph: folded)).run([:])["y"]?.tensor
        #expect(y?.elementCount == 1 << 20)
        var dynamic = folded
        dynamic.initializers = []
        dynamic.inputs = [ValueInfo(name: "s", tensor: TensorType(.int64, [1]))]
        let plan = try InferencePlan(model: Model(graph: dynamic), options: small)
        do {
            _ = try plan.run(["s": .tensor(shape)])
            Issue.record("expected limitExceeded")
        } catch let e as KilnError {
            #expect(e.code == .limitExceeded, "\(e)")
        }
        #expect(Checked.maxElements == Checked.defaultMaxElements, "the limit is scoped to the plan")
    }
}

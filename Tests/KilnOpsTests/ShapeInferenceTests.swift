import Foundation
import KilnIR
import Testing

@testable import KilnOps

/// Symbolic dim arithmetic, type rules on hand-built graphs, and the findings inference reports.
@Suite struct DimMathTests {
    @Test func productsOfSymbolsAndConstants() {
        #expect(DimMath.product([.symbol("N"), .known(2)]) == .symbol("N*2"))
        #expect(DimMath.product([.known(2), .symbol("N")]) == .symbol("N*2"))
        #expect(DimMath.product([.symbol("N*2"), .known(3)]) == .symbol("N*6"))
        #expect(DimMath.product([.symbol("H"), .symbol("N")]) == .symbol("H*N"))
        #expect(DimMath.product([.known(3), .known(4)]) == .known(12))
        #expect(DimMath.product([.symbol("N"), .known(0)]) == .known(0))
        #expect(DimMath.product([.symbol("N"), .unknown]) == .unknown)
        #expect(DimMath.product([.known(Int64.max), .known(2)]) == .unknown, "overflow is unknown")
        #expect(DimMath.product([]) == .known(1))
    }

    @Test func sumsAndDifferences() {
        #expect(DimMath.sum(.symbol("S"), .known(1)) == .symbol("S+1"))
        #expect(DimMath.sum(.symbol("S+1"), .known(2)) == .symbol("S+3"))
        #expect(DimMath.difference(.symbol("S+1"), .known(1)) == .symbol("S"))
        #expect(DimMath.difference(.symbol("N"), .symbol("N")) == .known(0))
        #expect(DimMath.sum(.symbol("A"), .symbol("B")) == .symbol("A+B"))
        #expect(DimMath.sum(.symbol("B"), .symbol("A")) == .symbol("A+B"), "canonical order")
        #expect(DimMath.difference(.known(2), .symbol("N")) == .symbol("-N+2"))
    }

    @Test func exactQuotients() {
        #expect(DimMath.quotient(.symbol("N*6"), .known(3)) == .symbol("N*2"))
        #expect(DimMath.quotient(.symbol("H*N"), .symbol("H")) == .symbol("N"))
        #expect(DimMath.quotient(.symbol("H"), .known(2)) == .symbol("H/2"))
        #expect(DimMath.product([.symbol("H/2"), .known(2)]) == .symbol("H"))
        #expect(DimMath.quotient(.known(7), .known(2)) == .unknown)
        #expect(DimMath.quotient(.symbol("N"), .symbol("M")) == .unknown)
        #expect(DimMath.quotient(.symbol("N*2+2"), .known(2)) == .symbol("N+1"))
    }

    @Test func floorAndCeilQuotientsAreExactOnly() {
        // floor((H*2+1)/2) = H for integer H; floor((H-1)/2) depends on H's parity.
        #expect(DimMath.floorQuotient(.symbol("H*2+1"), .known(2)) == .symbol("H"))
        #expect(DimMath.floorQuotient(.symbol("H-1"), .known(2)) == .unknown)
        #expect(DimMath.ceilQuotient(.symbol("H*2+1"), .known(2)) == .symbol("H+1"))
        #expect(DimMath.floorQuotient(.known(7), .known(2)) == .known(3))
        #expect(DimMath.ceilQuotient(.known(7), .known(2)) == .known(4))
        #expect(DimMath.floorQuotient(.known(-7), .known(2)) == .known(-4))
    }

    @Test func opaqueSymbolsStayWhole() {
        #expect(DimMath.product([.symbol("batch size"), .known(2)]) == .symbol("(batch size)*2"))
        #expect(
            DimMath.quotient(.symbol("(batch size)*2"), .known(2)) == .symbol("batch size"))
        #expect(DimMath.canonical(.symbol("2*N")) == .symbol("N*2"))
        #expect(DimMath.canonical(.symbol("unk__0")) == .symbol("unk__0"))
    }
}

@Suite struct ShapeInferenceTests {
    static func model(
        _ nodes: [Node], inputs: [ValueInfo], outputs: [String], initializers: [Tensor] = [],
        opset: Int64 = 17
    ) -> Model {
        Model(
            irVersion: 8, opsetImports: [OpsetImport(domain: "", version: opset)],
            graph: Graph(
                name: "g", inputs: inputs, outputs: outputs.map { ValueInfo(name: $0, type: nil) },
                initializers: initializers, nodes: nodes))
    }

    static func input(_ name: String, _ e: ElementType, _ dims: [Dim]) -> ValueInfo {
        ValueInfo(name: name, tensor: TensorType(e, shape: dims))
    }

    static func ints(_ name: String, _ v: [Int64]) -> Tensor {
        Tensor(name: name, shape: [Int64(v.count)], values: v)
    }

    static func attr(_ name: String, _ v: AttributeValue) -> Attribute {
        Attribute(name: name, value: v)
    }

    @Test func reshapeOfShapeArithmeticStaysSymbolic() {
        // y = Reshape(x, Concat(Shape(x)[0:1], [-1])): [N, 3, 4, 5] -> [N, 60]
        let m = Self.model(
            [
                Node(name: "shape", opType: "Shape", inputs: ["x"], outputs: ["s"]),
                Node(
                    name: "head", opType: "Slice", inputs: ["s", "zero", "one"], outputs: ["n"]),
                Node(
                    name: "cat", opType: "Concat", inputs: ["n", "minus1"], outputs: ["spec"],
                    attributes: [Self.attr("axis", .int(0))]),
                Node(name: "reshape", opType: "Reshape", inputs: ["x", "spec"], outputs: ["y"]),
                Node(name: "double", opType: "Mul", inputs: ["n", "two"], outputs: ["n2"]),
                Node(
                    name: "cat2", opType: "Concat", inputs: ["n2", "minus1"], outputs: ["spec2"],
                    attributes: [Self.attr("axis", .int(0))]),
                Node(name: "reshape2", opType: "Reshape", inputs: ["x", "spec2"], outputs: ["z"]),
            ],
            inputs: [Self.input("x", .float32, [.symbol("N"), .known(3), .known(4), .known(6)])],
            outputs: ["y", "z"],
            initializers: [
                Self.ints("zero", [0]), Self.ints("one", [1]), Self.ints("minus1", [-1]),
                Self.ints("two", [2]),
            ])
        let r = ShapeInference.infer(m)
        #expect(r.issues.isEmpty)
        #expect(r.types["y"] == .tensor(TensorType(.float32, shape: [.symbol("N"), .known(72)])))
        #expect(r.types["z"] == .tensor(TensorType(.float32, shape: [.symbol("N*2"), .known(36)])))
        // Value infos were written for every intermediate value.
        #expect(r.model.graph.valueInfo.contains { $0.name == "spec" })
        #expect(r.model.graph.outputs[0].type == r.types["y"])
    }

    @Test func convPoolGemmChainOnSymbolicBatch() {
        let m = Self.model(
            [
                Node(
                    name: "conv", opType: "Conv", inputs: ["x", "w"], outputs: ["c"],
                    attributes: [
                        Self.attr("pads", .ints([1, 1, 1, 1])), Self.attr("strides", .ints([2, 2])),
                    ]),
                Node(
                    name: "pool", opType: "MaxPool", inputs: ["c"], outputs: ["p"],
                    attributes: [
                        Self.attr("kernel_shape", .ints([3, 3])), Self.attr("ceil_mode", .int(1)),
                        Self.attr("strides", .ints([2, 2])),
                    ]),
                Node(name: "flat", opType: "Flatten", inputs: ["p"], outputs: ["f"]),
                Node(
                    name: "fc", opType: "Gemm", inputs: ["f", "fw"], outputs: ["y"],
                    attributes: [Self.attr("transB", .int(1))]),
            ],
            inputs: [
                Self.input("x", .float32, [.symbol("N"), .known(3), .known(32), .known(32)]),
                Self.input("w", .float32, [.known(8), .known(3), .known(3), .known(3)]),
                Self.input("fw", .float32, [.known(10), .known(512)]),
            ],
            outputs: ["y"])
        let r = ShapeInference.infer(m)
        #expect(r.issues.isEmpty, "\(r.issues.map(\.error))")
        // conv: floor((32 + 2 - 3) / 2) + 1 = 16; pool ceil: ceil((16 - 3) / 2) + 1 = 8 -> 7 + 1
        #expect(r.types["c"]?.tensorType?.shape == [.symbol("N"), .known(8), .known(16), .known(16)])
        #expect(r.types["p"]?.tensorType?.shape == [.symbol("N"), .known(8), .known(8), .known(8)])
        #expect(r.types["f"]?.tensorType?.shape == [.symbol("N"), .known(512)])
        #expect(r.types["y"]?.tensorType?.shape == [.symbol("N"), .known(10)])
    }

    func issues(_ m: Model) -> [KilnError] { ShapeInference.infer(m).issues.map(\.error) }

    @Test func gemmInnerDimMismatchIsAFinding() {
        let m = Self.model(
            [Node(name: "fc", opType: "Gemm", inputs: ["a", "b"], outputs: ["y"])],
            inputs: [
                Self.input("a", .float32, [.symbol("N"), .known(3)]),
                Self.input("b", .float32, [.known(4), .known(5)]),
            ],
            outputs: ["y"])
        let found = issues(m)
        #expect(found.count == 1)
        #expect(found.first?.code == .shapeMismatch)
        #expect(found.first?.location.node == "fc")
        #expect(found.first?.message.contains("3 vs 4") == true)
    }

    @Test func transposePermOutOfRangeIsAFinding() {
        let m = Self.model(
            [
                Node(
                    name: "t", opType: "Transpose", inputs: ["x"], outputs: ["y"],
                    attributes: [Self.attr("perm", .ints([0, 3, 1]))])
            ],
            inputs: [Self.input("x", .float32, [.known(2), .known(3), .known(4)])],
            outputs: ["y"])
        let found = issues(m)
        #expect(found.map(\.code) == [.axisOutOfRange])
        #expect(found.first?.location.node == "t")
    }

    @Test func reshapeCountMismatchIsAFinding() {
        let m = Self.model(
            [Node(name: "r", opType: "Reshape", inputs: ["x", "s"], outputs: ["y"])],
            inputs: [Self.input("x", .float32, [.symbol("N"), .known(3), .known(5)])],
            outputs: ["y"], initializers: [Self.ints("s", [-1, 4])])
        // 3*5 per batch item is fine symbolically (N*15/4), but a static input is checked:
        #expect(issues(m).isEmpty)
        let s = Self.model(
            [Node(name: "r", opType: "Reshape", inputs: ["x", "s"], outputs: ["y"])],
            inputs: [Self.input("x", .float32, [.known(2), .known(3), .known(5)])],
            outputs: ["y"], initializers: [Self.ints("s", [-1, 4])])
        #expect(issues(s).map(\.code) == [.elementCountMismatch])
        let t = Self.model(
            [Node(name: "r", opType: "Reshape", inputs: ["x", "s"], outputs: ["y"])],
            inputs: [Self.input("x", .float32, [.known(2), .known(3), .known(5)])],
            outputs: ["y"], initializers: [Self.ints("s", [7, 4])])
        #expect(issues(t).map(\.code) == [.elementCountMismatch])
    }

    @Test func axisOutOfRangeAndRankMismatchAreFindings() {
        let m = Self.model(
            [
                Node(
                    name: "sm", opType: "Softmax", inputs: ["x"], outputs: ["y"],
                    attributes: [Self.attr("axis", .int(3))]),
                Node(
                    name: "cat", opType: "Concat", inputs: ["x", "z"], outputs: ["c"],
                    attributes: [Self.attr("axis", .int(0))]),
            ],
            inputs: [
                Self.input("x", .float32, [.known(2), .known(3)]),
                Self.input("z", .float32, [.known(2), .known(3), .known(1)]),
            ],
            outputs: ["y", "c"])
        let found = issues(m)
        #expect(found.map(\.code) == [.axisOutOfRange, .rankMismatch])
        #expect(found.map(\.location.node) == ["sm", "cat"])
    }

    @Test func declaredConflictAndUnknownDims() {
        // dim_value -1 and dim_param "?" read as unknown; "?" dims are never unified.
        var m = Self.model(
            [Node(name: "add", opType: "Add", inputs: ["a", "b"], outputs: ["y"])],
            inputs: [
                Self.input("a", .float32, [.known(-1), .symbol("?")]),
                Self.input("b", .float32, [.known(4), .known(5)]),
            ],
            outputs: ["y"])
        var r = ShapeInference.infer(m)
        #expect(r.issues.isEmpty)
        #expect(r.types["y"]?.tensorType?.shape == [.known(4), .known(5)])
        m.graph.outputs[0].type = .tensor(TensorType(.float32, [4, 6]))
        r = ShapeInference.infer(m)
        #expect(r.issues.map(\.error.code) == [.declaredTypeConflict])
    }

    @Test func broadcastRules() throws {
        let ctx = InferenceContext(
            node: Node(opType: "Add", inputs: ["a", "b"], outputs: ["y"]), inputTypes: [])
        #expect(try ctx.broadcast([[.symbol("N"), .known(1)], [.known(3)]]) == [.symbol("N"), .known(3)])
        #expect(try ctx.broadcast([[.symbol("N")], [.symbol("M")]]) == [.unknown])
        #expect(try ctx.broadcast([[.symbol("N")], [.known(1)]]) == [.symbol("N")])
        #expect(try ctx.broadcast([[.unknown], [.known(5)]]) == [.known(5)])
        #expect(throws: KilnError.self) { try ctx.broadcast([[.known(2)], [.known(3)]]) }
    }

    @Test func subgraphsSeeOuterScopeAndLoopsStackScanOutputs() {
        let body = Graph(
            name: "body",
            inputs: [
                Self.input("i", .int64, []), Self.input("cond", .bool, []),
                Self.input("acc", .float32, [.unknown]),
            ],
            outputs: [
                ValueInfo(name: "cond_out", type: nil), ValueInfo(name: "acc_out", type: nil),
                ValueInfo(name: "scan", type: nil),
            ],
            nodes: [
                Node(opType: "Identity", inputs: ["cond"], outputs: ["cond_out"]),
                Node(opType: "Add", inputs: ["acc", "outer"], outputs: ["acc_out"]),
                Node(opType: "Identity", inputs: ["outer"], outputs: ["scan"]),
            ])
        let m = Self.model(
            [
                Node(
                    name: "loop", opType: "Loop", inputs: ["trip", "", "init"],
                    outputs: ["final", "stacked"], attributes: [Self.attr("body", .graph(body))])
            ],
            inputs: [
                Self.input("trip", .int64, []), Self.input("init", .float32, [.known(3)]),
                Self.input("outer", .float32, [.known(3)]),
            ],
            outputs: ["final", "stacked"])
        let r = ShapeInference.infer(m)
        #expect(r.issues.isEmpty, "\(r.issues.map(\.error))")
        #expect(r.types["final"]?.tensorType?.shape == [.known(3)])
        #expect(r.types["stacked"]?.tensorType?.shape == [.unknown, .known(3)])
        // The body's value infos were filled in too.
        let inferredBody = r.model.graph.nodes[0].attribute("body")?.graph
        #expect(inferredBody?.valueInfo.contains { $0.name == "acc_out" } == false)
        #expect(inferredBody?.outputs[1].type?.tensorType?.shape == [.known(3)])
    }

    @Test func everyKernelOpIsListedForCoverage() {
        // Keeps the catalog of rules honest: rules exist only for registered ops.
        let registered = Set(StandardOps.registry.keys)
        for key in TypeRules.table.keys {
            #expect(registered.contains(key), "type rule for \(key), which has no kernel")
        }
        let without = StandardOps.all.filter { !$0.hasTypeRule }
            .map { OpRegistry.key($0.domain, $0.opType) }.sorted()
        print("type rules: \(registered.count - without.count) of \(registered.count) ops; without: \(without.joined(separator: " "))")
    }
}

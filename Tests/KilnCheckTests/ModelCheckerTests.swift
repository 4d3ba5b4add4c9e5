import Foundation
import KilnCheck
import KilnIR
import Testing

// Expected codes follow the ONNX spec and onnx.checker's verdicts (fixtures/check/
// onnx-checker.json records onnx 1.23's own rejection message for the same situations).

@Suite struct ModelHeaderTests {
    @Test func validModelHasNoFindings() {
        #expect(findings(model([node("Relu", ["X"], ["Y"])])).isEmpty)
    }

    @Test func irVersionRules() {
        let m = model([node("Relu", ["X"], ["Y"])], ir: 0)
        #expect(errorCodes(m) == ["K0001"])
        #expect(errorCodes(model([node("Relu", ["X"], ["Y"])], ir: 99)) == ["K0002"])
        // Opset 21 shipped with IR 10 (onnx 1.16); IR 7 is too old, but only a warning.
        let old = findings(model([node("Relu", ["X"], ["Y"])], ir: 7))
        #expect(old.map(\.code) == ["K0006"])
        #expect(old.first?.severity == .warning)
    }

    @Test func opsetImportRules() {
        let none = errorCodes(model([node("Relu", ["X"], ["Y"])], opset: nil))
        #expect(none == ["K0003", "K0205"])
        #expect(errorCodes(model([node("Relu", ["X"], ["Y"])], opset: 99)) == ["K0005"])
        #expect(errorCodes(model([node("Relu", ["X"], ["Y"])], opset: 0)).contains("K0005"))
        let dup = model(
            [node("Relu", ["X"], ["Y"])], extraOpsets: [OpsetImport(domain: "ai.onnx", version: 20)]
        )
        #expect(codes(dup) == ["K0004"])
    }

    @Test func duplicateMetadataKeys() {
        var m = model([node("Relu", ["X"], ["Y"])])
        m.metadata = [.init(key: "a", value: "1"), .init(key: "a", value: "2")]
        #expect(errorCodes(m) == ["K0007"])
    }
}

@Suite struct GraphStructureTests {
    @Test func undefinedInputNamesNodeAndValue() throws {
        let f = findings(model([node("Relu", ["Ghost"], ["Y"])]))
        let e = try #require(f.first { $0.code == "K0102" })
        #expect(e.rule == "undefined-input")
        #expect(e.node == "Relu#0")
        #expect(e.value == "Ghost")
        #expect(e.graphPath == "main")
        #expect(e.severity == .error)
    }

    @Test func ssaViolation() {
        let m = model([node("Relu", ["X"], ["Y"]), node("Relu", ["X"], ["Y"], name: "second")])
        let f = findings(m).filter { $0.code == "K0103" }
        #expect(f.count == 1)
        #expect(f.first?.node == "second")
        // An output reusing a graph input name is also a second assignment.
        #expect(errorCodes(model([node("Relu", ["X"], ["X"])], outputs: [fv("X")])) == ["K0103"])
    }

    @Test func cycleIsNotReportedAsMereMisordering() {
        let m = model([
            node("Relu", ["b"], ["a"], name: "A"), node("Relu", ["a"], ["b"], name: "B"),
            node("Relu", ["a"], ["Y"]),
        ])
        let e = errorCodes(m)
        #expect(e == ["K0104"])
        let msg = findings(m).first { $0.code == "K0104" }?.message ?? ""
        #expect(msg.contains("A") && msg.contains("B"))
        #expect(errorCodes(model([node("Relu", ["Y"], ["Y"])])).contains("K0104"))
    }

    @Test func unsortedNodes() {
        let m = model([node("Relu", ["T"], ["Y"]), node("Relu", ["X"], ["T"])])
        #expect(errorCodes(m) == ["K0105"])
    }

    @Test func graphOutputsAndNames() {
        let m = model([node("Relu", ["X"], ["Y"])], outputs: [fv("Y"), fv("Z")])
        #expect(errorCodes(m) == ["K0106"])
        var unnamed = model([node("Relu", ["X"], ["Y"])])
        unnamed.graph.name = ""
        #expect(errorCodes(unnamed) == ["K0101"])
        let noShape = model(
            [node("Relu", ["X"], ["Y"])],
            inputs: [ValueInfo(name: "X", tensor: TensorType(.float32, shape: nil))])
        #expect(errorCodes(noShape) == ["K0108"])
    }

    @Test func initializerRules() {
        let add = [node("Add", ["X", "B"], ["Y"])]
        let dup = model(add, initializers: [floats("B", [2, 3]), floats("B", [2, 3])])
        #expect(errorCodes(dup) == ["K0109"])
        // IR <= 3: initializers must be inputs; IR >= 4: an input of that name is an override.
        let ir3 = model(add, initializers: [floats("B", [2, 3])], opset: 8, ir: 3)
        #expect(errorCodes(ir3) == ["K0110"])
        let ir3ok = model(
            add, inputs: [fv("X"), fv("B")], initializers: [floats("B", [2, 3])], opset: 8, ir: 3)
        #expect(findings(ir3ok).isEmpty)
        let shadow = model(add, inputs: [fv("X"), fv("B")], initializers: [floats("B", [2, 3])])
        #expect(codes(shadow) == ["K0112"])
        let unused = model([node("Relu", ["X"], ["Y"])], initializers: [floats("U", [3])])
        let f = findings(unused)
        #expect(f.map(\.code) == ["K0113"])
        #expect(f.first?.severity == .warning)
        #expect(f.first?.value == "U")
    }

    @Test func valueInfoConflictsWithInitializer() {
        let m = model(
            [node("Add", ["X", "B"], ["Y"])], initializers: [floats("B", [2, 3])],
            valueInfo: [fv("B", .int64)])
        #expect(errorCodes(m) == ["K0117"])
        let shape = model(
            [node("Add", ["X", "B"], ["Y"])], initializers: [floats("B", [2, 3])],
            valueInfo: [fv("B", .float32, [3, 2])])
        #expect(errorCodes(shape) == ["K0117"])
    }

    @Test func usageFindings() {
        let m = model(
            [
                node("Dropout", ["X"], ["Y", "Mask"]), node("Relu", ["X"], ["Y2"], name: "n"),
                node("Relu", ["X"], ["Y3"], name: "n"),
            ],
            inputs: [fv("X"), fv("Extra")], outputs: [fv("Y"), fv("Y2"), fv("Y3")])
        let f = findings(m)
        #expect(Set(f.map(\.code)) == ["K0114", "K0115", "K0116"])
        #expect(f.first { $0.code == "K0114" }?.value == "Mask")
        #expect(f.first { $0.code == "K0115" }?.severity == .info)
        #expect(f.first { $0.code == "K0116" }?.severity == .warning)
    }

    @Test func subgraphScopes() throws {
        let thenOK = Graph(
            name: "then", outputs: [fv("t")], nodes: [node("Identity", ["X"], ["t"])])
        let elseBad = Graph(
            name: "else", outputs: [fv("e")], nodes: [node("Identity", ["Ghost"], ["e"])])
        let ifNode = node(
            "If", ["C"], ["Y"],
            [
                Attribute(name: "then_branch", value: .graph(thenOK)),
                Attribute(name: "else_branch", value: .graph(elseBad)),
            ])
        let m = model([ifNode], inputs: [fv("C", .bool, []), fv("X")])
        let f = findings(m)
        #expect(f.map(\.code) == ["K0118"])
        let e = try #require(f.first)
        #expect(e.graphPath == "main/If#0.else_branch")
        #expect(e.node == "Identity#0")
        #expect(e.value == "Ghost")

        // A subgraph may not read a value its owner's graph defines only later.
        let late = model(
            [
                node(
                    "If", ["C"], ["Y"],
                    [
                        Attribute(
                            name: "then_branch",
                            value: .graph(
                                Graph(
                                    name: "t", outputs: [fv("t")],
                                    nodes: [node("Identity", ["Later"], ["t"])]))),
                        Attribute(name: "else_branch", value: .graph(thenOK)),
                    ]),
                node("Relu", ["X"], ["Later"]),
            ],
            inputs: [fv("C", .bool, []), fv("X")], outputs: [fv("Y"), fv("Later")])
        #expect(errorCodes(late).contains("K0118"))
    }

    @Test func loopBodyMayNotShadowOuterNames() {
        let body = Graph(
            name: "body",
            inputs: [fv("i", .int64, []), fv("c", .bool, []), fv("acc")],
            outputs: [fv("c2", .bool, []), fv("X")],
            nodes: [node("Identity", ["c"], ["c2"]), node("Add", ["acc", "X"], ["X"])])
        let m = model(
            [node("Loop", ["N", "", "A"], ["Y"], [Attribute(name: "body", value: .graph(body))])],
            inputs: [fv("N", .int64, []), fv("A"), fv("X")])
        #expect(errorCodes(m) == ["K0103"])
        #expect(findings(m).first?.graphPath == "main/Loop#0.body")
    }

    @Test func subgraphDepthLimit() {
        var g = Graph(name: "leaf", outputs: [fv("t")], nodes: [node("Identity", ["X"], ["t"])])
        for k in 0..<5 {
            let n = node(
                "If", ["C"], ["t"],
                [
                    Attribute(name: "then_branch", value: .graph(g)),
                    Attribute(name: "else_branch", value: .graph(g)),
                ])
            g = Graph(name: "g\(k)", outputs: [fv("t")], nodes: [n])
        }
        let m = model(
            g.nodes.map {
                var n = $0
                n.outputs = ["Y"]
                return n
            },
            inputs: [fv("C", .bool, []), fv("X")])
        #expect(!codes(m).contains("K0120"))
        #expect(codes(m, CheckOptions(maxSubgraphDepth: 2)).contains("K0120"))
    }
}

@Suite struct NodeSchemaTests {
    @Test func opResolution() {
        #expect(errorCodes(model([node("Relux", ["X"], ["Y"])])) == ["K0201"])
        // Gelu arrived in opset 20.
        #expect(errorCodes(model([node("Gelu", ["X"], ["Y"])], opset: 17, ir: 8)) == ["K0202"])
        #expect(errorCodes(model([node("Gelu", ["X"], ["Y"])], opset: 20, ir: 9)).isEmpty)
        // Upsample is deprecated from opset 10.
        let up = model(
            [node("Upsample", ["X", "S"], ["Y"])], initializers: [floats("S", [4])], opset: 10,
            ir: 5)
        #expect(errorCodes(up) == ["K0203"])
        // Custom domain: a warning, once per op type.
        let custom = model(
            [
                node("Mystery", ["X"], ["T"], domain: "com.example"),
                node("Mystery", ["T"], ["Y"], domain: "com.example"),
            ],
            extraOpsets: [OpsetImport(domain: "com.example", version: 1)])
        #expect(findings(custom).map(\.code) == ["K0204"])
        #expect(
            errorCodes(model([node("Mystery", ["X"], ["Y"], domain: "com.example")]))
                == ["K0205"])
        let strict = CheckOptions(strictCustomDomains: true)
        #expect(codes(custom, strict) == ["K0201"])
        #expect(codes(model([node("ImageScaler", ["X"], ["Y"])], opset: 7, ir: 3)) == ["K0214"])
    }

    /// onnxruntime's contrib ops (`com.microsoft`) are verified against its schemas.
    @Test func contribOpsAreVerified() {
        let ms = [OpsetImport(domain: "com.microsoft", version: 1)]
        let w = floats("W", [3, 3, 1, 1])
        let act = Attribute(name: "activation", value: .string(Data("Relu".utf8)))
        let fused = model(
            [node("FusedConv", ["X4", "W"], ["Y4"], domain: "com.microsoft", [act])],
            inputs: [fv("X4", .float32, [1, 3, 4, 4])],
            outputs: [fv("Y4", .float32, [1, 3, 4, 4])], initializers: [w], extraOpsets: ms)
        #expect(findings(fused).isEmpty, "\(findings(fused))")
        // Five inputs where the schema allows at most four; an attribute it does not define;
        // an input type outside its constraint.
        let extra = model(
            [node("FusedConv", ["X4", "W", "", "", "W"], ["Y4"], domain: "com.microsoft")],
            inputs: [fv("X4", .float32, [1, 3, 4, 4])],
            outputs: [fv("Y4", .float32, [1, 3, 4, 4])], initializers: [w], extraOpsets: ms)
        #expect(errorCodes(extra) == ["K0206"])
        let bogus = Attribute(name: "bogus", value: .int(1))
        let unknownAttribute = model(
            [node("Gelu", ["X"], ["Y"], domain: "com.microsoft", [bogus])], extraOpsets: ms)
        #expect(errorCodes(unknownAttribute) == ["K0209"])
        let ints = model(
            [node("Gelu", ["X"], ["Y"], domain: "com.microsoft")],
            inputs: [fv("X", .int32)], outputs: [fv("Y", .int32)], extraOpsets: ms)
        #expect(!errorCodes(ints).isEmpty)
        // An op onnxruntime does not define stays a "cannot verify" warning.
        let unknown = model(
            [node("NotAnOrtOp", ["X"], ["Y"], domain: "com.microsoft")], extraOpsets: ms)
        #expect(findings(unknown).map(\.code) == ["K0204"])
    }

    @Test func arity() {
        #expect(errorCodes(model([node("Relu", ["X", "X"], ["Y"])])) == ["K0206"])
        #expect(errorCodes(model([node("Add", ["X"], ["Y"])])) == ["K0206"])
        let twoOut = model([node("Relu", ["X"], ["Y", "Z"])], outputs: [fv("Y"), fv("Z")])
        #expect(errorCodes(twoOut) == ["K0207"])
        #expect(errorCodes(model([node("Gemm", ["", "X"], ["Y"])])) == ["K0208"])
        // Dropout's ratio is optional: an empty name is fine.
        #expect(errorCodes(model([node("Dropout", ["X", ""], ["Y"])])).isEmpty)
        // Sum is variadic.
        #expect(errorCodes(model([node("Sum", ["X", "X", "X", "X"], ["Y"])])).isEmpty)
        #expect(errorCodes(model([node("Relu", [], [])])).contains("K0218"))
    }

    @Test func attributes() {
        let unknown = node("Relu", ["X"], ["Y"], [Attribute(name: "foo", value: .int(1))])
        #expect(errorCodes(model([unknown])) == ["K0209"])
        let hidden = node("Relu", ["X"], ["Y"], [Attribute(name: "__hint", value: .int(1))])
        #expect(findings(model([hidden])).isEmpty)
        let wrongType = node(
            "Gemm", ["X", "X"], ["Y"],
            [
                Attribute(name: "alpha", value: .int(2)), Attribute(name: "transB", value: .int(1)),
            ])
        #expect(errorCodes(model([wrongType], outputs: [fv("Y", .float32, [2, 2])])) == ["K0210"])
        #expect(errorCodes(model([node("Cast", ["X"], ["Y"])])) == ["K0211"])
        let dup = node(
            "Gemm", ["X", "X"], ["Y"],
            [
                Attribute(name: "transB", value: .int(1)),
                Attribute(name: "transB", value: .int(1)),
            ])
        #expect(errorCodes(model([dup], outputs: [fv("Y", .float32, [2, 2])])) == ["K0212"])
        let bad = node(
            "Gelu", ["X"], ["Y"],
            [
                Attribute(name: "approximate", value: .string(Data([0xFF, 0xFE])))
            ])
        #expect(codes(model([bad])) == ["K0217"])
        let ref = node(
            "Relu", ["X"], ["Y"],
            [
                Attribute(name: "alpha", value: .float(0), referenceName: "a")
            ])
        #expect(errorCodes(model([ref])).contains("K0219"))
    }

    /// One finding per problem: inference (K05xx) owns what it sees; the declared-rank rules
    /// (K06xx) speak only when inference does not run or is turned off.
    @Test func attributeRulesDoNotRepeatInference() {
        let x = fv("X", .float32, [2, 3, 4])
        let softmax = node(
            "Softmax", ["X"], ["Y"], name: "sm", [Attribute(name: "axis", value: .int(3))])
        let clean = model([softmax], inputs: [x], outputs: [fv("Y", .float32, [2, 3, 4])])
        #expect(errorCodes(clean) == ["K0502"])
        #expect(findings(clean).filter { $0.node == "sm" }.count == 1)
        #expect(codes(clean, CheckOptions(disabledRules: ["K0502"])) == ["K0602"])
        // An output without a shape (K0108) stops inference: the attribute rule reports instead.
        let blocked = model(
            [softmax], inputs: [x],
            outputs: [ValueInfo(name: "Y", tensor: TensorType(.float32, shape: nil))])
        #expect(errorCodes(blocked).isSuperset(of: ["K0602"]))
        #expect(!errorCodes(blocked).contains("K0502"))
        let shape = Tensor(name: "S", shape: [2], values: [Int64(5), 5])
        let reshape = model(
            [node("Reshape", ["X", "S"], ["Y"], name: "rs")], inputs: [x],
            outputs: [fv("Y", .float32, [5, 5])], initializers: [shape])
        #expect(errorCodes(reshape) == ["K0503"])
        let gemm = model(
            [node("Gemm", ["A", "B"], ["Y"], name: "g")],
            inputs: [fv("A", .float32, [2, 3]), fv("B", .float32, [4, 5])],
            outputs: [fv("Y", .float32, [2, 5])])
        #expect(errorCodes(gemm) == ["K0501"])
        let perm = model(
            [
                node(
                    "Transpose", ["X"], ["Y"], name: "t",
                    [Attribute(name: "perm", value: .ints([0, 1, 5]))])
            ],
            inputs: [x], outputs: [fv("Y", .float32, [2, 3, 4])])
        #expect(errorCodes(perm) == ["K0502"])
    }

    @Test func typeConstraints() throws {
        let boolAdd = model(
            [node("Add", ["X", "X"], ["Y"])], inputs: [fv("X", .bool)], outputs: [fv("Y", .bool)])
        let f = findings(boolAdd).filter { $0.code == "K0215" }
        #expect(!f.isEmpty)
        #expect(f.first?.message.contains("tensor(bool)") == true)
        let mixed = model(
            [node("Add", ["X", "D"], ["Y"])], inputs: [fv("X"), fv("D", .float64)])
        #expect(errorCodes(mixed) == ["K0216"])
        // Declared output types count too.
        let out = model([node("Relu", ["X"], ["Y"])], outputs: [fv("Y", .float64)])
        #expect(errorCodes(out) == ["K0216"])
        // Cast's output type is free (T2 allows many types).
        let cast = node("Cast", ["X"], ["Y"], [Attribute(name: "to", value: .int(7))])
        #expect(errorCodes(model([cast], outputs: [fv("Y", .int64)])).isEmpty)
    }
}

@Suite struct TensorRuleTests {
    @Test func denseTensors() throws {
        var bad = floats("B", [2, 3])
        bad.data = bad.data.prefix(10)
        let add = [node("Add", ["X", "B"], ["Y"])]
        #expect(errorCodes(model(add, initializers: [bad])) == ["K0301"])
        let neg = Tensor(name: "B", elementType: .float32, shape: [-1, 3])
        #expect(errorCodes(model(add, initializers: [neg])) == ["K0302"])
        let huge = Tensor(name: "B", elementType: .float32, shape: [1 << 40, 1 << 40])
        #expect(errorCodes(model(add, initializers: [huge])) == ["K0303"])
        let undef = Tensor(name: "B", elementType: .undefined, shape: [])
        #expect(errorCodes(model(add, initializers: [undef])) == ["K0304"])
        let strings = Tensor(name: "B", elementType: .string, shape: [2], strings: [Data()])
        #expect(errorCodes(model(add, initializers: [strings])).contains("K0301"))

        var short = floats("v", [2, 3])
        short.data = short.data.prefix(8)
        let constant = node(
            "Constant", [], ["B"], [Attribute(name: "value", value: .tensor(short))])
        let f = findings(model([constant] + add))
        let e = try #require(f.first { $0.code == "K0301" })
        #expect(e.node == "Constant#0")
        #expect(e.value == "v")
    }

    @Test func sparseTensors() {
        func sparse(_ idx: [Int64], dims: [Int64] = [2, 3]) -> SparseTensor {
            SparseTensor(
                values: Tensor(
                    name: "S", shape: [Int64(idx.count)],
                    values: [Float](repeating: 1, count: idx.count)),
                indices: Tensor(name: "S_idx", shape: [Int64(idx.count)], values: idx), dims: dims)
        }
        func m(_ s: SparseTensor) -> Model {
            var m = model([node("Add", ["X", "S"], ["Y"])])
            m.graph.sparseInitializers = [s]
            return m
        }
        #expect(errorCodes(m(sparse([1, 4]))).isEmpty)
        #expect(errorCodes(m(sparse([4, 1]))) == ["K0305"])
        #expect(errorCodes(m(sparse([1, 6]))) == ["K0305"])
        #expect(errorCodes(m(sparse([1], dims: [2, 0]))) == ["K0305"])
    }
}

@Suite struct FunctionTests {
    let opsets = [OpsetImport(domain: "", version: 21)]
    let importFns = [OpsetImport(domain: "local.fns", version: 1)]

    func fn(
        _ name: String, _ nodes: [Node], inputs: [String] = ["x"], outputs: [String] = ["y"],
        opsets: [OpsetImport]? = nil
    ) -> Function {
        Function(
            name: name, domain: "local.fns", inputs: inputs, outputs: outputs, nodes: nodes,
            opsetImports: opsets ?? self.opsets)
    }

    @Test func validFunctionCall() {
        let f = fn("Twice", [node("Relu", ["x"], ["t"]), node("Relu", ["t"], ["y"])])
        let m = model(
            [node("Twice", ["X"], ["Y"], domain: "local.fns")], extraOpsets: importFns,
            functions: [f])
        #expect(findings(m).isEmpty)
    }

    @Test func functionBodyRules() throws {
        let broken = fn("Broken", [node("Relu", ["nope"], ["y"])])
        let m = model(
            [node("Broken", ["X"], ["Y"], domain: "local.fns")], extraOpsets: importFns,
            functions: [broken])
        let e = try #require(findings(m).first { $0.code == "K0102" })
        #expect(e.graphPath == "function:local.fns.Broken")
        let dup = fn("Dup", [node("Relu", ["x"], ["y"])], outputs: ["y", "y"])
        let md = model(
            [node("Dup", ["X"], ["Y"], domain: "local.fns")], extraOpsets: importFns,
            functions: [dup])
        #expect(errorCodes(md) == ["K0401"])
        let old = fn(
            "Old", [node("Relu", ["x"], ["y"])], opsets: [OpsetImport(domain: "", version: 6)])
        let mo = model(
            [node("Old", ["X"], ["Y"], domain: "local.fns")], extraOpsets: importFns,
            functions: [old])
        #expect(errorCodes(mo) == ["K0402"])
        let twice = model(
            [node("Old", ["X"], ["Y"], domain: "local.fns")], extraOpsets: importFns,
            functions: [
                fn("Old", [node("Relu", ["x"], ["y"])]), fn("Old", [node("Relu", ["x"], ["y"])]),
            ])
        #expect(errorCodes(twice) == ["K0403"])
        let arity = model(
            [node("Old", ["X", "X"], ["Y"], domain: "local.fns")], extraOpsets: importFns,
            functions: [fn("Old", [node("Relu", ["x"], ["y"])])])
        #expect(errorCodes(arity) == ["K0221"])
        // Attribute references are fine inside function bodies.
        let refBody = fn(
            "Ref",
            [
                node(
                    "Gelu", ["x"], ["y"],
                    [
                        Attribute(
                            name: "approximate", value: .string(Data()), referenceName: "mode")
                    ])
            ])
        let mr = model(
            [node("Ref", ["X"], ["Y"], domain: "local.fns")], extraOpsets: importFns,
            functions: [refBody])
        #expect(errorCodes(mr).isEmpty)
    }
}

@Suite struct OptionsAndCatalogTests {
    let noisy = model(
        [node("Relu", ["X"], ["Y"])], inputs: [fv("X"), fv("Extra")],
        initializers: [floats("U", [3])])

    @Test func ruleSelection() {
        #expect(codes(noisy) == ["K0113", "K0115"])
        #expect(codes(noisy, CheckOptions(disabledRules: ["unused-initializer"])) == ["K0115"])
        #expect(codes(noisy, CheckOptions(enabledRules: ["K0113"])) == ["K0113"])
        #expect(codes(noisy, CheckOptions(minimumSeverity: .warning)) == ["K0113"])
        let promoted = findings(noisy, CheckOptions(warningsAsErrors: true))
        #expect(promoted.first { $0.code == "K0113" }?.severity == .error)
        #expect(promoted.first { $0.code == "K0115" }?.severity == .info)
    }

    @Test func ruleCatalogIsWellFormed() {
        let all = CheckRules.all
        #expect(all.count >= 50)
        #expect(Set(all.map(\.code)).count == all.count)
        #expect(Set(all.map(\.rule)).count == all.count)
        #expect(all.map(\.code) == all.map(\.code).sorted())
        for r in all {
            #expect(r.code.wholeMatch(of: /K\d{4}/) != nil)
            #expect(r.rule.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil)
            #expect(r.summary.hasSuffix("."))
        }
        #expect(Finding.Severity.info < .warning && Finding.Severity.warning < .error)
    }

    @Test func everyEmittedCodeIsCatalogued() {
        let known = Set(CheckRules.all.map(\.code))
        let models = [noisy, model([node("Relux", ["Ghost"], ["Y"])], opset: 99, ir: 0)]
        for m in models { for f in findings(m) { #expect(known.contains(f.code)) } }
        for f in findings(model([node("Relux", ["Ghost"], ["Y"])], opset: 99, ir: 0)) {
            let rule = CheckRules.all.first { $0.code == f.code }
            #expect(rule?.rule == f.rule)
            #expect(rule?.severity == f.severity)
        }
    }
}

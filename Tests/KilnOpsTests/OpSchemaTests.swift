import Foundation
import KilnIR
import KilnTestSupport
import Testing

@testable import KilnOps

// Reference numbers below come from the onnx package (1.23.2), not from Kiln:
//
//   /work/venv/bin/python -c "import collections; from onnx import defs; \
//     s = defs.get_all_schemas_with_history(); \
//     print(sorted(collections.Counter(x.domain for x in s).items())); \
//     print(sorted(collections.Counter(d for d, _ in {(x.domain, x.name) for x in s}).items())); \
//     print(sum(x.has_function for x in s), sum(x.has_context_dependent_function for x in s), \
//           sum(x.deprecated for x in s)); print(defs.C.schema_version_map())"
//
//   [('', 629), ('ai.onnx.ml', 25), ('ai.onnx.preview', 1), ('ai.onnx.preview.training', 4)]
//   [('', 203), ('ai.onnx.ml', 19), ('ai.onnx.preview', 1), ('ai.onnx.preview.training', 4)]
//   42 34 5
//   {'ai.onnx.preview.training': (1, 1), 'ai.onnx.preview': (1, 1), 'ai.onnx.training': (1, 1),
//    'ai.onnx.ml': (1, 5), '': (1, 28)}
//
// Per-op facts (versions, attributes, defaults) are from `defs.get_schema(op, version, domain)`
// and `[x.since_version for x in s if x.name == op]`.

@Suite struct OpSchemaTests {
    // MARK: - Counts

    @Test func schemaCountsPerDomainMatchOnnx() {
        var counts: [String: Int] = [:]
        for s in OpSchemas.all { counts[s.domain, default: 0] += 1 }
        #expect(
            counts == [
                "": 629, "ai.onnx.ml": 25, "ai.onnx.preview": 1,
                "ai.onnx.preview.training": 4,
            ])
        #expect(OpSchemas.all.count == 659)
    }

    @Test func distinctOpCountsPerDomainMatchOnnx() {
        var ops: [String: Set<String>] = [:]
        for s in OpSchemas.all { ops[s.domain, default: []].insert(s.name) }
        #expect(
            ops.mapValues(\.count) == [
                "": 203, "ai.onnx.ml": 19, "ai.onnx.preview": 1, "ai.onnx.preview.training": 4,
            ])
    }

    @Test func flagCountsMatchOnnx() {
        #expect(OpSchemas.all.filter(\.hasFunctionBody).count == 42)
        #expect(OpSchemas.all.filter(\.hasContextDependentFunction).count == 34)
        #expect(OpSchemas.all.filter(\.deprecated).count == 5)
    }

    @Test func latestOpsetPerDomain() {
        let latest = OpSchemas.latestOpset
        #expect(latest[""] == 28)
        #expect(latest["ai.onnx.ml"] == 5)
        #expect(latest["ai.onnx.preview.training"] == 1)
        #expect(latest["ai.onnx"] == nil)
    }

    @Test func allIsSortedAndUnique() {
        let keys = OpSchemas.all.map { "\($0.domain)\u{0}\($0.name)\u{0}\($0.sinceVersion)" }
        #expect(Set(keys).count == keys.count)
        let sorted = OpSchemas.all.sorted {
            ($0.domain, $0.name, $0.sinceVersion) < ($1.domain, $1.name, $1.sinceVersion)
        }
        #expect(sorted.map(\.name) == OpSchemas.all.map(\.name))
    }

    // MARK: - Spot checks

    @Test(arguments: [Int64(1), 11, 22])
    func convAttributes(version: Int64) throws {
        let conv = try #require(OpSchemas.lookup(domain: "", opType: "Conv", opsetVersion: version))
        #expect(conv.sinceVersion == version)
        #expect(
            conv.attributes.map(\.name) == [
                "auto_pad", "dilations", "group", "kernel_shape", "pads", "strides",
            ])
        #expect(conv.attribute("auto_pad")?.kind == .string)
        #expect(conv.attribute("auto_pad")?.defaultValue == .string(Data("NOTSET".utf8)))
        #expect(conv.attribute("group")?.kind == .int)
        #expect(conv.attribute("group")?.defaultValue == .int(1))
        #expect(conv.attribute("group")?.required == false)
        #expect(conv.attribute("kernel_shape")?.kind == .ints)
        #expect(conv.attribute("kernel_shape")?.defaultValue == nil)
        #expect(conv.attribute("nope") == nil)
        #expect(conv.inputs.map(\.name) == ["X", "W", "B"])
        #expect(conv.inputs.map(\.option) == [.single, .single, .optional])
        #expect(conv.outputs.map(\.name) == ["Y"])
        #expect((conv.minInputs, conv.maxInputs, conv.minOutputs, conv.maxOutputs) == (2, 3, 1, 1))
        let t = try #require(conv.typeConstraint("T"))
        if version == 22 {
            #expect(
                t.allowedTypes == [
                    "tensor(bfloat16)", "tensor(float16)", "tensor(float)", "tensor(double)",
                ])
        } else {
            #expect(t.allowedTypes == ["tensor(float16)", "tensor(float)", "tensor(double)"])
        }
    }

    @Test func sliceMovedAttributesToInputsAtOpset10() throws {
        let v1 = try #require(OpSchemas.lookup(domain: "", opType: "Slice", opsetVersion: 9))
        #expect(v1.sinceVersion == 1)
        #expect(v1.inputs.map(\.name) == ["data"])
        #expect(v1.attribute("starts")?.required == true)
        #expect(v1.attribute("ends")?.required == true)
        #expect(v1.attribute("axes")?.required == false)
        #expect(v1.attribute("starts")?.kind == .ints)

        let v10 = try #require(OpSchemas.lookup(domain: "", opType: "Slice", opsetVersion: 10))
        #expect(v10.sinceVersion == 10)
        #expect(v10.attributes.isEmpty)
        #expect(v10.inputs.map(\.name) == ["data", "starts", "ends", "axes", "steps"])
        #expect(v10.inputs.map(\.typeString) == ["T", "Tind", "Tind", "Tind", "Tind"])
        #expect(v10.inputs.map(\.option) == [.single, .single, .single, .optional, .optional])
        #expect((v10.minInputs, v10.maxInputs) == (3, 5))
        #expect(v10.typeConstraint("Tind")?.allowedTypes == ["tensor(int32)", "tensor(int64)"])
        #expect(OpSchemas.versions(domain: "", opType: "Slice") == [1, 10, 11, 13])
    }

    @Test func resizeVersions() {
        #expect(OpSchemas.versions(domain: "", opType: "Resize") == [10, 11, 13, 18, 19])
        // Resize did not exist before opset 10.
        #expect(OpSchemas.lookup(domain: "", opType: "Resize", opsetVersion: 9) == nil)
        #expect(
            OpSchemas.lookup(domain: "", opType: "Resize", opsetVersion: 13)?.sinceVersion == 13)
        #expect(
            OpSchemas.lookup(domain: "", opType: "Resize", opsetVersion: 21)?.sinceVersion == 19)
    }

    @Test func loopIsVariadic() throws {
        let loop = try #require(OpSchemas.lookup(domain: "", opType: "Loop", opsetVersion: 21))
        #expect(loop.sinceVersion == 21)
        #expect(loop.inputs.map(\.name) == ["M", "cond", "v_initial"])
        #expect(loop.inputs.map(\.option) == [.optional, .optional, .variadic])
        let initial = loop.inputs[2]
        #expect(initial.isHomogeneous == false)
        #expect(initial.minArity == 0)
        #expect(loop.outputs.first?.option == .variadic)
        #expect(loop.outputs.first?.minArity == 1)
        #expect((loop.minInputs, loop.maxInputs) == (2, Int.max))
        #expect((loop.minOutputs, loop.maxOutputs) == (1, Int.max))
        #expect(loop.attribute("body")?.kind == .graph)
        #expect(loop.attribute("body")?.required == true)
        let v = try #require(loop.typeConstraint("V"))
        #expect(v.allowedTypes.contains("optional(seq(tensor(float)))"))
        #expect(v.allowedTypes.count == 82)
    }

    @Test func ifHasTwoRequiredSubgraphs() throws {
        let op = try #require(OpSchemas.lookup(domain: "ai.onnx", opType: "If", opsetVersion: 21))
        #expect(op.attributes.map(\.name) == ["else_branch", "then_branch"])
        #expect(op.attributes.allSatisfy { $0.kind == .graph && $0.required })
        #expect(op.inputs.map(\.typeString) == ["B"])
        #expect(op.typeConstraint("B")?.allowedTypes == ["tensor(bool)"])
        #expect(op.outputs.first?.option == .variadic)
        #expect(
            OpSchemas.versions(domain: "", opType: "If") == [1, 11, 13, 16, 19, 21, 23, 24, 25])
    }

    @Test func treeEnsembleClassifier() throws {
        let ml = "ai.onnx.ml"
        #expect(OpSchemas.versions(domain: ml, opType: "TreeEnsembleClassifier") == [1, 3, 5])
        #expect(OpSchemas.isKnown(domain: "", opType: "TreeEnsembleClassifier") == false)
        let op = try #require(
            OpSchemas.lookup(domain: ml, opType: "TreeEnsembleClassifier", opsetVersion: 3))
        #expect(op.domain == ml)
        #expect(op.sinceVersion == 3)
        #expect(op.attributes.count == 21)
        #expect(op.attribute("post_transform")?.defaultValue == .string(Data("NONE".utf8)))
        #expect(op.attribute("base_values_as_tensor")?.kind == .tensor)
        #expect(op.attribute("classlabels_strings")?.kind == .strings)
        #expect(op.attribute("nodes_hitrates")?.kind == .floats)
        #expect(op.outputs.map(\.typeString) == ["T2", "tensor(float)"])
        #expect(
            op.typeConstraint("T1")?.allowedTypes == [
                "tensor(float)", "tensor(double)", "tensor(int64)", "tensor(int32)",
            ])
        #expect(op.typeConstraint("T2")?.allowedTypes == ["tensor(string)", "tensor(int64)"])
        // Removed from ai.onnx.ml at version 5 (replaced by TreeEnsemble).
        let v5 = try #require(
            OpSchemas.lookup(domain: ml, opType: "TreeEnsembleClassifier", opsetVersion: 5))
        #expect(v5.deprecated)
    }

    @Test func listAndFloatDefaults() throws {
        let leaky = try #require(
            OpSchemas.lookup(domain: "", opType: "LeakyRelu", opsetVersion: 16))
        #expect(leaky.attribute("alpha")?.defaultValue == .float(0.01))
        #expect(leaky.hasFunctionBody)
        let mvn = try #require(
            OpSchemas.lookup(domain: "", opType: "MeanVarianceNormalization", opsetVersion: 13))
        #expect(mvn.attribute("axes")?.defaultValue == .ints([0, 2, 3]))
        let rnn = try #require(OpSchemas.lookup(domain: "", opType: "RNN", opsetVersion: 22))
        #expect(
            rnn.attribute("activations")?.defaultValue
                == .strings([
                    Data("Tanh".utf8), Data("Tanh".utf8),
                ]))
        #expect(rnn.attribute("direction")?.defaultValue == .string(Data("forward".utf8)))
        #expect(rnn.attribute("layout")?.defaultValue == .int(0))
        #expect(rnn.attribute("clip")?.defaultValue == nil)
        #expect((rnn.minOutputs, rnn.maxOutputs) == (0, 2))
    }

    // MARK: - Lookup

    @Test(arguments: [
        // (op, opset, since_version from onnx's defs.get_schema(op, opset))
        ("Conv", Int64(9), Int64(1)), ("Conv", 13, 11), ("Conv", 21, 11),
        ("Slice", 9, 1), ("Slice", 13, 13), ("Slice", 21, 13),
        ("Softmax", 9, 1), ("Softmax", 13, 13), ("Softmax", 21, 13),
        ("Reshape", 9, 5), ("Reshape", 13, 13), ("Reshape", 21, 21),
        ("Upsample", 9, 9), ("Upsample", 13, 10),
    ])
    func lookupPicksVersionInForce(op: String, opset: Int64, since: Int64) {
        #expect(
            OpSchemas.lookup(domain: "", opType: op, opsetVersion: opset)?.sinceVersion == since)
        #expect(
            OpSchemas.lookup(domain: "ai.onnx", opType: op, opsetVersion: opset)?.sinceVersion
                == since)
    }

    @Test func deprecatedOpIsReturnedAndFlagged() {
        #expect(
            OpSchemas.lookup(domain: "", opType: "Upsample", opsetVersion: 9)?.deprecated == false)
        #expect(
            OpSchemas.lookup(domain: "", opType: "Upsample", opsetVersion: 13)?.deprecated == true)
    }

    @Test func unknownOpsAreNil() {
        #expect(OpSchemas.lookup(domain: "", opType: "NoSuchOp", opsetVersion: 21) == nil)
        #expect(OpSchemas.lookup(domain: "com.example", opType: "Conv", opsetVersion: 21) == nil)
        #expect(OpSchemas.lookup(domain: "", opType: "conv", opsetVersion: 21) == nil)
        #expect(OpSchemas.lookup(domain: "", opType: "Conv", opsetVersion: 0) == nil)
        #expect(OpSchemas.versions(domain: "", opType: "NoSuchOp").isEmpty)
        #expect(OpSchemas.isKnown(domain: "", opType: "NoSuchOp") == false)
        #expect(OpSchemas.isKnown(domain: "ai.onnx", opType: "Conv"))
        #expect(OpSchemas.isKnown(domain: "ai.onnx.preview.training", opType: "Adam"))
    }

    // MARK: - Parsing speed

    @Test func catalogParsesQuickly() {
        let clock = ContinuousClock()
        var best = Duration.seconds(1000)
        var count = 0
        for _ in 0..<5 {
            let elapsed = clock.measure {
                count = OpSchemaCatalog(parsing: OpSchemaData.text).schemas.count
            }
            best = min(best, elapsed)
        }
        print("OpSchemaCatalog parse: \(best) (best of 5, \(count) schemas)")
        #expect(count == 659)
        // Generous bound for debug builds on a loaded machine; release is far faster.
        #expect(best < .milliseconds(500))
    }
}

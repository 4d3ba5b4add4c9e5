import KilnIR
import KilnOps
import Testing

@Suite struct TypeStringTests {
    private func tensor(_ e: ElementType, _ dims: [Int64] = [2, 3]) -> ValueType {
        .tensor(TensorType(e, dims))
    }

    @Test func parsesSchemaSpellings() {
        #expect(TypeString.parse("tensor(float)") == .tensor(TensorType(.float32, shape: nil)))
        #expect(TypeString.parse("tensor(double)") == .tensor(TensorType(.float64, shape: nil)))
        #expect(TypeString.parse("tensor(float16)") == .tensor(TensorType(.float16, shape: nil)))
        #expect(
            TypeString.parse("seq(tensor(int64))")
                == .sequence(.tensor(TensorType(.int64, shape: nil))))
        #expect(
            TypeString.parse("optional(seq(tensor(bool)))")
                == .optional(.sequence(.tensor(TensorType(.bool, shape: nil)))))
        #expect(
            TypeString.parse("map(string, float)")
                == .map(key: .string, value: .tensor(TensorType(.float32, shape: nil))))
        #expect(
            TypeString.parse("seq(map(int64, float))")
                == .sequence(.map(key: .int64, value: .tensor(TensorType(.float32, shape: nil)))))
        #expect(
            TypeString.parse("sparse_tensor(int8)")
                == .sparseTensor(TensorType(.int8, shape: nil)))
    }

    @Test func rejectsNonTypes() {
        for s in [
            "T", "Tind", "", "tensor()", "tensor(float", "tensor(undefined)", "seq(float)",
            "tensor(float6e2m3)", "list(tensor(float))", "map(string)", "float",
        ] {
            #expect(TypeString.parse(s) == nil, "\(s)")
        }
    }

    @Test func everySchemaTypeStringParsesOrIsAKnownGap() {
        // Kiln has no float6 element types; everything else used by ONNX schemas must parse.
        var unparsed: Set<String> = []
        for schema in OpSchemas.all {
            for tc in schema.typeConstraints {
                for t in tc.allowedTypes where TypeString.parse(t) == nil { unparsed.insert(t) }
            }
        }
        #expect(!unparsed.isEmpty)
        #expect(unparsed.allSatisfy { $0.contains("float6e2m3") || $0.contains("float6e3m2") })
    }

    @Test func formatsInSchemaSpelling() {
        #expect(TypeString.format(tensor(.float32)) == "tensor(float)")
        #expect(TypeString.format(tensor(.float64)) == "tensor(double)")
        #expect(TypeString.format(.sequence(tensor(.int64))) == "seq(tensor(int64))")
        #expect(TypeString.format(.optional(tensor(.bfloat16))) == "optional(tensor(bfloat16))")
        #expect(
            TypeString.format(.map(key: .string, value: tensor(.float32))) == "map(string, float)")
        #expect(TypeString.format(.sequence(nil)) == nil)
        #expect(TypeString.format(tensor(.undefined)) == nil)
    }

    @Test func formatThenParseRoundTripsForEveryElementType() {
        for e in ElementType.allCases where e != .undefined {
            let t = ValueType.optional(.sequence(.tensor(TensorType(e, shape: nil))))
            let s = TypeString.format(t)
            #expect(s != nil)
            #expect(s.flatMap(TypeString.parse) == t, "\(e)")
        }
    }

    @Test func matchesIgnoresShapesAndChecksStructure() {
        #expect(OpSchema.matches(tensor(.float32), typeString: "tensor(float)"))
        #expect(OpSchema.matches(tensor(.float32, [1]), typeString: " tensor( float ) "))
        #expect(!OpSchema.matches(tensor(.float64), typeString: "tensor(float)"))
        #expect(!OpSchema.matches(tensor(.float32), typeString: "seq(tensor(float))"))
        #expect(!OpSchema.matches(tensor(.float32), typeString: "T"))
        #expect(OpSchema.matches(.sequence(tensor(.int64)), typeString: "seq(tensor(int64))"))
        #expect(!OpSchema.matches(.sequence(tensor(.int32)), typeString: "seq(tensor(int64))"))
        #expect(
            OpSchema.matches(.optional(tensor(.float16)), typeString: "optional(tensor(float16))"))
        #expect(!OpSchema.matches(tensor(.float16), typeString: "optional(tensor(float16))"))
        let sparse = ValueType.sparseTensor(TensorType(.float32, [2]))
        #expect(!OpSchema.matches(sparse, typeString: "tensor(float)"))
        let seqOfMaps = ValueType.sequence(.map(key: .string, value: tensor(.float32)))
        #expect(OpSchema.matches(seqOfMaps, typeString: "seq(map(string, float))"))
        #expect(
            !OpSchema.matches(
                .map(key: .int64, value: tensor(.float32)), typeString: "map(string, float)"))
    }

    @Test func unknownPartsMatchAnything() {
        #expect(OpSchema.matches(.sequence(nil), typeString: "seq(tensor(float))"))
        #expect(OpSchema.matches(tensor(.undefined), typeString: "tensor(int8)"))
        #expect(!OpSchema.matches(.sequence(nil), typeString: "tensor(float)"))
    }

    @Test func allowsResolvesTypeParameters() throws {
        let slice = try #require(OpSchemas.lookup(domain: "", opType: "Slice", opsetVersion: 13))
        #expect(slice.allows(tensor(.int64), for: slice.inputs[1]))
        #expect(!slice.allows(tensor(.float32), for: slice.inputs[1]))
        #expect(slice.allows(tensor(.bfloat16), for: slice.inputs[0]))
        let tec = try #require(
            OpSchemas.lookup(
                domain: "ai.onnx.ml", opType: "TreeEnsembleClassifier", opsetVersion: 3))
        // Output Z has the concrete type string tensor(float).
        #expect(tec.allowedTypes(for: tec.outputs[1]) == ["tensor(float)"])
        #expect(tec.allows(tensor(.float32), for: tec.outputs[1]))
        #expect(!tec.allows(tensor(.float64), for: tec.outputs[1]))
    }
}

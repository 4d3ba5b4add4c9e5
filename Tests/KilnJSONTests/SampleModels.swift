import Foundation
import KilnIR

/// Hand-built models for the Kiln JSON tests. Values are chosen to hit edge cases: extreme
/// integers, special floats, non-UTF-8 byte strings, sub-byte and 8/16-bit float types.
enum SampleModels {
    static func bytes(_ b: [UInt8]) -> Data { Data(b) }

    static func floats(_ xs: [Float]) -> Data { xs.withUnsafeBytes { Data($0) } }

    /// Float32 values including every special class, as raw bit patterns.
    static let specialFloatBits: [UInt32] = [
        0x0000_0000,  // +0
        0x8000_0000,  // -0
        0x7F80_0000,  // +inf
        0xFF80_0000,  // -inf
        0x7FC0_0000,  // canonical NaN
        0xFFC0_0000,  // negative NaN
        0x7FA0_0001,  // signalling NaN with payload
        0x0000_0001,  // smallest subnormal
        0x7F7F_FFFF,  // largest finite
        0x3E4C_CCCD,  // 0.2
        0x3DCC_CCCD,  // 0.1
        0xC2F6_E979,  // -123.456
    ]

    static var specialFloats: [Float] { specialFloatBits.map(Float.init(bitPattern:)) }

    /// A model exercising every field and attribute kind of the IR.
    static func everything() -> Model {
        let f32 = TensorType(.float32, shape: [.known(1), .symbol("N"), .unknown])
        let allTypes: [ValueType] = [
            .tensor(f32),
            .tensor(TensorType(.int64, shape: nil)),
            .tensor(TensorType(.float32, shape: [])),
            .sparseTensor(TensorType(.float16, [4, 4])),
            .sequence(.tensor(TensorType(.string, [2]))),
            .sequence(nil),
            .optional(.sequence(.tensor(f32))),
            .optional(nil),
            .map(key: .int64, value: .tensor(TensorType(.float64, [3]))),
            .map(key: .string, value: nil),
            .opaque(domain: "com.example", name: "Handle"),
            .tensor(TensorType(.undefined, shape: nil)),
        ]
        var initializers: [Tensor] = [
            Tensor(name: "f32", shape: [2, 6], values: specialFloats),
            Tensor(name: "f64", shape: [4], values: [0.1, -0.0, Double.infinity, 1e300]),
            Tensor(
                name: "f64nan", elementType: .float64, shape: [2],
                data: [Double.nan, Double(bitPattern: 0xFFF8_0000_0000_0001)]
                    .withUnsafeBytes { Data($0) }),
            Tensor(name: "i64", shape: [4], values: [Int64.min, Int64.max, 0, -1]),
            Tensor(name: "u64", shape: [2], values: [UInt64.max, 1 << 63]),
            Tensor(name: "i32", shape: [2], values: [Int32.min, Int32.max]),
            Tensor(name: "i16", shape: [2], values: [Int16.min, Int16.max]),
            Tensor(name: "i8", shape: [2], values: [Int8.min, Int8.max]),
            Tensor(name: "u8", shape: [3], values: [UInt8(0), 128, 255]),
            Tensor(name: "u16", shape: [1], values: [UInt16.max]),
            Tensor(name: "u32", shape: [1], values: [UInt32.max]),
            Tensor(name: "b", shape: [3], values: [true, false, true]),
            Tensor(name: "b_odd", elementType: .bool, shape: [2], data: bytes([0, 2])),
            Tensor(name: "scalar", shape: [], values: [Float(3.5)]),
            Tensor(name: "empty", shape: [0, 3], values: [Float]()),
            Tensor(
                name: "h", elementType: .float16, shape: [2],
                data: bytes([0x00, 0x3C, 0xFF, 0x7E])),
            Tensor(name: "bf", elementType: .bfloat16, shape: [1], data: bytes([0x80, 0x3F])),
            Tensor(name: "f8", elementType: .float8e4m3fn, shape: [2], data: bytes([0x7F, 0x01])),
            Tensor(name: "f8b", elementType: .float8e5m2fnuz, shape: [1], data: bytes([0x80])),
            Tensor(name: "e8m0", elementType: .float8e8m0, shape: [1], data: bytes([0xFF])),
            Tensor(name: "i4", elementType: .int4, shape: [3], data: bytes([0x8F, 0x07])),
            Tensor(name: "u4", elementType: .uint4, shape: [2], data: bytes([0xF0])),
            Tensor(name: "f4", elementType: .float4e2m1, shape: [1], data: bytes([0x0F])),
            Tensor(name: "i2", elementType: .int2, shape: [5], data: bytes([0xE4, 0x03])),
            Tensor(name: "u2", elementType: .uint2, shape: [1], data: bytes([0x02])),
            Tensor(
                name: "c64", elementType: .complex64, shape: [1],
                data: floats([1.5, -2.5])),
            Tensor(
                name: "c128", elementType: .complex128, shape: [1],
                data: [1.0, -1.0].withUnsafeBytes { Data($0) }),
            Tensor(
                name: "s", elementType: .string, shape: [2, 2],
                strings: [
                    Data("héllo".utf8), bytes([0xFF, 0xFE, 0x00]), Data(), Data("\"\\\n\t".utf8),
                ],
                docString: "string tensor", metadata: [.init(key: "k", value: "v")]),
            Tensor(name: "big", shape: [300], values: (0..<300).map { Float($0) * 0.5 }),
            Tensor(
                name: "bigI8", shape: [2000],
                values: (0..<2000).map { Int8(truncatingIfNeeded: $0) }),
        ]
        initializers.append(
            Tensor(name: "", elementType: .uint8, shape: [1], data: bytes([7])))

        let sparse = SparseTensor(
            values: Tensor(name: "sp", shape: [2], values: [Float(1), 2]),
            indices: Tensor(name: "sp_idx", shape: [2], values: [Int64(0), 15]),
            dims: [4, 4])

        let thenBranch = Graph(
            name: "then",
            outputs: [ValueInfo(name: "t_out", tensor: TensorType(.float32, [1]))],
            nodes: [
                Node(
                    opType: "Constant", inputs: [], outputs: ["t_out"],
                    attributes: [
                        Attribute(
                            name: "value",
                            value: .tensor(Tensor(name: "c", shape: [1], values: [Float(1)])))
                    ])
            ])
        var elseBranch = thenBranch
        elseBranch.name = "else"
        elseBranch.nodes[0].attributes[0].value = .tensor(
            Tensor(name: "c", shape: [1], values: [Float(-1)]))
        // A subgraph nested inside a subgraph.
        let deep = Graph(
            name: "outer",
            nodes: [
                Node(
                    opType: "If", inputs: ["cond"], outputs: ["y"],
                    attributes: [
                        Attribute(name: "then_branch", value: .graph(thenBranch)),
                        Attribute(name: "else_branch", value: .graph(elseBranch)),
                    ])
            ])

        let allAttributes: [Attribute] = [
            Attribute(name: "i", value: .int(Int64.min)),
            Attribute(name: "i_max", value: .int(Int64.max), docString: "biggest"),
            Attribute(name: "f", value: .float(0.2)),
            Attribute(name: "f_neg0", value: .float(-0.0)),
            Attribute(name: "f_inf", value: .float(-.infinity)),
            Attribute(name: "f_nan", value: .float(.nan)),
            Attribute(name: "f_nan_payload", value: .float(Float(bitPattern: 0xFFA0_0001))),
            Attribute(name: "s", value: .string(Data("constant".utf8))),
            Attribute(name: "s_bin", value: .string(bytes([0xC3, 0x28, 0x00, 0xFF]))),
            Attribute(name: "s_empty", value: .string(Data())),
            Attribute(
                name: "t", value: .tensor(Tensor(name: "tt", shape: [2], values: [Int32(1), 2]))),
            Attribute(name: "g", value: .graph(deep)),
            Attribute(name: "sp", value: .sparseTensor(sparse)),
            Attribute(name: "ty", value: .type(allTypes[6])),
            Attribute(name: "is", value: .ints([0, 1, -1, Int64.max, Int64.min])),
            Attribute(name: "is_empty", value: .ints([])),
            Attribute(
                name: "fs",
                value: .floats(
                    [1, 0.5, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .infinity, .nan]
                        + specialFloats)),
            Attribute(name: "fs_empty", value: .floats([])),
            Attribute(name: "ss", value: .strings([Data("a".utf8), bytes([0x80]), Data()])),
            Attribute(
                name: "ts",
                value: .tensors([
                    Tensor(name: "t0", shape: [1], values: [Float(1)]),
                    Tensor(name: "t1", elementType: .string, shape: [1], strings: [Data("x".utf8)]),
                ])),
            Attribute(name: "gs", value: .graphs([thenBranch, elseBranch, Graph()])),
            Attribute(name: "sps", value: .sparseTensors([sparse, sparse])),
            Attribute(name: "tys", value: .types(allTypes)),
            Attribute(name: "tys_empty", value: .types([])),
        ]

        let graph = Graph(
            name: "main", docString: "the main graph\nwith two lines",
            inputs: [
                ValueInfo(
                    name: "x", type: .tensor(f32), docString: "input x",
                    metadata: [.init(key: "role", value: "data")]),
                ValueInfo(name: "untyped", type: nil),
                ValueInfo(name: "f32", tensor: TensorType(.float32, [2, 6])),
            ],
            outputs: allTypes.enumerated().map {
                ValueInfo(name: "o\($0.offset)", type: $0.element)
            },
            initializers: initializers,
            sparseInitializers: [sparse],
            nodes: [
                Node(
                    name: "everything", opType: "Custom", domain: "com.example", overload: "v2",
                    inputs: ["x", "", "f32"], outputs: ["o0", ""], attributes: allAttributes,
                    docString: "all attribute kinds", metadata: [.init(key: "a", value: "b")]),
                Node(opType: "Identity", inputs: ["x"], outputs: ["o1"]),
                Node(
                    name: "名前 with \"quotes\" and \u{1}", opType: "Identity", domain: "ai.onnx",
                    inputs: ["o1"], outputs: ["o2"]),
            ],
            valueInfo: [ValueInfo(name: "mid", type: .sequence(nil))],
            quantizationAnnotations: [
                TensorAnnotation(
                    tensorName: "x",
                    quantParameterTensorNames: [
                        .init(key: "SCALE_TENSOR", value: "x_scale"),
                        .init(key: "ZERO_POINT_TENSOR", value: "x_zp"),
                    ]),
                TensorAnnotation(tensorName: "y", quantParameterTensorNames: []),
            ],
            metadata: [.init(key: "k", value: "v"), .init(key: "k", value: "duplicate key kept")])

        let function = Function(
            name: "MyFn", domain: "com.example", overload: "o", inputs: ["a", "b"],
            outputs: ["c"], attributeNames: ["alpha", "beta"],
            attributeDefaults: [Attribute(name: "alpha", value: .float(1.5))],
            nodes: [
                Node(
                    opType: "LeakyRelu", inputs: ["a"], outputs: ["c"],
                    attributes: [
                        Attribute(name: "alpha", value: .float(0), referenceName: "alpha"),
                        Attribute(name: "x", value: .ints([]), referenceName: ""),
                    ])
            ],
            opsetImports: [OpsetImport(domain: "", version: 18)],
            valueInfo: [ValueInfo(name: "c", tensor: TensorType(.float32, shape: nil))],
            docString: "a function", metadata: [.init(key: "fk", value: "fv")])

        return Model(
            irVersion: 11,
            opsetImports: [
                OpsetImport(domain: "", version: 21),
                OpsetImport(domain: "com.example", version: 1),
                OpsetImport(domain: "ai.onnx.ml", version: Int64.max),
            ],
            producerName: "kiln-tests", producerVersion: "0.0.1", domain: "org.kiln",
            modelVersion: Int64.min, docString: "Model doc ✓",
            metadata: [.init(key: "license", value: "MIT")],
            graph: graph,
            functions: [
                function, Function(name: "Empty", domain: "", inputs: [], outputs: [], nodes: []),
            ])
    }

    /// A small, realistic model for the golden file: Gemm + Relu + Softmax with one large weight.
    static func smallMLP() -> Model {
        let w = Tensor(
            name: "fc.weight", shape: [4, 80],
            values: (0..<320).map { Float($0 % 7) * 0.25 - 0.5 })
        let b = Tensor(name: "fc.bias", shape: [4], values: [Float(0.1), -0.2, 0.3, -0.4])
        return Model(
            irVersion: 10, opsetImports: [OpsetImport(domain: "", version: 21)],
            producerName: "kiln-tests", producerVersion: "1",
            graph: Graph(
                name: "mlp",
                inputs: [
                    ValueInfo(
                        name: "x",
                        type: .tensor(TensorType(.float32, shape: [.symbol("N"), .known(80)])))
                ],
                outputs: [
                    ValueInfo(
                        name: "y",
                        type: .tensor(TensorType(.float32, shape: [.symbol("N"), .known(4)])))
                ],
                initializers: [w, b],
                nodes: [
                    Node(
                        name: "fc", opType: "Gemm", inputs: ["x", "fc.weight", "fc.bias"],
                        outputs: ["h"],
                        attributes: [
                            Attribute(name: "alpha", value: .float(1)),
                            Attribute(name: "transB", value: .int(1)),
                        ]),
                    Node(
                        name: "act", opType: "LeakyRelu", inputs: ["h"], outputs: ["r"],
                        attributes: [Attribute(name: "alpha", value: .float(0.01))]),
                    Node(
                        name: "softmax", opType: "Softmax", inputs: ["r"], outputs: ["y"],
                        attributes: [Attribute(name: "axis", value: .int(-1))]),
                ]))
    }
}

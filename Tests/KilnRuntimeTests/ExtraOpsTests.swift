import Foundation
import KilnIR
import KilnOps
import KilnRuntime
import Testing

/// Small hand-checked cases for the Extra ops (the ONNX conformance suite covers the rest);
/// every expected value below is derived by hand from the ONNX definition, or from
/// onnxruntime where noted.
@Suite struct ExtraOpsTests {
    static func run(
        _ opType: String, domain: String = "", opset: Int64 = 22, _ inputs: [Tensor?],
        _ attributes: [Attribute] = []
    ) throws -> [Value] {
        let node = Node(
            opType: opType, domain: domain, inputs: inputs.map { $0 == nil ? "" : "x" },
            outputs: ["y"], attributes: attributes)
        let op = try #require(StandardOps.registry.lookup(domain: domain, opType: opType))
        let values = inputs.map { $0.map(Value.tensor) }
        return try op.run(KernelContext(node: node, opsetVersion: opset, inputs: values))
    }

    static func floats(_ v: [Value], _ i: Int = 0) throws -> [Float] {
        try #require(v[i].tensor?.values(as: Float.self))
    }

    static func str(_ name: String, _ s: String) -> Attribute {
        Attribute(name: name, value: .string(Data(s.utf8)))
    }

    // MARK: - GridSample

    /// X = [[1, 2], [3, 4]]; sampling points given as (x, y) in [-1, 1].
    static func gridSample(_ points: [Float], _ attrs: [Attribute]) throws -> [Float] {
        let x = Tensor(shape: [1, 1, 2, 2], values: [Float(1), 2, 3, 4])
        let grid = Tensor(shape: [1, 1, Int64(points.count / 2), 2], values: points)
        return try floats(run("GridSample", opset: 20, [x, grid], attrs))
    }

    @Test func gridSampleLinearNearestAndPadding() throws {
        // Center: pixel coordinates (0.5, 0.5) without align_corners -> mean of all four.
        #expect(try Self.gridSample([0, 0], []) == [2.5])
        // Nearest rounds 0.5 to even (0) -> X[0][0].
        #expect(try Self.gridSample([0, 0], [Self.str("mode", "nearest")]) == [1])
        // align_corners: (-1, -1) is pixel (0, 0); (1, -1) is column 1, row 0.
        let corners = Attribute(name: "align_corners", value: .int(1))
        #expect(try Self.gridSample([-1, -1, 1, -1], [corners]) == [1, 2])
        // (-1, -1) without align_corners is (-0.5, -0.5): a quarter of X[0][0] with zeros,
        // exactly X[0][0] with border padding.
        #expect(try Self.gridSample([-1, -1], []) == [0.25])
        #expect(try Self.gridSample([-1, -1], [Self.str("padding_mode", "border")]) == [1])
    }

    @Test func gridSampleRejectsMismatchedGrid() {
        let x = Tensor(shape: [1, 1, 2, 2], values: [Float(1), 2, 3, 4])
        let grid = Tensor(shape: [1, 1, 1, 3], values: [Float(0), 0, 0])
        #expect(throws: KilnError.self) { try Self.run("GridSample", [x, grid]) }
    }

    // MARK: - Scan-8 sequence_lens

    /// Running sums over [[1, 2, 3], [4, 5, 6]] with lengths [2, 3]; expected values match
    /// onnxruntime 1.32 (steps past a sequence's length output zeros).
    @Test(arguments: [Int64(0), 1])
    func scan8HonorsSequenceLengths(direction: Int64) throws {
        let expected: [Float] = direction == 0 ? [1, 3, 0, 4, 9, 15] : [2, 3, 0, 6, 11, 15]
        let t1 = TensorType(.float32, shape: [.known(1)])
        let body = Graph(
            inputs: [ValueInfo(name: "s", tensor: t1), ValueInfo(name: "x", tensor: t1)],
            outputs: [ValueInfo(name: "s2", tensor: t1), ValueInfo(name: "y", tensor: t1)],
            nodes: [
                Node(opType: "Add", inputs: ["s", "x"], outputs: ["s2"]),
                Node(opType: "Identity", inputs: ["s2"], outputs: ["y"]),
            ])
        let g = Graph(
            inputs: [
                ValueInfo(name: "lens", tensor: TensorType(.int64, shape: [.known(2)])),
                ValueInfo(name: "init", tensor: TensorType(.float32, shape: nil)),
                ValueInfo(name: "xs", tensor: TensorType(.float32, shape: nil)),
            ],
            outputs: [
                ValueInfo(name: "final", tensor: TensorType(.float32, shape: nil)),
                ValueInfo(name: "ys", tensor: TensorType(.float32, shape: nil)),
            ],
            nodes: [
                Node(
                    opType: "Scan", inputs: ["lens", "init", "xs"], outputs: ["final", "ys"],
                    attributes: [
                        Attribute(name: "num_scan_inputs", value: .int(1)),
                        Attribute(name: "directions", value: .ints([direction])),
                        Attribute(name: "body", value: .graph(body)),
                    ])
            ])
        let model = Model(opsetImports: [OpsetImport(domain: "", version: 8)], graph: g)
        let out = try InferencePlan(model: model).run([
            "lens": .tensor(Tensor(shape: [2], values: [Int64(2), 3])),
            "init": .tensor(Tensor(shape: [2, 1], values: [Float(0), 0])),
            "xs": .tensor(Tensor(shape: [2, 3, 1], values: [Float(1), 2, 3, 4, 5, 6])),
        ])
        #expect(out["final"]?.tensor?.values(as: Float.self) == [3, 15])
        #expect(out["ys"]?.tensor?.shape == [2, 3, 1])
        #expect(out["ys"]?.tensor?.values(as: Float.self) == expected)
    }

    // MARK: - Shape and index ops

    @Test func centerCropPadCropsAndPadsAroundTheCenter() throws {
        let x = Tensor(shape: [5], values: [Float(1), 2, 3, 4, 5])
        let size = { (n: Int64) in Tensor(shape: [1], values: [n]) }
        #expect(try Self.floats(Self.run("CenterCropPad", opset: 18, [x, size(3)])) == [2, 3, 4])
        #expect(
            try Self.floats(Self.run("CenterCropPad", opset: 18, [x, size(7)]))
                == [0, 1, 2, 3, 4, 5, 0])
        // An odd difference puts the extra element at the end.
        #expect(
            try Self.floats(Self.run("CenterCropPad", opset: 18, [x, size(6)]))
                == [1, 2, 3, 4, 5, 0])
        #expect(
            try Self.floats(Self.run("CenterCropPad", opset: 18, [x, size(4)])) == [1, 2, 3, 4])
    }

    @Test func col2ImSumsOverlappingBlocks() throws {
        // Image 1x3, blocks 1x2, stride 1: two blocks [a b] at columns 0 and 1.
        let cols = Tensor(shape: [1, 2, 2], values: [Float(1), 2, 10, 20])
        let image = Tensor(shape: [2], values: [Int64(1), 3])
        let block = Tensor(shape: [2], values: [Int64(1), 2])
        let y = try Self.run("Col2Im", opset: 18, [cols, image, block])
        #expect(y[0].tensor?.shape == [1, 1, 1, 3])
        // Column 0: block 0 tap 0; column 1: block 0 tap 1 + block 1 tap 0; column 2: block 1
        // tap 1.
        #expect(try Self.floats(y) == [1, 2 + 10, 20])
    }

    @Test func tensorScatterWritesAtPerBatchOffsets() throws {
        let cache = Tensor(shape: [2, 3, 1], values: [Float](repeating: 0, count: 6))
        let update = Tensor(shape: [2, 1, 1], values: [Float(7), 8])
        let at = Tensor(shape: [2], values: [Int64(2), 0])
        let y = try Self.run("TensorScatter", opset: 24, [cache, update, at])
        #expect(try Self.floats(y) == [0, 0, 7, 8, 0, 0])
        let wrap = Tensor(shape: [2], values: [Int64(3), 4])
        let circ = try Self.run(
            "TensorScatter", opset: 24, [cache, update, wrap], [Self.str("mode", "circular")])
        #expect(try Self.floats(circ) == [7, 0, 0, 0, 8, 0])
        #expect(throws: KilnError.self) {
            try Self.run("TensorScatter", opset: 24, [cache, update, wrap])
        }
    }

    @Test func rotaryEmbeddingRotatesHalves() throws {
        // cos = 0, sin = 1 rotates (x1, x2) to (-x2, x1).
        let x = Tensor(shape: [1, 1, 1, 4], values: [Float(1), 2, 3, 4])
        let cos = Tensor(shape: [1, 1, 2], values: [Float(0), 0])
        let sin = Tensor(shape: [1, 1, 2], values: [Float(1), 1])
        #expect(
            try Self.floats(Self.run("RotaryEmbedding", opset: 23, [x, cos, sin]))
                == [-3, -4, 1, 2])
        let inter = Attribute(name: "interleaved", value: .int(1))
        #expect(
            try Self.floats(Self.run("RotaryEmbedding", opset: 23, [x, cos, sin], [inter]))
                == [-2, 1, -4, 3])
    }

    // MARK: - ai.onnx.ml and text

    @Test func labelEncoderMapsStringsWithDefault() throws {
        let x = Tensor(
            elementType: .string, shape: [3], strings: ["b", "z", "a"].map { Data($0.utf8) })
        let attrs = [
            Attribute(name: "keys_strings", value: .strings(["a", "b"].map { Data($0.utf8) })),
            Attribute(name: "values_int64s", value: .ints([10, 20])),
        ]
        let y = try Self.run("LabelEncoder", domain: "ai.onnx.ml", opset: 4, [x], attrs)
        #expect(y[0].tensor?.values(as: Int64.self) == [20, -1, 10])
    }

    @Test func tfIdfCountsUnigramsAndBigrams() throws {
        // Pool: unigrams 2, 3; bigram (2, 3). Input 2 3 2 3 -> 2×"2", 2×"3", 2×"2 3".
        let attrs = [
            Self.str("mode", "TF"),
            Attribute(name: "min_gram_length", value: .int(1)),
            Attribute(name: "max_gram_length", value: .int(2)),
            Attribute(name: "max_skip_count", value: .int(0)),
            Attribute(name: "pool_int64s", value: .ints([2, 3, 2, 3])),
            Attribute(name: "ngram_counts", value: .ints([0, 2])),
            Attribute(name: "ngram_indexes", value: .ints([0, 1, 2])),
        ]
        let x = Tensor(shape: [4], values: [Int64(2), 3, 2, 3])
        #expect(try Self.floats(Self.run("TfIdfVectorizer", opset: 9, [x], attrs)) == [2, 2, 2])
    }

    @Test func lpNormalizationAndMeanVariance() throws {
        let x = Tensor(shape: [1, 2], values: [Float(3), 4])
        #expect(try Self.floats(Self.run("LpNormalization", [x])) == [0.6, 0.8])
        let p1 = Attribute(name: "p", value: .int(1))
        let l1 = try Self.floats(Self.run("LpNormalization", [x], [p1]))
        #expect(abs(l1[0] - 3.0 / 7) < 1e-6 && abs(l1[1] - 4.0 / 7) < 1e-6)
        // Mean 3.5, standard deviation 0.5 -> (-1, 1) up to the 1e-9 epsilon.
        let axes = Attribute(name: "axes", value: .ints([1]))
        let mvn = try Self.floats(Self.run("MeanVarianceNormalization", [x], [axes]))
        #expect(abs(mvn[0] + 1) < 1e-6 && abs(mvn[1] - 1) < 1e-6)
    }
}

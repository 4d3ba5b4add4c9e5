import Foundation
import KilnIR
import KilnTestSupport
import SwiftProtobuf
import KilnJSON
import Testing

@testable import KilnONNX

/// A small model exercising many IR features: typed attributes, a subgraph, strings, sparse
/// initializers, functions, metadata and a large initializer that takes the zero-copy path.
func featureModel(bigWeights: Int = 5000) -> Model {
    let big = Tensor(name: "W", shape: [Int64(bigWeights)], values: (0..<bigWeights).map { Float($0) })
    let then = Graph(
        name: "then", outputs: [ValueInfo(name: "t_out", tensor: TensorType(.float32, [1]))],
        nodes: [Node(opType: "Identity", inputs: ["x"], outputs: ["t_out"])])
    let els = Graph(
        name: "else", outputs: [ValueInfo(name: "e_out", tensor: TensorType(.float32, [1]))],
        nodes: [Node(opType: "Neg", inputs: ["x"], outputs: ["e_out"])])
    let graph = Graph(
        name: "g", docString: "doc",
        inputs: [
            ValueInfo(name: "x", tensor: TensorType(.float32, shape: [.symbol("N"), .unknown])),
            ValueInfo(name: "c", tensor: TensorType(.bool, [])),
        ],
        outputs: [ValueInfo(name: "y", type: .tensor(TensorType(.float32, shape: nil)))],
        initializers: [
            big,
            Tensor(
                name: "s", elementType: .string, shape: [2],
                strings: [Data("a".utf8), Data([0xff, 0x00])]),
            Tensor(name: "h", elementType: .float16, shape: [2], data: Data([0, 60, 0, 188])),
        ],
        sparseInitializers: [
            SparseTensor(
                values: Tensor(name: "sp", shape: [2], values: [Float(1), 2]),
                indices: Tensor(name: "sp_i", shape: [2], values: [Int64(0), 5]), dims: [10])
        ],
        nodes: [
            Node(
                name: "if0", opType: "If", inputs: ["c"], outputs: ["y"],
                attributes: [
                    Attribute(name: "then_branch", value: .graph(then)),
                    Attribute(name: "else_branch", value: .graph(els)),
                ]),
            Node(
                name: "n1", opType: "Custom", domain: "my.domain", inputs: ["x", "", "W"],
                outputs: ["z"],
                attributes: [
                    Attribute(name: "i", value: .int(-3)), Attribute(name: "f", value: .float(0.1)),
                    Attribute(name: "fs", value: .floats([.nan, -0.0, .infinity])),
                    Attribute(name: "is", value: .ints([Int64.min, Int64.max])),
                    Attribute(name: "s", value: .string(Data([0xc3, 0x28]))),
                    Attribute(name: "ss", value: .strings([Data("x".utf8)])),
                    Attribute(name: "t", value: .tensor(Tensor(shape: [], values: [Int64(7)]))),
                    Attribute(name: "ty", value: .type(.sequence(.tensor(TensorType(.int8, [2]))))),
                ], docString: "custom node", metadata: [MetadataEntry(key: "k", value: "v")]),
        ],
        valueInfo: [ValueInfo(name: "z", type: .optional(.tensor(TensorType(.float32, [3]))))],
        metadata: [MetadataEntry(key: "gk", value: "gv")])
    let fn = Function(
        name: "MyFn", domain: "my.domain", inputs: ["a"], outputs: ["b"], attributeNames: ["alpha"],
        nodes: [
            Node(
                opType: "LeakyRelu", inputs: ["a"], outputs: ["b"],
                attributes: [
                    Attribute(name: "alpha", value: .float(0), referenceName: "alpha")
                ])
        ], opsetImports: [OpsetImport(domain: "", version: 18)])
    var nodeWithDevices = graph.nodes[1]
    var sharding = Onnx_NodeDeviceConfigurationProto()
    sharding.configurationID = "cfg"
    sharding.pipelineStage = 2
    nodeWithDevices.deviceConfigurations = [(try? sharding.serializedBytes()) ?? Data()]
    var g2 = graph
    g2.nodes[1] = nodeWithDevices
    g2.inputs[0].typeDenotation = "TENSOR"
    g2.inputs[0].dimDenotations = ["DATA_BATCH", ""]
    var model = Model(
        irVersion: 9,
        opsetImports: [OpsetImport(domain: "", version: 18), OpsetImport(domain: "my.domain", version: 1)],
        producerName: "kiln-tests", producerVersion: "1", domain: "ai.kiln", modelVersion: 3,
        docString: "model doc", metadata: [MetadataEntry(key: "author", value: "kiln")],
        graph: g2, functions: [fn])
    model.trainingInfo = [
        TrainingInfo(
            initialization: Graph(name: "init"), algorithm: nil,
            initializationBinding: [MetadataEntry(key: "W", value: "W0")],
            updateBinding: [MetadataEntry(key: "W", value: "W1")])
    ]
    model.deviceConfigurations = [DeviceConfiguration(name: "cfg", numDevices: 2, devices: ["a", "b"])]
    return model
}

@Test func featureModelRoundTripsThroughKilnJSON() throws {
    let model = featureModel()
    let (json, sidecar) = try KilnJSONWriter().write(model, sidecarName: "m.bin")
    let back = try KilnJSONReader().read(json) { _ in sidecar ?? Data() }
    let same = back == model
    #expect(same)
    #expect(try ONNXWriter().serialize(back) == ONNXWriter().serialize(model))
}

@Test func featureModelRoundTrips() throws {
    let model = featureModel()
    let bytes = try ONNXWriter().serialize(model)
    let back = try ONNXReader().read(bytes)
    let same = back == model
    #expect(same)
    #expect(try ONNXWriter().serialize(back) == bytes)
}

@Test func largeInitializerIsAViewNotACopy() throws {
    let bytes = try ONNXWriter().serialize(featureModel(bigWeights: 100_000))
    let split = try ProtoWire.splitInitializerPayloads(bytes)
    #expect(split.payloads.count == 1)
    #expect(split.stripped.count < 2000)
    // The payload shares storage with the input buffer.
    let payload = try #require(split.payloads[0])
    bytes.withUnsafeBytes { whole in
        payload.withUnsafeBytes { part in
            let lo = whole.baseAddress!
            let p = part.baseAddress!
            #expect(p >= lo && p < lo + whole.count)
        }
    }
}

@Test func typedDataFieldsAreReadAsRawBytes() throws {
    var t = Onnx_TensorProto()
    t.name = "w"
    t.dataType = ElementType.float32.rawValue
    t.dims = [3]
    t.floatData = [1, 2, 3]
    var h = Onnx_TensorProto()
    h.name = "h"
    h.dataType = ElementType.float16.rawValue
    h.dims = [1]
    h.int32Data = [0x3C00]
    var i4 = Onnx_TensorProto()
    i4.name = "q"
    i4.dataType = ElementType.int4.rawValue
    i4.dims = [3]
    i4.int32Data = [0x21, 0x03]
    var m = Onnx_ModelProto()
    m.irVersion = 9
    m.graph.initializer = [t, h, i4]
    let model = try ONNXReader().read(try m.serializedBytes())
    #expect(model.graph.initializers[0].values(as: Float.self) == [1, 2, 3])
    #expect([UInt8](model.graph.initializers[1].data) == [0x00, 0x3C])
    #expect([UInt8](model.graph.initializers[2].data) == [0x21, 0x03])
}

@Test func typedDataCountMismatchIsRejected() throws {
    var t = Onnx_TensorProto()
    t.name = "w"
    t.dataType = ElementType.float32.rawValue
    t.dims = [4]
    t.floatData = [1, 2, 3]
    var m = Onnx_ModelProto()
    m.graph.initializer = [t]
    let e = try #require(throws: KilnError.self) { try ONNXReader().read(try m.serializedBytes()) }
    #expect(e.code == .malformedInput)
    #expect(e.description.contains("'w'"))
}

@Test func everyTruncationThrowsAndNeverCrashes() throws {
    let bytes = try ONNXWriter().serialize(featureModel(bigWeights: 1100))
    var threw = 0
    for n in 0..<bytes.count {
        let prefix = bytes.prefix(n)
        do {
            _ = try ONNXReader().read(Data(prefix))
        } catch is KilnError {
            threw += 1
        }
    }
    // A protobuf prefix can be a valid message only at field boundaries; every other one throws.
    #expect(threw > bytes.count * 9 / 10)
}

@Test func flippedBytesNeverCrash() throws {
    let bytes = try ONNXWriter().serialize(featureModel(bigWeights: 10))
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<2000 {
        var b = [UInt8](bytes)
        for _ in 0..<3 { b[Int.random(in: 0..<b.count, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng) }
        _ = try? ONNXReader().read(Data(b))
    }
}

@Test func truncatedFileErrorHasAByteOffset() throws {
    let bytes = try ONNXWriter().serialize(featureModel(bigWeights: 5000))
    let e = try #require(throws: KilnError.self) { try ONNXReader().read(Data(bytes.prefix(bytes.count - 100))) }
    #expect(e.location.byteOffset != nil)
}

// MARK: - External data

func modelWithExternal(location: String, length: Int = 16) -> Data {
    var t = Onnx_TensorProto()
    t.name = "w"
    t.dataType = ElementType.float32.rawValue
    t.dims = [4]
    t.dataLocation = .external
    t.externalData = [
        .with { $0.key = "location"; $0.value = location },
        .with { $0.key = "offset"; $0.value = "0" },
        .with { $0.key = "length"; $0.value = String(length) },
    ]
    var m = Onnx_ModelProto()
    m.irVersion = 9
    m.graph.initializer = [t]
    return (try? m.serializedBytes()) ?? Data()
}

@Test func externalDataIsReadInsideTheFolder() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let weights = [Float](arrayLiteral: 1, 2, 3, 4).withUnsafeBytes { Data($0) }
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
    try weights.write(to: dir.appendingPathComponent("sub/w.bin"))
    let model = try ONNXReader().read(modelWithExternal(location: "sub/w.bin"), externalDataRoot: dir)
    #expect(model.graph.initializers[0].values(as: Float.self) == [1, 2, 3, 4])
}

@Test(arguments: ["../w.bin", "sub/../../w.bin", "/etc/passwd", "link.bin", "hard.bin", "short.bin"])
func hostileExternalDataIsRefused(location: String) throws {
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let dir = root.appendingPathComponent("model")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
    let outside = root.appendingPathComponent("w.bin")
    try Data(count: 16).write(to: outside)
    try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("link.bin"), withDestinationURL: outside)
    try FileManager.default.linkItem(at: outside, to: dir.appendingPathComponent("hard.bin"))
    try Data(count: 8).write(to: dir.appendingPathComponent("short.bin"))
    let e = try #require(throws: KilnError.self) {
        try ONNXReader().read(modelWithExternal(location: location), externalDataRoot: dir)
    }
    #expect(e.code == .malformedInput)
    #expect(e.location.value == "w")
}

@Test func writerUsesExternalDataWhenAsked() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let model = featureModel(bigWeights: 3000)
    var options = ONNXWriter.Options()
    options.externalData = .above(1024)
    let url = dir.appendingPathComponent("m.onnx")
    let written = try ONNXWriter(options: options).write(model, to: url)
    #expect(written.map(\.lastPathComponent) == ["m.onnx.data", "m.onnx"])
    let back = try ONNXReader().read(contentsOf: url)
    let same = back == model
    #expect(same)
    // No temporary files are left behind.
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    #expect(names == ["m.onnx", "m.onnx.data"])
}

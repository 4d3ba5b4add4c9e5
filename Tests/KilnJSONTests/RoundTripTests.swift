import Foundation
import KilnIR
import Testing

@testable import KilnJSON

@Suite struct RoundTripTests {
    @Test(arguments: [
        ("default", KilnJSONWriter.Options()),
        ("inline", KilnJSONWriter.Options.inline),
        ("inlineBase64", KilnJSONWriter.Options.inlineBase64),
        ("everythingToSidecar", KilnJSONWriter.Options(sidecarThreshold: 0, maxValueArrayBytes: 0)),
        ("arraysForAll", KilnJSONWriter.Options(sidecarThreshold: nil, maxValueArrayBytes: .max)),
    ])
    func everyFeatureRoundTrips(name: String, options: KilnJSONWriter.Options) throws {
        let model = SampleModels.everything()
        let back = try roundTrip(model, writer: KilnJSONWriter(options: options))
        #expect(back == model, "round trip with options \(name) changed the model")
        // Piecewise checks, so a failure names the part that differs.
        #expect(back.graph.initializers == model.graph.initializers)
        #expect(back.graph.nodes == model.graph.nodes)
        #expect(back.functions == model.functions)
        // Bit-exact special floats (== on Tensor compares bytes, but be explicit).
        let f32 = try #require(back.graph.initializer(named: "f32"))
        #expect(bits(f32) == SampleModels.specialFloatBits)
    }

    @Test func writingTwiceIsByteIdentical() throws {
        let model = SampleModels.everything()
        let a = try KilnJSONWriter().write(model, sidecarName: "m.bin")
        let b = try KilnJSONWriter().write(model, sidecarName: "m.bin")
        #expect(a.json == b.json)
        #expect(a.sidecar == b.sidecar)
        // And a read/write cycle reproduces the same bytes.
        let c = try KilnJSONWriter().write(try roundTrip(model), sidecarName: "m.bin")
        #expect(c.json == a.json)
        #expect(c.sidecar == a.sidecar)
    }

    @Test func floatAttributesAreBitExact() throws {
        let values = SampleModels.specialFloats
        let model = Model(
            graph: Graph(nodes: [
                Node(
                    opType: "X", inputs: [], outputs: [],
                    attributes: values.enumerated().map {
                        Attribute(name: "f\($0.offset)", value: .float($0.element))
                    } + [Attribute(name: "all", value: .floats(values))])
            ]))
        let back = try roundTrip(model)
        let attrs = back.graph.nodes[0].attributes
        for (i, v) in values.enumerated() {
            #expect(attrs[i].float?.bitPattern == v.bitPattern, "attribute f\(i)")
        }
        #expect(attrs.last?.floats?.map(\.bitPattern) == values.map(\.bitPattern))
    }

    @Test func floatTextUsesShortestFormAndNamedSpecials() throws {
        // Independent expectations: JSON spelling of well-known values.
        #expect(FloatText.json(Float(0.2)).textForTest == "0.2")
        #expect(FloatText.json(Float(-0.0)).textForTest == "-0.0")
        #expect(FloatText.json(Float(1e-5)).textForTest == "1e-05")
        #expect(FloatText.json(Float.nan).textForTest == "\"NaN\"")
        #expect(FloatText.json(-Float.infinity).textForTest == "\"-Infinity\"")
        #expect(FloatText.json(Float(bitPattern: 0xFFC0_0000)).textForTest == "\"0xffc00000\"")
        #expect(
            FloatText.json(Double(bitPattern: 0x7FF0_0000_0000_0001)).textForTest
                == "\"0x7ff0000000000001\"")
        // Every float written as a number reads back to the same bits.
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let v = Float(bitPattern: UInt32.random(in: 0...UInt32.max, using: &rng))
            let back = try Scalar.float(FloatText.json(v), at: "$")
            #expect(back.bitPattern == v.bitPattern)
            let d = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &rng))
            #expect(try Scalar.double(FloatText.json(d), at: "$").bitPattern == d.bitPattern)
        }
    }

    @Test func largeIntegersKeepEveryDigit() throws {
        let json = document(
            attribute: """
                {"name": "big", "ints": [9007199254740993, -9223372036854775808, 9223372036854775807]}
                """)
        let m = try read(json)
        #expect(m.graph.nodes[1].attributes[1].ints == [9_007_199_254_740_993, .min, .max])
        let u = try read(
            document(
                tensor: """
                    {"name": "u", "elementType": "uint64", "shape": [2],
                     "values": [18446744073709551615, 9007199254740993]}
                    """))
        #expect(u.graph.initializers[0].values(as: UInt64.self) == [.max, 9_007_199_254_740_993])
    }

    @Test func sidecarLayoutIsAlignedAndSlicesShareStorage() throws {
        let a = Tensor(name: "a", shape: [100], values: (0..<100).map { Float($0) })  // 400 B
        let b = Tensor(name: "b", shape: [3], values: [Int64(1), 2, 3])  // 24 B
        let model = Model(graph: Graph(initializers: [a, b]))
        let writer = KilnJSONWriter(options: .init(sidecarThreshold: 16))
        let (json, sidecarOut) = try writer.write(model, sidecarName: "w.bin")
        let sidecar = try #require(sidecarOut)
        // a at 0..<400, zero padding to the next multiple of 64, b at 448..<472.
        #expect(sidecar.count == 472)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"external\": {\"offset\": 0, \"length\": 400}"))
        #expect(text.contains("\"external\": {\"offset\": 448, \"length\": 24}"))
        #expect(text.contains("\"sidecar\": {\"file\": \"w.bin\", \"length\": 472}"))
        #expect(sidecar[400..<448].allSatisfy { $0 == 0 })
        let back = try KilnJSONReader().read(json) { _ in sidecar }
        #expect(back == model)
        // The tensor's bytes are a slice of the sidecar at the recorded offset.
        #expect(back.graph.initializers[1].data.startIndex == sidecar.startIndex + 448)
    }

    @Test func smallTensorsUseReadableValueArrays() throws {
        let m = Model(
            graph: Graph(initializers: [
                Tensor(name: "f", shape: [3], values: [Float(0.5), -2, 0.1]),
                Tensor(name: "i", shape: [2], values: [Int64(-3), 4]),
                Tensor(name: "b", shape: [2], values: [true, false]),
                Tensor(name: "h", elementType: .float16, shape: [1], data: Data([0x00, 0x3C])),
            ]))
        let (json, sidecar) = try KilnJSONWriter().write(m, sidecarName: "x.bin")
        #expect(sidecar == nil)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"values\": [0.5, -2.0, 0.1]"))
        #expect(text.contains("\"values\": [-3, 4]"))
        #expect(text.contains("\"values\": [true, false]"))
        #expect(text.contains("\"base64\": \"ADw=\""))
        #expect(!text.contains("\"sidecar\""))
    }

    @Test func readingFromFilesResolvesTheSidecarSafely() throws {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("kiln-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = SampleModels.everything()
        let (json, sidecar) = try KilnJSONWriter().write(model, sidecarName: "model.bin")
        let jsonURL = dir.appendingPathComponent("model.json")
        try json.write(to: jsonURL)
        try #require(sidecar).write(to: dir.appendingPathComponent("model.bin"))
        #expect(try KilnJSONReader().read(contentsOf: jsonURL) == model)

        // A symbolic link in place of the sidecar is refused.
        let real = dir.appendingPathComponent("real.bin")
        try FileManager.default.moveItem(at: dir.appendingPathComponent("model.bin"), to: real)
        try FileManager.default.createSymbolicLink(
            at: dir.appendingPathComponent("model.bin"), withDestinationURL: real)
        let e = kilnError { _ = try KilnJSONReader().read(contentsOf: jsonURL) }
        #expect(e?.code == .io)
        #expect(e?.message.contains("symbolic link") == true)
        #expect(e?.location.file == dir.appendingPathComponent("model.bin").path)

        // A missing sidecar is an io error naming the file.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("model.bin"))
        let missing = kilnError { _ = try KilnJSONReader().read(contentsOf: jsonURL) }
        #expect(missing?.code == .io)
        #expect(missing?.message.contains("model.bin") == true)
    }

    @Test func writerRejectsUnsafeSidecarNamesAndBrokenTensors() throws {
        let model = Model(
            graph: Graph(initializers: [
                Tensor(name: "w", shape: [1000], values: [Float](repeating: 1, count: 1000))
            ]))
        for bad in ["../w.bin", "/tmp/w.bin", "a/b.bin", "..", "", "a\\b"] {
            let e = kilnError { _ = try KilnJSONWriter().write(model, sidecarName: bad) }
            #expect(e?.code == .usage, "sidecar name \(bad)")
        }
        var broken = model
        broken.graph.initializers[0].data.removeLast()
        let e = kilnError { _ = try KilnJSONWriter().write(broken, sidecarName: "w.bin") }
        #expect(e?.location.jsonPath == "$.graph.initializers[0]")
    }
}

extension JSONValue {
    /// One-line rendering, for assertions on single values.
    var textForTest: String { JSONPrinter.scalarText(self) }
}

@Test func writingToAFilePutsTheSidecarBesideIt() throws {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("kiln-json-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("net.json")
    let model = SampleModels.smallMLP()
    let written = try KilnJSONWriter().write(model, to: url)
    #expect(written.map(\.lastPathComponent) == ["net.bin", "net.json"])
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(text.contains("\"sidecar\": {\"file\": \"net.bin\", \"length\": 1280}"))
    #expect(try KilnJSONReader().read(contentsOf: url) == model)
    // Without large tensors there is no sidecar.
    let small = dir.appendingPathComponent("small.json")
    #expect(try KilnJSONWriter(options: .inline).write(model, to: small) == [small])
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("small.bin").path))
    #expect(try KilnJSONReader().read(contentsOf: small) == model)
}

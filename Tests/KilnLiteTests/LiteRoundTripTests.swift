import Foundation
import KilnIR
import KilnONNX
import KilnRuntime
import KilnTestSupport
import Testing

@testable import KilnLite

@Suite struct LiteRoundTripTests {
    static func modelURLs(_ dir: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
            .filter { $0.hasSuffix(".onnx") }.map { dir.appendingPathComponent($0) }
    }

    static var cnnURLs: [URL] {
        guard let root = Fixtures.conformance else { return [] }
        let dir = root.appendingPathComponent("onnx-models")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
            .map { dir.appendingPathComponent($0).appendingPathComponent("model.onnx") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Writes, reads back and compares; returns the bytes.
    @discardableResult
    static func roundTrip(_ model: Model, label: String) throws -> Data {
        let bytes = try LiteWriter().serialize(model)
        let back = try LiteReader(options: .init(verifyWeights: true)).read(bytes)
        let expected = LiteTestModels.liteView(model)
        #expect(back == expected, "\(label): the IR changed in the .klite round trip")
        #expect(back.graph.nodes == expected.graph.nodes, "\(label): nodes differ")
        #expect(back.graph.initializers == expected.graph.initializers, "\(label): initializers differ")
        #expect(try LiteWriter().serialize(back) == bytes, "\(label): rewriting the read model changed the bytes")
        return bytes
    }

    @Test func everyFeatureRoundTrips() throws {
        let model = LiteTestModels.everything()
        let bytes = try Self.roundTrip(model, label: "everything")
        let info = try LiteReader(options: .init(verifyWeights: true)).info(bytes)
        #expect(info.splatTensors == 1, "the all-ones tensor is a splat")
        #expect(info.sharedTensors >= 1, "w and w_copy share their bytes")
        #expect(info.metadata.first == MetadataEntry(key: "producer", value: "kiln"))
        // Float bits survive exactly (NaN payload, -0.0).
        let back = try LiteReader().read(bytes)
        let f = back.graph.nodes[3].attributes.first { $0.name == "f" }?.float
        #expect(f?.bitPattern == 0xFFC0_0001)
    }

    @Test func docStringsCanBeStripped() throws {
        let model = LiteTestModels.everything()
        let full = try LiteWriter().serialize(model)
        let stripped = try LiteWriter(options: .init(stripDocStrings: true)).serialize(model)
        #expect(stripped.count < full.count)
        let back = try LiteReader().read(stripped)
        #expect(back.docString.isEmpty && back.graph.docString.isEmpty)
        #expect(back.graph.nodes[0].docString.isEmpty)
        #expect(back.graph.nodes.map(\.opType) == model.graph.nodes.map(\.opType))
    }

    @Test func writingIsDeterministicAndFilesMatchMemory() throws {
        let model = LiteTestModels.everything()
        let a = try LiteWriter().serialize(model)
        let b = try LiteWriter().serialize(model)
        #expect(a == b)
        let dir = try Fixtures.temporaryDirectory("klite")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("m.klite")
        try LiteWriter().write(model, to: url)
        #expect(try Data(contentsOf: url) == a)
        #expect(try LiteReader().read(contentsOf: url) == LiteTestModels.liteView(model))
    }

    @Test func weightsAreAlignedAndZeroCopy() throws {
        let dir = try Fixtures.temporaryDirectory("klite")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("m.klite")
        try LiteWriter().write(LiteTestModels.everything(), to: url)
        let mapped = try MappedFile.map(url)
        let model = try LiteReader().read(mapped)
        let w = try #require(model.graph.initializer(named: "w"))
        mapped.withUnsafeBytes { file in
            w.data.withUnsafeBytes { t in
                let fileStart = UInt(bitPattern: file.baseAddress)
                let tensorStart = UInt(bitPattern: t.baseAddress)
                #expect(tensorStart >= fileStart && tensorStart < fileStart + UInt(file.count), "tensor bytes are a view of the mapping")
                #expect(tensorStart % 64 == 0, "tensor bytes are 64-byte aligned")
            }
        }
    }

    @Test func fixtureModelsRoundTripAndRunIdentically() throws {
        let urls = Self.modelURLs(Fixtures.directory.appendingPathComponent("models"))
        try #require(!urls.isEmpty)
        var ran = 0
        for url in urls {
            let name = url.lastPathComponent
            let model = try ONNXReader().read(contentsOf: url)
            let bytes = try Self.roundTrip(model, label: name)
            let lite = try LiteReader().read(bytes)
            guard let feeds = LiteTestModels.randomFeeds(model.graph, seed: 7) else { continue }
            let a = try InferencePlan(model: model).run(feeds)
            let b = try InferencePlan(model: lite).run(feeds)
            #expect(a == b, "\(name): outputs differ between .onnx and .klite")
            #expect(!a.isEmpty)
            ran += 1
        }
        #expect(ran >= 3, "at least a few fixture models were run")
    }

    @Test(.tags(.conformance)) func nineCNNsRoundTrip() throws {
        let urls = Self.cnnURLs
        guard !urls.isEmpty else {
            return Fixtures.skip(#function, "../shared/conformance/onnx-models is not present")
        }
        for url in urls {
            let model = try ONNXReader().read(contentsOf: url)
            try Self.roundTrip(model, label: url.deletingLastPathComponent().lastPathComponent)
        }
        // Run the smallest one end to end (the IR equality above already fixes the outputs).
        let small = try #require(urls.first { $0.path.contains("squeezenet") } ?? urls.first)
        let model = try ONNXReader().read(contentsOf: small)
        let lite = try LiteReader().read(try LiteWriter().serialize(model))
        if let feeds = LiteTestModels.randomFeeds(model.graph, seed: 3) {
            #expect(try InferencePlan(model: model).run(feeds) == InferencePlan(model: lite).run(feeds))
        }
    }

    /// The bytes of `fixtures/lite/tiny_cnn.klite` (format 1.0, plain tables) and
    /// `tiny_cnn.v1_1.klite` (1.1, compressed tables: the default) are the format's regression
    /// guard: a change to the writer that changes them must be a deliberate format change
    /// (`RECORD_GOLDENS=1`). The 1.0 file also proves that files from before 1.1 still read.
    @Test(arguments: [("tiny_cnn.klite", false), ("tiny_cnn.v1_1.klite", true)])
    func goldenFileIsStable(file: String, compressed: Bool) throws {
        let model = try ONNXReader().read(
            contentsOf: Fixtures.directory.appendingPathComponent("models/tiny_cnn.onnx"))
        let bytes = try LiteWriter(options: .init(compressTables: compressed)).serialize(model)
        let golden = Fixtures.directory.appendingPathComponent("lite/\(file)")
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(
                at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: golden)
        }
        let expected = try Data(contentsOf: golden)
        #expect(bytes == expected, "writer output differs from fixtures/lite/\(file)")
        // And the committed file still reads, with every checksum verified.
        #expect(try LiteReader(options: .init(verifyWeights: true)).read(expected) == model)
    }

    @Test func crc32cMatchesTheStandardCheckValue() {
        #expect(CRC32C.checksum(Data("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum(Data()) == 0)
        // Incremental updates equal one pass.
        let bytes = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        var c = CRC32C()
        bytes.withUnsafeBytes { raw in
            c.update(UnsafeRawBufferPointer(rebasing: raw[0..<333]))
            c.update(UnsafeRawBufferPointer(rebasing: raw[333...]))
        }
        #expect(c.value == CRC32C.checksum(bytes))
    }

    @Test func opCodesAreStableAndUnique() {
        let codes = LiteOpCodes.table.map(\.0)
        #expect(Set(codes).count == codes.count)
        #expect(!codes.contains(0))
        // Spot checks against the committed table (never renumbered).
        #expect(LiteFormat.opCodeByName["\u{0}Abs"] == 1)
        #expect(LiteFormat.opByCode[LiteFormat.opCodeByName["\u{0}Conv"] ?? 0]?.opType == "Conv")
    }
}

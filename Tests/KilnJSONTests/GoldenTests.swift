import Foundation
import KilnIR
import KilnTestSupport
import Testing

@testable import KilnJSON

/// Golden files under `fixtures/json/`. `RECORD_GOLDENS=1 swift test` rewrites them; review
/// the diff before committing.
@Suite struct GoldenTests {
    static let directory = Fixtures.directory.appendingPathComponent("json")
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

    @Test func smallMLPMatchesTheGoldenFile() throws {
        let (json, sidecar) = try KilnJSONWriter().write(
            SampleModels.smallMLP(), sidecarName: "small-mlp.bin")
        let jsonURL = Self.directory.appendingPathComponent("small-mlp.json")
        let binURL = Self.directory.appendingPathComponent("small-mlp.bin")
        if Self.recording {
            try FileManager.default.createDirectory(
                at: Self.directory, withIntermediateDirectories: true)
            try json.write(to: jsonURL)
            try #require(sidecar).write(to: binURL)
        }
        let golden = try Data(contentsOf: jsonURL)
        #expect(
            json == golden,
            "fixtures/json/small-mlp.json differs; rerun with RECORD_GOLDENS=1 and review")
        #expect(sidecar == (try Data(contentsOf: binURL)))
        // The committed files read back to the model they were made from.
        #expect(try KilnJSONReader().read(contentsOf: jsonURL) == SampleModels.smallMLP())
    }

    /// Hand-written documents (not produced by the writer) read as expected.
    @Test func handWrittenFixtureReads() throws {
        let m = try KilnJSONReader().read(
            contentsOf: Self.directory.appendingPathComponent("hand-written.json"))
        #expect(m.irVersion == 9)
        #expect(m.graph.nodes.map(\.opType) == ["Add", "If"])
        #expect(m.graph.initializers[0].values(as: Float.self) == [1, 2, 3.5])
        #expect(m.graph.initializers[1].int64Values() == [9_007_199_254_740_993])
        let attrs = m.graph.nodes[1].attributes
        #expect(attrs[0].graph?.nodes.first?.opType == "Identity")
        #expect(attrs[1].string == "a\u{0}b é")
        #expect(attrs[2].value == .string(Data([0xFF, 0x00])))
        #expect(attrs[3].float?.isNaN == true)
        #expect(attrs[4].floats == [-.infinity, 0.25])
        #expect(
            m.graph.inputs[0].type
                == .tensor(TensorType(.float32, shape: [.symbol("N"), .unknown, .known(3)])))
    }
}

import Foundation
import KilnIR
import KilnONNX
import KilnTestSupport
import Testing

@testable import KilnJSON


/// ONNX → Kiln JSON → ONNX is exact: the IR read back from JSON equals the IR read from
/// ONNX, and Kiln's ONNX writer produces the same bytes from both.
@Suite struct ONNXRoundTripTests {
    /// Checks one ONNX file; returns a description of the first difference, or nil.
    static func check(_ url: URL, options: KilnJSONWriter.Options) throws -> String? {
        let model = try ONNXReader().read(contentsOf: url)
        let (json, sidecar) = try KilnJSONWriter(options: options)
            .write(model, sidecarName: "model.bin")
        let back = try KilnJSONReader().read(json) { _ in sidecar ?? Data() }
        if back != model { return "IR differs after the JSON round trip" }
        if try ONNXWriter().serialize(back) != ONNXWriter().serialize(model) {
            return "re-exported ONNX bytes differ"
        }
        let again = try KilnJSONWriter(options: options).write(back, sidecarName: "model.bin")
        if again.json != json || again.sidecar != sidecar { return "JSON output not deterministic" }
        return nil
    }

    @Test func fixtureModelsRoundTrip() throws {
        let dir = Fixtures.directory.appendingPathComponent("models")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix(".onnx") }.sorted()
        try #require(!names.isEmpty)
        for name in names {
            for options in [KilnJSONWriter.Options(), .inline, .inlineBase64] {
                let problem = try Self.check(dir.appendingPathComponent(name), options: options)
                #expect(problem == nil, "\(name): \(problem ?? "")")
            }
        }
    }

    @Test(.tags(.conformance)) func everyConformanceModelRoundTrips() throws {
        let models = Fixtures.conformanceModels()
        guard !models.isEmpty else {
            return Fixtures.skip(#function, "../shared/conformance is not present")
        }
        var failures: [String] = []
        // Small thresholds push many tensors through the sidecar, and the base64 pass covers
        // every tensor inline.
        let variants: [KilnJSONWriter.Options] = [
            .init(sidecarThreshold: 64, maxValueArrayBytes: 4096), .inlineBase64,
        ]
        for (i, url) in models.enumerated() {
            let options = variants[i % variants.count]
            if let problem = try Self.check(url, options: options) {
                failures.append("\(url.deletingLastPathComponent().lastPathComponent): \(problem)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) models differ: \(failures.prefix(20))")
        print("Kiln JSON round trip: \(models.count - failures.count) of \(models.count) identical")
    }
}

import Foundation
import KilnTestSupport
import Testing

/// `kiln quantize` and `kiln convert --quantize` end to end: exit codes, summaries, report files,
/// and a quantized model that `kiln diff` finds close to the float one.
@Suite struct QuantizeCommandTests {
    let cnn = Fixtures.directory.appendingPathComponent("quant/small_cnn.onnx").path

    @Test(arguments: ["int8-dynamic", "int8-static", "int8-weights", "fp16"])
    func quantizeEveryModeWithJSONSummary(_ mode: String) throws {
        let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
        let dir = try Fixtures.temporaryDirectory("quant-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("q.onnx").path
        let report = dir.appendingPathComponent("r.json").path
        let r = try Fixtures.run(
            kiln.path,
            [
                "quantize", cnn, "-o", out, "--mode", mode, "--calibration-random", "4", "--seed",
                "3",
                "--format", "json", "--report", report,
            ])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(summary["mode"] as? String == mode)
        let before = try #require(summary["bytesBefore"] as? Int)
        let after = try #require(summary["bytesAfter"] as? Int)
        #expect(after * 100 <= before * (mode == "fp16" ? 51 : 35), "\(before) → \(after)")
        #expect(FileManager.default.fileExists(atPath: report))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("r.svg").path))
        let diff = try Fixtures.run(
            kiln.path, ["diff", cnn, out, "--seed", "9", "--format", "json"])
        #expect(diff.stdout.contains("cosineSimilarity"))
        let parsed =
            try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any]
        let rows = try #require(parsed?["outputs"] as? [[String: Any]])
        let cosine = try #require(rows.first?["cosineSimilarity"] as? Double)
        #expect(cosine >= 0.99, "\(mode): cosine \(cosine)")
    }

    @Test func convertQuantizeWritesKlite() throws {
        let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
        let dir = try Fixtures.temporaryDirectory("quant-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("q.klite").path
        let r = try Fixtures.run(
            kiln.path, ["convert", cnn, "-o", out, "--quantize", "int8-weights"])
        #expect(r.status == 0, "\(r.stderr)")
        let run = try Fixtures.run(kiln.path, ["run", out, "--seed", "1"])
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func badCalibrationExitsTwoWithOneLine() throws {
        let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
        let dir = try Fixtures.temporaryDirectory("quant-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let out = dir.appendingPathComponent("q.onnx").path
        let r = try Fixtures.run(
            kiln.path,
            ["quantize", cnn, "-o", out, "--mode", "int8-static", "--calibration", empty.path])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("error: ") && r.stderr.contains("no .npy or .npz"))
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: out))
        let noData = try Fixtures.run(
            kiln.path, ["quantize", cnn, "-o", out, "--mode", "int8-static"])
        #expect(noData.status == 2 && noData.stderr.contains("calibration"))
    }

    @Test func targetCosineReportsKeptLayers() throws {
        let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
        let dir = try Fixtures.temporaryDirectory("quant-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("q.onnx").path
        let r = try Fixtures.run(
            kiln.path,
            [
                "quantize", cnn, "-o", out, "--mode", "int8-static", "--calibration-random", "4",
                "--target-cosine", "0.99999999", "--format", "json",
            ])
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let search = try #require(summary["search"] as? [String: Any])
        let reached = try #require(search["reached"] as? Bool)
        #expect(r.status == (reached ? 0 : 1))
        #expect((search["keptFloat"] as? [String])?.isEmpty == false)
    }
}

import Foundation
import KilnIR
import KilnONNX
import KilnTensorFiles
import KilnTestSupport
import Testing

/// Replays every input libFuzzer ever saved (fixtures/fuzz-crashes/<target>/, written by
/// scripts/fuzz.sh) through the same path as its harness: each must now fail cleanly or run.
@Suite struct FuzzRegressionTests {
    static func saved(_ target: String) -> [URL] {
        let dir = Fixtures.directory.appendingPathComponent("fuzz-crashes/\(target)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.map { dir.appendingPathComponent($0) }
    }

    @Test func savedONNXAndRunInputsFailCleanlyOrRun() throws {
        for url in Self.saved("onnx") + Self.saved("run") {
            let o = Pipeline.exerciseONNX(try Data(contentsOf: url), seed: 1)
            #expect(!o.foreignError, "\(url.lastPathComponent): \(String(describing: o.error))")
        }
    }

    @Test func savedJSONInputsFailCleanlyOrRun() throws {
        for url in Self.saved("json") {
            let o = Pipeline.exerciseJSON(try Data(contentsOf: url), sidecar: nil)
            #expect(!o.foreignError, "\(url.lastPathComponent): \(String(describing: o.error))")
        }
    }

    @Test func savedTensorFilesFailCleanly() throws {
        let tensor = ValueType.tensor(TensorType(.float32, shape: nil))
        for url in Self.saved("pb") {
            let data = try Data(contentsOf: url)
            for declared in [nil, ValueType.sequence(tensor), ValueType.optional(tensor)] {
                do { _ = try ONNXValueFile.read(data, declared: declared) } catch is KilnError {}
            }
        }
    }

    /// Saved .npy/.npz inputs (e.g. a truncated deflate stream that once made the inflater loop
    /// forever) throw `KilnError` promptly.
    @Test func savedNumPyInputsFailCleanly() throws {
        for url in Self.saved("npy") {
            do { _ = try NumPyFiles.decode(try Data(contentsOf: url), name: "x") } catch is KilnError {}
        }
        for url in Self.saved("npz") {
            do { _ = try NumPyFiles.readArchive(try Data(contentsOf: url)) } catch is KilnError {}
        }
    }
}

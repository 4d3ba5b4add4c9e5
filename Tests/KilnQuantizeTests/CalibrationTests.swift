import Foundation
import KilnIR
import KilnQuantize
import KilnTensorFiles
import KilnTestSupport
import Testing

/// Bad calibration input (issue 10 point 6): a clear error naming the file, never a crash or a
/// silently broken model.
@Suite struct CalibrationTests {
    let graph: Graph

    init() throws { graph = try QuantFixtures.model("small_cnn").graph }

    func folder(_ files: [(String, [(String, Tensor)])]) throws -> URL {
        let dir = try Fixtures.temporaryDirectory("calib")
        for (name, tensors) in files {
            let url = dir.appendingPathComponent(name)
            if name.hasSuffix(".npz") {
                try NumPyFiles.writeArchive(tensors).write(to: url)
            } else {
                try NumPyFiles.encode(tensors[0].1).write(to: url)
            }
        }
        return dir
    }

    func image(_ shape: [Int64] = [1, 3, 16, 16], _ v: Float = 0.5) -> Tensor {
        Tensor(shape: shape, values: [Float](repeating: v, count: shape.reduce(1) { $0 * Int($1) }))
    }

    func error(_ dir: URL) -> KilnError? {
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            _ = try CalibrationSet.load(directory: dir.path, graph: graph)
            return nil
        } catch let e as KilnError {
            return e
        } catch {
            return nil
        }
    }

    @Test func readsNpzAndNpySamplesInNameOrder() throws {
        let dir = try folder([
            ("b.npz", [("x", image())]), ("a.npz", [("x", image([1, 3, 16, 16], 0.25))]),
            ("x.7.npy", [("x", image())]),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let set = try CalibrationSet.load(directory: dir.path, graph: graph)
        #expect(set.samples.count == 3)
        #expect(set.labels[0].hasSuffix("a.npz"))
        #expect(set.samples[0]["x"]?.tensor?.values(as: Float.self)?.first == 0.25)
    }

    @Test func emptyFolder() throws {
        let e = try #require(error(try folder([])))
        #expect(e.code == .usage)
        #expect(e.message.contains("no .npy or .npz"))
    }

    @Test func notAFolder() throws {
        #expect(throws: KilnError.self) {
            _ = try CalibrationSet.load(directory: "/nonexistent/calibration", graph: graph)
        }
    }

    @Test func wrongShape() throws {
        let e = try #require(error(try folder([("s.npz", [("x", image([1, 3, 8, 8]))])])))
        #expect(e.code == .shapeMismatch)
        #expect(e.location.value == "x" && e.location.file?.hasSuffix("s.npz") == true)
    }

    @Test func wrongRank() throws {
        let e = try #require(error(try folder([("s.npz", [("x", image([3, 16, 16]))])])))
        #expect(e.code == .shapeMismatch)
    }

    @Test func wrongType() throws {
        let t = Tensor(shape: [1, 3, 16, 16], values: [Int64](repeating: 1, count: 768))
        let e = try #require(error(try folder([("s.npz", [("x", t)])])))
        #expect(e.code == .typeMismatch)
    }

    @Test func unknownAndMissingInputs() throws {
        let e = try #require(error(try folder([("s.npz", [("x", image()), ("y", image())])])))
        #expect(e.message.contains("'y' is not"))
        let e2 = try #require(error(try folder([("s.npz", [("y", image())])])))
        #expect(e2.code == .malformedInput)
    }

    @Test(arguments: [Float.nan, .infinity, -.infinity])
    func nonFiniteData(_ bad: Float) throws {
        var values = [Float](repeating: 0.1, count: 768)
        values[5] = bad
        let e = try #require(
            error(try folder([("s.npz", [("x", Tensor(shape: [1, 3, 16, 16], values: values))])])))
        #expect(e.code == .malformedInput)
        #expect(e.message.contains("element 5"))
    }

    @Test func truncatedFile() throws {
        let dir = try Fixtures.temporaryDirectory("calib")
        try Data("PK\u{3}\u{4}garbage".utf8).write(to: dir.appendingPathComponent("bad.npz"))
        let e = try #require(error(dir))
        #expect(e.location.file?.hasSuffix("bad.npz") == true)
    }

    @Test func randomSamplesAreSeeded() throws {
        let a = try CalibrationSet.random(graph: graph, count: 2, seed: 5)
        let b = try CalibrationSet.random(graph: graph, count: 2, seed: 5)
        let c = try CalibrationSet.random(graph: graph, count: 2, seed: 6)
        #expect(a.samples == b.samples)
        #expect(a.samples != c.samples)
        #expect(throws: KilnError.self) {
            _ = try CalibrationSet.random(graph: graph, count: 0, seed: 1)
        }
    }
}

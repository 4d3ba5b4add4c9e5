import Foundation
import KilnTestSupport
import Testing

/// Writes a float32 .npy with the given shape and values (little-endian, C order).
func writeNpy(_ url: URL, shape: [Int], values: [Float], descr: String = "<f4") throws {
    let dims = shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? "," : "")
    var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': (\(dims)), }"
    let total = 10 + header.utf8.count + 1
    header += String(repeating: " ", count: (64 - total % 64) % 64) + "\n"
    var d = Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])
    d.append(contentsOf: [UInt8(header.utf8.count & 0xff), UInt8(header.utf8.count >> 8)])
    d.append(contentsOf: Array(header.utf8))
    values.withUnsafeBytes { d.append(contentsOf: $0) }
    try d.write(to: url)
}

struct RunFixture {
    let kiln: URL
    let dir: URL
    let model: String

    init() throws {
        kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
        dir = try Fixtures.temporaryDirectory("run")
        model = Fixtures.directory.appendingPathComponent("models/tiny_cnn.onnx").path
        let n = 2 * 3 * 16 * 16
        try writeNpy(
            dir.appendingPathComponent("x.npy"), shape: [2, 3, 16, 16],
            values: (0..<n).map { Float($0 % 17) / 17 - 0.5 })
    }

    func run(_ args: [String]) throws -> Fixtures.ProcessResult {
        try Fixtures.run(kiln.path, args, cwd: dir)
    }
}

@Test func runIsDeterministicAndWritesNpz() throws {
    let f = try RunFixture()
    defer { try? FileManager.default.removeItem(at: f.dir) }
    let a = try f.run(["run", f.model, "--input", "input=x.npy", "-o", "a.npz"])
    #expect(a.status == 0, "\(a.stderr)")
    let b = try f.run(["run", f.model, "--input", "input=x.npy", "-o", "b.npz", "--format", "json"])
    #expect(b.status == 0)
    let da = try Data(contentsOf: f.dir.appendingPathComponent("a.npz"))
    let db = try Data(contentsOf: f.dir.appendingPathComponent("b.npz"))
    #expect(da == db, "two runs must give bit-identical outputs")
    // The JSON summary: one output, softmax rows sum to 1.
    let json = try #require(try JSONSerialization.jsonObject(with: Data(b.stdout.utf8)) as? [String: Any])
    let outputs = try #require(json["outputs"] as? [[String: Any]])
    #expect(outputs.first?["name"] as? String == "probs")
    #expect(outputs.first?["shape"] as? [Int] == [2, 10])
    // Feeding the .npz back (a bare archive feeds by member name) is rejected: its member is
    // 'probs', not an input of the model.
    let c = try f.run(["run", f.model, "--input", "a.npz"])
    #expect(c.status == 2)
    #expect(c.stderr.contains("'probs'"), "\(c.stderr)")
}

@Test(arguments: [
    (["--input", "wrong=x.npy"], "'wrong'"),
    ([String](), "'input'"),
    (["--input", "input=bad.npy"], "'input'"),
    (["--input", "input=small.npy"], "'input'"),
    (["--input", "input=int.npy"], "'input'"),
    (["--input", "input=missing.npy"], "missing.npy"),
])
func runRejectsInputsThatDoNotFit(args: [String], mention: String) throws {
    let f = try RunFixture()
    defer { try? FileManager.default.removeItem(at: f.dir) }
    try Data("not numpy".utf8).write(to: f.dir.appendingPathComponent("bad.npy"))
    try writeNpy(f.dir.appendingPathComponent("small.npy"), shape: [1, 3, 8, 8], values: [Float](repeating: 0, count: 192))
    try writeNpy(
        f.dir.appendingPathComponent("int.npy"), shape: [1, 3, 16, 16],
        values: [Float](repeating: 0, count: 768), descr: "<i4")
    let r = try f.run(["run", f.model] + args)
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    #expect(r.stderr.contains(mention), "\(r.stderr)")
}

@Test func diffFindsChangedWeights() throws {
    let f = try RunFixture()
    defer { try? FileManager.default.removeItem(at: f.dir) }
    // Same model through JSON: identical.
    let conv = try f.run(["convert", f.model, "-o", "m.json"])
    #expect(conv.status == 0)
    let same = try f.run(["diff", f.model, "m.json", "--dim", "N=2", "--seed", "3"])
    #expect(same.status == 0, "\(same.stdout) \(same.stderr)")
    // Perturb one weight in the JSON sidecar: diff must report a mismatch and exit 1.
    let bin = f.dir.appendingPathComponent("m.bin")
    var bytes = [UInt8](try Data(contentsOf: bin))
    bytes[3] ^= 0x40
    try Data(bytes).write(to: bin)
    let changed = try f.run(["diff", f.model, "m.json", "--dim", "N=2", "--format", "json"])
    #expect(changed.status == 1, "\(changed.stdout) \(changed.stderr)")
    #expect(changed.stdout.contains("\"withinTolerance\" : false"))
}

@Test(arguments: ["constant_of_shape.onnx", "expand.onnx", "tile.onnx", "range.onnx"])
func hostileShapesAreRefusedNotAllocated(file: String) throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let model = Fixtures.directory.appendingPathComponent("hostile/\(file)").path
    let r = try Fixtures.run(kiln.path, ["run", model])
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    #expect(r.stderr.contains("hostile/\(file)"), "\(r.stderr)")
}

/// A graph whose nodes are out of order (as onnxruntime's fp16 converter writes its input and
/// output Casts) is sorted on load: `convert` and `run` work, `check` still reports K0105, and
/// a real cycle is a clear error (exit 2).
@Test func unsortedGraphsAreSortedOnLoadAndCyclesRejected() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let dir = try Fixtures.temporaryDirectory("cli-unsorted")
    defer { try? FileManager.default.removeItem(at: dir) }
    func model(_ nodes: String) -> String {
        """
        {
          "format": "kiln-json", "version": 1, "irVersion": 8,
          "opsetImports": [{"domain": "", "version": 17}],
          "graph": {
            "name": "g",
            "inputs": [{"name": "x", "type": {"tensor": {"elementType": "float32", "shape": [3]}}}],
            "outputs": [
              {"name": "y", "type": {"tensor": {"elementType": "float32", "shape": [3]}}}
            ],
            "nodes": [\(nodes)]
          }
        }
        """
    }
    let unsorted = dir.appendingPathComponent("unsorted.json")
    try model(
        """
        {"name": "neg", "opType": "Neg", "inputs": ["r"], "outputs": ["y"]},
        {"name": "relu", "opType": "Relu", "inputs": ["x"], "outputs": ["r"]}
        """
    ).write(to: unsorted, atomically: true, encoding: .utf8)
    try writeNpy(dir.appendingPathComponent("x.npy"), shape: [3], values: [-1, 0, 2])
    let run = try Fixtures.run(
        kiln.path, ["run", unsorted.path, "--input", "x=x.npy", "--format", "json"], cwd: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("-2"), "\(run.stdout)")
    let lite = dir.appendingPathComponent("sorted.klite").path
    let convert = try Fixtures.run(kiln.path, ["convert", unsorted.path, "-o", lite])
    #expect(convert.status == 0, "\(convert.stderr)")
    let check = try Fixtures.run(kiln.path, ["check", unsorted.path])
    #expect(check.status == 1 && check.stdout.contains("K0105"), "\(check.stdout)")
    let cyclic = dir.appendingPathComponent("cyclic.json")
    try model(
        """
        {"name": "a", "opType": "Add", "inputs": ["x", "b"], "outputs": ["a"]},
        {"name": "b", "opType": "Relu", "inputs": ["a"], "outputs": ["b"]},
        {"name": "y", "opType": "Neg", "inputs": ["b"], "outputs": ["y"]}
        """
    ).write(to: cyclic, atomically: true, encoding: .utf8)
    let bad = try Fixtures.run(kiln.path, ["convert", cyclic.path, "-o", lite, "--force"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("cycle"), "\(bad.stderr)")
}

import Foundation
import KilnTestSupport
import Testing

// `kiln check FOLDER` (issue 6 point 9): folders are searched recursively for models.

/// A folder tree with models at several depths, a non-model JSON file, a hidden folder and a
/// truncated model.
private func modelTree() throws -> URL {
    let fm = FileManager.default
    let root = fm.temporaryDirectory.appendingPathComponent("kiln-check-dir-\(UUID().uuidString)")
    let models = root.appendingPathComponent("models")
    for sub in ["", "cnn/deep", ".cache", "notes"] {
        try fm.createDirectory(
            at: models.appendingPathComponent(sub), withIntermediateDirectories: true)
    }
    let tiny = Fixtures.directory.appendingPathComponent("models/tiny_cnn.onnx")
    try fm.copyItem(at: tiny, to: models.appendingPathComponent("cnn/deep/tiny.onnx"))
    try fm.copyItem(at: tiny, to: models.appendingPathComponent(".cache/hidden.onnx"))
    // A symbolic link to a model file (as in Hugging Face caches) is a model; a link to a
    // folder is not followed.
    try fm.createSymbolicLink(
        at: models.appendingPathComponent("lstm.onnx"),
        withDestinationURL: Fixtures.directory.appendingPathComponent("models/lstm.onnx"))
    try fm.createSymbolicLink(
        at: models.appendingPathComponent("cnn/loop"), withDestinationURL: models)
    for file in ["small-mlp.json", "small-mlp.bin"] {
        try fm.copyItem(
            at: Fixtures.directory.appendingPathComponent("json/" + file),
            to: models.appendingPathComponent("notes/" + file))
    }
    try Data(#"{"format": "something-else", "graph": 1}"#.utf8)
        .write(to: models.appendingPathComponent("notes/config.json"))
    try Data("not a model".utf8).write(to: models.appendingPathComponent("README.md"))
    return root
}

@Test func checkFindsModelsInFoldersRecursively() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let root = try modelTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let r = try Fixtures.run(kiln.path, ["check", "models", "--format", "json"], cwd: root, timeout: 60)
    #expect(r.status == 0, "\(r.stderr)")
    let report = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let files = (report?["files"] as? [[String: Any]])?.compactMap { $0["file"] as? String }
    // Sorted by path; the hidden folder, README.md and the non-Kiln JSON are not models.
    #expect(files == ["models/cnn/deep/tiny.onnx", "models/lstm.onnx", "models/notes/small-mlp.json"])
    #expect(r.stderr.contains("skipped 1 .json file"), "\(r.stderr)")
}

@Test func checkFolderWithABrokenModelExitsTwo() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let root = try modelTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let tiny = try Data(contentsOf: Fixtures.directory.appendingPathComponent("models/tiny_cnn.onnx"))
    try tiny.prefix(tiny.count / 2).write(to: root.appendingPathComponent("models/cnn/cut.onnx"))
    let r = try Fixtures.run(kiln.path, ["check", "models/"], cwd: root, timeout: 60)
    #expect(r.status == 2)
    #expect(r.stderr.contains("error: models/cnn/cut.onnx:"), "\(r.stderr)")
    #expect(r.stdout.contains("Checked 4 files"), "\(r.stdout)")
}

@Test func checkEmptyFolderIsAUsageError() throws {
    let kiln = try #require(Fixtures.kilnBinary, "kiln binary not built")
    let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("kiln-check-empty-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
        at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let r = try Fixtures.run(kiln.path, ["check", "empty"], cwd: root, timeout: 30)
    #expect(r.status == 2)
    #expect(r.stderr.contains("no .onnx, .klite or Kiln JSON model files"), "\(r.stderr)")
}

import Foundation
import KilnIR
import KilnTestSupport
import Testing

@testable import KilnJSON

/// Checks written documents against `schemas/kiln-json.schema.json` with Python's
/// `jsonschema` (an independent implementation of JSON Schema draft 2020-12), and that
/// Python's own JSON parser sees the same values the Swift writer meant.
@Suite struct SchemaTests {
    static let schema = Fixtures.root.appendingPathComponent("schemas/kiln-json.schema.json")

    static let script = """
        import json, sys
        import jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        failed = 0
        for path in sys.argv[2:]:
            doc = json.load(open(path))
            for e in validator.iter_errors(doc):
                failed += 1
                print(path, "/".join(map(str, e.absolute_path)), e.message[:300])
        sys.exit(1 if failed else 0)
        """

    /// A Python with `jsonschema`: the shared test helper's choice (`$KILN_PYTHON`, `.venv`,
    /// `python3`), else the machine's `/work/venv`.
    static let python: String? = {
        if let p = Fixtures.python(with: ["jsonschema"]) { return p }
        let venv = "/work/venv/bin/python"
        if let r = try? Fixtures.run(venv, ["-c", "import jsonschema"]), r.status == 0 {
            return venv
        }
        return nil
    }()

    /// Runs `python -c script args`; nil when Python or jsonschema is unavailable.
    static func runPython(_ script: String, _ args: [String]) throws
        -> (status: Int32, output: String)?
    {
        guard let python else { return nil }
        let r = try Fixtures.run(python, ["-c", script] + args)
        return (r.status, r.stdout + r.stderr)
    }

    @Test func writtenDocumentsValidateAgainstTheSchema() throws {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("kiln-json-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        let cases: [(String, Model, KilnJSONWriter.Options)] = [
            ("everything-default", SampleModels.everything(), .init()),
            ("everything-inline", SampleModels.everything(), .inline),
            ("everything-base64", SampleModels.everything(), .inlineBase64),
            ("mlp", SampleModels.smallMLP(), .init()),
        ]
        for (name, model, options) in cases {
            let url = dir.appendingPathComponent(name + ".json")
            try KilnJSONWriter(options: options).write(model, sidecarName: name + ".bin").json
                .write(to: url)
            paths.append(url.path)
        }
        paths.append(Fixtures.directory.appendingPathComponent("json/hand-written.json").path)
        guard let (status, output) = try Self.runPython(Self.script, [Self.schema.path] + paths)
        else {
            return Fixtures.skip(#function, "no Python with jsonschema (set KILN_PYTHON)")
        }
        #expect(status == 0, "schema violations:\n\(output)")
    }

    @Test func schemaRejectsBrokenDocuments() throws {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("kiln-json-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Each of these is also rejected by the Swift reader (see ErrorTests).
        let broken = [
            document(attribute: #"{"name": "a", "int": 1, "float": 2}"#),
            document(attribute: #"{"name": "a"}"#),
            document(tensor: #"{"elementType": "float32", "shape": [1]}"#),
            document(tensor: #"{"elementType": "float99", "shape": [1], "values": [1]}"#),
            document(graph: #"{"nodes": [{"opType": "X", "inptus": []}]}"#),
        ]
        for (i, text) in broken.enumerated() {
            #expect(throws: KilnError.self) { _ = try read(text) }
            let url = dir.appendingPathComponent("broken\(i).json")
            try Data(text.utf8).write(to: url)
            guard let (status, _) = try Self.runPython(Self.script, [Self.schema.path, url.path])
            else {
                return Fixtures.skip(#function, "no Python with jsonschema (set KILN_PYTHON)")
            }
            #expect(status == 1, "the schema accepted broken document \(i)")
        }
    }

    @Test func pythonReadsTheSameValues() throws {
        // Python's json module parses big integers exactly and floats as doubles.
        let model = Model(
            graph: Graph(
                initializers: [
                    Tensor(name: "i", shape: [2], values: [Int64.min, 9_007_199_254_740_993]),
                    Tensor(name: "f", shape: [3], values: [Float(0.1), -0.0, 16_777_216]),
                ],
                nodes: [
                    Node(
                        opType: "X", inputs: [], outputs: [],
                        attributes: [Attribute(name: "alpha", value: .float(0.2))])
                ]))
        let (json, _) = try KilnJSONWriter().write(model, sidecarName: "x.bin")
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("kiln-json-\(UUID().uuidString).json")
        try json.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let script = """
            import json, struct, sys
            d = json.load(open(sys.argv[1]))
            g = d["graph"]
            assert g["initializers"][0]["values"] == [-2**63, 2**53 + 1], g["initializers"][0]
            f32 = lambda x: struct.unpack("<f", struct.pack("<f", x))[0]
            vals = g["initializers"][1]["values"]
            assert [f32(v) for v in vals] == [f32(0.1), -0.0, 16777216.0], vals
            assert str(vals[1]) == "-0.0"
            assert f32(g["nodes"][0]["attributes"][0]["float"]) == f32(0.2)
            assert d["format"] == "kiln-json" and d["version"] == 1
            print("ok")
            """
        guard let (status, output) = try Self.runPython(script, [url.path]) else {
            return Fixtures.skip(#function, "no Python with jsonschema (set KILN_PYTHON)")
        }
        #expect(status == 0, "\(output)")
    }
}

import Foundation
import KilnIR
import KilnOps
import KilnTestSupport
import Testing

/// Compares every field of every schema with the live `onnx` package, when Python is available.
///
/// Both sides render each schema into the same canonical line, written independently here and in
/// the Python below (floats as float32 bit patterns, strings as hex, attribute kinds and
/// parameter options as ONNX enum numbers), so neither the generator's text format nor its
/// parser is trusted.
@Suite struct OpSchemaOnnxInteropTests {
    /// `$KILN_PYTHON`, or the venv beside the repository (`../venv/bin/python`).
    static var python: URL? {
        if let env = ProcessInfo.processInfo.environment["KILN_PYTHON"] {
            return URL(fileURLWithPath: env)
        }
        let url = Fixtures.root.deletingLastPathComponent()
            .appendingPathComponent("venv/bin/python")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    static let script = #"""
        import json, struct, sys
        from onnx import defs

        def hexs(b):
            return b.hex()

        def fbits(f):
            return struct.pack("<f", f).hex()

        def default(dv):
            t = dv.type
            if t == 0: return "-"
            if t == 1: return "f:" + fbits(dv.f)
            if t == 2: return "i:" + str(dv.i)
            if t == 3: return "s:" + hexs(dv.s)
            if t == 6: return "fs:" + " ".join(fbits(v) for v in dv.floats)
            if t == 7: return "is:" + " ".join(str(v) for v in dv.ints)
            if t == 8: return "ss:" + " ".join(hexs(v) for v in dv.strings)
            return "?%d" % t

        def param(p):
            return "%s:%s:%d:%d:%d" % (p.name, p.type_str, int(p.option), p.is_homogeneous,
                                       p.min_arity)

        out = {}
        for s in defs.get_all_schemas_with_history():
            key = "%s|%s|%d" % (s.domain, s.name, s.since_version)
            attrs = []
            for n in sorted(s.attributes):
                a = s.attributes[n]
                attrs.append("%s:%d:%d:%s" % (n, int(a.type), a.required, default(a.default_value)))
            out[key] = " | ".join([
                "dep=%d fn=%d ctx=%d in=%d..%d out=%d..%d" % (
                    s.deprecated, s.has_function, s.has_context_dependent_function,
                    s.min_input, s.max_input, s.min_output, s.max_output),
                "I " + " ; ".join(param(p) for p in s.inputs),
                "O " + " ; ".join(param(p) for p in s.outputs),
                "A " + " ; ".join(attrs),
                "T " + " ; ".join(t.type_param_str + ":" + ",".join(t.allowed_type_strs)
                                  for t in s.type_constraints),
            ])
        versions = {d: r[1] for d, r in defs.C.schema_version_map().items()}
        json.dump({"schemas": out, "latest": versions}, sys.stdout)
        """#

    // MARK: - Kiln side of the canonical form

    private static func hex(_ d: Data) -> String { d.map { String(format: "%02x", $0) }.joined() }

    private static func bits(_ f: Float) -> String {
        withUnsafeBytes(of: f.bitPattern.littleEndian) { hex(Data($0)) }
    }

    private static func render(_ v: AttributeValue?) -> String {
        switch v {
        case nil: return "-"
        case .float(let f)?: return "f:" + bits(f)
        case .int(let i)?: return "i:\(i)"
        case .string(let s)?: return "s:" + hex(s)
        case .floats(let fs)?: return "fs:" + fs.map(bits).joined(separator: " ")
        case .ints(let xs)?: return "is:" + xs.map(String.init).joined(separator: " ")
        case .strings(let ss)?: return "ss:" + ss.map(hex).joined(separator: " ")
        case let other?: return "unexpected \(other.kind.name)"
        }
    }

    private static func render(_ p: OpSchema.Parameter) -> String {
        let option: Int
        switch p.option {
        case .single: option = 0
        case .optional: option = 1
        case .variadic: option = 2
        }
        return "\(p.name):\(p.typeString):\(option):\(p.isHomogeneous ? 1 : 0):\(p.minArity)"
    }

    private static func bound(_ n: Int) -> Int { n == Int.max ? 2_147_483_647 : n }

    private static func render(_ s: OpSchema) -> String {
        func b(_ x: Bool) -> Int { x ? 1 : 0 }
        let header =
            "dep=\(b(s.deprecated)) fn=\(b(s.hasFunctionBody)) "
            + "ctx=\(b(s.hasContextDependentFunction)) "
            + "in=\(s.minInputs)..\(bound(s.maxInputs)) out=\(s.minOutputs)..\(bound(s.maxOutputs))"
        let attrs = s.attributes.map {
            "\($0.name):\($0.kind.rawValue):\(b($0.required)):\(render($0.defaultValue))"
        }
        let tcs = s.typeConstraints.map { "\($0.name):" + $0.allowedTypes.joined(separator: ",") }
        return [
            header,
            "I " + s.inputs.map(render).joined(separator: " ; "),
            "O " + s.outputs.map(render).joined(separator: " ; "),
            "A " + attrs.joined(separator: " ; "),
            "T " + tcs.joined(separator: " ; "),
        ].joined(separator: " | ")
    }

    // MARK: - Test

    @Test func everySchemaMatchesOnnx() throws {
        guard let python = Self.python else {
            Fixtures.skip("everySchemaMatchesOnnx", "no Python venv (set KILN_PYTHON)")
            return
        }
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", Self.script]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = Pipe()
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Fixtures.skip("everySchemaMatchesOnnx", "python could not import onnx")
            return
        }
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let reference = try #require(json["schemas"] as? [String: String])
        let latest = try #require(json["latest"] as? [String: Int])

        var kiln: [String: String] = [:]
        for s in OpSchemas.all { kiln["\(s.domain)|\(s.name)|\(s.sinceVersion)"] = Self.render(s) }
        #expect(Set(kiln.keys) == Set(reference.keys))
        var mismatches = 0
        for (key, expected) in reference.sorted(by: { $0.key < $1.key }) {
            guard let actual = kiln[key], actual != expected else { continue }
            mismatches += 1
            if mismatches <= 5 { Issue.record("\(key)\n kiln: \(actual)\n onnx: \(expected)") }
        }
        #expect(mismatches == 0)
        #expect(OpSchemas.latestOpset == latest.mapValues { Int64($0) })
    }
}

/// The committed contrib catalog is what `scripts/gen-contrib-schemas.py` makes from the
/// onnxruntime the tests use, and it parses into the schemas the checker relies on.
@Suite struct ContribSchemaInteropTests {
    @Test func contribCatalogIsUpToDate() throws {
        guard let python = OpSchemaOnnxInteropTests.python else {
            Fixtures.skip("contribCatalogIsUpToDate", "no Python venv (set KILN_PYTHON)")
            return
        }
        let r = try Fixtures.run(
            python.path,
            [Fixtures.root.appendingPathComponent("scripts/gen-contrib-schemas.py").path, "--check"],
            timeout: 120)
        if r.status != 0 && r.stderr.contains("ModuleNotFoundError") {
            Fixtures.skip("contribCatalogIsUpToDate", "python could not import onnxruntime")
            return
        }
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    }

    @Test func contribSchemasParse() throws {
        #expect(OpSchemas.contrib.count == 150)
        let fused = try #require(
            OpSchemas.lookup(domain: "com.microsoft", opType: "FusedConv", opsetVersion: 1))
        #expect(fused.inputs.map(\.name) == ["X", "W", "B", "Z"])
        #expect(fused.attribute("group")?.defaultValue == .int(1))
        #expect(OpSchemas.isKnown(domain: "com.microsoft", opType: "QLinearConv"))
        // The standard catalog is unchanged: exactly onnx's domains.
        #expect(OpSchemas.latestOpset["com.microsoft"] == nil)
        #expect(!OpSchemas.all.contains { $0.domain == "com.microsoft" })
    }
}

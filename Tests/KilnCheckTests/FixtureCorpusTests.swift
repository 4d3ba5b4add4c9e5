import Foundation
import KilnCheck
import KilnIR
import KilnONNX
import KilnOps
import KilnTestSupport
import Testing

/// The broken-model corpus made by scripts/make-check-fixtures.py with onnx.helper.
@Suite struct FixtureCorpusTests {
    static let folder = Fixtures.directory.appendingPathComponent("check")

    /// Tensor rules that ONNXReader already enforces while decoding (it validates every tensor),
    /// so through the reader they surface as load errors instead of findings.
    static let readerEnforced: Set<String> = ["K0301", "K0302", "K0303", "K0304"]

    @Test func everyFixtureReportsItsExpectedCodes() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("expected.json"))
        let expected = try #require(
            try JSONSerialization.jsonObject(with: data) as? [String: [String]])
        #expect(expected.count >= 50)
        for (name, codes) in expected.sorted(by: { $0.key < $1.key }) {
            let url = Self.folder.appendingPathComponent(name + ".onnx")
            let model: Model
            do {
                model = try ONNXReader().read(contentsOf: url)
            } catch {
                // Only reader-enforced tensor rules may turn into a load error.
                #expect(
                    !codes.isEmpty && Set(codes).isSubset(of: Self.readerEnforced),
                    "\(name): unexpected load error \(error)")
                continue
            }
            let found = ModelChecker().check(model)
            let reported = Set(found.map(\.code))
            let errors = Set(found.filter { $0.severity == .error }.map(\.code))
            #expect(
                Set(codes).isSubset(of: reported),
                "\(name): expected \(codes), got \(reported.sorted())")
            #expect(
                errors.isSubset(of: Set(codes)), "\(name): unexpected errors \(errors.sorted())")
            if name.hasPrefix("valid_") {
                #expect(errors.isEmpty, "\(name): \(found.map(\.message))")
            }
        }
    }

    /// Every conformance model that onnx.checker.check_model(full_check=True) accepts must give
    /// zero error-level findings.
    @Test(.tags(.conformance)) func conformanceModelsOnnxAcceptsHaveNoErrors() throws {
        guard let root = Fixtures.conformance else {
            Fixtures.skip(
                "conformanceModelsOnnxAcceptsHaveNoErrors", "../shared/conformance absent")
            return
        }
        // Before the full KilnOps catalog lands, the stub knows only a handful of ops.
        guard OpSchemas.all.count > 500 else {
            Fixtures.skip("conformanceModelsOnnxAcceptsHaveNoErrors", "op schema catalog is a stub")
            return
        }
        guard let python = Fixtures.python(with: ["onnx"]) else {
            Fixtures.skip("conformanceModelsOnnxAcceptsHaveNoErrors", "no Python with onnx")
            return
        }
        let script = """
            import onnx, sys, pathlib
            root = pathlib.Path(sys.argv[1])
            for p in sorted(root.glob("*/*/model.onnx")):
                try:
                    onnx.checker.check_model(str(p), full_check=True)
                    print("ok", p.relative_to(root))
                except Exception:
                    print("rejected", p.relative_to(root))
            """
        let r = try Fixtures.run(python, ["-c", script, root.path])
        try #require(r.status == 0, "\(r.stderr)")
        var accepted: [String] = []
        var rejected = 0
        for line in r.stdout.split(separator: "\n") {
            if line.hasPrefix("ok ") {
                accepted.append(String(line.dropFirst(3)))
            } else {
                rejected += 1
            }
        }
        #expect(accepted.count > 1000)
        var failures: [String: [String]] = [:]
        var checked = 0
        for rel in accepted {
            let model = try ONNXReader().read(contentsOf: root.appendingPathComponent(rel))
            checked += 1
            for f in ModelChecker().check(model) where f.severity == .error {
                failures[f.code, default: []].append("\(rel): \(f.message)")
            }
        }
        print(
            "kiln check conformance: \(checked) models onnx accepts checked, \(rejected) rejected by onnx skipped"
        )
        for (code, list) in failures.sorted(by: { $0.key < $1.key }) {
            Issue.record(
                "\(code) on \(list.count) models, e.g. \(list.prefix(3).joined(separator: " | "))")
        }
    }
}


import Foundation
import KilnCheck
import KilnTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct ReportRendererTests {
    /// A nasty file name and message: XML, JSON and workflow-command metacharacters.
    static let nasty = "we<ird> & \"odd\" 100%,a:b\nnext\rline\u{1}"

    static let reports: [FileReport] = [
        FileReport(file: "z/ok.onnx"),
        FileReport(
            file: "a/broken.onnx",
            findings: [
                Finding(
                    severity: .error, code: "K0102", rule: "undefined-input",
                    message: "Input 'Ghost' is undefined.", node: "Relu#0", value: "Ghost",
                    graphPath: "main"),
                Finding(
                    severity: .warning, code: "K0113", rule: "unused-initializer",
                    message: nasty, value: "U", graphPath: "main"),
                Finding(
                    severity: .info, code: "K0115", rule: "unused-graph-input",
                    message: "Unused.", value: "E"),
            ]),
        FileReport(file: "m/" + nasty + ".onnx", loadError: "truncated protobuf: " + nasty),
    ]

    @Test func textFormat() {
        let out = ReportRenderer.render(Self.reports, format: .text)
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        // 3 findings + 1 load error + summary, each exactly one line.
        #expect(lines.count == 5)
        #expect(
            lines[0] == "a/broken.onnx: error K0102 undefined-input: Input 'Ghost' is undefined. "
                + "[node Relu#0] [value Ghost] [graph main]")
        #expect(lines[1].hasPrefix("a/broken.onnx: warning K0113 unused-initializer: "))
        #expect(lines[3].hasPrefix("m/we<ird>"))
        #expect(lines[3].contains("error K0000 unreadable-model: truncated protobuf"))
        #expect(
            lines[4] == "Checked 3 files: 1 error, 1 warning, 1 info; 1 file could not be read.")
        // Deterministic regardless of input order.
        #expect(ReportRenderer.render(Self.reports.reversed(), format: .text) == out)
    }

    @Test func jsonFormat() throws {
        let out = ReportRenderer.render(Self.reports, format: .json)
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(root["format"] as? String == "kiln-check-report")
        let summary = try #require(root["summary"] as? [String: Int])
        #expect(
            summary == [
                "files": 3, "passed": 1, "failed": 1, "unreadable": 1, "errors": 1, "warnings": 1,
                "infos": 1,
            ])
        let files = try #require(root["files"] as? [[String: Any]])
        #expect(files.map { $0["file"] as? String } == Self.reports.map(\.file).sorted())
        #expect(files.map { $0["status"] as? String } == ["failed", "unreadable", "passed"])
        let findings = try #require(files[0]["findings"] as? [[String: String]])
        #expect(findings[1]["message"] == Self.nasty)
        #expect(findings[2]["node"] == nil)
        // Independent check against the published JSON Schema.
        guard let python = Fixtures.python(with: ["jsonschema"]) else {
            Fixtures.skip("jsonFormat schema validation", "no Python with jsonschema")
            return
        }
        let tmp = FileManager.default.temporaryDirectory
            .appendingPathComponent("kiln-check-\(UUID().uuidString).json")
        try Data(out.utf8).write(to: tmp)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let schema = Fixtures.root.appendingPathComponent("schemas/kiln-check-report.schema.json")
        let script = """
            import json, sys, jsonschema
            jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))
            """
        let r = try Fixtures.run(python, ["-c", script, schema.path, tmp.path])
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test func sarifFormat() throws {
        let out = ReportRenderer.render(Self.reports, format: .sarif)
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(root["version"] as? String == "2.1.0")
        #expect((root["$schema"] as? String)?.contains("sarif") == true)
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids == CheckRules.all.map(\.code))
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 4)
        for r in results {
            let id = try #require(r["ruleId"] as? String)
            let index = try #require(r["ruleIndex"] as? Int)
            #expect(ids[index] == id)
            #expect(["error", "warning", "note"].contains(r["level"] as? String ?? ""))
            #expect((r["message"] as? [String: Any])?["text"] is String)
            let loc = try #require((r["locations"] as? [[String: Any]])?.first)
            let uri =
                (((loc["physicalLocation"] as? [String: Any])?["artifactLocation"]
                    as? [String: Any])?["uri"] as? String) ?? ""
            #expect(!uri.isEmpty && !uri.contains(" ") && !uri.contains("\n"))
            #expect(URL(string: uri) != nil)
        }
        let first = results[0]
        let logical =
            ((first["locations"] as? [[String: Any]])?.first?["logicalLocations"]
            as? [[String: Any]])?.first
        #expect(logical?["name"] as? String == "Relu#0")
        #expect(logical?["fullyQualifiedName"] as? String == "main/Relu#0")
        #expect(results.map { $0["level"] as? String } == ["error", "warning", "note", "error"])
    }

    /// Collects testcase attributes and element names with the platform XML parser.
    final class JUnitCollector: NSObject, XMLParserDelegate {
        var cases: [String] = []
        var elements: [String] = []
        var suite: [String: String] = [:]
        var failureMessages: [String] = []
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            elements.append(name)
            if name == "testsuite" { suite = attributes }
            if name == "testcase" { cases.append(attributes["name"] ?? "") }
            if name == "error" || name == "failure" {
                failureMessages.append(attributes["message"] ?? "")
            }
        }
    }

    @Test func junitFormatIsWellFormedAndEscaped() throws {
        let out = ReportRenderer.render(Self.reports, format: .junit)
        let parser = XMLParser(data: Data(out.utf8))
        let c = JUnitCollector()
        parser.delegate = c
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(c.elements.filter { $0 == "testsuite" }.count == 1)
        #expect(c.suite["tests"] == "3")
        #expect(c.suite["failures"] == "1")
        #expect(c.suite["errors"] == "1")
        // Attribute values decode back to the original text (the control char becomes U+FFFD).
        let expectedName =
            "m/" + Self.nasty.replacingOccurrences(of: "\u{1}", with: "\u{FFFD}") + ".onnx"
        #expect(c.cases == ["a/broken.onnx", expectedName, "z/ok.onnx"])
        #expect(c.elements.contains("failure") && c.elements.contains("error"))
        #expect(
            c.failureMessages.contains { $0.hasPrefix("truncated protobuf: we<ird> & \"odd\"") })
    }

    @Test func githubFormatEscaping() {
        let out = ReportRenderer.render(Self.reports, format: .github)
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(
            lines[0] == "::error file=a/broken.onnx,title=K0102 undefined-input::Input 'Ghost' is "
                + "undefined. [node Relu#0] [value Ghost] [graph main]")
        // Per GitHub's docs: data escapes % CR LF; properties also escape : and ,.
        #expect(
            lines[1].hasPrefix(
                "::warning file=a/broken.onnx,title=K0113 unused-initializer::"
                    + "we<ird> & \"odd\" 100%25,a:b%0Anext%0Dline\u{1}"))
        #expect(lines[2].hasPrefix("::notice "))
        #expect(lines[3].hasPrefix("::error file=m/we<ird> & \"odd\" 100%25%2Ca%3Ab%0Anext%0Dline"))
    }
}

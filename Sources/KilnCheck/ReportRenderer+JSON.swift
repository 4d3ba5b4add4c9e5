import Foundation

// MARK: - json and sarif (both built from Encodable values, encoded with sorted keys)

extension ReportRenderer {
    struct Counts: Encodable {
        var error: Int, warning: Int, info: Int
    }
    struct JSONFile: Encodable {
        var file: String
        /// `passed`, `failed` (has errors) or `unreadable`.
        var status: String
        var loadError: String?
        var counts: Counts
        var findings: [Finding]
    }
    struct JSONSummary: Encodable {
        var files: Int, passed: Int, failed: Int, unreadable: Int
        var errors: Int, warnings: Int, infos: Int
    }
    struct JSONTool: Encodable {
        var name: String, version: String
    }
    struct JSONReport: Encodable {
        var format: String
        var formatVersion: Int
        var tool: JSONTool
        var summary: JSONSummary
        var files: [JSONFile]
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and integers cannot fail; a failure is a bug.
        guard let data = try? encoder.encode(value) else {
            preconditionFailure("encoding a check report failed")
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func json(_ reports: [FileReport]) -> String {
        let t = Totals(reports)
        let files = reports.map { r in
            JSONFile(
                file: r.file,
                status: r.loadError != nil ? "unreadable" : (r.failed ? "failed" : "passed"),
                loadError: r.loadError,
                counts: Counts(
                    error: r.count(.error), warning: r.count(.warning), info: r.count(.info)),
                findings: r.findings)
        }
        let report = JSONReport(
            format: "kiln-check-report", formatVersion: jsonFormatVersion,
            tool: JSONTool(name: "kiln", version: toolVersion),
            summary: JSONSummary(
                files: t.files, passed: t.files - t.failed, failed: t.failed - t.unreadable,
                unreadable: t.unreadable, errors: t.errors, warnings: t.warnings, infos: t.infos),
            files: files)
        return encode(report)
    }

    // MARK: - SARIF 2.1.0

    struct SText: Encodable { var text: String }
    struct SConfig: Encodable { var level: String }
    struct SRule: Encodable {
        var id: String
        var name: String
        var shortDescription: SText
        var defaultConfiguration: SConfig
    }
    struct SDriver: Encodable {
        var name: String
        var version: String
        var semanticVersion: String
        var informationUri: String
        var rules: [SRule]
    }
    struct STool: Encodable { var driver: SDriver }
    struct SArtifactLocation: Encodable { var uri: String }
    struct SPhysical: Encodable { var artifactLocation: SArtifactLocation }
    struct SLogical: Encodable {
        var name: String
        var fullyQualifiedName: String?
        var kind: String?
    }
    struct SLocation: Encodable {
        var physicalLocation: SPhysical
        var logicalLocations: [SLogical]?
    }
    struct SResult: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: SText
        var locations: [SLocation]
    }
    struct SArtifact: Encodable { var location: SArtifactLocation }
    struct SRun: Encodable {
        var tool: STool
        var artifacts: [SArtifact]
        var results: [SResult]
    }
    struct SLog: Encodable {
        var schema: String
        var version: String
        var runs: [SRun]
        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    static func sarifLevel(_ s: Finding.Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// A relative URI reference for a file path (percent-encoded, `/` separators kept).
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    static func sarif(_ reports: [FileReport]) -> String {
        let rules = RuleInfo.all
        var index: [String: Int] = [:]
        for (i, r) in rules.enumerated() { index[r.code] = i }
        let sRules = rules.map {
            SRule(
                id: $0.code, name: $0.name, shortDescription: SText(text: $0.summary),
                defaultConfiguration: SConfig(level: sarifLevel($0.severity)))
        }
        var results: [SResult] = []
        for r in reports {
            let physical = SPhysical(artifactLocation: SArtifactLocation(uri: uri(r.file)))
            if let e = r.loadError {
                let rule = RuleInfo.unreadableModel
                results.append(
                    SResult(
                        ruleId: rule.code, ruleIndex: index[rule.code] ?? 0, level: "error",
                        message: SText(text: e),
                        locations: [SLocation(physicalLocation: physical, logicalLocations: nil)]))
            }
            for f in r.findings {
                var logical: [SLogical] = []
                if let n = f.node {
                    logical.append(
                        SLogical(
                            name: n, fullyQualifiedName: f.graphPath.map { "\($0)/\(n)" },
                            kind: "function"))
                } else if let v = f.value {
                    logical.append(
                        SLogical(
                            name: v, fullyQualifiedName: f.graphPath.map { "\($0)/\(v)" },
                            kind: "variable"))
                }
                results.append(
                    SResult(
                        ruleId: f.code, ruleIndex: index[f.code] ?? -1,
                        level: sarifLevel(f.severity),
                        message: SText(text: f.message + locationSuffix(f)),
                        locations: [
                            SLocation(
                                physicalLocation: physical,
                                logicalLocations: logical.isEmpty ? nil : logical)
                        ]))
            }
        }
        var seen = Set<String>()
        let artifacts = reports.compactMap { r -> SArtifact? in
            seen.insert(r.file).inserted ? SArtifact(location: .init(uri: uri(r.file))) : nil
        }
        let log = SLog(
            schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0",
            runs: [
                SRun(
                    tool: STool(
                        driver: SDriver(
                            name: "kiln", version: toolVersion, semanticVersion: toolVersion,
                            informationUri: "https://github.com/kiln/kiln", rules: sRules)),
                    artifacts: artifacts, results: results)
            ])
        return encode(log)
    }
}

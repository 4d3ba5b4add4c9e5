import Foundation

/// Output formats of `kiln check`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// One line per finding plus a summary line (the default).
    case text
    /// Kiln's stable JSON report (`schemas/kiln-check-report.md`).
    case json
    /// SARIF 2.1.0, for code-scanning dashboards.
    case sarif
    /// JUnit XML: one test case per model.
    case junit
    /// GitHub Actions workflow commands (`::error file=...::message`).
    case github
}

/// Renders check results. Output is deterministic: files sorted by path, findings in model
/// order within a file.
public enum ReportRenderer {
    /// The version written into JSON and SARIF reports.
    public static let toolVersion = "0.1.0"
    /// Version of the JSON report layout (`schemas/kiln-check-report.md`).
    public static let jsonFormatVersion = 1

    public static func render(_ reports: [FileReport], format: ReportFormat) -> String {
        let sorted = sortedReports(reports)
        switch format {
        case .text: return text(sorted)
        case .json: return json(sorted)
        case .sarif: return sarif(sorted)
        case .junit: return junit(sorted)
        case .github: return github(sorted)
        }
    }

    /// Reports sorted by file path (stable for equal paths).
    static func sortedReports(_ reports: [FileReport]) -> [FileReport] {
        reports.enumerated().sorted { a, b in
            a.element.file != b.element.file ? a.element.file < b.element.file : a.offset < b.offset
        }.map(\.element)
    }

    /// `[node X] [value Y] [graph P]`, only the parts that are known.
    static func locationSuffix(_ f: Finding) -> String {
        var parts: [String] = []
        if let n = f.node { parts.append("[node \(n)]") }
        if let v = f.value { parts.append("[value \(v)]") }
        if let g = f.graphPath { parts.append("[graph \(g)]") }
        return parts.isEmpty ? "" : " " + parts.joined(separator: " ")
    }

    static func plural(_ n: Int, _ word: String) -> String {
        "\(n) \(word)\(n == 1 ? "" : "s")"
    }

    /// Totals over all reports.
    struct Totals {
        var files = 0, errors = 0, warnings = 0, infos = 0, unreadable = 0, failed = 0
        init(_ reports: [FileReport]) {
            files = reports.count
            for r in reports {
                errors += r.count(.error)
                warnings += r.count(.warning)
                infos += r.count(.info)
                if r.loadError != nil { unreadable += 1 }
                if r.failed { failed += 1 }
            }
        }
    }

    // MARK: - text

    static func text(_ reports: [FileReport]) -> String {
        var out = ""
        for r in reports {
            let file = oneLine(r.file)
            if let e = r.loadError {
                let rule = RuleInfo.unreadableModel
                out += "\(file): error \(rule.code) \(rule.name): \(oneLine(e))\n"
            }
            for f in r.findings {
                out +=
                    "\(file): \(f.severity.rawValue) \(f.code) \(f.rule): "
                    + "\(oneLine(f.message))\(oneLine(locationSuffix(f)))\n"
            }
        }
        let t = Totals(reports)
        var summary =
            "Checked \(plural(t.files, "file")): \(plural(t.errors, "error")), "
            + "\(plural(t.warnings, "warning")), \(plural(t.infos, "info"))"
        if t.unreadable > 0 { summary += "; \(plural(t.unreadable, "file")) could not be read" }
        out += summary + ".\n"
        return out
    }

    /// Newlines and carriage returns replaced by spaces, so one finding stays one line.
    static func oneLine(_ s: String) -> String {
        String(s.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }

    // MARK: - github

    static func github(_ reports: [FileReport]) -> String {
        var out = ""
        for r in reports {
            let file = escapeProperty(r.file)
            if let e = r.loadError {
                let rule = RuleInfo.unreadableModel
                out +=
                    "::error file=\(file),title=\(escapeProperty("\(rule.code) \(rule.name)"))"
                    + "::\(escapeData(e))\n"
            }
            for f in r.findings {
                let command: String
                switch f.severity {
                case .error: command = "error"
                case .warning: command = "warning"
                case .info: command = "notice"
                }
                let title = escapeProperty("\(f.code) \(f.rule)")
                out +=
                    "::\(command) file=\(file),title=\(title)::"
                    + "\(escapeData(f.message + locationSuffix(f)))\n"
            }
        }
        return out
    }

    /// Workflow-command message escaping (`%`, CR, LF).
    static func escapeData(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Workflow-command property escaping: data escaping plus `:` and `,`.
    static func escapeProperty(_ s: String) -> String {
        var out = ""
        for u in escapeData(s).unicodeScalars {
            switch u {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

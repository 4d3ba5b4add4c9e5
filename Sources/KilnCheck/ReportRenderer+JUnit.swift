// MARK: - junit

extension ReportRenderer {
    /// One `<testsuite>`; one `<testcase>` per model with `<failure>` when it has errors and
    /// `<error>` when it could not be loaded. Warnings and infos go to `<system-out>`.
    static func junit(_ reports: [FileReport]) -> String {
        let t = Totals(reports)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<testsuite name=\"kiln check\" tests=\"\(t.files)\" "
            + "failures=\"\(t.failed - t.unreadable)\" errors=\"\(t.unreadable)\" skipped=\"0\">\n"
        for r in reports {
            out += "  <testcase classname=\"kiln.check\" name=\"\(xml(r.file))\""
            let errors = r.findings.filter { $0.severity == .error }
            let others = r.findings.filter { $0.severity != .error }
            if r.loadError == nil && r.findings.isEmpty {
                out += "/>\n"
                continue
            }
            out += ">\n"
            if let e = r.loadError {
                out +=
                    "    <error message=\"\(xml(e))\" type=\"\(RuleInfo.unreadableModel.name)\"/>\n"
            }
            if let first = errors.first {
                let message =
                    errors.count == 1
                    ? first.message : "\(plural(errors.count, "error")); first: \(first.message)"
                out += "    <failure message=\"\(xml(message))\" type=\"\(xml(first.rule))\">"
                out += xml(errors.map(line).joined(separator: "\n"))
                out += "</failure>\n"
            }
            if !others.isEmpty {
                out +=
                    "    <system-out>" + xml(others.map(line).joined(separator: "\n"))
                    + "</system-out>\n"
            }
            out += "  </testcase>\n"
        }
        out += "</testsuite>\n"
        return out
    }

    private static func line(_ f: Finding) -> String {
        "\(f.severity.rawValue) \(f.code) \(f.rule): \(f.message)\(locationSuffix(f))"
    }

    /// XML-escapes text for attributes and content; characters XML 1.0 cannot carry are
    /// replaced by U+FFFD.
    static func xml(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default:
                let v = u.value
                let allowed =
                    (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD)
                    || (v >= 0x10000 && v <= 0x10FFFF)
                if allowed { out.unicodeScalars.append(u) } else { out += "\u{FFFD}" }
            }
        }
        return out
    }
}
